package spool

import (
	"log/slog"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// openTest opens a spool in a temp folder; its cleanup closes it and runs bbolt's
// consistency check on the file.
func openTest(t testing.TB, opts Options) *Spool {
	t.Helper()
	path := t.TempDir() + "/spool.db"
	if opts.Logger == nil {
		opts.Logger = testLogger(t)
	}
	s, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.Close()
		checkFile(t, path)
	})
	return s
}

// testLogger writes the spool's log into the test's output.
func testLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// checkFile runs bbolt's consistency check on a closed spool file.
func checkFile(t testing.TB, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Errorf("check %s: %v", path, err)
		return
	}
	defer db.Close()
	if err := db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			return err
		}
		return nil
	}); err != nil {
		t.Errorf("check %s: %v", path, err)
	}
}

// SetTestHook installs the crash test's hook (see crash_test.go).
func SetTestHook(f func(point string, j Job)) { testHookFn = f }

// CheckFile runs bbolt's consistency check on a closed spool file.
func CheckFile(t testing.TB, path string) { checkFile(t, path) }

// LogTo writes a spool's log into the test's output.
func LogTo(t testing.TB) *slog.Logger { return testLogger(t) }
