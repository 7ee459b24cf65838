package fonts

import (
	"bytes"
	"encoding/binary"
	"maps"
	"os"
	"slices"
	"testing"
)

// collection builds a two-font TTC whose first font has the given tables.
func collection(tables map[string][]byte) []byte {
	tags := slices.Sorted(maps.Keys(tables))
	var b bytes.Buffer
	b.WriteString("ttcf")
	binary.Write(&b, binary.BigEndian, uint32(0x00010000))
	binary.Write(&b, binary.BigEndian, uint32(2))
	binary.Write(&b, binary.BigEndian, uint32(20)) // font 0 after the 20-byte header
	binary.Write(&b, binary.BigEndian, uint32(20)) // font 1 shares it
	b.Write([]byte{0, 1, 0, 0})
	binary.Write(&b, binary.BigEndian, uint16(len(tags)))
	b.Write(make([]byte, 6))
	recs := b.Len()
	b.Write(make([]byte, 16*len(tags)))
	out := b.Bytes()
	for i, tag := range tags {
		off := len(out)
		out = append(out, tables[tag]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		r := out[recs+16*i:]
		copy(r, tag)
		binary.BigEndian.PutUint32(r[8:], uint32(off))
		binary.BigEndian.PutUint32(r[12:], uint32(len(tables[tag])))
	}
	return out
}

func TestStandaloneExtractsTheFirstFont(t *testing.T) {
	head := make([]byte, 54)
	copy(head, "HEADDATA")
	in := map[string][]byte{"cmap": []byte("character map"), "glyf": []byte("glyphs!"), "head": head}
	ttf, err := Standalone(collection(in))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ttf[:4], []byte{0, 1, 0, 0}) {
		t.Fatalf("sfnt version %x", ttf[:4])
	}
	n := int(binary.BigEndian.Uint16(ttf[4:6]))
	if n != 3 {
		t.Fatalf("%d tables, want 3", n)
	}
	for i := range n {
		rec := ttf[12+16*i:]
		tag := string(rec[:4])
		off := binary.BigEndian.Uint32(rec[8:])
		length := binary.BigEndian.Uint32(rec[12:])
		got := ttf[off : off+length]
		want := in[tag]
		if tag == "head" {
			got, want = got[:8], want[:8] // checkSumAdjustment at 8 is rewritten
		}
		if !bytes.Equal(got, want) {
			t.Errorf("table %s = %q, want %q", tag, got, want)
		}
		if off%4 != 0 {
			t.Errorf("table %s at unaligned offset %d", tag, off)
		}
	}
	if s := checksum(ttf); s != 0xB1B0AFBA {
		t.Errorf("whole-font checksum %#x, want 0xb1b0afba", s)
	}
}

func TestStandaloneRejectsGarbage(t *testing.T) {
	for name, in := range map[string][]byte{
		"short":      []byte("ttcf"),
		"not a font": []byte("%PDF-1.7 hello world"),
		"empty ttc":  append([]byte("ttcf\x00\x01\x00\x00"), 0, 0, 0, 0),
		"bad offset": append([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01"), 0xff, 0xff, 0xff, 0),
		"bad tables": append(append([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10"), 0, 1, 0, 0, 0, 9), make([]byte, 6)...),
	} {
		if _, err := Standalone(in); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestTTFPassesThrough(t *testing.T) {
	in := append([]byte{0, 1, 0, 0}, make([]byte, 20)...)
	out, err := Standalone(in)
	if err != nil || !bytes.Equal(in, out) {
		t.Errorf("got %v, %v", out, err)
	}
}

const wqy = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

func TestLoadWenQuanYi(t *testing.T) {
	if _, err := os.Stat(wqy); err != nil {
		t.Skip("fonts-wqy-microhei is not installed (.ci/run installs it)")
	}
	ttf, err := Load(wqy)
	if err != nil {
		t.Fatal(err)
	}
	if checksum(ttf) != 0xB1B0AFBA {
		t.Error("extracted font's checksum is off")
	}
}

func TestLoadMissingFileSaysWhatToInstall(t *testing.T) {
	_, err := Load("/nonexistent/font.ttc")
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("fonts-wqy-microhei")) {
		t.Errorf("got %v", err)
	}
}

func TestCoverageOfWenQuanYi(t *testing.T) {
	if _, err := os.Stat(wqy); err != nil {
		t.Skip("fonts-wqy-microhei is not installed (.ci/run installs it)")
	}
	ttf, err := Load(wqy)
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCoverage(ttf)
	if err != nil {
		t.Fatal(err)
	}
	// Rare name characters PLATFORM.md names, Latin, digits and full-width punctuation.
	if m := c.Missing("喆堃赟燊 王建国 ABCxyz 0123 （）。，"); len(m) != 0 {
		t.Errorf("missing %q", string(m))
	}
	// A character from a script the font lacks is reported.
	if m := c.Missing("a\U0001F600b"); string(m) != "\U0001F600" {
		t.Errorf("missing = %q, want the emoji", string(m))
	}
}
