package localapi

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govkiosk/kiosk/spool"
)

// openSpool opens a real spool in a temp dir; no worker runs, so jobs stay queued.
func openSpool(t *testing.T) *spool.Spool {
	t.Helper()
	sp, err := spool.Open(filepath.Join(t.TempDir(), "spool.db"), spool.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sp.Close() })
	return sp
}

func TestSpoolCommands(t *testing.T) {
	sp := openSpool(t)
	ctx := context.Background()
	id, err := sp.Enqueue(ctx, spool.NewJob{Printer: "a4", Title: "proof", Doc: []byte("%PDF-1.4")})
	if err != nil {
		t.Fatal(err)
	}
	c := serve(t, &Server{
		Status: func() Status { return Status{} },
		Spool:  sp,
		TestPage: func(ctx context.Context, printer string) (TestPageResult, error) {
			if printer != "a4" {
				return TestPageResult{}, fmt.Errorf("no printer %q", printer)
			}
			id, err := sp.Enqueue(ctx, spool.NewJob{Printer: printer, Title: "test-page", Doc: []byte("%PDF-1.4")})
			return TestPageResult{Printer: printer, JobID: id.String(), Message: "queued"}, err
		},
	})

	jobs, err := c.SpoolJobs(ctx)
	if err != nil || len(jobs) != 1 || jobs[0].ID != id || jobs[0].State != spool.Queued {
		t.Fatalf("ls: %+v, %v", jobs, err)
	}
	if j, err := c.SpoolJob(ctx, id.String()); err != nil || j.Title != "proof" {
		t.Errorf("show: %+v, %v", j, err)
	}
	if _, err := c.SpoolJob(ctx, "999"); err == nil || !strings.Contains(err.Error(), "999") {
		t.Errorf("show of a missing job: %v", err)
	}
	if _, err := c.SpoolJob(ctx, "x"); err == nil || !strings.Contains(err.Error(), "bad job id") {
		t.Errorf("show of a bad id: %v", err)
	}
	// A queued job cannot be released: the refusal says why.
	if _, err := c.SpoolRelease(ctx, id.String()); err == nil || !strings.Contains(err.Error(), "only held or failed jobs can be released") {
		t.Errorf("release of a queued job: %v", err)
	}
	if j, err := c.SpoolCancel(ctx, id.String()); err != nil || j.State != spool.Canceled {
		t.Errorf("cancel: %+v, %v", j, err)
	}
	if _, err := c.SpoolCancel(ctx, id.String()); err == nil {
		t.Error("a canceled job was canceled again")
	}
	if _, err := sp.OutboxAdd(ctx, spool.OutboxItem{Kind: "application", IdempotencyKey: "k1", RefPrefix: "L-T-", Summary: "HRSS-0100", Payload: []byte("{}")}); err != nil {
		t.Fatal(err)
	}
	items, err := c.Outbox(ctx)
	if err != nil || len(items) != 1 || items[0].Summary != "HRSS-0100" || items[0].LocalRef == "" {
		t.Errorf("outbox: %+v, %v", items, err)
	}
	if n, err := c.SpoolPurge(ctx); err != nil || n != 1 {
		t.Errorf("purge: %d, %v", n, err)
	}
	res, err := c.TestPage(ctx, "a4")
	if err != nil || res.JobID == "" {
		t.Fatalf("test page: %+v, %v", res, err)
	}
	if j, err := c.SpoolJob(ctx, res.JobID); err != nil || j.Title != "test-page" || j.State != spool.Queued {
		t.Errorf("test page job: %+v, %v", j, err)
	}
	if _, err := c.TestPage(ctx, "nope"); err == nil || !strings.Contains(err.Error(), `no printer "nope"`) {
		t.Errorf("test page on an unknown printer: %v", err)
	}
}

func TestSpoolCommandsWhilePrintingIsOff(t *testing.T) {
	c := serve(t, &Server{Status: func() Status { return Status{} }, SpoolFault: "spool: file is corrupt"})
	_, err := c.SpoolJobs(context.Background())
	if err == nil || !strings.Contains(err.Error(), "printing is off: spool: file is corrupt") {
		t.Errorf("got %v", err)
	}
	if errors.Is(err, ErrNoAgent) {
		t.Error("reported as no agent")
	}
}
