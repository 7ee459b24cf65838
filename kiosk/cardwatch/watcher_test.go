package cardwatch

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// fakeClock hands every After request to the test, which decides when it fires.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	asked chan request // the watcher has at most one wait pending
}

type request struct {
	d  time.Duration
	ch chan time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC), asked: make(chan request, 1)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	ch := make(chan time.Time, 1)
	c.asked <- request{d, ch}
	return ch
}

// fakeReader is a reader whose card and failures the test sets.
type fakeReader struct {
	mu       sync.Mutex
	card     *devices.Card // on the reader
	lastRead *devices.Card
	err      error // every call fails with it while set
	readErr  error // ReadCard fails with it while a card is on
	// pullOnSelect and pullOnRead take the card away during a stepped read (stepReader).
	pullOnSelect, pullOnRead bool
	closed                   bool
}

func (r *fakeReader) ReadCard(ctx context.Context) (*devices.Card, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case r.err != nil:
		return nil, r.err
	case r.card == nil:
		return nil, fmt.Errorf("fake: find card: %w", devices.ErrNoCard)
	case r.readErr != nil:
		return nil, r.readErr
	}
	r.lastRead = r.card
	c := *r.card
	return &c, nil
}

func (r *fakeReader) CardPresent(ctx context.Context) (bool, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.err != nil {
		return false, r.err
	}
	return r.card != nil && r.card == r.lastRead, nil
}

func (r *fakeReader) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = true
	return nil
}

func (r *fakeReader) set(f func(r *fakeReader)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f(r)
}

// rig runs a watcher over a fake reader with a fake clock.
type rig struct {
	t       *testing.T
	clock   *fakeClock
	w       *Watcher
	reader  *fakeReader
	mu      sync.Mutex
	plugged bool
	steps   bool // the reader reads in steps (a StepReader)
	opens   int
	pending request // the watcher's current wait
}

func newRig(t *testing.T) *rig { return startRig(t, false) }

