package outbox_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
	"github.com/govkiosk/kiosk/kiosk/backoff"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/kiosk/outbox"
	"github.com/govkiosk/kiosk/spool"
)

func newService(t *testing.T, sp *spool.Spool, c outbox.Central, clk outbox.Clock) *outbox.Service {
	t.Helper()
	s, err := outbox.New(outbox.Options{Spool: sp, Central: c, TerminalID: "DEMO0001", Clock: clk, Logger: quiet(),
		Backoff: backoff.Policy{Min: 2 * time.Second, Max: time.Minute, Rand: func() float64 { return 0.999 }}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestFlushBacksOffThenDelivers: with central down the head item backs off (attempts,
// reason and next attempt recorded) and nothing else is tried; when it is back, one
// pass delivers all, with the local reference and the offline time.
func TestFlushBacksOffThenDelivers(t *testing.T) {
	ce := startCentral(t, t.TempDir())
	ce.down(t)
	sp := openSpool(t, filepath.Join(t.TempDir(), "spool.db"))
	clk := newFakeClock()
	svc := newService(t, sp, client(t, ce.ts.URL), clk)
	ctx := ctxT(t, 20*time.Second)

	var refs []string
	for _, id := range []string{refdata.FixtureWang, refdata.FixtureChen, refdata.FixtureGarcia} {
		r, err := svc.AddApplication(ctx, "", application(t, id, "居民身份证换领"))
		if err != nil {
			t.Fatal(err)
		}
		refs = append(refs, r.LocalRef)
	}
	if refs[0] != "L-DEMO0001-000001" || refs[2] != "L-DEMO0001-000003" {
		t.Errorf("local refs %v", refs)
	}
	if _, err := svc.AddRating(ctx, "rate-1", centralapi.RatingRequest{ItemCode: "PSB-0001", Score: 5}); err != nil {
		t.Fatal(err)
	}

	next, err := svc.Flush(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d := next.Sub(clk.Now()); d < time.Second || d > 2*time.Second {
		t.Errorf("next attempt in %v, want the first backoff (1–2 s)", d)
	}
	list, _ := sp.OutboxList()
	if list[0].Attempts != 1 || !strings.Contains(list[0].LastError, "unreachable") || list[1].Attempts != 0 {
		t.Errorf("after a failed pass: %+v", list[:2])
	}
	// Before the backoff ends, a pass tries nothing.
	if again, _ := svc.Flush(ctx); !again.Equal(next) {
		t.Errorf("early pass moved the next attempt: %v vs %v", again, next)
	}
	if list, _ := sp.OutboxList(); list[0].Attempts != 1 {
		t.Errorf("early pass tried: %+v", list[0])
	}
	// FlushNow (what Kick asks of Serve) tries the first item before its backoff ends.
	if _, err := svc.FlushNow(ctx); err != nil {
		t.Fatal(err)
	}
	if list, _ := sp.OutboxList(); list[0].Attempts != 2 || list[1].Attempts != 0 {
		t.Errorf("FlushNow: %+v", list[:2])
	}
	clk.Advance(4 * time.Second)
	next, _ = svc.Flush(ctx)
	if list, _ := sp.OutboxList(); list[0].Attempts != 3 || next.Sub(clk.Now()) < 4*time.Second {
		t.Errorf("second backoff: %+v, next in %v", list[0], next.Sub(clk.Now()))
	}
	if ce.applications(t) != 0 {
		t.Fatal("applications arrived while central was down")
	}

	ce.up(t)
	clk.Advance(time.Minute)
	if next, err := svc.Flush(ctx); err != nil || !next.IsZero() {
		t.Fatalf("pass with central back: %v %v", next, err)
	}
	if n := ce.applications(t); n != 3 {
		t.Errorf("central holds %d applications, want 3", n)
	}
	list, _ = sp.OutboxList()
	for _, r := range list {
		if r.State != spool.OutboxStateDelivered || r.RemoteRef == "" {
			t.Errorf("not delivered: %+v", r)
		}
	}
	js, _ := json.Marshal(list)
	for _, secret := range []string{refdata.FixtureWang, "王建国", "form"} {
		if strings.Contains(string(js), secret) {
			t.Errorf("the outbox list shows %q: %s", secret, js)
		}
	}
	if _, err := svc.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if n := ce.applications(t); n != 3 {
		t.Errorf("a second pass resent: %d applications", n)
	}
}

// TestRefusedItemFailsAndOthersGo: an item central refuses fails with central's reason;
// the items behind it are delivered.
func TestRefusedItemFailsAndOthersGo(t *testing.T) {
	ce := startCentral(t, t.TempDir())
	sp := openSpool(t, filepath.Join(t.TempDir(), "spool.db"))
	svc := newService(t, sp, client(t, ce.ts.URL), newFakeClock())
	ctx := ctxT(t, 20*time.Second)
	bad := application(t, refdata.FixtureChen, "居民身份证换领")
	bad.Applicant.Name = "SOMEONE ELSE"
	if _, err := svc.AddApplication(ctx, "", bad); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddApplication(ctx, "", application(t, refdata.FixtureWang, "居民身份证换领")); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	list, _ := sp.OutboxList()
	if list[0].State != spool.OutboxStateFailed || !strings.Contains(list[0].LastError, "applicant_unknown") {
		t.Errorf("refused item: %+v", list[0])
	}
	if list[1].State != spool.OutboxStateDelivered || ce.applications(t) != 1 {
		t.Errorf("item behind it: %+v", list[1])
	}
	if _, err := svc.AddApplication(ctx, "", centralapi.ApplicationRequest{ItemCode: "X"}); err == nil {
		t.Error("an application without its applicant was accepted")
	}
}

// TestOnlineAttemptThatWentThrough: the online submit was handled but its answer lost;
// the outbox item under the same key (a different body: applicant, client_ref) is
// recognised as already recorded, and central holds one application.
func TestOnlineAttemptThatWentThrough(t *testing.T) {
	ce := startCentral(t, t.TempDir())
	c := client(t, ce.ts.URL)
	ctx := ctxT(t, 20*time.Second)
	req := application(t, refdata.FixtureChen, "居民身份证换领")
	if _, err := c.SubmitApplication(ctx, centralapi.Auth{}, "key-1", req); err != nil {
		t.Fatal(err)
	}
	sp := openSpool(t, filepath.Join(t.TempDir(), "spool.db"))
	svc := newService(t, sp, c, newFakeClock())
	if _, err := svc.AddApplication(ctx, "key-1", req); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	list, _ := sp.OutboxList()
	if list[0].State != spool.OutboxStateDelivered || ce.applications(t) != 1 {
		t.Errorf("%+v; central holds %d", list[0], ce.applications(t))
	}
}

// TestServeWaitsAndDelivers: Serve waits on the injected clock while central is down,
// and delivers when the clock reaches the next attempt and central is back.
func TestServeWaitsAndDelivers(t *testing.T) {
	ce := startCentral(t, t.TempDir())
	ce.down(t)
	sp := openSpool(t, filepath.Join(t.TempDir(), "spool.db"))
	clk := newFakeClock()
	svc := newService(t, sp, client(t, ce.ts.URL), clk)
	idle := make(chan time.Time, 16)
	svc.SetIdleHook(func(next time.Time) { idle <- next })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- svc.Serve(ctx) }()

	if next := <-idle; !next.IsZero() {
		t.Fatalf("empty outbox waits for %v", next)
	}
	if _, err := svc.AddApplication(ctx, "", application(t, refdata.FixtureWang, "居民身份证换领")); err != nil {
		t.Fatal(err)
	}
	next := <-idle // the kick from Add: one attempt, refused by the network
	if next.IsZero() {
		t.Fatal("no next attempt while central is down")
	}
	ce.up(t)
	clk.Advance(next.Sub(clk.Now()))
	if next := <-idle; !next.IsZero() {
		t.Fatalf("after delivery, waits for %v", next)
	}
	if n := ce.applications(t); n != 1 {
		t.Errorf("central holds %d", n)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

func TestNewNeedsSpoolAndCentral(t *testing.T) {
	if _, err := outbox.New(outbox.Options{}); err == nil {
		t.Error("New without a spool and central")
	}
}
