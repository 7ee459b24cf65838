package session

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"
)

func techMachine(t *testing.T) (*Machine, *fakeClock) {
	t.Helper()
	clock := newFakeClock(today)
	m := New(Options{
		Log:        slog.New(slog.NewTextHandler(io.Discard, nil)),
		Clock:      clock,
		Language:   "zh",
		CheckPIN:   func(pin string) bool { return pin == "2468" },
		TechStatus: func() []StatusLine { return []StatusLine{{Label: "读卡器 Reader", Value: "ok", OK: true}} },
	})
	return m, clock
}

func TestTechnicianPIN(t *testing.T) {
	m, _ := techMachine(t)
	m.TechPIN("2468") // not on the PIN pad: nothing happens
	if m.View().Screen != ScreenAttract {
		t.Fatal("a PIN outside the pad was taken")
	}
	m.TechGesture()
	if v := m.View(); v.Screen != ScreenTechPIN {
		t.Fatalf("after the gesture: %+v", v)
	}
	m.TechPIN("1111")
	if v := m.View(); v.Screen != ScreenTechPIN || v.Notice != NoticeWrongPIN {
		t.Fatalf("after a wrong PIN: %+v", v)
	}
	m.TechPIN("2468")
	if err := m.Wait(context.Background()); err != nil { // the status is read in the background
		t.Fatal(err)
	}
	v := m.View()
	if v.Screen != ScreenTechStatus || len(v.Status) != 1 || v.Status[0].Value != "ok" {
		t.Fatalf("after the right PIN: %+v", v)
	}
	m.TechExit()
	if m.View().Screen != ScreenAttract {
		t.Error("exit did not return to the attract screen")
	}
}

// The status source may ask the machine itself (the agent's does, for the session's
// state): entering technician mode must not deadlock.
func TestStatusSourceMayAskTheMachine(t *testing.T) {
	var m *Machine
	m = New(Options{
		Log:        slog.New(slog.NewTextHandler(io.Discard, nil)),
		Clock:      newFakeClock(today),
		CheckPIN:   func(pin string) bool { return pin == "1" },
		TechStatus: func() []StatusLine { return []StatusLine{{Label: "screen", Value: string(m.Status().Screen)}} },
	})
	m.TechGesture()
	m.TechPIN("1")
	m.TechRefresh()
	if err := m.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if v := m.View(); v.Screen != ScreenTechStatus || len(v.Status) != 1 {
		t.Fatalf("view %+v", v)
	}
}

func TestWrongPINsLockThePad(t *testing.T) {
	m, clock := techMachine(t)
	m.TechGesture()
	for range maxPINFailures {
		m.TechPIN("0000")
	}
	if v := m.View(); v.Notice != NoticePINLocked {
		t.Fatalf("after %d wrong PINs: %+v", maxPINFailures, v)
	}
	m.TechPIN("2468")
	if v := m.View(); v.Screen != ScreenTechPIN || v.Notice != NoticePINLocked {
		t.Fatalf("the right PIN was taken while locked: %+v", v)
	}
	clock.Advance(pinLockout)
	m.TechGesture() // the pad timed out back to attract meanwhile
	m.TechPIN("2468")
	if v := m.View(); v.Screen != ScreenTechStatus {
		t.Fatalf("after the lockout: %+v", v)
	}
}

func TestTechnicianModeTimesOutAndIsOffWithoutAPIN(t *testing.T) {
	m, clock := techMachine(t)
	m.TechGesture()
	m.TechPIN("2468")
	clock.Advance(DefaultTiming.Idle)
	if v := m.View(); v.Screen != ScreenAttract || v.Status != nil {
		t.Fatalf("an unattended status screen stayed up: %+v", v)
	}

	off := New(Options{Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Clock: newFakeClock(today), Language: "zh"})
	off.TechGesture()
	if off.View().Screen != ScreenAttract {
		t.Error("technician mode opened with no PIN configured")
	}
}

func TestCardDuringTechnicianModeStartsASession(t *testing.T) {
	m, clock := techMachine(t)
	m.TechGesture()
	m.CardPresented(testCard())
	if v := m.View(); v.Screen != ScreenHome {
		t.Fatalf("view %+v", v)
	}
	clock.Advance(30 * time.Second)
	if v := m.View(); v.Screen != ScreenHome || v.Countdown != 0 {
		t.Errorf("the technician idle timer disturbed the session: %+v", v)
	}
}
