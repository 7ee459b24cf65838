package centralapi_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central"
	"github.com/govkiosk/kiosk/central/refdata"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// TestFaultsGiveTypedErrors injects each fault mode of the reference server at rate 1
// and checks the typed error, the number of tries (retries only where safe) and that no
// call outlives its deadline.
func TestFaultsGiveTypedErrors(t *testing.T) {
	cases := []struct {
		name   string
		faults central.Faults
		want   error
	}{
		{"error 503", central.Faults{ErrorRate: 1}, centralapi.ErrUnreachable},
		{"dropped connection", central.Faults{DropRate: 1}, centralapi.ErrUnreachable},
		{"handled then dropped", central.Faults{DropAfterRate: 1}, centralapi.ErrUnreachable},
		{"garbage body", central.Faults{GarbageRate: 1}, centralapi.ErrServerFault},
		{"latency past the deadline", central.Faults{LatencyMS: 1500}, centralapi.ErrUnreachable},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			g, err := e.client.CreateSession(ctxT(t, 5*time.Second), card(t, refdata.FixtureWang))
			if err != nil {
				t.Fatal(err)
			}
			tc.faults.Seed = 7
			e.faults(t, tc.faults)
			item := itemCode(t, "老年人优待证办理")
			key := centralapi.NewIdempotencyKey()
			calls := []struct {
				name  string
				tries int64 // requests the server should see (4 = the client's Attempts)
				fn    func(ctx context.Context) error
			}{
				{"catalog (GET, retried)", 4, func(ctx context.Context) error { _, err := e.client.FetchCatalog(ctx, ""); return err }},
				{"session (POST without key, once)", 1, func(ctx context.Context) error {
					_, err := e.client.CreateSession(ctx, card(t, refdata.FixtureChen))
					return err
				}},
				{"application (POST with key, retried)", 4, func(ctx context.Context) error {
					_, err := e.client.SubmitApplication(ctx, centralapi.Auth{Token: g.Token}, key,
						centralapi.ApplicationRequest{ItemCode: item, Form: form(t, refdata.FixtureWang)})
					return err
				}},
			}
			for _, c := range calls {
				deadline := 3 * time.Second
				if tc.faults.LatencyMS > 0 {
					deadline = 150 * time.Millisecond
				}
				before := e.requests.Load()
				start := time.Now()
				err := c.fn(ctxT(t, deadline))
				took := time.Since(start)
				if !errors.Is(err, tc.want) {
					t.Errorf("%s: error %v, want %v", c.name, err, tc.want)
				}
				if took > deadline+time.Second {
					t.Errorf("%s: took %v past a %v deadline", c.name, took, deadline)
				}
				if tc.faults.LatencyMS > 0 {
					if !errors.Is(err, context.DeadlineExceeded) {
						t.Errorf("%s: %v does not say the deadline passed", c.name, err)
					}
					continue
				}
				// net/http itself resends an idempotent request (a GET, or one with an
				// Idempotency-Key header) once when a reused connection breaks.
				if n := e.requests.Load() - before; n < c.tries || n > 2*c.tries || c.tries == 1 && n != 1 {
					t.Errorf("%s: server saw %d requests, want %d", c.name, n, c.tries)
				}
			}
			// Faults off: the same application key completes, and exactly one exists.
			e.faults(t, central.Faults{})
			if _, err := e.client.SubmitApplication(ctxT(t, 5*time.Second), centralapi.Auth{Token: g.Token}, key,
				centralapi.ApplicationRequest{ItemCode: item, Form: form(t, refdata.FixtureWang)}); err != nil {
				t.Fatal(err)
			}
			if n := e.stats(t).Applications; n != 1 {
				t.Errorf("server holds %d applications after the faults, want 1", n)
			}
		})
	}
}

// TestRetriesRideOutPartialFaults: at a 50 % mix of every fault, retried calls mostly
// succeed, every failure is typed, and the applications that went through are exactly
// the keys sent (no duplicates), once resent after the faults end.
func TestRetriesRideOutPartialFaults(t *testing.T) {
	e := newEnv(t)
	g, err := e.client.CreateSession(ctxT(t, 5*time.Second), card(t, refdata.FixtureWang))
	if err != nil {
		t.Fatal(err)
	}
	e.faults(t, central.Faults{ErrorRate: 0.15, DropRate: 0.15, DropAfterRate: 0.15, GarbageRate: 0.05, Seed: 42})
	var logs bytes.Buffer
	c := newClient(t, e.ts.URL, func(o *centralapi.Options) {
		o.Attempts = 8
		o.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	item := itemCode(t, "老年人优待证办理")
	const n = 40
	var failed []string
	ok := 0
	for i := range n {
		key := fmt.Sprintf("mix-%d", i)
		_, err := c.SubmitApplication(ctxT(t, 5*time.Second), centralapi.Auth{Token: g.Token}, key,
			centralapi.ApplicationRequest{ItemCode: item, Form: form(t, refdata.FixtureWang)})
		switch {
		case err == nil:
			ok++
		case errors.Is(err, centralapi.ErrUnreachable), errors.Is(err, centralapi.ErrServerFault):
			failed = append(failed, key)
		default:
			t.Fatalf("untyped error: %v", err)
		}
	}
	if ok < n*3/4 {
		t.Errorf("only %d of %d retried submissions succeeded", ok, n)
	}
	if !strings.Contains(logs.String(), "centralapi: retry") {
		t.Error("no retry was logged")
	}
	for _, secret := range []string{refdata.FixtureWang, "王建国", g.Token, "applicant_id"} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the log repeats %q", secret)
		}
	}
	e.faults(t, central.Faults{})
	for _, key := range failed {
		if _, err := c.SubmitApplication(ctxT(t, 5*time.Second), centralapi.Auth{Token: g.Token}, key,
			centralapi.ApplicationRequest{ItemCode: item, Form: form(t, refdata.FixtureWang)}); err != nil {
			t.Fatal(err)
		}
	}
	if got := e.stats(t).Applications; got != n {
		t.Errorf("server holds %d applications for %d keys", got, n)
	}
}

// TestClockSkew: a server clock a day ahead does not break the calls; its times are its own.
func TestClockSkew(t *testing.T) {
	e := newEnv(t)
	e.faults(t, central.Faults{ClockSkewSeconds: 86400})
	g, err := e.client.CreateSession(ctxT(t, 5*time.Second), card(t, refdata.FixtureWang))
	if err != nil {
		t.Fatal(err)
	}
	if ahead := time.Until(g.Session.ExpiresAt); ahead < 23*time.Hour {
		t.Errorf("session expires %v from now; the skew should show", ahead)
	}
	if _, err := e.client.GetSession(ctxT(t, 5*time.Second), g.Token); err != nil {
		t.Errorf("skewed session refused: %v", err)
	}
	if _, err := e.client.FetchCatalog(ctxT(t, 5*time.Second), ""); err != nil {
		t.Error(err)
	}
}

// TestServerDown: nothing listening is ErrUnreachable, quickly.
func TestServerDown(t *testing.T) {
	e := newEnv(t)
	e.ts.Close()
	start := time.Now()
	_, err := e.client.FetchCatalog(ctxT(t, 5*time.Second), "")
	if !errors.Is(err, centralapi.ErrUnreachable) || time.Since(start) > 2*time.Second {
		t.Errorf("server down: %v after %v", err, time.Since(start))
	}
}
