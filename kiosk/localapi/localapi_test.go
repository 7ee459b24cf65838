package localapi

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

type fakeSim struct {
	card    string
	plugged bool
}

func (f *fakeSim) Insert(name string) error {
	if !slices.Contains(f.Fixtures(), name) {
		return fmt.Errorf("sim: no fixture %q", name)
	}
	f.card = name
	return nil
}
func (f *fakeSim) Remove()            { f.card = "" }
func (f *fakeSim) Fixtures() []string { return []string{"resident", "expired"} }
func (f *fakeSim) Unplug()            { f.plugged = false }
func (f *fakeSim) Replug()            { f.plugged = true }

// serve starts a server on a socket in a temp dir and returns a client of it.
func serve(t *testing.T, s *Server) *Client {
	t.Helper()
	s.Socket = filepath.Join(t.TempDir(), "k.sock")
	if err := s.Listen(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- s.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
		if _, err := os.Stat(s.Socket); !errors.Is(err, os.ErrNotExist) {
			t.Error("socket left behind after a clean stop")
		}
	})
	return NewClient(s.Socket)
}

func TestStatusOverTheSocket(t *testing.T) {
	c := serve(t, &Server{Status: func() Status { return Status{TerminalID: "T-1", PID: 42} }})
	st, err := c.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.TerminalID != "T-1" || st.PID != 42 {
		t.Errorf("status %+v", st)
	}
}

func TestSimRoutes(t *testing.T) {
	sim := &fakeSim{}
	c := serve(t, &Server{Status: func() Status { return Status{} }, Sim: sim})
	ctx := context.Background()
	if err := c.SimInsert(ctx, "resident"); err != nil {
		t.Fatal(err)
	}
	if sim.card != "resident" {
		t.Errorf("card %q", sim.card)
	}
	if err := c.SimInsert(ctx, "nope"); err == nil || !strings.Contains(err.Error(), `no fixture "nope"`) {
		t.Errorf("unknown fixture: %v", err)
	}
	if err := c.SimRemove(ctx); err != nil || sim.card != "" {
		t.Errorf("remove: %v, card %q", err, sim.card)
	}
	if err := c.SimUnplug(ctx); err != nil || sim.plugged {
		t.Errorf("unplug: %v, plugged %v", err, sim.plugged)
	}
	if err := c.SimReplug(ctx); err != nil || !sim.plugged {
		t.Errorf("replug: %v, plugged %v", err, sim.plugged)
	}
	fx, err := c.SimFixtures(ctx)
	if err != nil || !slices.Equal(fx, sim.Fixtures()) {
		t.Errorf("fixtures %v, %v", fx, err)
	}
}

func TestSimRoutesAbsentWithoutASimulatedReader(t *testing.T) {
	c := serve(t, &Server{Status: func() Status { return Status{} }})
	err := c.SimInsert(context.Background(), "resident")
	if err == nil || !strings.Contains(err.Error(), "no simulated card reader") {
		t.Errorf("got %v", err)
	}
}

func TestNoAgent(t *testing.T) {
	c := NewClient(filepath.Join(t.TempDir(), "absent.sock"))
	if _, err := c.Status(context.Background()); !errors.Is(err, ErrNoAgent) {
		t.Errorf("got %v", err)
	}
}

func TestStaleSocketIsReplacedLiveOneRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "k.sock")
	// A stale socket: bound, then its listener gone without removing the file.
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close()
	ln2, err := listen(path)
	if err != nil {
		t.Fatalf("stale socket not replaced: %v", err)
	}
	defer ln2.Close()
	if _, err := listen(path); err == nil || !strings.Contains(err.Error(), "another agent") {
		t.Errorf("second agent on a live socket: %v", err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o660 {
		t.Errorf("socket mode %v, %v", fi.Mode().Perm(), err)
	}
}
