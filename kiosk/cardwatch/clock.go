package cardwatch

import (
	"math/rand/v2"
	"time"
)

// Clock is the watcher's time source; tests inject a fake one.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// backoff doubles from min to max, with jitter, and resets on success.
type backoff struct {
	min, max, next time.Duration
	jitter         func(time.Duration) time.Duration
}

func (b *backoff) delay() time.Duration {
	if b.next < b.min {
		b.next = b.min
	}
	d := b.jitter(b.next)
	b.next = min(b.next*2, b.max)
	return d
}

func (b *backoff) reset() { b.next = b.min }

// defaultJitter spreads d over ±20 % so that many kiosks do not retry in step.
func defaultJitter(d time.Duration) time.Duration {
	return time.Duration(float64(d) * (0.8 + 0.4*rand.Float64()))
}
