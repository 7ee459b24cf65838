package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	escpossim "github.com/govkiosk/kiosk/devices/sim/escpos"
	"github.com/govkiosk/kiosk/kiosk/config"
)

// A serial receipt printer missing at start is reported, found once plugged in (no
// restart), reported again when unplugged and found again when plugged back: the
// simulator on a pseudo-terminal, reached through a link that stands for the port.
func TestReceiptPrinterIsOpenedAgain(t *testing.T) {
	dir := t.TempDir()
	port := filepath.Join(dir, "ttyRECEIPT") // not there yet: the printer is unplugged
	cfg, err := config.Load(demoConfig(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Printers.Receipt.Type, cfg.Printers.Receipt.Port, cfg.Printers.Receipt.Baud = "serial", port, 9600
	ta := startAgent(t, cfg, "test")
	l := ta.receipt
	l.retryEvery = 0 // look for it at every use

	ready := func() (bool, string) {
		st, _ := l.status(ta.ctx)
		return st.Ready && st.Fault == "", st.Fault
	}
	if ok, fault := ready(); ok || !strings.Contains(fault, "not available") {
		t.Fatalf("unplugged at start: ready %v, fault %q", ok, fault)
	}
	if _, err := l.testPage(ta.ctx); err == nil {
		t.Fatal("a test page printed on no printer")
	}

	plug := func() (*escpossim.Printer, context.CancelFunc) {
		t.Helper()
		sim := escpossim.New(escpossim.Options{})
		ctx, cancel := context.WithCancel(context.Background())
		pts, err := sim.ServePTY(ctx)
		if err != nil {
			cancel()
			t.Skipf("no pseudo-terminals here: %v", err)
		}
		os.Remove(port)
		if err := os.Symlink(pts, port); err != nil {
			cancel()
			t.Fatal(err)
		}
		return sim, cancel
	}
	sim, unplug := plug()
	if ok, fault := ready(); !ok {
		t.Fatalf("plugged in: not ready (%s)", fault)
	}
	if _, err := l.testPage(ta.ctx); err != nil {
		t.Fatalf("test page: %v", err)
	}
	ready() // the printer answers a status after what it was sent before
	if n := len(sim.Tickets()); n != 1 {
		t.Errorf("the printer cut %d tickets, want 1", n)
	}

	unplug()
	os.Remove(port)
	if _, err := l.testPage(ta.ctx); err == nil {
		t.Fatal("a test page printed on an unplugged printer")
	}
	if ok, fault := ready(); ok || fault == "" {
		t.Fatalf("unplugged: ready %v, fault %q", ok, fault)
	}

	sim, unplug = plug()
	defer unplug()
	if _, err := l.testPage(ta.ctx); err != nil {
		t.Fatalf("test page after plugging it back: %v", err)
	}
	ready()
	if n := len(sim.Tickets()); n != 1 {
		t.Errorf("the printer plugged back cut %d tickets, want 1", n)
	}
}
