package supervisor

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/kiosk/backoff"
)

// fakeClock hands each backoff wait to the test, which decides when it ends.
type fakeClock struct {
	waits chan time.Duration
	fire  chan time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{waits: make(chan time.Duration), fire: make(chan time.Time)}
}

func (c *fakeClock) after(d time.Duration) <-chan time.Time {
	c.waits <- d
	return c.fire
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestFailedServiceRestartsWithGrowingBackoff(t *testing.T) {
	clock := newFakeClock()
	calls := make(chan int)
	n := 0
	s := &Supervisor{
		Log:     quiet(),
		Backoff: backoff.Policy{Min: time.Second, Max: time.Minute, Rand: func() float64 { return 1 }},
		After:   clock.after,
		Now:     func() time.Time { return time.Unix(0, 0) }, // never stable
	}
	s.Add("flaky", Func(func(ctx context.Context) error {
		n++
		calls <- n
		if n <= 3 {
			return errors.New("device went away")
		}
		<-ctx.Done()
		return nil
	}))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- s.Serve(ctx) }()

	for want, wantDelay := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second} {
		if got := <-calls; got != want+1 {
			t.Fatalf("call %d, want %d", got, want+1)
		}
		if d := <-clock.waits; d != wantDelay {
			t.Errorf("backoff %d = %v, want %v", want, d, wantDelay)
		}
		st := s.Statuses()[0]
		if st.State != Backoff || st.Restarts != want+1 || st.LastError != "device went away" {
			t.Errorf("status while waiting: %+v", st)
		}
		clock.fire <- time.Time{}
	}
	<-calls // the fourth run stays up
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Serve returned %v", err)
	}
	if st := s.Statuses()[0]; st.State != Stopped || st.Restarts != 3 {
		t.Errorf("final status %+v", st)
	}
}

func TestPanicIsRestartedNotFatal(t *testing.T) {
	clock := newFakeClock()
	runs := make(chan struct{})
	first := true
	s := &Supervisor{Log: quiet(), After: clock.after}
	s.Add("panicky", Func(func(ctx context.Context) error {
		runs <- struct{}{}
		if first {
			first = false
			panic("driver bug")
		}
		<-ctx.Done()
		return nil
	}))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- s.Serve(ctx) }()
	<-runs
	<-clock.waits
	if st := s.Statuses()[0]; st.Restarts != 1 || st.LastError == "" {
		t.Errorf("status after panic: %+v", st)
	}
	clock.fire <- time.Time{}
	<-runs
	cancel()
	<-done
}

func TestFinishedServiceIsNotRestarted(t *testing.T) {
	s := &Supervisor{Log: quiet(), After: func(time.Duration) <-chan time.Time {
		t.Error("a finished service was scheduled for restart")
		return nil
	}}
	s.Add("oneshot", Func(func(context.Context) error { return nil }))
	if err := s.Serve(context.Background()); err != nil {
		t.Errorf("Serve = %v", err)
	}
	if st := s.Statuses()[0]; st.State != Finished {
		t.Errorf("state %s", st.State)
	}
}

func TestStopDuringBackoff(t *testing.T) {
	clock := newFakeClock()
	s := &Supervisor{Log: quiet(), After: clock.after}
	s.Add("broken", Func(func(context.Context) error { return errors.New("always") }))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- s.Serve(ctx) }()
	<-clock.waits
	cancel()
	<-done
	if st := s.Statuses()[0]; st.State != Stopped {
		t.Errorf("state %s", st.State)
	}
}
