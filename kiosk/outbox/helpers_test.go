package outbox_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central"
	"github.com/govkiosk/kiosk/central/refdata"
	"github.com/govkiosk/kiosk/kiosk/backoff"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/spool"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// fakeClock is a clock the test moves by hand.
type fakeClock struct {
	mu      sync.Mutex
	now     time.Time
	waiters []waiter
}

type waiter struct {
	at time.Time
	ch chan time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	c.waiters = append(c.waiters, waiter{c.now.Add(d), ch})
	return ch
}

// Advance moves the clock and fires the timers that are due.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	keep := c.waiters[:0]
	for _, w := range c.waiters {
		if !w.at.After(c.now) {
			w.ch <- c.now
		} else {
			keep = append(keep, w)
		}
	}
	c.waiters = keep
}

// centralEnv is the reference server on a real listener; down() makes every /v1 call
// fail by dropping the connection, up() restores it.
type centralEnv struct {
	srv *central.Server
	ts  *httptest.Server
}

func startCentral(t testing.TB, dir string) *centralEnv {
	t.Helper()
	srv, err := central.New(central.Options{DataDir: dir, Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { ts.Close(); srv.Close() })
	return &centralEnv{srv: srv, ts: ts}
}

func (c *centralEnv) down(t testing.TB) {
	if err := c.srv.SetFaults(central.Faults{DropRate: 1, Seed: 1}); err != nil {
		t.Fatal(err)
	}
}

func (c *centralEnv) up(t testing.TB) {
	if err := c.srv.SetFaults(central.Faults{}); err != nil {
		t.Fatal(err)
	}
}

func (c *centralEnv) applications(t testing.TB) int {
	st, err := c.srv.Stats()
	if err != nil {
		t.Fatal(err)
	}
	return st.Applications
}

func client(t testing.TB, url string) *centralapi.Client {
	t.Helper()
	c, err := centralapi.New(centralapi.Options{BaseURL: url, TerminalID: "DEMO0001", Logger: quiet(), Attempts: 2,
		Backoff: backoff.Policy{Min: time.Millisecond, Max: 2 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// closedURL is a loopback address where nothing listens.
func closedURL(t testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr
}

func openSpool(t testing.TB, path string) *spool.Spool {
	t.Helper()
	s, err := spool.Open(path, spool.Options{Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// application is a citizen's application for delivery without a session.
func application(t testing.TB, id, itemName string) centralapi.ApplicationRequest {
	t.Helper()
	return buildApplication(id, itemName)
}

// buildApplication panics on a fixture or item that does not exist (a broken test).
func buildApplication(id, itemName string) centralapi.ApplicationRequest {
	c, ok := refdata.LookupCitizen(id)
	if !ok {
		panic("fixture missing")
	}
	cat, _ := refdata.BuildCatalog()
	code := ""
	for _, it := range cat.Items {
		if it.NameZH == itemName {
			code = it.Code
		}
	}
	if code == "" {
		panic("no item " + itemName)
	}
	name := c.Name
	if c.NameEN != "" {
		name = c.NameEN
	}
	return centralapi.ApplicationRequest{ItemCode: code,
		Form:      map[string]string{"applicant_name": c.Name, "applicant_id": c.IDNumber, "phone": c.Phone},
		Applicant: &centralapi.Applicant{IDNumber: c.IDNumber, Name: name}}
}

func ctxT(t testing.TB, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}
