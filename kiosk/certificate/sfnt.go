package certificate

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// sfnt is a TrueType font parsed once: the tables a subset needs, the Unicode (BMP)
// character map and the glyph locations. gofpdf parses the whole font for every
// document it is given (its cmap, hmtx and loca, twice: when the font is added and again
// when the PDF is written), which costs about 20 ms and 30 MB for a CJK font of 50 000
// glyphs; handing it a subset of a few hundred glyphs made from this parse costs little.
type sfnt struct {
	tables      map[string][]byte
	numGlyphs   int
	numHMetrics int
	cmap        map[rune]uint16 // BMP characters to glyph ids, from the (3,1) or (0,x) format 4 subtable
	loca        []uint32        // numGlyphs+1 offsets into glyf
	glyf        []byte
	hmtx        []byte
}

var be = binary.BigEndian

// errFont reports a font this package cannot subset.
var errFont = errors.New("not a TrueType font it can use")

// parseSFNT parses a standalone TrueType font (not a collection: see package fonts).
func parseSFNT(ttf []byte) (*sfnt, error) {
	if len(ttf) < 12 {
		return nil, fmt.Errorf("%w: too short", errFont)
	}
	if v := be.Uint32(ttf); v != 0x00010000 && v != 0x74727565 {
		return nil, fmt.Errorf("%w: sfnt version %#x", errFont, v)
	}
	n := int(be.Uint16(ttf[4:]))
	if 12+16*n > len(ttf) {
		return nil, fmt.Errorf("%w: table directory outside the file", errFont)
	}
	f := &sfnt{tables: make(map[string][]byte, n)}
	for i := range n {
		rec := ttf[12+16*i:]
		off, size := uint64(be.Uint32(rec[8:])), uint64(be.Uint32(rec[12:]))
		if off+size > uint64(len(ttf)) {
			return nil, fmt.Errorf("%w: table %q outside the file", errFont, rec[:4])
		}
		f.tables[string(rec[:4])] = ttf[off : off+size]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "name", "post", "OS/2"} {
		if f.tables[tag] == nil {
			return nil, fmt.Errorf("%w: no %s table", errFont, tag)
		}
	}
	head, hhea, maxp := f.tables["head"], f.tables["hhea"], f.tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || len(f.tables["post"]) < 32 {
		return nil, fmt.Errorf("%w: short head, hhea, maxp or post", errFont)
	}
	f.numGlyphs = int(be.Uint16(maxp[4:]))
	f.numHMetrics = int(be.Uint16(hhea[34:]))
	f.glyf, f.hmtx = f.tables["glyf"], f.tables["hmtx"]
	if f.numHMetrics == 0 || f.numHMetrics > f.numGlyphs || len(f.hmtx) < 4*f.numHMetrics+2*(f.numGlyphs-f.numHMetrics) {
		return nil, fmt.Errorf("%w: bad horizontal metrics", errFont)
	}
	if err := f.parseLoca(be.Uint16(head[50:]) == 1); err != nil {
		return nil, err
	}
	if err := f.parseCmap(); err != nil {
		return nil, err
	}
	return f, nil
}

func (f *sfnt) parseLoca(long bool) error {
	loca := f.tables["loca"]
	f.loca = make([]uint32, f.numGlyphs+1)
	for i := range f.loca {
		switch {
		case long && 4*i+4 <= len(loca):
			f.loca[i] = be.Uint32(loca[4*i:])
		case !long && 2*i+2 <= len(loca):
			f.loca[i] = 2 * uint32(be.Uint16(loca[2*i:]))
		default:
			return fmt.Errorf("%w: short loca", errFont)
		}
		if f.loca[i] > uint32(len(f.glyf)) || i > 0 && f.loca[i] < f.loca[i-1] {
			return fmt.Errorf("%w: bad loca", errFont)
		}
	}
	return nil
}

// parseCmap reads the format 4 Unicode subtable, the one gofpdf reads too.
func (f *sfnt) parseCmap() error {
	cmap := f.tables["cmap"]
	if len(cmap) < 4 {
		return fmt.Errorf("%w: short cmap", errFont)
	}
	var sub []byte
	for i := range int(be.Uint16(cmap[2:])) {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			break
		}
		platform, encoding, off := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:]), int(be.Uint32(cmap[rec+4:]))
		if (platform == 3 && encoding == 1 || platform == 0) && off+14 <= len(cmap) && be.Uint16(cmap[off:]) == 4 {
			sub = cmap[off:]
			break
		}
	}
	if sub == nil {
		return fmt.Errorf("%w: no format 4 Unicode cmap", errFont)
	}
	if l := int(be.Uint16(sub[2:])); l <= len(sub) {
		sub = sub[:l]
	}
	segs := int(be.Uint16(sub[6:]) / 2)
	if 16+8*segs > len(sub) {
		return fmt.Errorf("%w: short cmap subtable", errFont)
	}
	ends, starts := sub[14:], sub[16+2*segs:]
	deltas, ranges := sub[16+4*segs:], sub[16+6*segs:]
	f.cmap = make(map[rune]uint16, 32768)
	for s := range segs {
		start, end := int(be.Uint16(starts[2*s:])), int(be.Uint16(ends[2*s:]))
		delta, ro := be.Uint16(deltas[2*s:]), int(be.Uint16(ranges[2*s:]))
		for c := start; c <= end && c < 0xFFFF; c++ {
			g := uint16(c) + delta
			if ro != 0 {
				at := 16 + 6*segs + 2*s + ro + 2*(c-start)
				if at+2 > len(sub) {
					break
				}
				if g = be.Uint16(sub[at:]); g != 0 {
					g += delta
				}
			}
			if g != 0 && int(g) < f.numGlyphs {
				f.cmap[rune(c)] = g
			}
		}
	}
	return nil
}

// glyph returns a glyph's outline data.
func (f *sfnt) glyph(g uint16) []byte { return f.glyf[f.loca[g]:f.loca[g+1]] }

// metrics returns a glyph's advance width and left side bearing.
func (f *sfnt) metrics(g uint16) (adv, lsb uint16) {
	i := int(g)
	if i < f.numHMetrics {
		return be.Uint16(f.hmtx[4*i:]), be.Uint16(f.hmtx[4*i+2:])
	}
	return be.Uint16(f.hmtx[4*(f.numHMetrics-1):]), be.Uint16(f.hmtx[4*f.numHMetrics+2*(i-f.numHMetrics):])
}

// Composite glyph flags (TrueType glyf table).
const (
	argsAreWords    = 0x0001
	haveScale       = 0x0008
	moreComponents  = 0x0020
	haveXYScale     = 0x0040
	haveTwoByTwo    = 0x0080
	compositeHeader = 10
)

// components calls fn with the offset of each component's glyph index in a composite
// glyph; it does nothing for a simple glyph.
func components(data []byte, fn func(at int)) error {
	if len(data) < compositeHeader || int16(be.Uint16(data)) >= 0 {
		return nil
	}
	for at := compositeHeader; ; {
		if at+4 > len(data) {
			return fmt.Errorf("%w: truncated composite glyph", errFont)
		}
		flags := be.Uint16(data[at:])
		fn(at + 2)
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreComponents == 0 {
			return nil
		}
	}
}
