package ipp_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/ipp"
	"github.com/govkiosk/kiosk/devices/ipp/ipptest"
)

var _ devices.DocPrinter = (*ipp.Printer)(nil)

// waitJob polls the printer until the job reaches a final state; the deadline only
// bounds a failing test.
func waitJob(t *testing.T, p *ipp.Printer, ref string) devices.JobState {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		st, err := p.JobState(ctx, ref)
		if err != nil {
			t.Fatal(err)
		}
		switch st {
		case devices.JobCompleted, devices.JobAborted, devices.JobCanceled, devices.JobUnknown:
			return st
		}
		select {
		case <-ctx.Done():
			t.Fatalf("job %s still %s", ref, st)
		case <-tick.C:
		}
	}
}

// pollUntil asks cond every 20 ms until it holds; the deadline only bounds a failing test.
func pollUntil(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.After(20 * time.Second)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-deadline:
			t.Fatal("condition never held")
		case <-tick.C:
		}
	}
}

func TestAgainstIppeveprinter(t *testing.T) {
	srv := ipptest.Start(t)
	p, err := ipp.New("a4", srv.URI, ipp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()

	st, err := p.Status(ctx)
	if err != nil || !st.Ready || st.Blocked() {
		t.Fatalf("Status = %+v, %v; want ready", st, err)
	}

	// Two-phase: an empty job prints nothing and can be canceled.
	empty, err := p.CreateJob(ctx, "empty")
	if err != nil {
		t.Fatal(err)
	}
	if s, err := p.JobState(ctx, empty); err != nil || s != devices.JobPending {
		t.Fatalf("empty job: %s, %v; want pending", s, err)
	}
	if err := p.CancelJob(ctx, empty); err != nil {
		t.Fatal(err)
	}
	if s, _ := p.JobState(ctx, empty); s != devices.JobCanceled {
		t.Fatalf("canceled job: %s", s)
	}

	ref, err := p.CreateJob(ctx, "residence #1")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SendDocument(ctx, ref, ipptest.Doc("one", false)); err != nil {
		t.Fatal(err)
	}
	if s := waitJob(t, p, ref); s != devices.JobCompleted {
		t.Fatalf("job ended %s", s)
	}
	if err := p.SendDocument(ctx, ref, ipptest.Doc("again", false)); err == nil {
		t.Error("a second document was accepted for a completed job")
	}
	if _, uuid, _ := strings.Cut(ref, ";"); !strings.HasPrefix(uuid, "urn:uuid:") {
		t.Errorf("job reference %q carries no job-uuid", ref)
	}
	if got := srv.Printed(); !slices.Equal(got, []string{"one"}) {
		t.Errorf("printed %q, want [one]", got)
	}
	if n := srv.Received(); n != 1 {
		t.Errorf("printer received %d documents, want 1", n)
	}

	// The same job id with another uuid is another job: unknown, never its state.
	if s, err := p.JobState(ctx, "2;urn:uuid:00000000-0000-0000-0000-000000000000"); err != nil || s != devices.JobUnknown {
		t.Errorf("mismatched uuid: %s, %v; want unknown", s, err)
	}
	if s, err := p.JobState(ctx, "9999;"); err != nil || s != devices.JobUnknown {
		t.Errorf("no such job: %s, %v; want unknown", s, err)
	}
}

func TestPaperOutIsReported(t *testing.T) {
	srv := ipptest.Start(t)
	p, err := ipp.New("a4", srv.URI, ipp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	ref, err := p.CreateJob(ctx, "proof")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SendDocument(ctx, ref, ipptest.Doc("p", true)); err != nil {
		t.Fatal(err)
	}
	var st devices.PrinterStatus
	pollUntil(t, func() bool {
		if st, err = p.Status(ctx); err != nil {
			t.Fatal(err)
		}
		return slices.Contains(st.Reasons, devices.ReasonMediaEmpty)
	})
	if st.Ready || !st.Blocked() {
		t.Fatalf("media-empty but %+v", st)
	}
	if s, _ := p.JobState(ctx, ref); s != devices.JobProcessing {
		t.Errorf("job while out of paper: %s, want processing", s)
	}
	srv.LoadPaper()
	if s := waitJob(t, p, ref); s != devices.JobCompleted {
		t.Fatalf("job ended %s", s)
	}
	if st, err := p.Status(ctx); err != nil || !st.Ready {
		t.Errorf("after paper loaded: %+v, %v", st, err)
	}
}

func TestUnreachablePrinter(t *testing.T) {
	p, err := ipp.New("a4", "ipp://127.0.0.1:1/ipp/print", ipp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := p.Status(t.Context())
	if err == nil || st.Ready || !st.Blocked() {
		t.Fatalf("Status = %+v, %v; want an error and offline", st, err)
	}
	if _, err := p.CreateJob(t.Context(), "x"); err == nil {
		t.Fatal("CreateJob to nowhere succeeded")
	}
}
