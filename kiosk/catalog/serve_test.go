package catalog_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/kiosk/catalog"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// flakyFetcher fails while down, else asks the real client.
type flakyFetcher struct {
	next catalog.Fetcher
	down bool
}

func (f *flakyFetcher) FetchCatalog(ctx context.Context, etag string) (centralapi.CatalogAnswer, error) {
	if f.down {
		return centralapi.CatalogAnswer{}, centralapi.ErrUnreachable
	}
	return f.next.FetchCatalog(ctx, etag)
}

// TestServeRefreshes: Serve refreshes at once, retries sooner after a failure, and
// returns when its context ends. Its timer is injected: the test hands out each tick.
func TestServeRefreshes(t *testing.T) {
	_, _, client := centralUp(t)
	f := &flakyFetcher{next: client, down: true}
	waits := make(chan time.Duration)
	ticks := make(chan time.Time)
	s, err := catalog.Open(t.TempDir(), f, catalog.Options{Logger: quiet(), Every: time.Hour, Retry: time.Minute,
		After: func(d time.Duration) <-chan time.Time { waits <- d; return ticks }})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- s.Serve(ctx) }()
	if d := <-waits; d != time.Minute {
		t.Errorf("after a failed refresh Serve waits %v, want the retry interval", d)
	}
	if s.Current() != nil {
		t.Error("a catalog from a failed refresh")
	}
	f.down = false // read by Serve only after the tick below
	ticks <- time.Now()
	if d := <-waits; d != time.Hour {
		t.Errorf("after a good refresh Serve waits %v", d)
	}
	if c := s.Current(); c == nil || len(c.Items) != 1488 {
		t.Error("no catalog after the refresh")
	}
	cancel()
	if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
		t.Error(err)
	}
}
