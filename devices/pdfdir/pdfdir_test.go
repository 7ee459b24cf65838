package pdfdir

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/govkiosk/kiosk/devices"
)

func TestTwoPhasePrintSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	p, err := New("a4", dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	ref, err := p.CreateJob(ctx, "residence #1")
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := p.JobState(ctx, ref); st != devices.JobPending {
		t.Fatalf("before the document: %s", st)
	}
	if jobs, _ := p.Jobs(ctx); len(jobs) != 1 || jobs[0].Ref != ref || jobs[0].Title != "residence #1" {
		t.Fatalf("Jobs = %+v", jobs)
	}
	doc := []byte("%PDF-1.4\n%%EOF\n")
	if err := p.SendDocument(ctx, ref, doc); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) != 1 {
		t.Fatalf("files: %v", files)
	}
	if got, _ := os.ReadFile(files[0]); !bytes.Equal(got, doc) {
		t.Errorf("file holds %q", got)
	}
	if err := p.CancelJob(ctx, ref); err == nil {
		t.Error("canceled a printed job")
	}

	// A new process (the agent restarted) still knows the job printed.
	p2, _ := New("a4", dir)
	if st, err := p2.JobState(ctx, ref); err != nil || st != devices.JobCompleted {
		t.Errorf("after restart: %s, %v", st, err)
	}
	if st, _ := p2.JobState(ctx, "20260101T000000-abcdef012345"); st != devices.JobUnknown {
		t.Errorf("a job never created: %s", st)
	}
	if _, err := p2.JobState(ctx, "../x*"); err == nil {
		t.Error("a reference with glob characters was accepted")
	}
}

func TestCancelBeforeDocument(t *testing.T) {
	p, _ := New("a4", t.TempDir())
	ctx := t.Context()
	ref, _ := p.CreateJob(ctx, "x")
	if err := p.CancelJob(ctx, ref); err != nil {
		t.Fatal(err)
	}
	if err := p.SendDocument(ctx, ref, []byte("%PDF")); err == nil {
		t.Error("a canceled job took a document")
	}
	if st, _ := p.JobState(ctx, ref); st != devices.JobUnknown {
		t.Errorf("canceled job: %s", st)
	}
}
