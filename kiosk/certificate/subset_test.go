package certificate

import (
	"testing"

	"github.com/govkiosk/kiosk/kiosk/fonts"
)

// A subset holds the glyphs asked for and no others, with the original metrics, and is
// a font both kiosk/fonts and gofpdf (TestProofs*) read.
func TestSubset(t *testing.T) {
	r := renderer(t)
	if err := r.load(); err != nil {
		t.Fatal(err)
	}
	want := []rune("王建国喆堃赟燊。（）AZaz09")
	sub, err := r.font.subset(want)
	if err != nil {
		t.Fatal(err)
	}
	if len(sub) > len(r.ttf)/100 {
		t.Errorf("subset of %d characters is %d bytes, font %d", len(want), len(sub), len(r.ttf))
	}
	got, err := parseSFNT(sub)
	if err != nil {
		t.Fatalf("subset does not parse: %v", err)
	}
	if len(got.cmap) != len(want) {
		t.Errorf("subset maps %d characters, want %d", len(got.cmap), len(want))
	}
	for _, c := range want {
		g, ok := got.cmap[c]
		if !ok {
			t.Errorf("%q lost", c)
			continue
		}
		oldAdv, oldLSB := r.font.metrics(r.font.cmap[c])
		adv, lsb := got.metrics(g)
		if adv != oldAdv || lsb != oldLSB {
			t.Errorf("%q: metrics %d/%d, want %d/%d", c, adv, lsb, oldAdv, oldLSB)
		}
		// Composite glyphs keep their components, renumbered inside the subset.
		if err := components(got.glyph(g), func(at int) {
			if int(be.Uint16(got.glyph(g)[at:])) >= got.numGlyphs {
				t.Errorf("%q: component outside the subset", c)
			}
		}); err != nil {
			t.Error(err)
		}
	}
	cov, err := fonts.NewCoverage(sub)
	if err != nil {
		t.Fatal(err)
	}
	if m := cov.Missing(string(want)); len(m) != 0 {
		t.Errorf("kiosk/fonts finds %q missing from the subset", m)
	}
	if m := cov.Missing("李"); len(m) != 1 {
		t.Errorf("a character not asked for is in the subset")
	}
}

// Sizes of real glyphs: a hanzi's outline is copied byte for byte (components aside).
func TestSubsetGlyphBytes(t *testing.T) {
	r := renderer(t)
	if err := r.load(); err != nil {
		t.Fatal(err)
	}
	sub, err := r.font.subset([]rune("A"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := parseSFNT(sub)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := got.glyph(got.cmap['A']), r.font.glyph(r.font.cmap['A']); string(a[:len(b)]) != string(b) {
		t.Error("glyph of A changed")
	}
	if got.numGlyphs < 2 {
		t.Errorf("%d glyphs: .notdef and A expected", got.numGlyphs)
	}
}
