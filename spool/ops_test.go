package spool

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// force puts a job into a state directly, as a crash could have left it.
func force(t *testing.T, s *Spool, id JobID, f func(j *Job)) Job {
	t.Helper()
	j, err := s.transition(id, func(_ *bolt.Tx, j *Job) error { f(j); return nil })
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func enqueue(t *testing.T, s *Spool, printer, title, session string) JobID {
	t.Helper()
	id, err := s.Enqueue(context.Background(), NewJob{Printer: printer, Title: title, SessionID: session, Doc: pdf})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestWrongStateOperationsAreRefused(t *testing.T) {
	s := openTest(t, Options{})
	id := enqueue(t, s, "a4", "t", "")
	force(t, s, id, func(j *Job) { j.State = Completed })

	_, err := s.Release(id)
	var se *StateError
	if !errors.As(err, &se) || !errors.Is(err, ErrWrongState) || se.State != Completed {
		t.Fatalf("Release(completed) = %v, want a StateError", err)
	}
	if want := "spool: release job 1: job is completed; only held or failed jobs can be released"; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	_, err = s.Cancel(id)
	if !errors.Is(err, ErrWrongState) || !strings.Contains(err.Error(), "only queued, held or failed jobs can be canceled") {
		t.Fatalf("Cancel(completed) = %v", err)
	}
	force(t, s, id, func(j *Job) { j.State = Sent })
	if _, err := s.Cancel(id); !errors.Is(err, ErrWrongState) {
		t.Fatalf("Cancel(sent) = %v, want ErrWrongState", err)
	}
	if _, err := s.Release(99); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Release(99) = %v, want ErrNotFound", err)
	}
}

func TestReleaseMayHavePrintedCountsReprint(t *testing.T) {
	s := openTest(t, Options{})
	id := enqueue(t, s, "a4", "t", "")
	force(t, s, id, func(j *Job) { j.State, j.Reason, j.PrinterJob, j.Attempts = Held, ReasonMayHavePrinted, "ref", 2 })
	j, err := s.Release(id)
	if err != nil {
		t.Fatal(err)
	}
	if j.State != Queued || j.Reason != "" || j.Reprints != 1 || j.Attempts != 0 || j.PrinterJob != "" {
		t.Errorf("released: %+v", j)
	}
}

func TestCancelDeletesDocument(t *testing.T) {
	s := openTest(t, Options{})
	id := enqueue(t, s, "a4", "t", "")
	j, err := s.Cancel(id)
	if err != nil {
		t.Fatal(err)
	}
	if j.State != Canceled || j.Reason != ReasonTechnician || j.HasDoc {
		t.Errorf("canceled: %+v", j)
	}
	if _, err := s.loadDoc(id); err == nil {
		t.Error("the document of a canceled job is still there")
	}
}

func TestPurgeSessionTakesOnlyUnprintedJobsOfThatSession(t *testing.T) {
	s := openTest(t, Options{})
	queued := enqueue(t, s, "a4", "t", "citizen-1")
	held := enqueue(t, s, "a4", "t", "citizen-1")
	force(t, s, held, func(j *Job) { j.State, j.Reason = Held, "media-empty" })
	sent := enqueue(t, s, "a4", "t", "citizen-1")
	force(t, s, sent, func(j *Job) { j.State, j.PrinterJob = Sent, "ref" })
	other := enqueue(t, s, "a4", "t", "citizen-2")

	n, err := s.PurgeSession("citizen-1")
	if err != nil || n != 2 {
		t.Fatalf("PurgeSession = %d, %v; want 2", n, err)
	}
	for id, want := range map[JobID]State{queued: Canceled, held: Canceled, sent: Sent, other: Queued} {
		j, _ := s.Get(id)
		if j.State != want {
			t.Errorf("job %s: %s, want %s", id, j.State, want)
		}
		if want == Canceled && (j.HasDoc || j.Reason != ReasonSessionAbandoned) {
			t.Errorf("job %s: %+v, want its document gone and reason session-abandoned", id, j)
		}
	}
}

func TestPurgeDeletesOnlyFinishedJobs(t *testing.T) {
	s := openTest(t, Options{})
	ids := map[State]JobID{}
	for _, st := range []State{Queued, Held, Sent, Completed, Failed, Canceled} {
		id := enqueue(t, s, "a4", "t", "")
		force(t, s, id, func(j *Job) { j.State = st })
		ids[st] = id
	}
	n, err := s.Purge()
	if err != nil || n != 3 {
		t.Fatalf("Purge = %d, %v; want 3", n, err)
	}
	jobs, _ := s.List(Filter{})
	if len(jobs) != 3 {
		t.Fatalf("%d jobs left, want 3", len(jobs))
	}
	for _, j := range jobs {
		if j.State.Final() {
			t.Errorf("finished job left: %v", j)
		}
	}
}

func TestRetentionExpiresDocumentsAndRecords(t *testing.T) {
	clk := newFakeClock()
	s := openTest(t, Options{Clock: clk, Retention: time.Hour, KeepRecords: 48 * time.Hour})
	old := enqueue(t, s, "a4", "t", "")
	done := enqueue(t, s, "a4", "t", "")
	force(t, s, done, func(j *Job) { j.State = Completed })
	clk.Advance(2 * time.Hour)
	fresh := enqueue(t, s, "a4", "t", "")
	if err := s.Expire(); err != nil {
		t.Fatal(err)
	}
	if j, _ := s.Get(old); j.State != Failed || j.Reason != ReasonExpired || j.HasDoc {
		t.Errorf("old job: %+v, want failed/expired without document", j)
	}
	if j, _ := s.Get(fresh); j.State != Queued || !j.HasDoc {
		t.Errorf("fresh job: %+v", j)
	}
	if _, err := s.Release(old); err == nil || !strings.Contains(err.Error(), "document is gone") {
		t.Errorf("Release(expired) = %v, want a refusal", err)
	}
	clk.Advance(49 * time.Hour)
	if err := s.Expire(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(done); !errors.Is(err, ErrNotFound) {
		t.Errorf("finished record kept past KeepRecords: %v", err)
	}
}

func TestListFilters(t *testing.T) {
	s := openTest(t, Options{})
	enqueue(t, s, "a4", "t", "x")
	enqueue(t, s, "b5", "t", "x")
	id := enqueue(t, s, "a4", "t", "y")
	force(t, s, id, func(j *Job) { j.State = Held })
	for _, tc := range []struct {
		f    Filter
		want int
	}{
		{Filter{}, 3}, {Filter{Printer: "a4"}, 2}, {Filter{SessionID: "x"}, 2},
		{Filter{States: []State{Held}}, 1}, {Filter{Printer: "a4", States: []State{Queued}}, 1},
	} {
		jobs, err := s.List(tc.f)
		if err != nil || len(jobs) != tc.want {
			t.Errorf("List(%+v) = %d jobs, %v; want %d", tc.f, len(jobs), err, tc.want)
		}
	}
}
