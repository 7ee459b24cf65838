package certificate

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
)

// subset returns a TrueType font holding only the glyphs of runes (and .notdef, and the
// components of composite glyphs), renumbered from 0, with the same metrics. Runes the
// font lacks are left out: callers check coverage first. The result is a valid font for
// gofpdf, which subsets it again when it writes the PDF.
func (f *sfnt) subset(runes []rune) ([]byte, error) {
	type entry struct {
		r rune
		g uint16
	}
	var chars []entry
	used := map[uint16]bool{0: true}
	var queue []uint16
	for _, r := range runes {
		if g, ok := f.cmap[r]; ok {
			chars = append(chars, entry{r, g})
			if !used[g] {
				used[g] = true
				queue = append(queue, g)
			}
		}
	}
	for len(queue) > 0 {
		g := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		data := f.glyph(g)
		err := components(data, func(at int) {
			c := be.Uint16(data[at:])
			if int(c) < f.numGlyphs && !used[c] {
				used[c] = true
				queue = append(queue, c)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	old := make([]uint16, 0, len(used))
	for g := range used {
		old = append(old, g)
	}
	slices.Sort(old)
	renum := make(map[uint16]uint16, len(old))
	for i, g := range old {
		renum[g] = uint16(i)
	}

	var glyf, loca, hmtx bytes.Buffer
	for _, g := range old {
		loca.Write(be.AppendUint32(nil, uint32(glyf.Len())))
		start := glyf.Len()
		data := f.glyph(g)
		glyf.Write(data)
		out := glyf.Bytes()[start:]
		err := components(data, func(at int) {
			be.PutUint16(out[at:], renum[be.Uint16(data[at:])])
		})
		if err != nil {
			return nil, err
		}
		for glyf.Len()%4 != 0 {
			glyf.WriteByte(0)
		}
		adv, lsb := f.metrics(g)
		hmtx.Write(be.AppendUint16(be.AppendUint16(nil, adv), lsb))
	}
	loca.Write(be.AppendUint32(nil, uint32(glyf.Len())))

	n := uint16(len(old))
	head := slices.Clone(f.tables["head"])
	be.PutUint32(head[8:], 0)  // checkSumAdjustment: left out, as gofpdf rewrites the font anyway
	be.PutUint16(head[50:], 1) // long loca
	hhea := slices.Clone(f.tables["hhea"])
	be.PutUint16(hhea[34:], n)
	maxp := slices.Clone(f.tables["maxp"])
	be.PutUint16(maxp[4:], n)
	post := slices.Clone(f.tables["post"][:32])
	be.PutUint32(post, 0x00030000) // no glyph names

	sort.Slice(chars, func(i, j int) bool { return chars[i].r < chars[j].r })
	cm := make([][2]uint16, len(chars))
	for i, c := range chars {
		cm[i] = [2]uint16{uint16(c.r), renum[c.g]}
	}
	tables := map[string][]byte{
		"head": head, "hhea": hhea, "maxp": maxp, "post": post,
		"OS/2": f.tables["OS/2"], "name": f.tables["name"],
		"glyf": glyf.Bytes(), "loca": loca.Bytes(), "hmtx": hmtx.Bytes(),
		"cmap": cmapFormat4(cm),
	}
	for _, tag := range []string{"cvt ", "fpgm", "prep", "gasp"} { // hinting, kept as gofpdf keeps it
		if t := f.tables[tag]; t != nil {
			tables[tag] = t
		}
	}
	return writeSFNT(tables)
}

// cmapFormat4 builds a cmap table with one (3,1) format 4 subtable mapping sorted BMP
// characters to glyph ids; runs of consecutive characters with consecutive glyphs
// share a segment.
func cmapFormat4(chars [][2]uint16) []byte {
	type seg struct{ start, end, delta uint16 }
	var segs []seg
	for _, c := range chars {
		if c[0] == 0xFFFF {
			continue
		}
		if k := len(segs) - 1; k >= 0 && segs[k].end+1 == c[0] && segs[k].end+segs[k].delta+1 == c[1] {
			segs[k].end++
			continue
		}
		segs = append(segs, seg{c[0], c[0], c[1] - c[0]})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	pow := 1
	log := 0
	for pow*2 <= n {
		pow *= 2
		log++
	}
	sub := make([]byte, 0, 16+8*n)
	sub = be.AppendUint16(sub, 4)
	sub = be.AppendUint16(sub, uint16(16+8*n)) // length
	sub = be.AppendUint16(sub, 0)              // language
	sub = be.AppendUint16(sub, uint16(2*n))
	sub = be.AppendUint16(sub, uint16(2*pow))
	sub = be.AppendUint16(sub, uint16(log))
	sub = be.AppendUint16(sub, uint16(2*n-2*pow))
	for _, s := range segs {
		sub = be.AppendUint16(sub, s.end)
	}
	sub = be.AppendUint16(sub, 0) // reservedPad
	for _, s := range segs {
		sub = be.AppendUint16(sub, s.start)
	}
	for _, s := range segs {
		sub = be.AppendUint16(sub, s.delta)
	}
	for range segs {
		sub = be.AppendUint16(sub, 0) // idRangeOffset
	}
	out := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	return append(out, sub...)
}

// writeSFNT lays out a font file: the table directory sorted by tag, then the tables,
// each 4-byte aligned, with their checksums.
func writeSFNT(tables map[string][]byte) ([]byte, error) {
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for tag, t := range tables {
		if len(tag) != 4 {
			return nil, fmt.Errorf("%w: table tag %q", errFont, tag)
		}
		tags = append(tags, tag)
		size += (len(t) + 3) &^ 3
	}
	slices.Sort(tags)
	n := len(tags)
	pow, log := 1, 0
	for pow*2 <= n {
		pow *= 2
		log++
	}
	out := make([]byte, 12+16*n, size)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(16*pow))
	be.PutUint16(out[8:], uint16(log))
	be.PutUint16(out[10:], uint16(16*n-16*pow))
	for i, tag := range tags {
		t := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		be.PutUint32(rec[4:], checksum(t))
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(t)))
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += be.Uint32(w[:])
	}
	return sum
}
