package spool

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// stepper drives a worker one step at a time: no goroutine, no waiting.
type stepper struct {
	t *testing.T
	w *Worker
}

func (st stepper) step() time.Duration {
	st.t.Helper()
	d, err := st.w.step(context.Background())
	if err != nil {
		st.t.Fatalf("step: %v", err)
	}
	return d
}

// drain steps until the worker has nothing left to do now.
func (st stepper) drain() {
	st.t.Helper()
	for i := 0; i < 50; i++ {
		if d := st.step(); d != 0 {
			return
		}
	}
	st.t.Fatal("the worker never settled")
}

func (st stepper) state(id JobID) Job {
	st.t.Helper()
	j, err := st.w.s.Get(id)
	if err != nil {
		st.t.Fatal(err)
	}
	return j
}

func fixedBackoff(attempt int) time.Duration { return time.Duration(attempt) * 10 * time.Second }

func newStepper(t *testing.T, opts Options) (*Spool, *fakePrinter, *fakeClock, stepper) {
	clk := newFakeClock()
	opts.Clock = clk
	opts.Backoff = fixedBackoff
	if opts.PollInterval == 0 {
		opts.PollInterval = time.Second
	}
	s := openTest(t, opts)
	p := newFakePrinter("a4")
	return s, p, clk, stepper{t, s.Worker(p)}
}

func TestJobPrintsOnceThroughEachState(t *testing.T) {
	s, p, _, st := newStepper(t, Options{})
	p.autoDone = false
	id := enqueue(t, s, "a4", "residence", "")

	st.step() // create, record, send
	j := st.state(id)
	if j.State != Sent || j.PrinterJob != "fake-1" {
		t.Fatalf("after the first step: %+v", j)
	}
	if got := st.step(); got != time.Second || st.state(id).State != Sent {
		t.Fatalf("while processing: wait %v, %v", got, st.state(id))
	}
	p.complete("fake-1", devices.JobCompleted)
	st.step()
	j = st.state(id)
	if j.State != Completed || j.HasDoc {
		t.Fatalf("after completion: %+v", j)
	}
	if _, err := s.loadDoc(id); err == nil {
		t.Error("a completed job's document is still stored")
	}
	if n := p.printedCount("residence"); n != 1 {
		t.Errorf("printed %d times", n)
	}
	if d := st.step(); d != idleWait {
		t.Errorf("idle wait %v, want %v", d, idleWait)
	}
}

func TestPaperOutHoldsTheQueueWithoutBurningRetries(t *testing.T) {
	s, p, _, st := newStepper(t, Options{MaxAttempts: 2})
	a := enqueue(t, s, "a4", "a", "")
	b := enqueue(t, s, "a4", "b", "")
	p.set(func(p *fakePrinter) {
		p.status = devices.PrinterStatus{Reasons: []devices.PrinterReason{devices.ReasonMediaEmpty}}
	})
	for i := 0; i < 5; i++ {
		if d := st.step(); d != time.Second {
			t.Fatalf("held printer: wait %v, want the poll interval", d)
		}
	}
	ja, jb := st.state(a), st.state(b)
	if ja.State != Held || ja.Reason != "media-empty" || ja.Attempts != 0 {
		t.Fatalf("head job: %+v, want held for media-empty with no attempt used", ja)
	}
	if jb.State != Queued {
		t.Fatalf("second job: %+v, want queued behind", jb)
	}
	if p.next != 0 {
		t.Fatalf("%d jobs created at a printer without paper", p.next)
	}
	p.set(func(p *fakePrinter) { p.status = devices.PrinterStatus{Ready: true} })
	st.drain()
	for _, id := range []JobID{a, b} {
		if j := st.state(id); j.State != Completed || j.Attempts != 0 {
			t.Errorf("job %s after paper came back: %+v", id, j)
		}
	}
}

func TestTransientErrorsRetryWithBackoffThenFail(t *testing.T) {
	s, p, clk, st := newStepper(t, Options{MaxAttempts: 3})
	id := enqueue(t, s, "a4", "t", "")
	p.createErr = errors.New("connection refused")

	st.step()
	j := st.state(id)
	if j.State != Queued || j.Attempts != 1 || !j.NotBefore.Equal(clk.Now().Add(10*time.Second)) {
		t.Fatalf("after one failure: %+v", j)
	}
	if d := st.step(); d != 10*time.Second {
		t.Fatalf("before the backoff ends: wait %v, want 10s", d)
	}
	if st.state(id).Attempts != 1 {
		t.Fatal("retried before the backoff ended")
	}
	clk.Advance(10 * time.Second)
	st.step()
	if j := st.state(id); j.Attempts != 2 || !j.NotBefore.Equal(clk.Now().Add(20*time.Second)) {
		t.Fatalf("after two failures: %+v", j)
	}
	clk.Advance(20 * time.Second)
	st.step()
	j = st.state(id)
	if j.State != Failed || j.Reason != ReasonRetriesExhausted || j.LastError == "" {
		t.Fatalf("after MaxAttempts: %+v", j)
	}
	p.createErr = nil
	if _, err := s.Release(id); err != nil {
		t.Fatal(err)
	}
	st.drain()
	if j := st.state(id); j.State != Completed {
		t.Fatalf("released job: %+v", j)
	}
}

