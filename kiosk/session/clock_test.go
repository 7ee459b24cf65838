package session

import (
	"sort"
	"sync"
	"time"
)

// fakeClock runs timer calls only when the test advances it, in time order, on the
// test's goroutine.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	calls []*fakeCall
}

type fakeCall struct {
	at      time.Time
	f       func()
	stopped bool
}

func newFakeClock(t time.Time) *fakeClock { return &fakeClock{now: t} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) AfterFunc(d time.Duration, f func()) func() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	call := &fakeCall{at: c.now.Add(d), f: f}
	c.calls = append(c.calls, call)
	return func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		was := !call.stopped
		call.stopped = true
		return was
	}
}

// Advance moves time forward by d, making every call due on the way.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	end := c.now.Add(d)
	c.mu.Unlock()
	for {
		c.mu.Lock()
		sort.SliceStable(c.calls, func(i, j int) bool { return c.calls[i].at.Before(c.calls[j].at) })
		var next *fakeCall
		for len(c.calls) > 0 && next == nil {
			if c.calls[0].stopped {
				c.calls = c.calls[1:]
				continue
			}
			if c.calls[0].at.After(end) {
				break
			}
			next, c.calls = c.calls[0], c.calls[1:]
		}
		if next == nil {
			c.now = end
			c.mu.Unlock()
			return
		}
		c.now = next.at
		next.stopped = true
		c.mu.Unlock()
		next.f()
	}
}
