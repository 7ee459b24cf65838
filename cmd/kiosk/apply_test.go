package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govkiosk/kiosk/central/refdata"
	"github.com/govkiosk/kiosk/kiosk/localapi"
	"github.com/govkiosk/kiosk/kiosk/session"
)

// itemCode finds an item of the agent's catalog by its Chinese name.
func itemCode(t *testing.T, ta *testAgent, name string) string {
	t.Helper()
	for _, h := range ta.catalog.Current().Search(name, 5) {
		if h.Item.NameZH == name {
			return h.Item.Code
		}
	}
	t.Fatalf("no item %s in the catalog", name)
	return ""
}

// receiptsLog reads what the receipt simulator printed. Asking the printer's status first
// makes sure the simulator has handled every byte sent before it.
func receiptsLog(t *testing.T, ta *testAgent, dir string) []byte {
	t.Helper()
	if st, _ := ta.receipt.status(ta.ctx); !st.Ready {
		t.Errorf("receipt printer status %+v", st)
	}
	log, err := os.ReadFile(filepath.Join(dir, "state", "receipts.log"))
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// queryItem is an item the terminal cannot do: a progress query.
func queryItem(t *testing.T, ta *testAgent) string {
	t.Helper()
	for _, h := range ta.catalog.Current().Search("进度查询", 5) {
		if h.Item.Kind == "query" && !h.Item.Flags.Printable {
			return h.Item.Code
		}
	}
	t.Fatal("no query item in the catalog")
	return ""
}

// insertCard puts 王建国's card on the simulated reader and waits for the home screen.
func insertCard(t *testing.T, ta *testAgent, dir string) *localapi.Client {
	t.Helper()
	c := localapi.NewClient(filepath.Join(dir, "k.sock"))
	if err := c.SimInsert(ta.ctx, "resident"); err != nil {
		t.Fatal(err)
	}
	ta.waitScreen(t, session.ScreenHome)
	return c
}

// applyFor goes from the home screen through the form (the phone typed, the rest from
// the card or left empty) to the result screen.
func applyFor(t *testing.T, ta *testAgent, code string) session.View {
	t.Helper()
	s := ta.session
	s.OpenItem(code)
	s.Apply()
	v := ta.waitScreen(t, session.ScreenForm)
	for v.Screen == session.ScreenForm {
		f := v.Apply.Fields[v.Apply.Current]
		if f.Key == "phone" {
			for _, d := range "13800138000" {
				s.FormKey(string(d))
			}
		}
		s.FormNext()
		v = s.View()
	}
	if v.Screen != session.ScreenReview {
		t.Fatalf("not the review: %+v %+v", v, v.Apply)
	}
	s.Submit()
	return ta.waitScreen(t, session.ScreenResult)
}

// An instant-approval item is decided at once by central (王建国 is over 60: approved),
// the receipt prints on the receipt printer with the masked name and no ID number, and
// the look-up lists the application.
func TestAgentInstantApproval(t *testing.T) {
	dir, srv, _, _, ta := agentWithCentral(t)
	insertCard(t, ta, dir)
	v := applyFor(t, ta, itemCode(t, ta, "老年人优待证办理"))
	res := v.Apply.Result
	if res == nil || res.Status != session.StatusApproved || !strings.HasPrefix(res.Reference, "SQ") {
		t.Fatalf("result %+v", res)
	}
	ta.session.PrintReceipt()
	ta.waitNotice(t, session.NoticeReceiptPrinted)
	log := receiptsLog(t, ta, dir)
	if s := string(log); !strings.Contains(s, res.Reference) || !strings.Contains(s, "王**") || !strings.Contains(s, "老年人优待证办理") ||
		strings.Contains(s, "44030419580315123X") || strings.Contains(s, "王建国") {
		t.Errorf("the receipt reads:\n%s", s)
	}
	ta.session.Home()
	ta.session.MyApplications()
	v = ta.waitView(t, "the applications", func(v session.View) bool { return v.Applications != nil && !v.Applications.Loading })
	if l := v.Applications.Lines; len(l) != 1 || l[0].Reference != res.Reference || l[0].StageZH != "已批准" || l[0].Waiting {
		t.Errorf("look-up %+v", l)
	}
	if st, err := srv.Stats(); err != nil || st.Applications != 1 {
		t.Errorf("central holds %d applications (%v)", st.Applications, err)
	}
}

// An ordinary application is accepted with central's reference and is there once.
func TestAgentApplicationAccepted(t *testing.T) {
	dir, srv, _, _, ta := agentWithCentral(t)
	c := insertCard(t, ta, dir)
	v := applyFor(t, ta, itemCode(t, ta, "居民身份证换领"))
	if res := v.Apply.Result; res == nil || res.Status != "accepted" || !strings.HasPrefix(res.Reference, "SQ") {
		t.Fatalf("result %+v", res)
	}
	if st, err := srv.Stats(); err != nil || st.Applications != 1 {
		t.Errorf("central holds %d applications, want 1 (%v)", st.Applications, err)
	}
	if err := c.SimRemove(ta.ctx); err != nil {
		t.Fatal(err)
	}
	ta.waitScreen(t, session.ScreenAttract)
	ta.stop()
	for _, secret := range []string{"44030419580315123X", "13800138000", "王建国"} {
		if strings.Contains(ta.logs.String(), secret) {
			t.Errorf("the log holds %q", secret)
		}
	}
}

// With central down the application is kept on the terminal with a local reference,
// and delivered exactly once when central is back.
func TestAgentApplicationOffline(t *testing.T) {
	dir, srv, addr, stop, ta := agentWithCentral(t)
	insertCard(t, ta, dir)
	stop()
	v := applyFor(t, ta, itemCode(t, ta, "居民身份证换领"))
	res := v.Apply.Result
	if res == nil || res.Status != session.StatusQueued || !strings.HasPrefix(res.Reference, "L-TEST-1-") {
		t.Fatalf("result %+v", res)
	}
	ta.session.Home()
	ta.session.MyApplications()
	v = ta.waitNotice(t, session.NoticeCentralDown)
	if l := v.Applications.Lines; v.Screen != session.ScreenApplications || !v.Applications.Failed ||
		len(l) != 1 || !l[0].Waiting || l[0].Reference != res.Reference || l[0].ItemZH != "居民身份证换领" {
		t.Errorf("look-up with central down: %+v, want the one kept here", v.Applications)
	}

	_, stop = centralAt(t, srv, addr)
	defer stop()
	// Back at central, the look-up lists it once: still waiting here, or delivered by the
	// outbox service meanwhile.
	ta.session.Home()
	ta.session.MyApplications()
	v = ta.waitView(t, "the applications", func(v session.View) bool {
		return v.Screen == session.ScreenApplications && v.Applications != nil && !v.Applications.Loading
	})
	if l := v.Applications.Lines; len(l) != 1 || l[0].Waiting && l[0].Reference != res.Reference || l[0].ItemZH != "居民身份证换领" {
		t.Errorf("look-up with the application kept here: %+v", l)
	}
	if _, err := ta.outbox.FlushNow(ta.ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := ta.outbox.Flush(ta.ctx); err != nil { // a second pass sends nothing again
		t.Fatal(err)
	}
	if st, err := srv.Stats(); err != nil || st.Applications != 1 {
		t.Errorf("central holds %d applications, want 1 (%v)", st.Applications, err)
	}
	items, err := ta.spool.OutboxList()
	if err != nil || len(items) != 1 || items[0].LocalRef != res.Reference || items[0].RemoteRef == "" {
		t.Errorf("outbox %+v, %v", items, err)
	}
}

// For an item the terminal cannot do, a queue number for a staffed counter is issued
// and printed.
func TestAgentQueueTicket(t *testing.T) {
	dir, srv, _, stop, ta := agentWithCentral(t)
	insertCard(t, ta, dir)
	ta.session.OpenItem(queryItem(t, ta))
	ta.session.Apply()
	ta.waitNotice(t, session.NoticeNotHere)
	ta.session.TakeTicket()
	v := ta.waitView(t, "the ticket", func(v session.View) bool { return v.Ticket != nil && !v.Ticket.Loading })
	if tk := v.Ticket; tk.Failed || tk.Number == "" || tk.HallZH == "" || tk.Group != tk.Number[:1] {
		t.Fatalf("ticket %+v", tk)
	}
	ta.session.PrintReceipt()
	ta.waitNotice(t, session.NoticeReceiptPrinted)
	if log := receiptsLog(t, ta, dir); !strings.Contains(string(log), v.Ticket.Number) {
		t.Errorf("the ticket printed:\n%s", log)
	}
	if st, err := srv.Stats(); err != nil || st.Tickets != 1 {
		t.Errorf("central holds %d tickets (%v)", st.Tickets, err)
	}

	stop() // central down: a plain message
	ta.session.Home()
	ta.session.OpenItem(queryItem(t, ta))
	ta.session.TakeTicket()
	if v := ta.waitNotice(t, session.NoticeCentralDown); v.Screen != session.ScreenTicket || !v.Ticket.Failed {
		t.Errorf("central down: %+v", v)
	}
}

// The configured hall (terminal.hall) issues the numbers; a hall central does not list
// is a plain message, not a number from another hall.
func TestAgentQueueTicketAtTheConfiguredHall(t *testing.T) {
	dir, _, _, _, ta := agentWithCentral(t)
	insertCard(t, ta, dir)
	futian := refdata.Halls()[1]
	ta.cfg.Terminal.Hall = futian.ID
	ta.session.OpenItem(queryItem(t, ta))
	ta.session.TakeTicket()
	v := ta.waitView(t, "the ticket", func(v session.View) bool { return v.Ticket != nil && !v.Ticket.Loading })
	if tk := v.Ticket; tk.Failed || tk.HallZH != futian.NameZH {
		t.Fatalf("ticket %+v, want one from %s", tk, futian.NameZH)
	}

	ta.session.Home()
	ta.cfg.Terminal.Hall = "SZ-NOWHERE"
	ta.session.OpenItem(queryItem(t, ta))
	ta.session.TakeTicket()
	if v := ta.waitNotice(t, session.NoticeCentralDown); v.Screen != session.ScreenTicket || !v.Ticket.Failed {
		t.Errorf("an unknown hall: %+v", v)
	}
	if !strings.Contains(ta.logs.String(), "SZ-NOWHERE") {
		t.Error("the log does not name the unknown hall for the technician")
	}
}
