package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govkiosk/kiosk/kiosk/localapi"
	"github.com/govkiosk/kiosk/spool"
)

// agentWithSpool serves the local API over a real spool with one queued job.
func agentWithSpool(t *testing.T) (socket string, id spool.JobID) {
	t.Helper()
	dir := t.TempDir()
	sp, err := spool.Open(filepath.Join(dir, "spool.db"), spool.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sp.Close() })
	id, err = sp.Enqueue(context.Background(), spool.NewJob{Printer: "a4", Title: "proof-HRSS-0012", Doc: []byte("%PDF")})
	if err != nil {
		t.Fatal(err)
	}
	srv := &localapi.Server{
		Socket: filepath.Join(dir, "k.sock"),
		Spool:  sp,
		Status: func() localapi.Status {
			return localapi.Status{Printers: []localapi.PrinterStatus{{Name: "a4", Type: "ipp", Reasons: []string{"media-empty"}, Pending: 1}}}
		},
	}
	if err := srv.Listen(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	return srv.Socket, id
}

func TestSpoolLsReleaseCancel(t *testing.T) {
	sock, id := agentWithSpool(t)
	out, err := execute("spool", "ls", "--socket", sock)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, id.String()+"   a4       queued") || !strings.Contains(out, "proof-HRSS-0012") {
		t.Errorf("ls:\n%s", out)
	}
	if _, err := execute("spool", "release", id.String(), "--socket", sock); err == nil || !strings.Contains(err.Error(), "only held or failed jobs can be released") {
		t.Errorf("release of a queued job: %v", err)
	}
	out, err = execute("spool", "cancel", id.String(), "--socket", sock)
	if err != nil || !strings.Contains(out, `"state": "canceled"`) {
		t.Errorf("cancel: %v\n%s", err, out)
	}
	out, err = execute("spool", "purge", "--socket", sock)
	if err != nil || out != "purged 1 finished jobs\n" {
		t.Errorf("purge: %v %q", err, out)
	}
	out, err = execute("spool", "ls", "--json", "--socket", sock)
	if err != nil || strings.TrimSpace(out) != "[]" {
		t.Errorf("ls --json after purge: %v %q", err, out)
	}
}

func TestPrinterStatus(t *testing.T) {
	sock, _ := agentWithSpool(t)
	out, err := execute("printer", "status", "--socket", sock)
	if err != nil {
		t.Fatal(err)
	}
	if want := "a4       ipp     NOT READY (media-empty); 1 jobs waiting\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
	if _, err := execute("printer", "status", "receipt", "--socket", sock); err == nil || !strings.Contains(err.Error(), `no printer named "receipt"`) {
		t.Errorf("unknown printer: %v", err)
	}
}

func TestOutboxLs(t *testing.T) {
	sock, _ := agentWithSpool(t)
	out, err := execute("outbox", "ls", "--socket", sock)
	if err != nil || out != "the outbox is empty\n" {
		t.Fatalf("empty outbox: %v %q", err, out)
	}
}
