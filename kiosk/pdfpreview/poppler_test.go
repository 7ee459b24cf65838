package pdfpreview

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/kiosk/certificate"
	"github.com/govkiosk/kiosk/kiosk/fonts"
)

func testPDF(t testing.TB) []byte {
	t.Helper()
	ttf, err := fonts.Load("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
	if err != nil {
		t.Skipf("the CJK font is not installed (fonts-wqy-microhei): %v", err)
	}
	doc, err := certificate.NewRenderer(ttf).TestPage("a4", time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func poppler(t testing.TB) *Poppler {
	t.Helper()
	p := New()
	if !p.Available() {
		t.Skip("pdftoppm is not installed (.ci/run installs poppler-utils)")
	}
	return p
}

// The first page of an A4 PDF comes back as an A4-shaped picture at DPI, with the page count.
func TestFirstPage(t *testing.T) {
	p := poppler(t)
	img, pages, err := p.FirstPage(t.Context(), testPDF(t))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if w, h := b.Dx(), b.Dy(); w < 480 || w > 510 || h < 690 || h > 715 {
		t.Errorf("a %d×%d picture, want about 496×702 (A4 at %d dpi)", w, h, DPI)
	}
	if pages != 1 {
		t.Errorf("%d pages, want 1", pages)
	}
	// Not blank: the test page has text and frames on it.
	var dark int
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			if r, _, _, _ := img.At(x, y).RGBA(); r < 0x8000 {
				dark++
			}
		}
	}
	if dark < 100 {
		t.Errorf("only %d dark pixels: a blank preview", dark)
	}
}

// Bytes that are not a PDF give an error that does not quote them.
func TestNotAPDF(t *testing.T) {
	p := poppler(t)
	secret := "王建国 44030419580315123X"
	_, _, err := p.FirstPage(t.Context(), []byte(secret))
	if err == nil {
		t.Fatal("no error for a document that is not a PDF")
	}
	if strings.Contains(err.Error(), "44030419580315123X") || strings.Contains(err.Error(), "王建国") {
		t.Errorf("the error quotes the document: %v", err)
	}
}

func TestWithoutPoppler(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	p := New()
	if p.Available() {
		t.Fatal("available with an empty PATH")
	}
	if _, _, err := p.FirstPage(t.Context(), []byte("%PDF")); !errors.Is(err, ErrUnavailable) {
		t.Errorf("err %v, want ErrUnavailable", err)
	}
}

func TestOutputLimit(t *testing.T) {
	l := &limited{n: 4}
	if n, err := l.Write([]byte("abcdef")); n != 6 || err != nil || !l.over || l.buf.String() != "abcd" {
		t.Errorf("wrote %d, %v, over %v, kept %q", n, err, l.over, l.buf.String())
	}
}

// One preview: about 50 ms on the reference machine (docs/certificate.md).
func BenchmarkFirstPage(b *testing.B) {
	p := poppler(b)
	doc := testPDF(b)
	for b.Loop() {
		if _, _, err := p.FirstPage(b.Context(), doc); err != nil {
			b.Fatal(err)
		}
	}
}
