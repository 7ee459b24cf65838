package spool

import (
	"testing"

	"github.com/govkiosk/kiosk/devices"
)

func TestSpoolID(t *testing.T) {
	s := &Spool{instance: "0a1b2c3d"}
	if got := s.printerTitle(Job{ID: 12, Title: "residence"}); got != "residence #12-0a1b2c3d" {
		t.Fatalf("printerTitle = %q", got)
	}
	for title, want := range map[string]JobID{
		"residence #12-0a1b2c3d": 12, "a #b #7-0a1b2c3d": 7,
		"another kiosk #12-ffffffff": 0, "no instance #12": 0, "no id": 0, "bad #x-0a1b2c3d": 0,
		"#3-0a1b2c3d": 0, "x #0-0a1b2c3d": 0,
	} {
		id, ok := s.spoolID(title)
		if id != want || ok != (want != 0) {
			t.Errorf("spoolID(%q) = %d, %v; want %d", title, id, ok, want)
		}
	}
}

// TestOrphansCanceledAtStart: a crash between Create-Job and recording its reference
// leaves an empty job at the printer. The next worker cancels it, and only it.
func TestOrphansCanceledAtStart(t *testing.T) {
	s, p, _, st := newStepper(t, Options{})
	p.autoDone = false
	a := enqueue(t, s, "a4", "a", "")
	j, _ := s.Get(a)
	orphan, _ := p.CreateJob(t.Context(), s.printerTitle(j))   // created, never recorded
	foreign, _ := p.CreateJob(t.Context(), "memo #1-ffffffff") // another spool's
	busy, _ := p.CreateJob(t.Context(), "b #2-"+s.instance)    // started printing: never touched
	p.jobs[busy].state = devices.JobProcessing

	st.step()
	if p.jobs[orphan].state != devices.JobCanceled {
		t.Errorf("orphan: %s, want canceled", p.jobs[orphan].state)
	}
	if p.jobs[foreign].state != devices.JobPending || p.jobs[busy].state != devices.JobProcessing {
		t.Errorf("foreign %s, processing %s: touched", p.jobs[foreign].state, p.jobs[busy].state)
	}
	if j := st.state(a); j.State != Sent || j.PrinterJob == orphan {
		t.Errorf("job: %+v", j)
	}
}

// TestBusyPrinterCostsNoAttempt: a printer busy with another job refuses Create-Job;
// the job waits without an attempt counted.
func TestBusyPrinterCostsNoAttempt(t *testing.T) {
	s, p, _, st := newStepper(t, Options{MaxAttempts: 1})
	id := enqueue(t, s, "a4", "a", "")
	p.createErr = devices.ErrPrinterBusy
	for i := 0; i < 3; i++ {
		st.step()
	}
	if j := st.state(id); j.State != Queued || j.Attempts != 0 {
		t.Fatalf("job: %+v", j)
	}
	p.createErr = nil
	st.drain()
	if j := st.state(id); j.State != Completed {
		t.Fatalf("job: %+v", j)
	}
}
