package ui

import (
	"image/color"
	"testing"
	"time"
)

func TestPulseColor(t *testing.T) {
	low, high := color.NRGBA{R: 0x10, G: 0x20, B: 0x30, A: 0xff}, color.NRGBA{R: 0x50, G: 0x60, B: 0x70, A: 0xff}
	mid := color.NRGBA{R: 0x30, G: 0x40, B: 0x50, A: 0xff}
	for _, tc := range []struct {
		at   time.Duration
		want color.NRGBA
	}{
		{0, low},
		{pulsePeriod / 4, mid},
		{pulsePeriod / 2, high},
		{pulsePeriod * 3 / 4, mid},
		{pulsePeriod, low},
		{pulsePeriod*7 + pulsePeriod/2, high},
	} {
		if got := pulseColor(low, high, tc.at); got != tc.want {
			t.Errorf("at %v: %v, want %v", tc.at, got, tc.want)
		}
	}
}
