package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/govkiosk/kiosk/kiosk/config"
)

func TestPINHashCommand(t *testing.T) {
	cmd := newRootCmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetIn(strings.NewReader("2468\n"))
	cmd.SetArgs([]string{"technician", "pin-hash"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if h := strings.TrimSpace(out.String()); !config.CheckPIN(h, "2468") {
		t.Errorf("printed %q, which does not check", h)
	}
	for _, bad := range []string{"12\n", "abcd\n", ""} {
		cmd := newRootCmd()
		cmd.SetIn(strings.NewReader(bad))
		cmd.SetOut(&bytes.Buffer{})
		cmd.SetArgs([]string{"technician", "pin-hash"})
		if err := cmd.Execute(); err == nil {
			t.Errorf("PIN %q accepted", bad)
		}
	}
}
