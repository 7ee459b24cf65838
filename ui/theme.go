package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// kioskTheme is a light theme with large type, using the CJK font for all text.
type kioskTheme struct {
	font fyne.Resource
}

// NewTheme returns the kiosk theme drawing text with ttf, a standalone TrueType font.
func NewTheme(ttf []byte) fyne.Theme {
	return &kioskTheme{font: fyne.NewStaticResource("cjk.ttf", ttf)}
}

var (
	colorBackground = color.NRGBA{R: 0xf4, G: 0xf7, B: 0xfb, A: 0xff}
	colorPrimary    = color.NRGBA{R: 0xc8, G: 0x10, B: 0x2e, A: 0xff} // the red of government service halls
	colorText       = color.NRGBA{R: 0x1a, G: 0x1a, B: 0x1a, A: 0xff}
)

func (t *kioskTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameBackground:
		return colorBackground
	case theme.ColorNamePrimary:
		return colorPrimary
	case theme.ColorNameForeground:
		return colorText
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
	switch n {
	case theme.SizeNameText:
		return 28
	case theme.SizeNameHeadingText:
		return 56
	case theme.SizeNameSubHeadingText:
		return 36
	case theme.SizeNameCaptionText:
		return 20
	case theme.SizeNamePadding:
		return 8
	case theme.SizeNameInnerPadding:
		return 16
	}
	return theme.DefaultTheme().Size(n)
}
