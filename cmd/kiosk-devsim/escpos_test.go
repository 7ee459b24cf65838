package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/escpos"
	"github.com/govkiosk/kiosk/devices/serialport"
)

// The command end to end: it prints the PTY's path, the driver prints through it, the
// ticket lands in the log file, and stdin switches paper-out at run time.
func TestEscposCommand(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	logPath := filepath.Join(t.TempDir(), "tickets.log")
	stdinR, stdinW := io.Pipe()
	stdoutR, stdoutW := io.Pipe()
	stderrR, stderrW := io.Pipe()
	cmd := newEscposCmd()
	cmd.SetArgs([]string{"--log", logPath})
	cmd.SetIn(stdinR)
	cmd.SetOut(stdoutW)
	cmd.SetErr(stderrW)
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()

	path, err := bufio.NewReader(stdoutR).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	port, err := serialport.Open(strings.TrimSpace(path), 115200)
	if err != nil {
		t.Fatal(err)
	}
	drv := escpos.New(port, escpos.Options{})
	defer drv.Close()

	doc, err := escpos.TestPage{Printer: "demo", Time: time.Now()}.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if err := drv.Print(ctx, doc); err != nil {
		t.Fatal(err)
	}
	// The simulator answers a status only after it has printed (and logged) what came
	// before it.
	if _, err := drv.Status(ctx); err != nil {
		t.Fatal(err)
	}
	log, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"打印测试页", "打印机：demo", "[QR: KIOSK TEST PAGE]", "[CUT]"} {
		if !strings.Contains(string(log), want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}

	answers := bufio.NewReader(stderrR)
	command := func(line string) string {
		t.Helper()
		if _, err := io.WriteString(stdinW, line+"\n"); err != nil {
			t.Fatal(err)
		}
		a, err := answers.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(a)
	}
	if a := command("paper-out on"); a != "ok" {
		t.Fatalf("paper-out on: %s", a)
	}
	err = drv.Print(ctx, doc)
	var nr *devices.NotReadyError
	if !errors.As(err, &nr) || nr.Reason() != devices.ReasonMediaEmpty {
		t.Errorf("Print with paper out = %v, want media-empty", err)
	}
	if a := command("status"); a != "not ready: media-empty" {
		t.Errorf("status = %q", a)
	}
	if a := command("paper-out maybe"); !strings.Contains(a, "on|off") {
		t.Errorf("a bad switch was answered %q", a)
	}
	if a := command("paper-out off"); a != "ok" {
		t.Fatalf("paper-out off: %s", a)
	}
	if st, err := drv.Status(ctx); err != nil || !st.Ready {
		t.Errorf("Status after paper-out off = %+v, %v", st, err)
	}
	if a := command("near-end on"); a != "ok" {
		t.Fatalf("near-end on: %s", a)
	}
	if a := command("status"); a != "ready: media-low" {
		t.Errorf("status at near end = %q", a)
	}

	cancel()
	if err := <-done; err != nil {
		t.Errorf("the command returned %v", err)
	}
}
