package spool_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/ipp"
	"github.com/govkiosk/kiosk/devices/ipp/ipptest"
	"github.com/govkiosk/kiosk/spool"
)

// realSpool opens a spool in a temp folder (checked with bbolt's check at cleanup) and
// serves the ippeveprinter with a worker until the test ends.
func realSpool(t *testing.T, srv *ipptest.Printer) (*spool.Spool, func()) {
	t.Helper()
	path := t.TempDir() + "/spool.db"
	s, err := spool.Open(path, spool.Options{
		PollInterval: 10 * time.Millisecond,
		Backoff:      func(int) time.Duration { return 10 * time.Millisecond },
		Logger:       spool.LogTo(t),
	})
	if err != nil {
		t.Fatal(err)
	}
	p, err := ipp.New("a4", srv.URI, ipp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Worker(p).Serve(ctx) }()
	stop := func() {
		if cancel != nil {
			cancel()
			if err := <-done; err != nil {
				t.Error(err)
			}
			cancel = nil
		}
	}
	t.Cleanup(func() {
		stop()
		s.Close()
		spool.CheckFile(t, path)
	})
	return s, stop
}

// await reads a job's events until pred holds; the deadline only bounds a failing test.
func await(t *testing.T, s *spool.Spool, id spool.JobID, what string, pred func(spool.Event) bool) spool.Event {
	t.Helper()
	events, stop, err := s.Watch(id)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	deadline := time.After(20 * time.Second)
	for {
		select {
		case e := <-events:
			if pred(e) {
				return e
			}
		case <-deadline:
			j, _ := s.Get(id)
			t.Fatalf("job %s never became %s; it is %v", id, what, j)
		}
	}
}

func TestPaperOutMidQueueWaitsAndResumes(t *testing.T) {
	srv := ipptest.Start(t)
	s, _ := realSpool(t, srv)
	ctx := t.Context()
	var ids []spool.JobID
	for i := 1; i <= 5; i++ {
		title := fmt.Sprintf("proof-%d", i)
		id, err := s.Enqueue(ctx, spool.NewJob{Printer: "a4", Title: title, Doc: ipptest.Doc(title, i == 2)})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}

	// The printer runs out of paper in the middle of the second job.
	e := await(t, s, ids[1], "waiting for paper", func(e spool.Event) bool {
		return slices.Contains(e.Printer.Reasons, devices.ReasonMediaEmpty)
	})
	if e.Progress() != spool.ProgressWaitsForPrinter || e.Job.State != spool.Sent {
		t.Fatalf("job 2 while out of paper: %v, progress %s", e.Job, e.Progress())
	}
	for _, id := range ids[2:] {
		j, _ := s.Get(id)
		if j.State != spool.Queued {
			t.Fatalf("%v went ahead while the printer had no paper", j)
		}
	}
	if got := srv.Printed(); !slices.Equal(got, []string{"proof-1"}) {
		t.Fatalf("printed %q while out of paper, want only proof-1", got)
	}
	ev, stop, err := s.Watch(ids[4])
	if err != nil {
		t.Fatal(err)
	}
	if p := (<-ev).Progress(); p != spool.ProgressWaitsForPrinter {
		t.Errorf("a job behind says %s, want waiting-for-printer", p)
	}
	stop()

	srv.LoadPaper()
	await(t, s, ids[4], "completed", func(e spool.Event) bool { return e.Job.State == spool.Completed })
	for _, id := range ids {
		j, _ := s.Get(id)
		if j.State != spool.Completed || j.Attempts != 0 || j.HasDoc {
			t.Errorf("after paper came back: %v (attempts %d, document kept %v)", j, j.Attempts, j.HasDoc)
		}
	}
	want := []string{"proof-1", "proof-2", "proof-3", "proof-4", "proof-5"}
	if got := srv.Printed(); !slices.Equal(got, want) {
		t.Errorf("printed %q, want %q", got, want)
	}
}

// TestPrinterThatForgotHoldsTheJob: the printer loses power while printing a job; it
// comes back knowing nothing of it, its job ids starting again. The spool cannot tell
// whether the job printed: it holds it for a technician, who releases it.
func TestPrinterThatForgotHoldsTheJob(t *testing.T) {
	srv := ipptest.Start(t)
	s, stopWorker := realSpool(t, srv)
	ctx := t.Context()
	id, err := s.Enqueue(ctx, spool.NewJob{Printer: "a4", Title: "proof", Doc: ipptest.Doc("proof", true)})
	if err != nil {
		t.Fatal(err)
	}
	await(t, s, id, "at the printer, out of paper", func(e spool.Event) bool {
		return e.Job.State == spool.Sent && e.Printer.Blocked()
	})
	stopWorker()
	srv.Restart()
	// The new printer hands out job ids from 1 again: give the old id to another job.
	p, err := ipp.New("other", srv.URI, ipp.Options{User: "someone-else"})
	if err != nil {
		t.Fatal(err)
	}
	other, err := p.CreateJob(ctx, "other client")
	if err != nil {
		t.Fatal(err)
	}

	s2 := reopenWithWorker(t, s, srv)
	j := await(t, s2, id, "held", func(e spool.Event) bool { return e.Job.State == spool.Held }).Job
	if j.Reason != spool.ReasonMayHavePrinted || j.PrinterJob == "" {
		t.Fatalf("job after the printer forgot it: %+v", j)
	}
	if got := srv.Printed(); len(got) != 0 {
		t.Fatalf("printed %q: the first copy never came out", got)
	}

	// The technician sees that nothing came out and releases it.
	if err := p.CancelJob(ctx, other); err != nil {
		t.Fatal(err)
	}
	srv.LoadPaper()
	if _, err := s2.Release(id); err != nil {
		t.Fatal(err)
	}
	j = await(t, s2, id, "completed", func(e spool.Event) bool { return e.Job.State == spool.Completed }).Job
	if j.Reprints != 1 {
		t.Errorf("reprints %d, want 1", j.Reprints)
	}
	if got := srv.Printed(); !slices.Equal(got, []string{"proof"}) {
		t.Errorf("printed %q, want one proof", got)
	}
}

// reopenWithWorker closes s and opens the same file again with a new worker, as a
// restarted agent would.
func reopenWithWorker(t *testing.T, s *spool.Spool, srv *ipptest.Printer) *spool.Spool {
	t.Helper()
	path := s.Path()
	s.Close()
	s2, err := spool.Open(path, spool.Options{PollInterval: 10 * time.Millisecond, Logger: spool.LogTo(t)})
	if err != nil {
		t.Fatal(err)
	}
	p, err := ipp.New("a4", srv.URI, ipp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s2.Worker(p).Serve(ctx) }()
	t.Cleanup(func() { cancel(); <-done; s2.Close() })
	return s2
}