func startRig(t *testing.T, steps bool) *rig {
	g := &rig{t: t, clock: newFakeClock(), reader: &fakeReader{}, plugged: true, steps: steps}
	g.w = New(Config{
		Open: func(ctx context.Context) (devices.CardReader, error) {
			g.mu.Lock()
			defer g.mu.Unlock()
			g.opens++
			if !g.plugged {
				return nil, fmt.Errorf("fake: open: %w", devices.ErrDeviceGone)
			}
			g.reader.set(func(r *fakeReader) { r.closed, r.err = false, nil })
			if g.steps {
				return stepReader{g.reader}, nil
			}
			return g.reader, nil
		},
		Clock:  g.clock,
		Jitter: func(d time.Duration) time.Duration { return d },
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- g.w.Serve(ctx) }()
	g.next() // opened the reader, waiting for the first poll
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return g
}

// next waits until the watcher waits on the clock again: the poll in between has run
// and every event it sent is in the (buffered) events channel.
func (g *rig) next() {
	g.t.Helper()
	select {
	case g.pending = <-g.clock.asked:
	case <-time.After(5 * time.Second): // a guard against a hung watcher, not a wait
		g.t.Fatal("the watcher never waited on the clock")
	}
}

// step checks how long the watcher waits, lets that time pass, and waits for the poll
// that follows to finish.
func (g *rig) step(want time.Duration) {
	g.t.Helper()
	g.quiet()
	if g.pending.d != want {
		g.t.Fatalf("watcher waits %v, want %v", g.pending.d, want)
	}
	g.clock.mu.Lock()
	g.clock.now = g.clock.now.Add(g.pending.d)
	now := g.clock.now
	g.clock.mu.Unlock()
	g.pending.ch <- now
	g.next()
}

// expect takes the next event sent by the last poll and checks its kind.
func (g *rig) expect(kind Kind) Event {
	g.t.Helper()
	select {
	case ev := <-g.w.Events():
		if ev.Kind != kind {
			g.t.Fatalf("event %v (%s), want %v", ev.Kind, ev.Reason, kind)
		}
		return ev
	default:
		g.t.Fatalf("no %v event", kind)
	}
	return Event{}
}

// quiet checks that no event is left unexamined.
func (g *rig) quiet() {
	g.t.Helper()
	select {
	case ev := <-g.w.Events():
		g.t.Fatalf("unexpected event %v (%s)", ev.Kind, ev.Reason)
	default:
	}
}

const poll = 200 * time.Millisecond

var card = &devices.Card{Type: devices.CardResident, Number: "44030419580315123X"}

func TestOnePresentationThenRemoval(t *testing.T) {
	g := newRig(t)
	g.step(poll) // first poll: no card
	g.reader.set(func(r *fakeReader) { r.card = card })
	g.step(poll)
	ev := g.expect(CardPresented)
	if ev.Card == nil || ev.Card.Number != card.Number {
		t.Fatalf("presented %+v", ev.Card)
	}
	if !g.w.Status().CardPresent {
		t.Error("status: no card")
	}
	for range 10 { // the card stays: no new citizen every 200 ms
		g.step(poll)
	}
	g.reader.set(func(r *fakeReader) { r.card = nil })
	g.step(poll)
	g.expect(CardRemoved) // noticed on the first poll after removal: 200 ms
	g.step(poll)
	g.reader.set(func(r *fakeReader) { r.card = card })
	g.step(poll)
	g.expect(CardPresented) // put back: a new presentation
}

func TestUnplugBackoffAndRecovery(t *testing.T) {
	g := newRig(t)
	g.step(poll)
	g.reader.set(func(r *fakeReader) { r.card = card })
	g.step(poll)
	g.expect(CardPresented)
	g.mu.Lock()
	g.plugged = false
	g.mu.Unlock()
	g.reader.set(func(r *fakeReader) { r.err = fmt.Errorf("fake: transport: %w", devices.ErrDeviceGone) })
	g.step(poll)
	g.expect(CardRemoved)
	ev := g.expect(ReaderFault)
	if ev.Reason != "the reader is not connected" || !errors.Is(ev.Err, devices.ErrDeviceGone) {
		t.Fatalf("fault %q, %v", ev.Reason, ev.Err)
	}
	if st := g.w.Status(); st.ReaderOK || st.Fault == "" || st.CardPresent {
		t.Fatalf("status %+v", st)
	}
	if !g.reader.closed {
		t.Error("the failed reader was not closed")
	}
	// Reopen attempts back off, doubling to the cap, and report nothing new.
	for _, d := range []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second,
		4 * time.Second, 8 * time.Second, 10 * time.Second, 10 * time.Second} {
		g.step(d)
	}
	g.mu.Lock()
	g.plugged = true
	g.mu.Unlock()
	g.step(10 * time.Second) // reopened
	g.step(poll)             // polled: the card is there
	g.expect(ReaderRecovered)
	g.expect(CardPresented)
	if st := g.w.Status(); !st.ReaderOK || !st.CardPresent {
		t.Fatalf("status %+v", st)
	}
	// The backoff starts over after a recovery.
	g.reader.set(func(r *fakeReader) { r.err = fmt.Errorf("fake: %w", devices.ErrReaderFault) })
	g.step(poll)
	g.expect(CardRemoved)
	if ev := g.expect(ReaderFault); ev.Reason != "the reader is not working" {
		t.Fatalf("reason %q", ev.Reason)
	}
	g.step(500 * time.Millisecond)
}

func TestUnreadableCardReportedOnce(t *testing.T) {
	g := newRig(t)
	g.reader.set(func(r *fakeReader) {
		r.card = card
		r.readErr = fmt.Errorf("fake: read: %w", devices.ErrCardUnreadable)
	})
	g.step(poll)
	ev := g.expect(CardUnreadable)
	if !errors.Is(ev.Err, devices.ErrCardUnreadable) {
		t.Fatal(ev.Err)
	}
	for range 5 {
		g.step(poll)
	}
	if !g.w.Status().ReaderOK {
		t.Error("an unreadable card is not a reader fault")
	}
	g.reader.set(func(r *fakeReader) { r.card = nil })
	g.step(poll)
	g.reader.set(func(r *fakeReader) { r.card = card })
	g.step(poll)
	g.expect(CardUnreadable) // presented again: reported again
}

func TestOpenFailsAtStart(t *testing.T) {
	g := newRig(t)
	g.mu.Lock()
	g.plugged = false
	g.mu.Unlock()
	// The watcher opened before the unplug: make its reader fail too.
	g.reader.set(func(r *fakeReader) { r.err = fmt.Errorf("fake: %w", devices.ErrDeviceGone) })
	g.step(poll)
	g.expect(ReaderFault)
	g.step(500 * time.Millisecond)
	g.step(time.Second)
	g.mu.Lock()
	opens := g.opens
	g.mu.Unlock()
	if opens != 3 {
		t.Errorf("%d opens, want 3", opens)
	}
}
