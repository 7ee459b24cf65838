package spool_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices/pdfdir"
	"github.com/govkiosk/kiosk/spool"
)

// TestPrintsThroughPdfdir: the demo's path, enqueue → worker → a PDF in the folder.
func TestPrintsThroughPdfdir(t *testing.T) {
	path := filepath.Join(t.TempDir(), "spool.db")
	s, err := spool.Open(path, spool.Options{PollInterval: 10 * time.Millisecond, Logger: spool.LogTo(t)})
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	p, err := pdfdir.New("a4", out)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Worker(p).Serve(ctx) }()
	defer func() {
		cancel()
		<-done
		s.Close()
		spool.CheckFile(t, path)
	}()
	id, err := s.Enqueue(ctx, spool.NewJob{Printer: "a4", Title: "residence", SessionID: "s1", Doc: []byte("%PDF-1.4\n%%EOF\n")})
	if err != nil {
		t.Fatal(err)
	}
	await(t, s, id, "completed", func(e spool.Event) bool { return e.Progress() == spool.ProgressDone })
	files, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
	if len(files) != 1 {
		t.Fatalf("files in the folder: %v", files)
	}
}
