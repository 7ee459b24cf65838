package session

import "time"

// Timing is how long a session may last.
type Timing struct {
	// Idle is how long a screen may go untouched before the session ends; the last
	// Countdown of it is shown with a "continue" button.
	Idle      time.Duration
	Countdown time.Duration
	// Limit ends a session whatever happens.
	Limit time.Duration
}

// DefaultTiming is what a terminal uses unless configured otherwise.
var DefaultTiming = Timing{Idle: 60 * time.Second, Countdown: 15 * time.Second, Limit: 10 * time.Minute}

func (t Timing) withDefaults() Timing {
	if t.Idle <= 0 {
		t.Idle = DefaultTiming.Idle
	}
	if t.Countdown <= 0 || t.Countdown > t.Idle {
		t.Countdown = min(DefaultTiming.Countdown, t.Idle)
	}
	if t.Limit <= 0 {
		t.Limit = DefaultTiming.Limit
	}
	return t
}

type timerKind int

const (
	timerIdle timerKind = iota // the quiet time before the countdown, then each second of it
	timerLimit
	numTimers
)

// timers holds the session's pending timer calls. gen[k] changes whenever timer k is
// stopped or re-armed, so a call that fires after it was stopped does nothing.
type timers struct {
	stopFn [numTimers]func() bool
	gen    [numTimers]uint64
}

func (t *timers) stop(k timerKind) {
	if t.stopFn[k] != nil {
		t.stopFn[k]()
		t.stopFn[k] = nil
	}
	t.gen[k]++
}

func (t *timers) stopAll() {
	for k := range numTimers {
		t.stop(k)
	}
}

// afterLocked arms timer k to call f (with m.mu held) after d, unless it is stopped or
// re-armed first.
func (m *Machine) afterLocked(k timerKind, d time.Duration, f func()) {
	m.timers.stop(k)
	gen := m.timers.gen[k]
	m.timers.stopFn[k] = m.clock.AfterFunc(d, func() {
		m.mu.Lock()
		if m.timers.gen[k] != gen {
			m.mu.Unlock()
			return
		}
		m.timers.stopFn[k] = nil
		f() // f releases m.mu
	})
}

// armIdleLocked starts the quiet time before the countdown.
func (m *Machine) armIdleLocked() {
	m.afterLocked(timerIdle, m.timing.Idle-m.timing.Countdown, func() {
		m.countdownLocked(int(m.timing.Countdown / time.Second))
	})
}

// countdownLocked shows left seconds and ends the session when they run out.
func (m *Machine) countdownLocked(left int) {
	if left <= 0 {
		m.endLocked("idle")
		m.setLocked(View{Screen: ScreenTakeCard, Language: m.view.Language})
		return
	}
	v := m.view
	v.Countdown = left
	m.afterLocked(timerIdle, time.Second, func() { m.countdownLocked(left - 1) })
	m.setLocked(v)
}

func (m *Machine) armLimitLocked() {
	m.afterLocked(timerLimit, m.timing.Limit, func() {
		m.endLocked("session limit")
		m.setLocked(View{Screen: ScreenTakeCard, Language: m.view.Language})
	})
}

// touchLocked restarts the idle time; during a countdown it also hides the countdown
// (the caller publishes the view).
func (m *Machine) touchLocked() {
	switch m.view.Screen {
	case ScreenPrinting, ScreenPreparing, ScreenSubmitting, ScreenAuthenticating:
		return // the machine works for the citizen: nobody is idle
	}
	if m.card == nil {
		return
	}
	m.view.Countdown = 0
	m.armIdleLocked()
}

// Continue is the countdown's "continue" button: the citizen is still there.
func (m *Machine) Continue() {
	m.mu.Lock()
	if m.card == nil {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	m.setLocked(m.view)
}
