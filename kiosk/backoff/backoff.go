// Package backoff computes retry delays: exponential growth from a minimum to a cap, with
// full jitter so that a fleet of terminals does not retry in step.
package backoff

import (
	"math/rand/v2"
	"time"
)

// Policy is a retry delay policy. The zero value's fields take the defaults of Default.
type Policy struct {
	Min, Max time.Duration
	// Rand returns a number in [0, 1); nil uses math/rand/v2. Tests inject their own.
	Rand func() float64
}

// Default is 200 ms doubling up to 30 s.
var Default = Policy{Min: 200 * time.Millisecond, Max: 30 * time.Second}

// Delay returns the wait before retry number attempt (0 for the first retry): a random
// duration between half and all of min(Max, Min·2^attempt).
func (p Policy) Delay(attempt int) time.Duration {
	lo, hi := p.Min, p.Max
	if lo <= 0 {
		lo = Default.Min
	}
	if hi <= 0 {
		hi = Default.Max
	}
	d := lo
	for i := 0; i < attempt && d < hi; i++ {
		d *= 2
	}
	d = min(d, hi)
	r := p.Rand
	if r == nil {
		r = rand.Float64
	}
	return d/2 + time.Duration(r()*float64(d/2))
}
