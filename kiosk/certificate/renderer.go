package certificate

import (
	"fmt"
	"sync"

	"github.com/govkiosk/kiosk/kiosk/fonts"
)

const fontFamily = "cjk"

// Renderer renders proofs with one CJK TrueType font. The font is parsed once, on
// first use; a Renderer is safe for concurrent use.
type Renderer struct {
	ttf []byte
	// wholeFont hands gofpdf the whole font, as before subsetting: the benchmarks
	// measure what subsetting saves.
	wholeFont bool

	once  sync.Once
	font  *sfnt
	cover *fonts.Coverage
	err   error
}

// NewRenderer returns a renderer using ttf, a standalone TrueType font (see package
// fonts). A font it cannot use is reported by the first render.
func NewRenderer(ttf []byte) *Renderer { return &Renderer{ttf: ttf} }

// load parses the font once: its glyph coverage, and the tables subsets are made from.
func (r *Renderer) load() error {
	r.once.Do(func() {
		if r.cover, r.err = fonts.NewCoverage(r.ttf); r.err != nil {
			r.err = fmt.Errorf("certificate: font: %w", r.err)
			return
		}
		if r.font, r.err = parseSFNT(r.ttf); r.err != nil {
			r.err = fmt.Errorf("certificate: font: %w", r.err)
		}
	})
	return r.err
}
