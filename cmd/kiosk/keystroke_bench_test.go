package main

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central"
	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/kiosk/catalog"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/kiosk/session"
)

// stillClock is a session clock whose timers never fire: a benchmark's session must not
// time out while it types.
type stillClock struct{ now time.Time }

func (c stillClock) Now() time.Time { return c.now }
func (stillClock) AfterFunc(time.Duration, func()) (stop func() bool) {
	return func() bool { return true }
}

// BenchmarkKeystroke measures what one key of the on-screen keyboard costs, from the
// session's TypeKey to the new View with its results handed to the UI's subscriber:
// the real catalog of the reference server (1488 items, fetched and cached as the agent
// does), searched through the agent's own adapter. One op types the whole query, key by
// key, from an empty search; ns/key is ns/op divided by the keys. The on-screen keyboard
// has no space key: "geren canbao" is what a hardware keyboard would send.
func BenchmarkKeystroke(b *testing.B) {
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, err := central.New(central.Options{DataDir: b.TempDir(), Logger: quiet})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	b.Cleanup(func() { ts.Close(); srv.Close() })
	client, err := centralapi.New(centralapi.Options{BaseURL: ts.URL, Logger: quiet})
	if err != nil {
		b.Fatal(err)
	}
	store, err := catalog.Open(b.TempDir(), client, catalog.Options{Logger: quiet})
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := store.Refresh(ctx); err != nil {
		b.Fatal(err)
	}
	if n := len(store.Current().Items); n < 1000 {
		b.Fatalf("the reference catalog has %d items", n)
	}
	m := session.New(session.Options{Log: quiet, Language: "zh", Clock: stillClock{time.Now()},
		Catalog: sessionCatalog{&agent{catalog: store}}})
	var last session.View
	m.Subscribe(func(v session.View) { last = v }) // as the UI does; it draws on its own goroutine
	m.CardPresented(&devices.Card{Type: devices.CardResident, Name: "王小明", LongTerm: true})
	if m.View().Screen != session.ScreenHome {
		b.Fatalf("no session: %+v", m.View())
	}
	for _, q := range []string{"sbzm", "gerencanbao", "geren canbao"} {
		b.Run(q, func(b *testing.B) {
			keys := []rune(q)
			for b.Loop() {
				b.StopTimer()
				m.ClearQuery()
				b.StartTimer()
				for _, k := range keys {
					m.TypeKey(string(k))
				}
			}
			if last.Query != q || len(last.Results) == 0 {
				b.Fatalf("typing %q ends with %q and %d results", q, last.Query, len(last.Results))
			}
			if b.N > 0 {
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(keys)), "ns/key")
			}
			b.Logf("%q finds %s first", q, last.Results[0].NameZH)
		})
	}
}
