package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/kiosk/config"
	"github.com/govkiosk/kiosk/kiosk/localapi"
	"github.com/govkiosk/kiosk/kiosk/session"
	"github.com/govkiosk/kiosk/spool"
)

// A config with an unknown key, a wrong type or an invalid value stops the start with
// the config package's message, exit status 2, before anything runs.
func TestBadConfigStopsTheStart(t *testing.T) {
	for _, name := range []string{"unknown_key", "wrong_type", "invalid_value"} {
		t.Run(name, func(t *testing.T) {
			path := "../../kiosk/config/testdata/" + name + ".yaml"
			want, err := os.ReadFile("../../kiosk/config/testdata/" + name + ".err")
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			if code := kioskMain([]string{"--config", path, "--headless"}, &stdout, &stderr); code != 2 {
				t.Errorf("exit status %d, want 2", code)
			}
			wantMsg := "kiosk: " + strings.Replace(string(want), "testdata/", "../../kiosk/config/testdata/", 1)
			if got := stderr.String(); got != wantMsg {
				t.Errorf("stderr\n got %q\nwant %q", got, wantMsg)
			}
		})
	}
}

// syncBuffer is a log sink safe for the agent's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// demoConfig writes a demo-like config into dir: embedded central, simulated reader,
// PDFs into dir/prints.
func demoConfig(t *testing.T, dir string) string {
	t.Helper()
	cfg := fmt.Sprintf(`terminal: {id: TEST-1}
log: {format: json, level: debug}
state_dir: %[1]s/state
local_api: {socket: %[1]s/k.sock}
central: {url: "", embedded: true}
reader: {transport: sim}
technician: {pin_hash: "%[2]s"}
printers:
  a4: {type: pdfdir, dir: %[1]s/prints}
  receipt: {type: sim}
`, dir, config.HashPIN("2468"))
	path := filepath.Join(dir, "kiosk.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// The headless agent, driven through its real local API as kioskctl drives it: a card
// starts a session, a print writes a PDF, removing the card ends the session, and no
// personal data reaches the log.
func TestHeadlessJourney(t *testing.T) {
	dir := t.TempDir()
	path := demoConfig(t, dir)
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	ta := startAgent(t, cfg, path)
	a, ctx, logs := ta.agent, ta.ctx, ta.logs
	c := localapi.NewClient(filepath.Join(dir, "k.sock"))
	waitScreen := func(s session.Screen) session.View { t.Helper(); return ta.waitScreen(t, s) }
	if _, err := a.catalog.Refresh(ctx); err != nil { // as the catalog service does at start
		t.Fatal(err)
	}

	if err := c.SimInsert(ctx, "resident"); err != nil {
		t.Fatal(err)
	}
	if v := waitScreen(session.ScreenHome); v.Greeting != "王**" {
		t.Errorf("greeting %q", v.Greeting)
	}
	st, err := c.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !st.Session.Active || st.Session.CardType != "resident" || !st.Headless || st.TerminalID != "TEST-1" {
		t.Errorf("status during the session: %+v", st)
	}

	// The UI's taps: S B Z M on the keyboard, the first result, Print.
	for _, k := range []string{"s", "b", "z", "m"} {
		a.session.TypeKey(k)
	}
	v := a.session.View()
	if len(v.Results) == 0 || v.Results[0].NameZH != "个人参保证明" || !v.Results[0].Printable {
		t.Fatalf("search results for sbzm: %+v", v.Results)
	}
	a.session.OpenItem(v.Results[0].Code)
	ta.printWithPreview(t)
	waitScreen(session.ScreenPrinted)
	pdfs, _ := filepath.Glob(filepath.Join(dir, "prints", "*.pdf"))
	if len(pdfs) != 1 {
		t.Errorf("prints: %v", pdfs)
	}
	jobs, err := c.SpoolJobs(ctx)
	if err != nil || len(jobs) != 1 || jobs[0].State != spool.Completed || !strings.HasPrefix(jobs[0].Title, "proof-HRSS-") {
		t.Errorf("spool after printing: %+v, %v", jobs, err)
	}
	// The printed PDF is the real proof from central, for this citizen.
	if text := pdfText(t, pdfs[0]); !strings.Contains(text, "个人参保证明") || !strings.Contains(text, "44030419580315123X") || !strings.Contains(text, "第 1 页") {
		t.Errorf("the printed proof reads:\n%s", text)
	}

	if err := c.SimRemove(ctx); err != nil {
		t.Fatal(err)
	}
	waitScreen(session.ScreenAttract)
	if st, _ := c.Status(ctx); st.Session.Active || st.Session.Sessions != 1 {
		t.Errorf("status after the session: %+v", st.Session)
	}

	// The receipt printer (the ESC/POS simulator on an in-process line) answers status
	// and prints a test page.
	ps, err := c.Printers(ctx)
	if err != nil || len(ps) != 2 || ps[1].Name != "receipt" || !ps[1].Ready {
		t.Errorf("printers: %+v, %v", ps, err)
	}
	if res, err := c.TestPage(ctx, "receipt"); err != nil || res.Message != "test page printed on receipt" {
		t.Errorf("receipt test page: %+v, %v", res, err)
	}
	if res, err := c.TestPage(ctx, "a4"); err != nil || res.JobID == "" {
		t.Errorf("a4 test page: %+v, %v", res, err)
	}

	// Pulling the reader's cable is a fault that kioskctl status shows, and the agent
	// recovers when the reader comes back.
	if err := c.SimUnplug(ctx); err != nil {
		t.Fatal(err)
	}
	ta.waitNotice(t, session.NoticeReaderFault)
	if st, _ := c.Status(ctx); st.Reader.OK || st.Reader.Fault == "" {
		t.Errorf("reader status while unplugged: %+v", st.Reader)
	}
	if err := c.SimReplug(ctx); err != nil {
		t.Fatal(err)
	}
	ta.waitNotice(t, session.NoticeNone)
	if st, _ := c.Status(ctx); !st.Reader.OK {
		t.Errorf("reader status after replug: %+v", st.Reader)
	}
	if err := c.SimInsert(ctx, "hk_mo_tw_permit"); err != nil {
		t.Fatal(err)
	}
	if v := waitScreen(session.ScreenHome); v.Greeting != "陈**" {
		t.Errorf("greeting after recovery %q", v.Greeting)
	}

	ta.stop()
	if _, err := os.Stat(filepath.Join(dir, "k.sock")); !os.IsNotExist(err) {
		t.Error("socket left behind")
	}
	if log, err := os.ReadFile(filepath.Join(dir, "state", "receipts.log")); err != nil || !bytes.Contains(log, []byte("receipt")) || !bytes.Contains(log, []byte("[CUT]")) {
		t.Errorf("receipt log: %v\n%s", err, log)
	}
	out := logs.String()
	for _, secret := range []string{"王建国", "44030419580315123X", "福中三路", "陈美玲", "810000199006060023"} {
		if strings.Contains(out, secret) {
			t.Errorf("the log holds %q", secret)
		}
	}
	if !strings.Contains(out, `"msg":"session ended"`) {
		t.Errorf("log lacks the session's end:\n%s", out)
	}
}

// Technician mode through the real agent: the status screen reads the agent's status,
// which asks the session; this must not deadlock.
func TestTechnicianModeInTheAgent(t *testing.T) {
	dir := t.TempDir()
	path := demoConfig(t, dir)
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	ta := startAgent(t, cfg, path)
	a := ta.agent
	a.session.TechGesture()
	a.session.TechPIN("0000")
	if v := a.session.View(); v.Notice != session.NoticeWrongPIN {
		t.Errorf("wrong PIN: %+v", v)
	}
	a.session.TechPIN("2468")
	if err := a.session.Wait(ta.ctx); err != nil { // the status is read in the background
		t.Fatal(err)
	}
	v := a.session.View()
	if v.Screen != session.ScreenTechStatus || len(v.Status) < 3 {
		t.Fatalf("status screen: %+v", v)
	}
	if v.Status[0].Value != "TEST-1 · dev" {
		t.Errorf("first line %+v", v.Status[0])
	}
	ta.stop()
	if strings.Contains(ta.logs.String(), "2468") {
		t.Error("the PIN reached the log")
	}
}

// A corrupt spool file does not stop the agent: printing is off, the status says why,
// and a citizen who asks to print is told it did not succeed.
func TestCorruptSpoolTurnsPrintingOff(t *testing.T) {
	dir := t.TempDir()
	path := demoConfig(t, dir)
	if err := os.MkdirAll(filepath.Join(dir, "state"), 0o750); err != nil {
		t.Fatal(err)
	}
	garbage := bytes.Repeat([]byte("not a bbolt file "), 512)
	if err := os.WriteFile(filepath.Join(dir, "state", "spool.db"), garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	ta := startAgent(t, cfg, path)
	a, ctx := ta.agent, ta.ctx
	c := localapi.NewClient(filepath.Join(dir, "k.sock"))
	st, err := c.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Printers) < 1 || !strings.Contains(st.Printers[0].Fault, "printing is off") || !strings.Contains(st.Printers[0].Fault, "corrupt") {
		t.Errorf("printer status %+v", st.Printers)
	}
	if _, err := c.SpoolJobs(ctx); err == nil || !strings.Contains(err.Error(), "printing is off") {
		t.Errorf("spool ls: %v", err)
	}
	if err := c.SimInsert(ctx, "resident"); err != nil {
		t.Fatal(err)
	}
	ta.waitScreen(t, session.ScreenHome)
	if _, err := a.catalog.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	a.session.ClearQuery() // searches again, now with the catalog
	a.session.TypeKey("s")
	a.session.Backspace()
	a.session.OpenItem(a.session.View().Results[0].Code)
	ta.printWithPreview(t)
	if err := a.session.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if v := a.session.View(); v.Notice != session.NoticePrintFailed {
		t.Errorf("view after printing with no spool: %+v", v)
	}
	ta.stop()
	if !strings.Contains(ta.logs.String(), "docs/spool.md") {
		t.Error("the log does not say where the recovery is documented")
	}
}

// pdfText extracts a PDF file's text with pdftotext.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (.ci/run installs poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// testAgent is a headless agent a test runs in-process, with its log and its views.
type testAgent struct {
	*agent
	ctx   context.Context // canceled by stop
	logs  *syncBuffer
	views chan session.View
	stop  func() // stops the agent and waits for it; safe to call twice
}

// startAgent runs the agent headless with cfg until the test ends or stop is called.
func startAgent(t *testing.T, cfg config.Config, path string) *testAgent {
	t.Helper()
	ta := &testAgent{logs: &syncBuffer{}, views: make(chan session.View, 1024)}
	ready := make(chan *agent, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, runOptions{cfg: cfg, cfgPath: path, headless: true, started: time.Now(), logOut: ta.logs,
			ready: func(a *agent) {
				a.session.Subscribe(func(v session.View) {
					select {
					case ta.views <- v:
					default: // a test that does not read views must not block the session
					}
				})
				ready <- a
			}})
	}()
	select {
	case ta.agent = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("the agent did not start: %v\n%s", err, ta.logs.String())
	}
	var once sync.Once
	ta.ctx = ctx
	ta.stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("run: %v", err)
			}
		})
	}
	t.Cleanup(ta.stop)
	return ta
}

// waitView waits for a view that ok accepts.
func (ta *testAgent) waitView(t *testing.T, what string, ok func(session.View) bool) session.View {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case v := <-ta.views:
			if ok(v) {
				return v
			}
		case <-timeout:
			t.Fatalf("%s never came; logs:\n%s", what, ta.logs.String())
		}
	}
}

func (ta *testAgent) waitScreen(t *testing.T, s session.Screen) session.View {
	t.Helper()
	return ta.waitView(t, "screen "+string(s), func(v session.View) bool { return v.Screen == s })
}

func (ta *testAgent) waitNotice(t *testing.T, n session.Notice) session.View {
	t.Helper()
	return ta.waitView(t, "notice "+string(n), func(v session.View) bool { return v.Notice == n })
}
