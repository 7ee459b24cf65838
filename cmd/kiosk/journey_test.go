package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/govkiosk/kiosk/central"
	"github.com/govkiosk/kiosk/devices/ipp/ipptest"
	"github.com/govkiosk/kiosk/kiosk/session"
	"github.com/govkiosk/kiosk/spool"
)

// The whole journey through the real agent and real parts: the ID card reader simulator
// on a pseudo-terminal opened by the serial driver, the reference central server, a
// real ippeveprinter. Card → type "sbzm" → 个人参保证明 → print → the printer receives
// the PDF → rating → card taken → attract; then nothing personal is left in the
// session's state or in the log.
func TestWholeJourney(t *testing.T) {
	printer := ipptest.Start(t)
	ta, reader := ippAgent(t, printer)
	a := ta.agent

	if err := reader.Insert("resident"); err != nil {
		t.Fatal(err)
	}
	if v := ta.waitScreen(t, session.ScreenHome); v.Greeting != "王**" {
		t.Errorf("greeting %q", v.Greeting)
	}
	for _, k := range []string{"s", "b", "z", "m"} {
		a.session.TypeKey(k)
	}
	v := a.session.View()
	if len(v.Results) == 0 || v.Results[0].NameZH != "个人参保证明" {
		t.Fatalf("sbzm finds %+v", v.Results)
	}
	a.session.OpenItem(v.Results[0].Code)
	ta.printWithPreview(t)
	ta.waitScreen(t, session.ScreenPrinted)
	if got := printer.Received(); got != 1 {
		t.Errorf("the printer received %d documents, want 1", got)
	}
	if got := printer.Printed(); len(got) != 1 {
		t.Errorf("the printer printed %v, want one document", got)
	}

	a.session.ToRating()
	a.session.Rate(session.ScoreDissatisfied, []string{session.Reasons[0]})
	ta.waitScreen(t, session.ScreenGoodbye)
	reader.Remove()
	ta.waitScreen(t, session.ScreenAttract)
	if err := a.session.Wait(ta.ctx); err != nil { // the rating is sent
		t.Fatal(err)
	}
	st, err := a.central.ref.Stats()
	if err != nil || st.Ratings != 1 {
		t.Errorf("central holds %d ratings, want 1 (%v)", st.Ratings, err)
	}

	// Nothing personal is left: the session's state and view, the spool's records, the log.
	view := fmt.Sprintf("%+v", a.session.View())
	status := fmt.Sprintf("%+v", a.session.Status())
	jobs, err := a.spool.List(spool.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	records := fmt.Sprintf("%+v", jobs)
	ta.stop()
	for _, secret := range []string{"王建国", "44030419580315123X", "福中三路", "sbzm"} {
		for where, text := range map[string]string{"view": view, "status": status, "spool records": records, "log": ta.logs.String()} {
			if strings.Contains(text, secret) {
				t.Errorf("the %s holds %q after the session", where, secret)
			}
		}
	}
	if !a.session.Status().Started.IsZero() || a.session.Status().Active {
		t.Error("the session was not ended")
	}
}

// The reasons the rating screen offers are tags central's contract accepts.
func TestRatingReasonsAreInTheContract(t *testing.T) {
	contract := string(central.OpenAPI)
	i := strings.Index(contract, "enum: [fast,")
	if i < 0 {
		t.Fatal("no rating tag enum in central/openapi.yaml")
	}
	enum := contract[i : i+strings.Index(contract[i:], "]")]
	for _, r := range session.Reasons {
		if !strings.Contains(enum, " "+r+",") && !strings.HasSuffix(enum, " "+r) {
			t.Errorf("reason %q is not a rating tag in the contract (%s])", r, enum)
		}
	}
}
