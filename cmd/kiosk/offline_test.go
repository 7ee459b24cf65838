package main

import (
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govkiosk/kiosk/central"
	"github.com/govkiosk/kiosk/central/refdata"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/kiosk/config"
	"github.com/govkiosk/kiosk/kiosk/localapi"
	"github.com/govkiosk/kiosk/kiosk/session"
)

// centralAt serves a reference central server at addr ("127.0.0.1:0" for any port) and
// returns its address and a stop function.
func centralAt(t *testing.T, srv *central.Server, addr string) (string, func()) {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: srv.Handler()}
	go hs.Serve(ln)
	return ln.Addr().String(), func() { hs.Close() }
}

// With central stopped, the agent still searches its cached catalog and takes an
// application into the outbox with a local reference; when central is back, the
// application arrives exactly once.
func TestAgentWorksOfflineAndDeliversOnce(t *testing.T) {
	dir, srv, addr, stop, ta := agentWithCentral(t)
	a, ctx := ta.agent, ta.ctx

	stop() // central goes away
	if _, err := a.catalog.Refresh(ctx); err == nil {
		t.Fatal("a refresh with central stopped did not fail")
	}
	hits := a.catalog.Current().Search("sbzm", 3)
	if len(hits) == 0 || hits[0].Item.NameZH != "个人参保证明" {
		t.Fatalf("search from the cache: %+v", hits)
	}

	citizen, _ := refdata.LookupCitizen("44030419580315123X")
	var itemCode string
	for _, h := range a.catalog.Current().Search("居民身份证换领", 3) {
		if h.Item.NameZH == "居民身份证换领" {
			itemCode = h.Item.Code
		}
	}
	req := centralapi.ApplicationRequest{
		ItemCode:  itemCode,
		Form:      map[string]string{"applicant_name": citizen.Name, "applicant_id": citizen.IDNumber, "phone": citizen.Phone},
		Applicant: &centralapi.Applicant{IDNumber: citizen.IDNumber, Name: citizen.Name},
	}
	sub, err := a.outbox.SubmitApplication(ctx, centralapi.Auth{}, centralapi.NewIdempotencyKey(), req)
	if err != nil {
		t.Fatalf("submit with central down: %v", err)
	}
	if sub.Queued == nil || !strings.HasPrefix(sub.Queued.LocalRef, "L-TEST-1-") {
		t.Fatalf("not queued with a local reference: %+v", sub)
	}
	c := localapi.NewClient(filepath.Join(dir, "k.sock"))
	items, err := c.Outbox(ctx)
	if err != nil || len(items) != 1 || items[0].State != "waiting" {
		t.Fatalf("kioskctl outbox ls: %+v, %v", items, err)
	}

	_, stop = centralAt(t, srv, addr) // central is back, at the same address
	defer stop()
	if _, err := a.outbox.FlushNow(ctx); err != nil {
		t.Fatalf("flush: %v", err)
	}
	st, err := srv.Stats()
	if err != nil || st.Applications != 1 {
		t.Errorf("central holds %d applications, want 1 (%v)", st.Applications, err)
	}
	items, _ = c.Outbox(ctx)
	if len(items) != 1 || items[0].State != "delivered" || items[0].RemoteRef == "" {
		t.Errorf("outbox after delivery: %+v", items)
	}
	ta.stop()
	if strings.Contains(ta.logs.String(), citizen.IDNumber) {
		t.Error("the log holds the applicant's ID number")
	}
}

// Central going down in the middle of a citizen's journey ends in a plain message on the
// item screen, nothing queued for printing, and the session still there to try again or
// leave; taking the card wipes it as usual.
func TestCentralDownMidJourney(t *testing.T) {
	dir, _, _, stop, ta := agentWithCentral(t)
	a, ctx := ta.agent, ta.ctx
	c := localapi.NewClient(filepath.Join(dir, "k.sock"))
	if err := c.SimInsert(ctx, "resident"); err != nil {
		t.Fatal(err)
	}
	ta.waitScreen(t, session.ScreenHome)
	a.session.OpenItem(a.session.View().Results[0].Code)

	stop() // central goes down while the citizen reads the item
	a.session.Print()
	v := ta.waitNotice(t, session.NoticeCentralDown)
	if v.Screen != session.ScreenItem {
		t.Errorf("screen %s, want the item again", v.Screen)
	}
	if jobs, err := c.SpoolJobs(ctx); err != nil || len(jobs) != 0 {
		t.Errorf("jobs queued without a proof: %+v, %v", jobs, err)
	}
	if err := c.SimRemove(ctx); err != nil {
		t.Fatal(err)
	}
	ta.waitScreen(t, session.ScreenAttract)
	if st := a.session.Status(); st.Active {
		t.Errorf("session still active: %+v", st)
	}
}

// agentWithCentral runs a reference central server on its own listener and a headless
// agent that talks to it, with the catalog fetched once.
func agentWithCentral(t *testing.T) (dir string, srv *central.Server, addr string, stop func(), ta *testAgent) {
	t.Helper()
	dir = t.TempDir()
	srv, err := central.New(central.Options{DataDir: filepath.Join(dir, "central")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	addr, stop = centralAt(t, srv, "127.0.0.1:0")
	cfg, err := config.Load(demoConfig(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Central.Embedded, cfg.Central.URL = false, "http://"+addr
	ta = startAgent(t, cfg, "test")
	if _, err := ta.catalog.Refresh(ta.ctx); err != nil { // the catalog service does the same at start
		t.Fatalf("first catalog fetch: %v", err)
	}
	return dir, srv, addr, stop, ta
}
