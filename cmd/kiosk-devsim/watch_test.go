package main

// The card watcher against the real driver and the simulator, wired as the agent wires
// them. It lives under cmd/ because only cmd/ may join the core (kiosk/cardwatch) to
// concrete drivers.

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/idcard"
	"github.com/govkiosk/kiosk/devices/sim"
	"github.com/govkiosk/kiosk/kiosk/cardwatch"
)

// tapped signals every command the driver writes, so the test can let polls go by
// without sleeping.
type tapped struct {
	io.ReadWriteCloser
	writes chan struct{}
}

func (t tapped) Write(p []byte) (int, error) {
	select {
	case t.writes <- struct{}{}:
	default:
	}
	return t.ReadWriteCloser.Write(p)
}

func TestWatcherWithDriverAndSimulator(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := sim.NewIDCardReader(sim.IDCardOptions{})
	writes := make(chan struct{}, 1)
	w := cardwatch.New(cardwatch.Config{
		// As s.Opener(idcard.Options{}) does, with a tap on the transport.
		Open: func(ctx context.Context) (devices.CardReader, error) {
			rw, err := s.Pipe(ctx)
			if err != nil {
				return nil, err
			}
			return idcard.New(tapped{rw, writes}, idcard.Options{}), nil
		},
		Poll:       5 * time.Millisecond,
		BackoffMin: 5 * time.Millisecond,
		BackoffMax: 20 * time.Millisecond,
	})
	done := make(chan error, 1)
	go func() { done <- w.Serve(ctx) }()

	next := func(want cardwatch.Kind) cardwatch.Event {
		t.Helper()
		select {
		case ev := <-w.Events():
			if ev.Kind != want {
				t.Fatalf("event %v (%s), want %v", ev.Kind, ev.Reason, want)
			}
			return ev
		case <-time.After(5 * time.Second): // a guard, not a wait
			t.Fatalf("no %v event", want)
		}
		return cardwatch.Event{}
	}
	polls := func(n int) { // let n commands go to the reader
		for range n {
			<-writes
		}
	}

	s.Insert("resident")
	next(cardwatch.CardDetected) // found: the read begins
	ev := next(cardwatch.CardPresented)
	if ev.Card.Number != "44030419580315123X" || ev.Card.Type != devices.CardResident {
		t.Fatalf("card %v", ev.Card)
	}
	polls(10) // the card stays on: no second presentation
	s.Remove()
	next(cardwatch.CardRemoved)

	s.Insert("expired") // expired is the session's business, not a read error
	next(cardwatch.CardDetected)
	if ev := next(cardwatch.CardPresented); !ev.Card.Expired(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)) {
		t.Fatal("the expired card is not expired")
	}
	s.Unplug()
	next(cardwatch.CardRemoved)
	if ev := next(cardwatch.ReaderFault); !errors.Is(ev.Err, devices.ErrDeviceGone) {
		t.Fatalf("fault %v", ev.Err)
	}
	if st := w.Status(); st.ReaderOK {
		t.Fatalf("status %+v", st)
	}
	s.Replug()
	next(cardwatch.ReaderRecovered)
	next(cardwatch.CardDetected)
	next(cardwatch.CardPresented) // the card never left

	s.Remove()
	next(cardwatch.CardRemoved)
	s.SetFault(sim.FaultRemoveMidRead, 1) // pulled during the read: no "unreadable"
	s.Insert("resident")
	next(cardwatch.CardDetected)
	next(cardwatch.CardRemoved)
	s.Insert("inconsistent")
	next(cardwatch.CardDetected)
	next(cardwatch.CardUnreadable)
	s.SetFault(sim.FaultSAMFailure, 0)
	if ev := next(cardwatch.ReaderFault); ev.Reason != "the reader is not working" {
		t.Fatalf("reason %q", ev.Reason)
	}
	s.ClearFaults()
	next(cardwatch.ReaderRecovered)

	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
