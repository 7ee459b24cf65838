package central

import (
	"path/filepath"
	"testing"
	"time"
)

func TestNewChecksOptions(t *testing.T) {
	if _, err := New(Options{}); err == nil {
		t.Error("New without DataDir succeeded")
	}
	if _, err := New(Options{DataDir: t.TempDir(), Faults: Faults{DropRate: 1.5}}); err == nil {
		t.Error("New with a drop rate of 1.5 succeeded")
	}
}

func TestNewCreatesDataDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	s := newTestServer(t, dir)
	if rec := call(t, s, "GET", "/healthz", nil); rec.Code != 200 {
		t.Errorf("healthz: %d", rec.Code)
	}
	if s.opts.TestOTP != "123456" || s.opts.SessionTTL != 30*time.Minute {
		t.Errorf("defaults: %q %s", s.opts.TestOTP, s.opts.SessionTTL)
	}
}
