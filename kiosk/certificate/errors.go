package certificate

import "errors"

// ErrMissingGlyph is returned (wrapped, naming the field but never its value) when a
// text to print holds a character the font has no glyph for: printed, it would vanish.
var ErrMissingGlyph = errors.New("character not in the font")
