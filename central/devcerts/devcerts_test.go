package devcerts

import (
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func readCert(t *testing.T, path string) *x509.Certificate {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	blk, _ := pem.Decode(b)
	if blk == nil {
		t.Fatalf("%s: no PEM block", path)
	}
	c, err := x509.ParseCertificate(blk.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestWriteChains(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	if err := Write(dir, []string{"127.0.0.1", "central.test"}, []string{"T-1"}, now); err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(readCert(t, filepath.Join(dir, CAFile)))
	srv := readCert(t, filepath.Join(dir, ServerFile))
	for _, host := range []string{"127.0.0.1", "central.test"} {
		if _, err := srv.Verify(x509.VerifyOptions{DNSName: host, Roots: pool, CurrentTime: now}); err != nil {
			t.Errorf("server certificate for %s: %v", host, err)
		}
	}
	if _, err := srv.Verify(x509.VerifyOptions{DNSName: "other.test", Roots: pool, CurrentTime: now}); err == nil {
		t.Error("server certificate valid for a host it was not made for")
	}
	cf, _ := TerminalFiles("T-1")
	cl := readCert(t, filepath.Join(dir, cf))
	opts := x509.VerifyOptions{Roots: pool, CurrentTime: now, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}
	if _, err := cl.Verify(opts); err != nil || cl.Subject.CommonName != "T-1" {
		t.Errorf("client certificate: CN %q, %v", cl.Subject.CommonName, err)
	}
	opts.CurrentTime = now.Add(Validity + time.Hour)
	if _, err := cl.Verify(opts); err == nil {
		t.Error("client certificate still valid after its validity")
	}
	_, kf := TerminalFiles("T-1")
	st, err := os.Stat(filepath.Join(dir, kf))
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", st.Mode().Perm())
	}
}
