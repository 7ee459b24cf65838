package main

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/govkiosk/kiosk/central"
	"github.com/govkiosk/kiosk/central/refdata"
	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/sim"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/kiosk/config"
	"github.com/govkiosk/kiosk/kiosk/localapi"
	"github.com/govkiosk/kiosk/kiosk/session"
)

// secondFactorProof is the proof the test's catalog marks as needing the second factor.
// The reference data asks it of applications only, so the test's central flags a proof
// in its catalog answer; everything else is the reference server's own answers.
const secondFactorProof = "个人参保证明"

// flagSecondFactor serves the reference server, with the catalog's item named name
// marked second_factor.
func flagSecondFactor(t *testing.T, h http.Handler, name string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/catalog" {
			h.ServeHTTP(w, r)
			return
		}
		r.Header.Del("Accept-Encoding")
		r.Header.Del("If-None-Match")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		var cat map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &cat); err != nil {
			t.Errorf("catalog answer: %v", err)
			http.Error(w, "bad catalog", http.StatusInternalServerError)
			return
		}
		for _, it := range cat["items"].([]any) {
			if item := it.(map[string]any); item["name_zh"] == name {
				item["flags"].(map[string]any)["second_factor"] = true
			}
		}
		body, _ := json.Marshal(cat)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("ETag", `"second-factor-test"`)
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)
	})
}

