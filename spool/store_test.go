package spool

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var pdf = []byte("%PDF-1.4\n% proof of residence, sample body 3141592653\n%%EOF\n")

func TestEnqueueSurvivesReopenAndIsEncrypted(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "spool.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.Enqueue(context.Background(), NewJob{Printer: "a4", Title: "residence", SessionID: "s1", Doc: pdf})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("3141592653")) {
		t.Error("the document is readable in the spool file: not encrypted")
	}
	fi, err := os.Stat(path + ".key")
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", fi.Mode().Perm())
	}

	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close(); checkFile(t, path) }()
	j, err := s.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	if j.State != Queued || j.Title != "residence" || j.SessionID != "s1" || !j.HasDoc || j.Size != len(pdf) {
		t.Errorf("after reopen: %+v", j)
	}
	doc, err := s.loadDoc(id)
	if err != nil || !bytes.Equal(doc, pdf) {
		t.Errorf("document after reopen: %q, %v", doc, err)
	}
}

func TestKeyFileRefusedWhenOthersCanRead(t *testing.T) {
	dir := t.TempDir()
	key := filepath.Join(dir, "k")
	if err := os.WriteFile(key, bytes.Repeat([]byte{7}, 32), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(key, 0o644)
	_, err := Open(filepath.Join(dir, "spool.db"), Options{KeyFile: key})
	if !errors.Is(err, ErrKey) || !strings.Contains(err.Error(), "0600") {
		t.Fatalf("err = %v, want ErrKey naming 0600", err)
	}
}

func TestWrongKeyDoesNotDecrypt(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "spool.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.Enqueue(context.Background(), NewJob{Printer: "a4", Title: "t", Doc: pdf})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(path, Options{KeyFile: filepath.Join(dir, "other.key")}); !errors.Is(err, ErrKey) {
		t.Fatalf("a missing key for an existing spool: %v, want ErrKey", err)
	}
	other := filepath.Join(dir, "other.key")
	if err := os.WriteFile(other, bytes.Repeat([]byte{9}, 32), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path, Options{KeyFile: other})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close(); checkFile(t, path) }()
	if _, err := s.loadDoc(id); err == nil || !strings.Contains(err.Error(), "does not decrypt") {
		t.Fatalf("err = %v, want a decryption failure", err)
	}
}

func TestCorruptFileIsRefused(t *testing.T) {
	tests := []struct {
		name    string
		corrupt func(t *testing.T, path string)
	}{
		{"garbage", func(t *testing.T, path string) {
			os.WriteFile(path, bytes.Repeat([]byte("not a bolt file "), 1024), 0o600)
		}},
		{"meta pages zeroed", func(t *testing.T, path string) {
			makeSpool(t, path, 3)
			f, _ := os.OpenFile(path, os.O_RDWR, 0)
			defer f.Close()
			f.WriteAt(make([]byte, 8192), 0)
		}},
		{"data pages scribbled", func(t *testing.T, path string) {
			makeSpool(t, path, 200)
			raw, _ := os.ReadFile(path)
			for i := 4 * 4096; i+8 < len(raw); i += 4096 {
				copy(raw[i:], []byte{0xde, 0xad, 0xbe, 0xef, 0xde, 0xad, 0xbe, 0xef})
			}
			os.WriteFile(path, raw, 0o600)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "spool.db")
			tt.corrupt(t, path)
			s, err := Open(path, Options{})
			if err == nil {
				s.Close()
				t.Fatal("a corrupt file was opened")
			}
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("err = %v, want ErrCorrupt", err)
			}
			t.Log(err)
			if !strings.Contains(err.Error(), "docs/spool.md") {
				t.Errorf("err = %v: does not say where the recovery procedure is", err)
			}
		})
	}
}

// makeSpool writes a spool file with n queued jobs.
func makeSpool(t *testing.T, path string, n int) {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		if _, err := s.Enqueue(context.Background(), NewJob{Printer: "a4", Title: "t", Doc: pdf}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
}

func TestSecondOpenIsLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "spool.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close(); checkFile(t, path) }()
	_, err = Open(path, Options{OpenTimeout: 50 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("err = %v, want ErrLocked", err)
	}
}

func TestEnqueueRefusesBadJobs(t *testing.T) {
	s := openTest(t, Options{MaxDocSize: 100})
	ctx := context.Background()
	for _, nj := range []NewJob{
		{Title: "t", Doc: pdf},
		{Printer: "a4", Title: "t"},
		{Printer: "a4", Title: "t", Doc: make([]byte, 101)},
	} {
		if _, err := s.Enqueue(ctx, nj); err == nil || !strings.HasPrefix(err.Error(), "spool: enqueue:") {
			t.Errorf("Enqueue(%q, %d bytes) = %v, want a refusal", nj.Printer, len(nj.Doc), err)
		}
	}
}
