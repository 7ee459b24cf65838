package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices/ipp/ipptest"
	"github.com/govkiosk/kiosk/devices/sim"
	"github.com/govkiosk/kiosk/kiosk/config"
	"github.com/govkiosk/kiosk/kiosk/session"
	"github.com/govkiosk/kiosk/spool"
)

// printWithPreview taps Print, waits for the preview and confirms it, as a citizen does.
func (ta *testAgent) printWithPreview(t *testing.T) session.View {
	t.Helper()
	ta.session.Print()
	v := ta.waitScreen(t, session.ScreenPreview)
	ta.session.ConfirmPrint()
	return v
}

// ippAgent runs the agent with the ID card reader simulator on a pseudo-terminal (opened
// by the serial driver), the embedded reference central server, and printer for A4, with
// the catalog fetched once.
func ippAgent(t *testing.T, printer *ipptest.Printer) (*testAgent, *sim.IDCardReader) {
	t.Helper()
	reader := sim.NewIDCardReader(sim.IDCardOptions{Baud: 115200})
	ta := ptyAgent(t, reader, fmt.Sprintf(`{type: ipp, url: "%s"}`, printer.URI))
	if _, err := ta.catalog.Refresh(ta.ctx); err != nil {
		t.Fatal(err)
	}
	return ta, reader
}

// ptyAgent runs the agent with reader served on a pseudo-terminal and opened by the
// serial driver, the embedded reference central server, and a4 (a YAML flow mapping; "":
// a PDF folder) as the A4 printer.
func ptyAgent(t *testing.T, reader *sim.IDCardReader, a4 string) *testAgent {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel) // after the agent stops
	port, err := reader.ServePTY(ctx)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	dir := t.TempDir()
	if a4 == "" {
		a4 = fmt.Sprintf("{type: pdfdir, dir: %s/prints}", dir)
	}
	path := filepath.Join(dir, "kiosk.yaml")
	cfg := fmt.Sprintf(`terminal: {id: E2E-1}
log: {format: json, level: debug}
state_dir: %[1]s/state
local_api: {socket: %[1]s/k.sock}
central: {url: "", embedded: true}
reader: {transport: serial, port: %[2]s, baud: 115200}
printers:
  a4: %[3]s
`, dir, port, a4)
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return startAgent(t, c, path)
}

// Card → proof → preview → print while the printer is out of paper: the citizen is told
// a technician is needed and the job waits, held in the spool, neither lost nor printed;
// paper back, it prints exactly once.
func TestPaperOutHoldsTheProof(t *testing.T) {
	printer := ipptest.Start(t)
	ta, reader := ippAgent(t, printer)
	a := ta.agent
	printer.RunOutOfPaper()

	if err := reader.Insert("resident"); err != nil {
		t.Fatal(err)
	}
	home := ta.waitScreen(t, session.ScreenHome)
	if len(home.Results) == 0 || home.Results[0].NameZH != "个人参保证明" {
		t.Fatalf("most used proofs: %+v", home.Results)
	}
	a.session.OpenItem(home.Results[0].Code)
	pv := ta.printWithPreview(t)
	if pv.Preview == nil {
		t.Fatal("no preview on the preview screen")
	}
	if _, err := exec.LookPath("pdftoppm"); err == nil {
		if pv.Preview.Image == nil || pv.Preview.Pages < 1 {
			t.Errorf("preview %+v, want the first page's picture and the page count", pv.Preview)
		}
	}
	ta.waitScreen(t, session.ScreenPrinting)
	if v := ta.waitNotice(t, session.NoticePrinterFault); v.Screen != session.ScreenItem {
		t.Errorf("the printer fault shows on %s, want the item", v.Screen)
	}

	jobs, err := a.spool.List(spool.Filter{})
	if err != nil || len(jobs) != 1 {
		t.Fatalf("spool holds %+v (%v), want the one proof", jobs, err)
	}
	if j := jobs[0]; j.State.Final() {
		t.Fatalf("the job is %s while the printer has no paper", j.State)
	}
	if got := printer.Printed(); len(got) != 0 {
		t.Fatalf("printed %v without paper", got)
	}

	events, stop, err := a.spool.Watch(jobs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	printer.LoadPaper()
	timeout := time.After(20 * time.Second)
	for done := false; !done; {
		select {
		case ev := <-events:
			switch ev.Job.State {
			case spool.Completed:
				done = true
			case spool.Failed, spool.Canceled:
				t.Fatalf("the job %s after paper came back", ev.Job.State)
			}
		case <-timeout:
			t.Fatalf("the job never completed after paper came back; logs:\n%s", ta.logs.String())
		}
	}
	if got := printer.Printed(); len(got) != 1 {
		t.Errorf("printed %v, want the proof once", got)
	}
	if got := printer.Received(); got != 1 {
		t.Errorf("the printer received %d documents, want 1", got)
	}
	reader.Remove()
	ta.waitScreen(t, session.ScreenAttract)
}
