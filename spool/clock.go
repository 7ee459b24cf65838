package spool

import (
	"math/rand/v2"
	"time"
)

// Clock is the time the spool sees; tests inject a fake one.
type Clock interface {
	Now() time.Time
	// After fires once d has passed.
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Backoff says how long to wait before attempt n (1 for the first retry).
type Backoff func(attempt int) time.Duration

// ExpBackoff doubles from base up to ceiling, with up to a quarter of random jitter.
func ExpBackoff(base, ceiling time.Duration) Backoff {
	return func(attempt int) time.Duration {
		d := base
		for i := 1; i < attempt && d < ceiling; i++ {
			d *= 2
		}
		d = min(d, ceiling)
		if q := int64(d / 4); q > 0 {
			d += time.Duration(rand.Int64N(q))
		}
		return d
	}
}
