package certificate

import (
	"bytes"
	"errors"
	"fmt"
	"time"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
)

// document is one PDF being drawn with a font subset made for it. Every text goes
// through cell or text, which refuse (and remember) a character outside the subset, so
// no character can vanish from the page unnoticed.
type document struct {
	pdf   *fpdf.Fpdf
	runes map[rune]bool
	err   error
}

// errNotInSubset is a bug: text drawn that the document's texts did not announce.
var errNotInSubset = errors.New("text outside the document's font subset")

// newDocument starts an A4 PDF ("P" portrait or "L" landscape) whose font holds the
// characters of texts, of the layout's fixed labels and of printable ASCII. The caller
// has checked texts against the font's coverage.
func (r *Renderer) newDocument(orientation string, texts []string, now time.Time) (*document, error) {
	if err := r.load(); err != nil {
		return nil, err
	}
	set := make(map[rune]bool, 512)
	for c := rune(0x20); c < 0x7F; c++ {
		set[c] = true
	}
	for _, list := range [][]string{chrome, texts} {
		for _, s := range list {
			for _, c := range s {
				set[c] = true
			}
		}
	}
	runes := make([]rune, 0, len(set))
	for c := range set {
		if _, ok := r.font.cmap[c]; ok {
			runes = append(runes, c)
		} else {
			delete(set, c)
		}
	}
	sub, err := r.font.subset(runes)
	if err != nil {
		return nil, fmt.Errorf("certificate: font subset: %w", err)
	}
	if r.wholeFont {
		sub = r.ttf
	}
	pdf := fpdf.New(orientation, "mm", "A4", "")
	pdf.AliasNbPages("{nb}")
	pdf.SetCreator("kiosk", true)
	pdf.SetCreationDate(now)
	pdf.SetModificationDate(now)
	pdf.AddUTF8FontFromBytes(fontFamily, "", sub)
	pdf.SetFont(fontFamily, "", 10)
	return &document{pdf: pdf, runes: set}, nil
}

// ok reports whether every character of s is in the subset, remembering the first
// failure.
func (d *document) ok(s string) bool {
	for _, c := range s {
		if !d.runes[c] && !unicode.IsSpace(c) && !unicode.IsControl(c) {
			if d.err == nil {
				d.err = errNotInSubset
			}
			return false
		}
	}
	return true
}

// cell is gofpdf's CellFormat behind the subset check.
func (d *document) cell(w, h float64, s, border string, ln int, align string, fill bool) {
	if !d.ok(s) {
		s = ""
	}
	d.pdf.CellFormat(w, h, s, border, ln, align, fill, 0, "")
}

// text is gofpdf's Text behind the subset check.
func (d *document) text(x, y float64, s string) {
	if d.ok(s) {
		d.pdf.Text(x, y, s)
	}
}

// width is a text's width at the current font size, in mm.
func (d *document) width(s string) float64 { return d.pdf.GetStringWidth(s) }

// lines wraps s to width at the current font size (see wrap).
func (d *document) lines(s string, width float64) []string { return wrap(s, width, d.width) }

// output finishes the PDF.
func (d *document) output(what string) ([]byte, error) {
	if d.err != nil {
		return nil, fmt.Errorf("certificate: render %s: %w", what, d.err)
	}
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("certificate: render %s: %w", what, err)
	}
	return buf.Bytes(), nil
}
