package ui

import (
	"image/color"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// The attract screen's band pulses from low to high and back once every pulsePeriod, in
// steps of pulseStep. Fyne's driver repaints the whole window for any change, so an
// animation at the display's frame rate cost 28 % of a core on a screen that shows for
// hours (docs/performance.md); five steps a second still read as a slow pulse.
const (
	pulsePeriod = 3 * time.Second
	pulseStep   = 200 * time.Millisecond
)

// startPulse pulses band's colour between low and high until stop is called; stop may
// be called from any goroutine, more than once.
func startPulse(band *canvas.Rectangle, low, high color.NRGBA) (stop func()) {
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(pulseStep)
		defer tick.Stop()
		start := time.Now()
		for {
			select {
			case <-done:
				return
			case now := <-tick.C:
				c := pulseColor(low, high, now.Sub(start))
				fyne.Do(func() {
					select {
					case <-done: // the screen changed meanwhile
					default:
						band.FillColor = c
						band.Refresh()
					}
				})
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { close(done) }) }
}

// pulseColor is the band's colour at elapsed: low at the start of each period, high at
// its middle, linear in between.
func pulseColor(low, high color.NRGBA, elapsed time.Duration) color.NRGBA {
	phase := float64(elapsed%pulsePeriod) / float64(pulsePeriod) // 0 … 1
	t := 2 * phase
	if t > 1 {
		t = 2 - t
	}
	mix := func(a, b uint8) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*t + 0.5) }
	return color.NRGBA{R: mix(low.R, high.R), G: mix(low.G, high.G), B: mix(low.B, high.B), A: mix(low.A, high.A)}
}
