package fonts

import (
	"bytes"
	"fmt"
	"unicode"

	"github.com/go-text/typesetting/font"
)

// Coverage answers whether a font has a glyph for a character. Text drawn with a missing
// glyph shows as a box on screen and vanishes silently from a PDF, so every string the
// kiosk shows or prints is checked against it.
type Coverage struct {
	face *font.Face
}

// NewCoverage parses the font's character map.
func NewCoverage(ttf []byte) (*Coverage, error) {
	face, err := font.ParseTTF(bytes.NewReader(ttf))
	if err != nil {
		return nil, fmt.Errorf("fonts: parse: %w", err)
	}
	return &Coverage{face: face}, nil
}

// Missing returns the characters of s the font has no glyph for, each once, ignoring
// white space and control characters.
func (c *Coverage) Missing(s string) []rune {
	var miss []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || seen[r] {
			continue
		}
		seen[r] = true
		if _, ok := c.face.NominalGlyph(r); !ok {
			miss = append(miss, r)
		}
	}
	return miss
}
