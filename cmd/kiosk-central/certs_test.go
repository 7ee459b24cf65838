package main

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/govkiosk/kiosk/central/devcerts"
)

// TestServeMutualTLS makes certificates with the certs command and serves with them.
func TestServeMutualTLS(t *testing.T) {
	dir := t.TempDir()
	cmd := newRootCommand()
	cmd.SetArgs([]string{"certs", "--out", dir, "--terminal", "T-1"})
	cmd.SetOut(io.Discard)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	p := func(f string) string { return filepath.Join(dir, f) }
	ctx, cancel := context.WithCancel(context.Background())
	addrc, done := make(chan string, 1), make(chan error, 1)
	go func() {
		done <- serve(ctx, serveFlags{listen: "127.0.0.1:0", dataDir: t.TempDir(), tlsCert: p(devcerts.ServerFile),
			tlsKey: p(devcerts.ServerKeyFile), clientCA: p(devcerts.CAFile)}, io.Discard, func(a string) { addrc <- a })
	}()
	var addr string
	select {
	case addr = <-addrc:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	}
	cf, kf := devcerts.TerminalFiles("T-1")
	cfg, err := devcerts.ClientConfig(p(devcerts.CAFile), p(cf), p(kf))
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
	resp, err := c.Get("https://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("healthz over mTLS: %d", resp.StatusCode)
	}
	if _, err := http.Get("https://" + addr + "/healthz"); err == nil {
		t.Error("a client without the CA and a certificate got in")
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("stop: %v", err)
	}
}
