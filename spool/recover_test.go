package spool

import (
	"errors"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// TestRecoveryRules puts a job where a crash could leave it (sending or sent, its printer
// reference recorded) with the printer in each state, and checks the rule of
// docs/spool.md "After a crash".
func TestRecoveryRules(t *testing.T) {
	tests := []struct {
		name        string
		found       State
		printer     devices.JobState // "" when the printer does not know the reference
		stateErr    error
		fault       devices.PrinterReason
		want        State
		wantReason  Reason
		wantCancel  bool // the printer job was canceled before a retry
		wantAttempt int
	}{
		{name: "sending, printer completed it", found: Sending, printer: devices.JobCompleted, want: Completed},
		{name: "sent, printer completed it", found: Sent, printer: devices.JobCompleted, want: Completed},
		{name: "sending, printer is printing it", found: Sending, printer: devices.JobProcessing, want: Sent},
		{name: "sent, printer is printing it", found: Sent, printer: devices.JobProcessing, want: Sent},
		{name: "sending, printer has not started it", found: Sending, printer: devices.JobPending, want: Queued, wantCancel: true, wantAttempt: 1},
		{name: "sent, printer has not started it", found: Sent, printer: devices.JobPending, want: Sent},
		{name: "sending, printer forgot it", found: Sending, want: Held, wantReason: ReasonMayHavePrinted},
		{name: "sent, printer forgot it", found: Sent, want: Held, wantReason: ReasonMayHavePrinted},
		{name: "sent, printer aborted it", found: Sent, printer: devices.JobAborted, want: Queued, wantAttempt: 1},
		{name: "sent, printer aborted it for paper", found: Sent, printer: devices.JobAborted, fault: devices.ReasonMediaEmpty, want: Held, wantReason: "media-empty"},
		{name: "sending, printer canceled it", found: Sending, printer: devices.JobCanceled, want: Queued, wantAttempt: 1},
		{name: "sent, printer cannot answer", found: Sent, printer: devices.JobProcessing, stateErr: errors.New("connection refused"), want: Held, wantReason: ReasonMayHavePrinted},
		{name: "sending, printer cannot answer", found: Sending, printer: devices.JobPending, stateErr: errors.New("connection refused"), want: Held, wantReason: ReasonMayHavePrinted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, p, clk, st := newStepper(t, Options{ResolveWindow: time.Minute})
			id := enqueue(t, s, "a4", "t", "")
			ref := "unknown-ref"
			if tt.printer != "" {
				ref, _ = p.CreateJob(t.Context(), "t #1")
				p.jobs[ref].state = tt.printer
			}
			force(t, s, id, func(j *Job) { j.State, j.PrinterJob = tt.found, ref })
			if tt.fault != "" {
				p.status = devices.PrinterStatus{Reasons: []devices.PrinterReason{tt.fault}}
			}
			p.stateErr = tt.stateErr

			st.step()
			if tt.stateErr != nil {
				if j := st.state(id); j.State != tt.found {
					t.Fatalf("held at the first unanswered question: %+v", j)
				}
				clk.Advance(time.Minute)
				st.step()
			}
			j := st.state(id)
			if j.State != tt.want || j.Reason != tt.wantReason || j.Attempts != tt.wantAttempt {
				t.Fatalf("got %s (%s, %d attempts), want %s (%s, %d attempts)",
					j.State, j.Reason, j.Attempts, tt.want, tt.wantReason, tt.wantAttempt)
			}
			if (p.canceled == 1) != tt.wantCancel {
				t.Errorf("printer canceled %d jobs, want cancel %v", p.canceled, tt.wantCancel)
			}
			if j.State == Held && j.Reason == ReasonMayHavePrinted && j.PrinterJob != ref {
				t.Errorf("a may-have-printed job lost its printer reference: %+v", j)
			}
			if n := p.printedCount("t"); n > 1 {
				t.Errorf("printed %d times", n)
			}
		})
	}
}

// TestAmbiguousSendIsResolved: Send-Document fails, but the document did arrive; the
// job must not be sent again.
func TestAmbiguousSendIsResolved(t *testing.T) {
	s, p, _, st := newStepper(t, Options{})
	p.sendErr, p.sendKeeps = errors.New("read: connection reset"), true
	id := enqueue(t, s, "a4", "t", "")
	st.drain()
	if j := st.state(id); j.State != Completed || j.Attempts != 0 {
		t.Fatalf("job: %+v", j)
	}
	if n := p.printedCount("t"); n != 1 || p.next != 1 {
		t.Fatalf("printed %d times with %d printer jobs; want once with one", n, p.next)
	}
}

// TestFailedSendIsRetried: Send-Document fails and the document did not arrive: the
// empty printer job is canceled and a new one made after the backoff.
func TestFailedSendIsRetried(t *testing.T) {
	s, p, clk, st := newStepper(t, Options{})
	p.autoDone = false
	p.sendErr = errors.New("connection refused")
	id := enqueue(t, s, "a4", "t", "")
	st.drain()
	if j := st.state(id); j.State != Queued || j.Attempts != 1 || p.canceled != 1 {
		t.Fatalf("job: %+v, %d canceled at the printer", j, p.canceled)
	}
	p.sendErr, p.autoDone = nil, true
	clk.Advance(time.Hour)
	st.drain()
	if j := st.state(id); j.State != Completed {
		t.Fatalf("job: %+v", j)
	}
	if p.next != 2 || p.printedCount("t") != 1 {
		t.Fatalf("%d printer jobs, printed %d; want 2 jobs, one print", p.next, p.printedCount("t"))
	}
}
