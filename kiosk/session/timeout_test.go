package session

import (
	"testing"
	"time"
)

var timing = Timing{Idle: 60 * time.Second, Countdown: 15 * time.Second, Limit: 10 * time.Minute}

// drain returns the views published so far.
func drain(views chan View) []View {
	var out []View
	for {
		select {
		case v := <-views:
			out = append(out, v)
		default:
			return out
		}
	}
}

func TestIdleCountdownEndsTheSession(t *testing.T) {
	m, _, views, clock := newTimedMachine(t, timing)
	card := testCard()
	m.CardPresented(card)
	drain(views)

	clock.Advance(44 * time.Second)
	if vs := drain(views); len(vs) != 0 {
		t.Fatalf("views before the countdown: %+v", vs)
	}
	clock.Advance(time.Second)
	if v := m.View(); v.Countdown != 15 || v.Screen != ScreenHome {
		t.Fatalf("at 45 s: %+v", v)
	}
	clock.Advance(5 * time.Second)
	if v := m.View(); v.Countdown != 10 {
		t.Fatalf("at 50 s: countdown %d, want 10", v.Countdown)
	}
	clock.Advance(10 * time.Second)
	if v := m.View(); v.Screen != ScreenTakeCard || v.Greeting != "" || v.Countdown != 0 {
		t.Fatalf("at 60 s: %+v", v)
	}
	if card.Number != "" || m.Status().Active {
		t.Error("the timed-out session was not wiped")
	}
	// The card still on the reader is not a new citizen; taking it returns to attract.
	m.CardRemoved()
	if v := m.View(); v.Screen != ScreenAttract {
		t.Errorf("after removal: %+v", v)
	}
}

func TestContinueAndTouchesRestartTheIdleTime(t *testing.T) {
	m, _, views, clock := newTimedMachine(t, timing)
	m.CardPresented(testCard())
	clock.Advance(50 * time.Second)
	if m.View().Countdown == 0 {
		t.Fatal("no countdown at 50 s")
	}
	m.Continue()
	if v := m.View(); v.Countdown != 0 {
		t.Fatalf("countdown still shown after continue: %+v", v)
	}
	clock.Advance(44 * time.Second)
	if v := m.View(); v.Countdown != 0 || v.Screen != ScreenHome {
		t.Fatalf("44 s after continue: %+v", v)
	}
	m.SetLanguage("en") // any intent is a touch
	clock.Advance(44 * time.Second)
	if v := m.View(); v.Countdown != 0 || !m.Status().Active {
		t.Fatalf("44 s after a touch: %+v", v)
	}
	clock.Advance(16 * time.Second)
	if m.Status().Active {
		t.Error("session outlived its idle time")
	}
	drain(views)
}

func TestNoCountdownWhilePrinting(t *testing.T) {
	m, p, _, clock := newTimedMachine(t, timing)
	m.CardPresented(testCard())
	m.OpenItem("HRSS-0001")
	printConfirmed(t, m)
	<-p.jobs
	clock.Advance(5 * time.Minute) // a slow printer
	if v := m.View(); v.Screen != ScreenPrinting || v.Countdown != 0 {
		t.Fatalf("while printing: %+v", v)
	}
	p.answers <- nil
	if err := m.Wait(t.Context()); err != nil {
		t.Fatal(err)
	}
	if v := m.View(); v.Screen != ScreenPrinted {
		t.Fatalf("after printing: %+v", v)
	}
	clock.Advance(60 * time.Second) // idle counts again once the paper is out
	if m.Status().Active {
		t.Error("the idle time did not restart after printing")
	}
}

func TestSessionLimit(t *testing.T) {
	m, _, _, clock := newTimedMachine(t, Timing{Idle: time.Minute, Countdown: 10 * time.Second, Limit: 3 * time.Minute})
	m.CardPresented(testCard())
	for range 5 { // a busy citizen touching every 40 s
		clock.Advance(40 * time.Second)
		m.Continue()
	}
	if m.Status().Active {
		t.Fatal("session outlived its limit")
	}
	if v := m.View(); v.Screen != ScreenTakeCard {
		t.Errorf("view %+v", v)
	}
}

func TestTimersOfAnEndedSessionDoNothing(t *testing.T) {
	m, _, _, clock := newTimedMachine(t, timing)
	m.CardPresented(testCard())
	m.CardRemoved()
	clock.Advance(10 * time.Second)
	m.CardPresented(testCard())
	clock.Advance(44 * time.Second) // the first session's countdown would have begun at 45 s
	if !m.Status().Active || m.View().Countdown != 0 {
		t.Errorf("second session disturbed by the first one's timers: %+v", m.View())
	}
	clock.Advance(time.Second)
	if m.View().Countdown != 15 {
		t.Errorf("second session's own countdown: %+v", m.View())
	}
}
