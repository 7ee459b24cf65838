package main

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/kiosk/localapi"
	"github.com/govkiosk/kiosk/kiosk/session"
	"github.com/govkiosk/kiosk/kiosk/supervisor"
)

func execute(args ...string) (string, error) {
	cmd := newRootCmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), err
}

func TestStatusWithNoAgentIsOneLine(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "none.sock")
	out, err := execute("status", "--socket", sock)
	if !errors.Is(err, localapi.ErrNoAgent) {
		t.Fatalf("err = %v", err)
	}
	if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, sock) {
		t.Errorf("message %q is not one line naming the socket", msg)
	}
	if out != "" {
		t.Errorf("printed %q besides the error", out)
	}
}

func TestStatusFindsTheSocketThroughTheConfig(t *testing.T) {
	_, err := execute("status", "--config", "../../configs/demo.yaml")
	if err == nil || !strings.Contains(err.Error(), "var/demo/kiosk.sock") {
		t.Errorf("err = %v, want it to name the demo socket", err)
	}
}

func TestStatusWithABadConfigNamesTheLine(t *testing.T) {
	_, err := execute("status", "--config", "../../kiosk/config/testdata/wrong_type.yaml")
	if err == nil || !strings.Contains(err.Error(), `wrong_type.yaml:8: key "reader.baud"`) {
		t.Errorf("err = %v", err)
	}
}

func TestStatusShowsTheSession(t *testing.T) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	srv := &localapi.Server{
		Socket: filepath.Join(t.TempDir(), "k.sock"),
		Status: func() localapi.Status {
			return localapi.Status{
				TerminalID: "DEMO-0001", PID: 7, Started: now.Add(-time.Hour),
				Services: []supervisor.Status{{Name: "local-api", State: supervisor.Running}},
				Session:  session.Status{Active: true, Screen: session.ScreenHome, CardType: "resident", Started: now.Add(-time.Minute)},
				Reader:   localapi.ReaderStatus{Transport: "sim", OK: true},
				Printers: []localapi.PrinterStatus{{Name: "a4", Type: "ipp", Fault: "printing is off: spool: corrupt"}},
			}
		},
	}
	if err := srv.Listen(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- srv.Serve(ctx) }()
	defer func() { cancel(); <-done }()

	out, err := execute("status", "--socket", srv.Socket)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"terminal  DEMO-0001", "session   in progress: resident card, screen home", "local-api    running", "reader    ok (sim)", "printer   a4       ipp     printing is off: spool: corrupt; 0 jobs waiting"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