// A card through the real agent and reference central: read, signed in, home; the proof
// that needs the second factor asks for the code sent to the citizen's masked phone,
// refuses a wrong one, prints after the right one; the card taken ends the session at
// central too.
func TestSignInAndSecondFactorProof(t *testing.T) {
	dir := t.TempDir()
	srv, err := central.New(central.Options{DataDir: filepath.Join(dir, "central")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: flagSecondFactor(t, srv.Handler(), secondFactorProof)}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	cfg, err := config.Load(demoConfig(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Central.Embedded, cfg.Central.URL = false, "http://"+ln.Addr().String()
	ta := startAgent(t, cfg, "test")
	a, ctx := ta.agent, ta.ctx
	if _, err := a.catalog.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	c := localapi.NewClient(filepath.Join(dir, "k.sock"))

	if err := c.SimInsert(ctx, "resident"); err != nil {
		t.Fatal(err)
	}
	ta.waitScreen(t, session.ScreenReading)
	ta.waitScreen(t, session.ScreenAuthenticating)
	if v := ta.waitScreen(t, session.ScreenHome); v.Greeting != "王**" || v.Offline {
		t.Fatalf("home %+v", v)
	}
	if st, err := srv.Stats(); err != nil || st.Sessions != 1 {
		t.Fatalf("central holds %d sessions, want 1 (%v)", st.Sessions, err)
	}

	for _, k := range []string{"s", "b", "z", "m"} {
		a.session.TypeKey(k)
	}
	v := a.session.View()
	if len(v.Results) == 0 || v.Results[0].NameZH != secondFactorProof || !v.Results[0].SecondFactor || !v.Results[0].Printable {
		t.Fatalf("sbzm finds %+v", v.Results)
	}
	a.session.OpenItem(v.Results[0].Code)
	a.session.Print()
	citizen, _ := refdata.LookupCitizen("44030419580315123X")
	want := citizen.Phone[:3] + "****" + citizen.Phone[7:]
	if v := ta.waitView(t, "the code sent", func(v session.View) bool { return v.MaskedPhone != "" }); v.Screen != session.ScreenSecondFactor || v.MaskedPhone != want {
		t.Fatalf("second factor %+v, want the code sent to %s", v, want)
	}
	typeCode := func(code string) {
		for _, d := range code {
			a.session.CodeKey(string(d))
		}
		a.session.SubmitCode()
	}
	typeCode("000000")
	if v := ta.waitNotice(t, session.NoticeWrongCode); v.Screen != session.ScreenSecondFactor {
		t.Fatalf("wrong code: %+v", v)
	}
	typeCode("123456")
	ta.waitScreen(t, session.ScreenPreview)
	a.session.ConfirmPrint()
	ta.waitScreen(t, session.ScreenPrinted)
	pdfs, _ := filepath.Glob(filepath.Join(dir, "prints", "*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("prints: %v", pdfs)
	}
	if text := pdfText(t, pdfs[0]); !strings.Contains(text, secondFactorProof) {
		t.Errorf("the printed proof reads:\n%s", text)
	}

	if err := c.SimRemove(ctx); err != nil {
		t.Fatal(err)
	}
	ta.waitScreen(t, session.ScreenAttract)
	if err := a.session.Wait(ctx); err != nil { // the sign-out at central
		t.Fatal(err)
	}
	if st, err := srv.Stats(); err != nil || st.Sessions != 0 {
		t.Errorf("central holds %d sessions after the card left, want 0 (%v)", st.Sessions, err)
	}
	ta.stop()
	for _, secret := range []string{"王建国", "44030419580315123X", citizen.Phone} {
		if strings.Contains(ta.logs.String(), secret) {
			t.Errorf("the log holds %q", secret)
		}
	}
}

// Central down when the card is read: the session opens offline, search works, printing
// says central is down; central back, the next print signs in and prints, and the
// banner goes.
func TestCentralDownAtCardTimeGivesAnOfflineSession(t *testing.T) {
	dir, srv, addr, stop, ta := agentWithCentral(t)
	a, ctx := ta.agent, ta.ctx
	c := localapi.NewClient(filepath.Join(dir, "k.sock"))
	stop()
	if err := c.SimInsert(ctx, "resident"); err != nil {
		t.Fatal(err)
	}
	v := ta.waitScreen(t, session.ScreenHome)
	if !v.Offline || v.Greeting != "王**" {
		t.Fatalf("home %+v", v)
	}
	for _, k := range []string{"s", "b", "z", "m"} {
		a.session.TypeKey(k)
	}
	if v := a.session.View(); len(v.Results) == 0 || v.Results[0].NameZH != "个人参保证明" || !v.Offline {
		t.Fatalf("offline search: %+v", v)
	}
	a.session.OpenItem(a.session.View().Results[0].Code)
	a.session.Print()
	if v := ta.waitNotice(t, session.NoticeCentralDown); v.Screen != session.ScreenItem || !v.Offline {
		t.Fatalf("print offline: %+v", v)
	}

	_, stop = centralAt(t, srv, addr) // central is back
	defer stop()
	ta.printWithPreview(t)
	if v := ta.waitScreen(t, session.ScreenPrinted); v.Offline {
		t.Errorf("the banner stays after a print that reached central: %+v", v)
	}
	if err := c.SimRemove(ctx); err != nil {
		t.Fatal(err)
	}
	ta.waitScreen(t, session.ScreenAttract)
	if err := a.session.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if st, err := srv.Stats(); err != nil || st.Sessions != 0 {
		t.Errorf("central holds %d sessions after the card left, want 0 (%v)", st.Sessions, err)
	}
}

// The tokens' bookkeeping against the reference server: a refused card, an ended
// session's token gone and its central session ended, a proof for an ended session
// refused rather than signed in again.
func TestCitizenSessionsBookkeeping(t *testing.T) {
	dir := t.TempDir()
	srv, err := central.New(central.Options{DataDir: filepath.Join(dir, "central")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	addr, stop := centralAt(t, srv, "127.0.0.1:0")
	defer stop()
	client, err := centralapi.New(centralapi.Options{BaseURL: "http://" + addr, TerminalID: "TEST-1"})
	if err != nil {
		t.Fatal(err)
	}
	cs := newCitizenSessions(client, slog.New(slog.DiscardHandler))
	reached := 0 // central answered a sign-in: the outbox is kicked
	cs.reached = func() { reached++ }
	ctx := context.Background()
	card := func(name string) *devices.Card {
		var f sim.Fixture
		for _, x := range sim.BuiltinFixtures() {
			if x.Name == name {
				f = x
			}
		}
		c, err := f.Card()
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	sessions := func() int {
		st, err := srv.Stats()
		if err != nil {
			t.Fatal(err)
		}
		return st.Sessions
	}

	stranger := card("resident")
	stranger.Birth = stranger.Birth.AddDate(0, 0, 1) // not what the records say
	if err := cs.SignIn(ctx, "s1", stranger); !errors.Is(err, session.ErrCardRefused) {
		t.Errorf("a mismatching card: %v, want ErrCardRefused", err)
	}
	cs.SignOut(ctx, "s1")
	if reached != 1 {
		t.Errorf("a refused sign-in kicked the outbox %d times, want 1: central answered", reached)
	}

	// The reference central's calendar refuses the expired fixture (the terminal would
	// have refused it first); a request central refuses for the terminal's sake, not the
	// card's, gives an offline session rather than blaming the card.
	if err := cs.SignIn(ctx, "s1e", card("expired")); !errors.Is(err, session.ErrCardExpired) {
		t.Errorf("an expired card: %v, want ErrCardExpired", err)
	}
	cs.SignOut(ctx, "s1e")
	blank := card("resident")
	blank.Number = ""
	if err := cs.SignIn(ctx, "s1b", blank); !errors.Is(err, session.ErrCentralUnreachable) || errors.Is(err, session.ErrCardRefused) {
		t.Errorf("a request central refuses: %v, want ErrCentralUnreachable", err)
	}
	cs.SignOut(ctx, "s1b")

	if err := cs.SignIn(ctx, "s2", card("resident")); err != nil {
		t.Fatal(err)
	}
	if reached != 4 {
		t.Errorf("sign-ins kicked the outbox %d times in all, want 4 (every answer, yes or no)", reached)
	}
	if n := sessions(); n != 1 {
		t.Fatalf("%d sessions at central, want 1", n)
	}
	cs.SignOut(ctx, "s2")
	if n := sessions(); n != 0 {
		t.Errorf("%d sessions at central after the sign-out, want 0", n)
	}
	if _, err := cs.token(ctx, "s2", card("resident")); err == nil {
		t.Error("a proof for an ended session signed in again")
	}
	if _, err := cs.Challenge(ctx, "s2"); !errors.Is(err, session.ErrCentralUnreachable) {
		t.Errorf("a challenge without a session: %v", err)
	}
	if n := sessions(); n != 0 {
		t.Errorf("%d sessions at central, want 0", n)
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if len(cs.tokens) != 0 {
		t.Errorf("tokens kept: %d", len(cs.tokens))
	}
}

// A session that ends while central signs it in (the card pulled during the
// authenticating screen) is ended at central as soon as central answers.
func TestSignInAnsweredAfterTheSessionEnded(t *testing.T) {
	dir := t.TempDir()
	srv, err := central.New(central.Options{DataDir: filepath.Join(dir, "central")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	arrived, release := make(chan struct{}), make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.URL.Path == "/v1/sessions" {
			close(arrived)
			<-release
		}
		srv.Handler().ServeHTTP(w, r)
	})
	ts := httptest.NewServer(slow)
	defer ts.Close()
	client, err := centralapi.New(centralapi.Options{BaseURL: ts.URL, TerminalID: "TEST-1"})
	if err != nil {
		t.Fatal(err)
	}
	cs := newCitizenSessions(client, slog.New(slog.DiscardHandler))
	f, _ := sim.BuiltinFixtures()[0].Card()
	done := make(chan error, 1)
	go func() { done <- cs.SignIn(context.Background(), "s1", f) }()
	<-arrived
	cs.SignOut(context.Background(), "s1") // the session ends before central answers
	close(release)
	if err := <-done; err == nil {
		t.Error("a sign-in for an ended session succeeded")
	}
	if st, err := srv.Stats(); err != nil || st.Sessions != 0 {
		t.Errorf("central holds %d sessions, want 0 (%v)", st.Sessions, err)
	}
}

// Through the serial driver and a simulator of our own: a card central has no record of
// is refused with a plain notice and no session; a card pulled during its read returns
// to the attract screen with no notice at all; an expired card is refused with its
// reason.
func TestRefusedAndPulledCards(t *testing.T) {
	stranger := sim.BuiltinFixtures()[0]
	stranger.Name, stranger.IDNumber = "stranger", "110101199003070011" // valid, but on no record
	stranger.CName, stranger.BirthDate = "赵六", "1990-03-07"
	reader := sim.NewIDCardReader(sim.IDCardOptions{Baud: 115200, Fixtures: []sim.Fixture{stranger}})
	ta := ptyAgent(t, reader, "")

	if err := reader.Insert("stranger"); err != nil {
		t.Fatal(err)
	}
	ta.waitScreen(t, session.ScreenAuthenticating)
	if v := ta.waitNotice(t, session.NoticeCardRefused); v.Screen != session.ScreenAttract || v.Greeting != "" {
		t.Fatalf("refused: %+v", v)
	}
	if st := ta.session.Status(); st.Active {
		t.Errorf("a session for a refused card: %+v", st)
	}
	reader.Remove()

	if err := reader.SetFault(sim.FaultRemoveMidRead, 1); err != nil {
		t.Fatal(err)
	}
	if err := reader.Insert("resident"); err != nil {
		t.Fatal(err)
	}
	ta.waitScreen(t, session.ScreenReading)
	if v := ta.waitScreen(t, session.ScreenAttract); v.Notice != session.NoticeNone {
		t.Errorf("a card pulled mid-read shows %s", v.Notice)
	}
	reader.Remove()

	// An expired card is refused by the terminal itself, with its reason, before central
	// is asked: no session.
	if err := reader.Insert("expired"); err != nil {
		t.Fatal(err)
	}
	if v := ta.waitNotice(t, session.NoticeCardExpired); v.Screen != session.ScreenAttract || v.Greeting != "" {
		t.Fatalf("expired: %+v", v)
	}
	reader.Remove()

	if err := ta.session.Wait(ta.ctx); err != nil {
		t.Fatal(err)
	}
	if st := ta.session.Status(); st.Active || st.Sessions != 1 {
		t.Errorf("status %+v, want one (refused) session and none now", st)
	}
	ta.stop()
	for _, secret := range []string{"赵六", stranger.IDNumber, "李秀英"} {
		if strings.Contains(ta.logs.String(), secret) {
			t.Errorf("the log holds %q", secret)
		}
	}
}
