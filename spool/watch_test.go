package spool

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

func TestWatchReportsPaperOutThenDone(t *testing.T) {
	s := openTest(t, Options{PollInterval: time.Millisecond})
	p := newFakePrinter("a4")
	p.status = devices.PrinterStatus{Reasons: []devices.PrinterReason{devices.ReasonMediaEmpty}}
	id := enqueue(t, s, "a4", "t", "")
	events, stop, err := s.Watch(id)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	if e := <-events; e.Progress() != ProgressWaiting {
		t.Fatalf("first event %v: %s, want waiting", e.Job, e.Progress())
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.Worker(p).Serve(ctx) }()

	e := waitEvent(t, events, func(e Event) bool { return e.Job.State == Held })
	if e.Progress() != ProgressWaitsForPrinter || len(e.Printer.Reasons) != 1 || e.Printer.Reasons[0] != devices.ReasonMediaEmpty {
		t.Fatalf("waiting event: %+v", e)
	}
	p.set(func(p *fakePrinter) { p.status = devices.PrinterStatus{Ready: true} })
	waitEvent(t, events, func(e Event) bool { return e.Progress() == ProgressDone })
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestProgress(t *testing.T) {
	blocked := devices.PrinterStatus{Reasons: []devices.PrinterReason{devices.ReasonDoorOpen}}
	for _, tc := range []struct {
		job     Job
		printer devices.PrinterStatus
		want    Progress
	}{
		{Job{State: Queued}, devices.PrinterStatus{Ready: true}, ProgressWaiting},
		{Job{State: Queued}, blocked, ProgressWaitsForPrinter},
		{Job{State: Sent}, devices.PrinterStatus{Ready: true}, ProgressPrinting},
		{Job{State: Sent}, blocked, ProgressWaitsForPrinter},
		{Job{State: Held, Reason: "media-empty"}, blocked, ProgressWaitsForPrinter},
		{Job{State: Held, Reason: ReasonMayHavePrinted}, devices.PrinterStatus{Ready: true}, ProgressNeedsTechnician},
		{Job{State: Completed}, blocked, ProgressDone},
		{Job{State: Failed}, devices.PrinterStatus{}, ProgressFailed},
		{Job{State: Canceled}, devices.PrinterStatus{}, ProgressCanceled},
	} {
		if got := (Event{Job: tc.job, Printer: tc.printer}).Progress(); got != tc.want {
			t.Errorf("%s/%s with %v: %s, want %s", tc.job.State, tc.job.Reason, tc.printer.Reasons, got, tc.want)
		}
	}
}

func TestCloseStopsWorkerAndWatches(t *testing.T) {
	s := openTest(t, Options{PollInterval: time.Millisecond})
	p := newFakePrinter("a4")
	p.status = devices.PrinterStatus{Reasons: []devices.PrinterReason{devices.ReasonDoorOpen}}
	id := enqueue(t, s, "a4", "t", "")
	events, stop, err := s.Watch(id)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	done := make(chan error, 1)
	go func() { done <- s.Worker(p).Serve(context.Background()) }()
	waitEvent(t, events, func(e Event) bool { return e.Job.State == Held })
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if !errors.Is(err, ErrClosed) {
			t.Fatalf("Serve after Close = %v, want ErrClosed", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Serve did not return after Close")
	}
	for range events {
	} // closed by Close
	if _, err := s.Enqueue(context.Background(), NewJob{Printer: "a4", Title: "t", Doc: pdf}); !errors.Is(err, ErrClosed) {
		t.Fatalf("Enqueue after Close = %v, want ErrClosed", err)
	}
}
