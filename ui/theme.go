package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// kioskTheme is a light theme with large type, using the CJK font for all text; in its
// large mode the type is larger still and the colours are high-contrast.
type kioskTheme struct {
	font  fyne.Resource
	large bool
}

// NewTheme returns the kiosk theme drawing text with ttf, a standalone TrueType font.
func NewTheme(ttf []byte) fyne.Theme {
	return &kioskTheme{font: fyne.NewStaticResource("cjk.ttf", ttf)}
}

// withLarge returns a copy of t in the given mode.
func (t *kioskTheme) withLarge(large bool) *kioskTheme {
	c := *t
	c.large = large
	return &c
}

func (t *kioskTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	st := styleFor(t.large)
	switch n {
	case theme.ColorNameBackground:
		return st.background
	case theme.ColorNamePrimary:
		return st.primary
	case theme.ColorNameForeground:
		return st.text
	case theme.ColorNameButton:
		return st.button
	case theme.ColorNameForegroundOnPrimary:
		return st.onPrimary
	}
	if t.large {
		return theme.DefaultTheme().Color(n, theme.VariantDark)
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (t *kioskTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	return t.font
}

func (t *kioskTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(n)
}

func (t *kioskTheme) Size(n fyne.ThemeSizeName) float32 {
	scale := styleFor(t.large).scale
	switch n {
	case theme.SizeNameText:
		return 28 * scale
	case theme.SizeNameHeadingText:
		return 56 * scale
	case theme.SizeNameSubHeadingText:
		return 36 * scale
	case theme.SizeNameCaptionText:
		return 20 * scale
	case theme.SizeNamePadding:
		return 8
	case theme.SizeNameInnerPadding:
		return 16
	}
	return theme.DefaultTheme().Size(n)
}
