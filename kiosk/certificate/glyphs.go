package certificate

import (
	"fmt"
	"unicode"
)

// missing counts the characters of s the font cannot show: those its coverage lacks
// (kiosk/fonts, the font's full cmap) and those outside the Unicode map gofpdf reads
// (format 4, the Basic Multilingual Plane). Spaces and control characters need no glyph.
func (r *Renderer) missing(s string) int {
	n := len(r.cover.Missing(s))
	if n > 0 {
		return n
	}
	for _, c := range s {
		if unicode.IsSpace(c) || unicode.IsControl(c) {
			continue
		}
		if _, ok := r.font.cmap[c]; !ok {
			n++
		}
	}
	return n
}

// glyphCheck checks texts before anything is drawn and keeps the first failure. Its
// error names the field and counts the characters, and never holds the text: a field
// may be a name or an ID number, and an error may end up in a log.
type glyphCheck struct {
	r   *Renderer
	err error
}

func (g *glyphCheck) check(field, s string) {
	if g.err != nil {
		return
	}
	if n := g.r.missing(s); n > 0 {
		g.err = fmt.Errorf("certificate: %s: %d character(s): %w", field, n, ErrMissingGlyph)
	}
}
