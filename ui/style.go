package ui

import "image/color"

// style is the look of one mode: the standard one, or large type with high contrast.
type style struct {
	scale                                   float32 // multiplies every text size
	background, text, primary, button, band color.Color
	onPrimary                               color.Color // text on primary buttons
	pulseLow, pulseHigh                     color.NRGBA // the attract screen's instruction band
}

var (
	standard = style{
		scale:      1,
		background: color.NRGBA{R: 0xf4, G: 0xf7, B: 0xfb, A: 0xff},
		text:       color.NRGBA{R: 0x1a, G: 0x1a, B: 0x1a, A: 0xff},
		primary:    color.NRGBA{R: 0xc8, G: 0x10, B: 0x2e, A: 0xff}, // the red of government service halls
		button:     color.NRGBA{R: 0xe8, G: 0xea, B: 0xee, A: 0xff},
		band:       color.NRGBA{R: 0xff, G: 0xf0, B: 0xd0, A: 0xff},
		onPrimary:  color.White,
		pulseLow:   color.NRGBA{R: 0xfd, G: 0xe8, B: 0xeb, A: 0xff},
		pulseHigh:  color.NRGBA{R: 0xf6, G: 0xb8, B: 0xc0, A: 0xff},
	}
	// highContrast is white and yellow on black: WCAG contrast above 15:1 for the text.
	highContrast = style{
		scale:      1.35,
		background: color.Black,
		text:       color.White,
		primary:    color.NRGBA{R: 0xff, G: 0xd4, B: 0x00, A: 0xff},
		button:     color.NRGBA{R: 0x33, G: 0x33, B: 0x33, A: 0xff},
		band:       color.NRGBA{R: 0x40, G: 0x30, B: 0x00, A: 0xff},
		onPrimary:  color.Black,
		pulseLow:   color.NRGBA{R: 0x20, G: 0x20, B: 0x20, A: 0xff},
		pulseHigh:  color.NRGBA{R: 0x50, G: 0x50, B: 0x50, A: 0xff},
	}
)

func styleFor(large bool) style {
	if large {
		return highContrast
	}
	return standard
}