func TestPrinterAbortWithFaultHoldsAndWithoutRetries(t *testing.T) {
	s, p, _, st := newStepper(t, Options{})
	p.autoDone = false
	id := enqueue(t, s, "a4", "t", "")
	st.step()
	// The printer jams mid-job and aborts it.
	p.complete("fake-1", devices.JobAborted)
	p.set(func(p *fakePrinter) {
		p.status = devices.PrinterStatus{Reasons: []devices.PrinterReason{devices.ReasonMediaJam}}
	})
	st.step()
	if j := st.state(id); j.State != Held || j.Reason != "media-jam" || j.Attempts != 0 || j.PrinterJob != "" {
		t.Fatalf("after a jam: %+v", j)
	}
	// Cleared; this time the printer aborts for no reason it reports.
	p.set(func(p *fakePrinter) { p.status = devices.PrinterStatus{Ready: true} })
	st.step()
	p.complete("fake-2", devices.JobAborted)
	st.step()
	if j := st.state(id); j.State != Queued || j.Attempts != 1 {
		t.Fatalf("after a plain abort: %+v", j)
	}
}

func TestCanceledWhileCreatingDropsThePrinterJob(t *testing.T) {
	s, p, _, st := newStepper(t, Options{})
	id := enqueue(t, s, "a4", "t", "")
	SetTestHook(func(point string, j Job) {
		if point == "created" {
			if _, err := s.Cancel(j.ID); err != nil {
				t.Error(err)
			}
		}
	})
	defer SetTestHook(nil)
	st.step()
	if j := st.state(id); j.State != Canceled {
		t.Fatalf("job: %+v", j)
	}
	if p.canceled != 1 || p.printedCount("t") != 0 {
		t.Fatalf("printer: %d canceled, %d printed; want the empty job canceled", p.canceled, p.printedCount("t"))
	}
}

func TestHeldForTechnicianIsSkipped(t *testing.T) {
	s, p, _, st := newStepper(t, Options{})
	a := enqueue(t, s, "a4", "a", "")
	force(t, s, a, func(j *Job) { j.State, j.Reason = Held, ReasonMayHavePrinted })
	b := enqueue(t, s, "a4", "b", "")
	st.drain()
	if st.state(a).State != Held || st.state(b).State != Completed {
		t.Fatalf("a: %v, b: %v", st.state(a), st.state(b))
	}
	if p.printedCount("a") != 0 {
		t.Fatal("a job held as may-have-printed was printed again without a technician")
	}
}

func TestOneWorkerPerPrinter(t *testing.T) {
	s := openTest(t, Options{PollInterval: time.Millisecond})
	p := newFakePrinter("a4")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	w1 := s.Worker(p)
	id := enqueue(t, s, "a4", "t", "")
	events, stop, err := s.Watch(id)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	go func() { done <- w1.Serve(ctx) }()
	waitEvent(t, events, func(e Event) bool { return e.Job.State == Completed })
	if err := s.Worker(p).Serve(ctx); err == nil {
		t.Error("a second worker for the same printer started")
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve after cancel = %v, want nil", err)
	}
}

// waitEvent reads events until pred holds; the deadline only bounds a failing test.
func waitEvent(t *testing.T, events <-chan Event, pred func(Event) bool) Event {
	t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		select {
		case e, ok := <-events:
			if !ok {
				t.Fatal("watch closed")
			}
			if pred(e) {
				return e
			}
		case <-deadline:
			t.Fatal("the awaited event never came")
		}
	}
}

func TestExpBackoff(t *testing.T) {
	b := ExpBackoff(time.Second, 10*time.Second)
	for attempt, base := range map[int]time.Duration{1: time.Second, 2: 2 * time.Second, 3: 4 * time.Second, 4: 8 * time.Second, 5: 10 * time.Second, 50: 10 * time.Second} {
		for i := 0; i < 20; i++ {
			if d := b(attempt); d < base || d > base+base/4 {
				t.Fatalf("attempt %d: %v, want %v plus at most a quarter", attempt, d, base)
			}
		}
	}
}

func TestIdleWorkerLearnsThePrinterStatus(t *testing.T) {
	s, p, clk, st := newStepper(t, Options{})
	if got := s.PrinterStatus("a4"); got.Ready || len(got.Reasons) != 0 {
		t.Fatalf("before any step: %+v", got)
	}
	st.step()
	if got := s.PrinterStatus("a4"); !got.Ready {
		t.Fatalf("after the first idle step: %+v, want ready", got)
	}

	p.set(func(p *fakePrinter) {
		p.status = devices.PrinterStatus{Reasons: []devices.PrinterReason{devices.ReasonMediaEmpty}}
	})
	st.step()
	if got := s.PrinterStatus("a4"); !got.Ready {
		t.Fatalf("asked again before idleWait passed: %+v", got)
	}
	clk.Advance(idleWait)
	st.step()
	if got := s.PrinterStatus("a4"); got.Ready || len(got.Reasons) != 1 || got.Reasons[0] != devices.ReasonMediaEmpty {
		t.Fatalf("after idleWait: %+v, want media-empty", got)
	}

	p.set(func(p *fakePrinter) { p.statusErr = errors.New("no answer") })
	clk.Advance(idleWait)
	st.step()
	if got := s.PrinterStatus("a4"); got.Ready || len(got.Reasons) != 1 || got.Reasons[0] != devices.ReasonOffline {
		t.Fatalf("a printer that does not answer: %+v, want offline", got)
	}
}
