package catalog_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central"
	"github.com/govkiosk/kiosk/kiosk/catalog"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// centralUp starts the reference server on a loopback listener and returns a client.
func centralUp(t testing.TB) (*central.Server, *httptest.Server, *centralapi.Client) {
	t.Helper()
	srv, err := central.New(central.Options{DataDir: t.TempDir(), Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { ts.Close(); srv.Close() })
	c, err := centralapi.New(centralapi.Options{BaseURL: ts.URL, Logger: quiet(), Attempts: 2})
	if err != nil {
		t.Fatal(err)
	}
	return srv, ts, c
}

func ctx(t testing.TB) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return c
}

// TestCacheServesWhenCentralIsDown: fetch once, stop central, restart the agent (a new
// Store on the same folder): the catalog and its search come from the cache.
func TestCacheServesWhenCentralIsDown(t *testing.T) {
	dir := t.TempDir()
	_, ts, client := centralUp(t)
	s, err := catalog.Open(dir, client, catalog.Options{Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	if s.Current() != nil {
		t.Fatal("a catalog before any fetch")
	}
	r, err := s.Refresh(ctx(t))
	if err != nil || !r.Changed || r.ETag == "" {
		t.Fatalf("first refresh: %+v %v", r, err)
	}
	ts.Close() // central goes down

	if _, err := s.Refresh(ctx(t)); !errors.Is(err, centralapi.ErrUnreachable) {
		t.Errorf("refresh with central down: %v", err)
	}
	if c := s.Current(); c == nil || len(c.Items) != 1488 {
		t.Fatal("the catalog in use was dropped")
	}
	again, err := catalog.Open(dir, client, catalog.Options{Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	c := again.Current()
	if c == nil || len(c.Items) != 1488 || len(c.Departments) != 34 || c.ETag != r.ETag {
		t.Fatalf("from the cache: %+v", c)
	}
	if hits := c.Search("sbzm", 1); len(hits) != 1 || hits[0].Item.NameZH != "个人参保证明" {
		t.Errorf("search from the cache: %v", hits)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("cache folder holds %d files, want only %s", len(entries), catalog.CacheFile)
	}
}

// TestUnchangedRefreshRewritesNothing: a 304 keeps the very same file and catalog.
func TestUnchangedRefreshRewritesNothing(t *testing.T) {
	dir := t.TempDir()
	_, _, client := centralUp(t)
	s, _ := catalog.Open(dir, client, catalog.Options{Logger: quiet()})
	if _, err := s.Refresh(ctx(t)); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(filepath.Join(dir, catalog.CacheFile))
	if err != nil {
		t.Fatal(err)
	}
	cur := s.Current()
	r, err := s.Refresh(ctx(t))
	if err != nil || r.Changed {
		t.Fatalf("second refresh: %+v %v", r, err)
	}
	after, err := os.Stat(filepath.Join(dir, catalog.CacheFile))
	if err != nil || !os.SameFile(before, after) || !after.ModTime().Equal(before.ModTime()) {
		t.Error("an unchanged catalog rewrote the cache")
	}
	if s.Current() != cur {
		t.Error("an unchanged catalog was indexed again")
	}
}

// TestBadCacheIgnored: a damaged cache file is not fatal; the next refresh replaces it.
func TestBadCacheIgnored(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, catalog.CacheFile), []byte(`{"etag":"x","catalog":{"items":`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, client := centralUp(t)
	s, err := catalog.Open(dir, client, catalog.Options{Logger: quiet()})
	if err != nil || s.Current() != nil {
		t.Fatalf("open over a bad cache: %v", err)
	}
	if r, err := s.Refresh(ctx(t)); err != nil || !r.Changed {
		t.Fatalf("refresh: %+v %v", r, err)
	}
	if again, _ := catalog.Open(dir, client, catalog.Options{Logger: quiet()}); again.Current() == nil {
		t.Error("the refreshed cache does not load")
	}
}

// TestGarbageKeepsCatalog: central answering garbage leaves the catalog in use.
func TestGarbageKeepsCatalog(t *testing.T) {
	srv, _, client := centralUp(t)
	s, _ := catalog.Open(t.TempDir(), client, catalog.Options{Logger: quiet()})
	if _, err := s.Refresh(ctx(t)); err != nil {
		t.Fatal(err)
	}
	cur := s.Current()
	srv.SetFaults(central.Faults{GarbageRate: 1, Seed: 1})
	if _, err := s.Refresh(ctx(t)); !errors.Is(err, centralapi.ErrServerFault) {
		t.Errorf("garbage: %v", err)
	}
	if s.Current() != cur {
		t.Error("garbage replaced the catalog")
	}
}
