package session

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

func ip(v int) *int { return &v }

var (
	fName  = centralapi.Field{Key: "applicant_name", Type: "text", LabelZH: "申请人姓名", LabelEN: "Applicant name", Required: true, Rules: centralapi.Rules{MinLen: ip(1), MaxLen: ip(40)}}
	fID    = centralapi.Field{Key: "applicant_id", Type: "id_number", LabelZH: "证件号码", LabelEN: "ID number", Required: true}
	fPhone = centralapi.Field{Key: "phone", Type: "phone", LabelZH: "联系电话", LabelEN: "Phone", Required: true}
	fLoss  = centralapi.Field{Key: "loss_reason", Type: "choice", LabelZH: "补领原因", LabelEN: "Reason for replacement", Required: true,
		Options: []centralapi.Option{{Value: "lost", LabelZH: "遗失", LabelEN: "Lost"}, {Value: "damaged", LabelZH: "损坏", LabelEN: "Damaged"}}}
	fDate = centralapi.Field{Key: "date", Type: "date", LabelZH: "预约日期", LabelEN: "Appointment date", Required: true,
		Rules: centralapi.Rules{MinDays: ip(1), MaxDays: ip(30)}}
)

var applyItems = []ItemView{
	{Code: "PSB-0007", NameZH: "居民身份证补领", NameEN: "Replacement of resident ID card", Kind: "application", Form: []centralapi.Field{fName, fID, fPhone, fLoss}},
	{Code: "CAB-0001", NameZH: "老年人优待证办理", NameEN: "Senior citizen preferential card", Kind: "application", InstantApproval: true, Form: []centralapi.Field{fName, fID, fPhone}},
	{Code: "PSB-0009", NameZH: "居民身份证办理预约", NameEN: "Appointment: resident ID card", Kind: "appointment", Form: []centralapi.Field{fName, fID, fPhone, fDate}},
	{Code: "HPF-0001", NameZH: "租房提取住房公积金", NameEN: "Fund withdrawal for rent", Kind: "application", SecondFactor: true, Form: []centralapi.Field{fName, fID, fPhone}},
	{Code: "PSB-0008", NameZH: "户籍办理进度查询", NameEN: "Progress query", Kind: "query", Form: []centralapi.Field{fID}},
	{Code: "DRC-0001", NameZH: "测试", NameEN: "Test", Kind: "application", Form: []centralapi.Field{fName,
		{Key: "school", Type: "text", LabelZH: "毕业院校", LabelEN: "University", Required: true, Rules: centralapi.Rules{MinLen: ip(2), MaxLen: ip(8)}},
		fPhone,
		{Key: "total_investment", Type: "amount", LabelZH: "总投资(元)", LabelEN: "Total investment (yuan)", Required: true}}},
}

type applyCatalog struct{ fakeCatalog }

func (applyCatalog) Item(code string) (ItemView, bool) {
	for _, it := range applyItems {
		if it.Code == code {
			return it, true
		}
	}
	return ItemView{}, false
}

// fakeServices hands each call to the test, which answers it.
type fakeServices struct {
	apps    chan Application
	answers chan submitAnswer
	lines   []ApplicationLine
	linesEr error
	ticket  TicketView
	ticketE error
}

type submitAnswer struct {
	sub Submitted
	err error
}

func (c *fakeServices) Submit(_ context.Context, a Application) (Submitted, error) {
	// What the agent gets is a copy it may read until it returns.
	cp := a
	cp.Form = map[string]string{}
	for k, v := range a.Form {
		cp.Form[k] = v
	}
	card := *a.Card
	cp.Card = &card
	c.apps <- cp
	ans := <-c.answers
	return ans.sub, ans.err
}

func (c *fakeServices) Applications(_ context.Context, _ string, card *devices.Card) ([]ApplicationLine, error) {
	if card.Number == "" {
		return nil, errors.New("no card")
	}
	return c.lines, c.linesEr
}

func (c *fakeServices) Ticket(context.Context, string) (TicketView, error) {
	return c.ticket, c.ticketE
}

type fakeReceipts struct{ got chan Receipt }

func (r fakeReceipts) PrintReceipt(_ context.Context, rc Receipt) error { r.got <- rc; return nil }

func applyMachine(t *testing.T) (*Machine, *fakeServices, fakeReceipts) {
	t.Helper()
	c := &fakeServices{apps: make(chan Application, 1), answers: make(chan submitAnswer, 1)}
	r := fakeReceipts{got: make(chan Receipt, 1)}
	m := New(Options{
		Log:      slog.New(slog.NewTextHandler(io.Discard, nil)),
		Clock:    newFakeClock(today),
		Catalog:  applyCatalog{},
		Services: c,
		Receipts: r,
		Language: "zh",
	})
	m.CardPresented(testCard())
	return m, c, r
}

func typeIn(m *Machine, s string) {
	for _, r := range s {
		m.FormKey(string(r))
	}
}

// fillReplacement goes from the item to the review of PSB-0007: the name and the ID
// number come from the card; the phone and the reason are typed and chosen.
func fillReplacement(t *testing.T, m *Machine) {
	t.Helper()
	m.OpenItem("PSB-0007")
	m.Apply()
	v := m.View()
	if v.Screen != ScreenForm || v.Apply == nil || v.Apply.Step != 1 || v.Apply.Steps != 2 {
		t.Fatalf("the form: %+v %+v", v, v.Apply)
	}
	if f := v.Apply.Fields; !f[0].FromCard || f[0].Shown != "王**" || !f[1].FromCard || f[1].Shown != "4403**********123X" || v.Apply.Current != 2 {
		t.Fatalf("fields from the card: %+v", f)
	}
	typeIn(m, "1380013800a")
	if v := m.View(); v.Apply.Fields[2].Shown != "1380013800" {
		t.Fatalf("typed phone %q", v.Apply.Fields[2].Shown)
	}
	m.FormNext() // ten digits: not a phone number
	v = m.View()
	if v.Screen != ScreenForm || v.Notice != NoticeFixForm || v.Apply.Fields[2].ErrorZH != "联系电话应为11位手机号码" || v.Apply.Fields[2].ErrorEN != "Phone must be an 11-digit mobile number" {
		t.Fatalf("a short phone number: %+v %+v", v, v.Apply.Fields[2])
	}
	typeIn(m, "0")
	if v := m.View(); v.Apply.Fields[2].ErrorZH != "" || v.Notice != NoticeNone {
		t.Errorf("the message stays after typing: %+v", v)
	}
	m.FormNext()
	if v := m.View(); v.Screen != ScreenForm || v.Apply.Current != 3 || v.Apply.Step != 2 {
		t.Fatalf("the reason: %+v", v.Apply)
	}
	m.FormNext() // a required choice
	if v := m.View(); v.Apply.Fields[3].ErrorEN != "Reason for replacement is required" {
		t.Fatalf("no choice: %+v", v.Apply.Fields[3])
	}
	m.FormChoose("made-up")
	m.FormChoose("lost")
	m.FormNext()
	v = m.View()
	if v.Screen != ScreenReview {
		t.Fatalf("not the review: %+v", v)
	}
	var shown []string
	for _, f := range v.Apply.Fields {
		shown = append(shown, f.Shown)
	}
	if got := strings.Join(shown, ","); got != "王**,4403**********123X,138****8000,lost" {
		t.Errorf("the review shows %s", got)
	}
}

func TestApplyAccepted(t *testing.T) {
	m, c, r := applyMachine(t)
	fillReplacement(t, m)
	m.Submit()
	if v := m.View(); v.Screen != ScreenSubmitting {
		t.Fatalf("submitting: %+v", v)
	}
	a := <-c.apps
	want := map[string]string{"applicant_name": "王建国", "applicant_id": "44030419580315123X", "phone": "13800138000", "loss_reason": "lost"}
	if a.ItemCode != "PSB-0007" || !reflect.DeepEqual(a.Form, want) || a.Card.Number != "44030419580315123X" || a.Card.Photo != nil || a.SessionID == "" {
		t.Errorf("submitted %+v", a)
	}
	c.answers <- submitAnswer{sub: Submitted{Status: StatusAccepted, Reference: "SQ20261127000001"}}
	if err := m.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	v := m.View()
	if v.Screen != ScreenResult || !v.Receipts || v.Apply.Result == nil || v.Apply.Result.Status != StatusAccepted || v.Apply.Result.Reference != "SQ20261127000001" || len(v.Apply.Fields) != 0 {
		t.Fatalf("result %+v %+v", v, v.Apply)
	}
	if m.apply.values != nil {
		t.Error("the machine still holds the submitted values")
	}
	m.PrintReceipt()
	rc := <-r.got
	if rc.Result == nil || rc.Result.Reference != "SQ20261127000001" || rc.ItemZH != "居民身份证补领" || rc.Applicant != "王**" || !rc.Time.Equal(today) {
		t.Errorf("receipt %+v", rc)
	}
	if err := m.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if v := m.View(); v.Notice != NoticeReceiptPrinted {
		t.Errorf("after the receipt: %+v", v)
	}
	m.ToRating()
	if v := m.View(); v.Screen != ScreenRate || v.Apply != nil || m.lastItem != "PSB-0007" || m.apply != nil {
		t.Errorf("rating after an application: %+v", v)
	}
}

func TestApplyInstantDecisions(t *testing.T) {
	for _, sub := range []Submitted{
		{Status: StatusApproved, Reference: "SQ1"},
		{Status: StatusRejected, Reference: "SQ2", ReasonsZH: []string{"未满60周岁"}, ReasonsEN: []string{"under 60"}},
		{Status: StatusQueued, Reference: "L-TEST-1-000001"},
	} {
		m, c, _ := applyMachine(t)
		m.OpenItem("CAB-0001")
		m.Apply()
		typeIn(m, "13800138000")
		m.FormNext()
		m.Submit()
		<-c.apps
		c.answers <- submitAnswer{sub: sub}
		if err := m.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		res := m.View().Apply.Result
		if res == nil || res.Status != sub.Status || res.Reference != sub.Reference || !reflect.DeepEqual(res.ReasonsEN, sub.ReasonsEN) {
			t.Errorf("%s: result %+v", sub.Status, res)
		}
	}
}

func TestApplyRefusals(t *testing.T) {
	t.Run("field errors", func(t *testing.T) {
		m, c, _ := applyMachine(t)
		fillReplacement(t, m)
		m.Submit()
		<-c.apps
		c.answers <- submitAnswer{err: fmt.Errorf("submit: %w", &centralapi.RejectedError{Status: 422, Code: "invalid_form",
			Fields: []centralapi.FieldError{{Key: "phone", MessageZH: "联系电话应为11位手机号码", MessageEN: "Phone must be an 11-digit mobile number"}}})}
		if err := m.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		v := m.View()
		if v.Screen != ScreenForm || v.Notice != NoticeFixForm || v.Apply.Current != 2 || v.Apply.Fields[2].ErrorEN == "" || v.Apply.Fields[2].Shown != "13800138000" {
			t.Fatalf("central's field errors: %+v %+v", v, v.Apply)
		}
		if m.apply.values["loss_reason"] != "lost" {
			t.Error("the other values were lost")
		}
	})
	t.Run("field errors with a message in one language or none", func(t *testing.T) {
		m, c, _ := applyMachine(t)
		fillReplacement(t, m)
		m.Submit()
		<-c.apps
		c.answers <- submitAnswer{err: &centralapi.RejectedError{Status: 422, Code: "invalid_form",
			Fields: []centralapi.FieldError{{Key: "phone", MessageZH: "联系电话应为11位手机号码"}, {Key: "loss_reason"}}}}
		if err := m.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		errs := map[string][2]string{}
		for _, f := range m.View().Apply.Fields {
			errs[f.Key] = [2]string{f.ErrorZH, f.ErrorEN}
		}
		if got := errs["phone"]; got != [2]string{"联系电话应为11位手机号码", "联系电话应为11位手机号码"} {
			t.Errorf("phone's message %q", got)
		}
		if got := errs["loss_reason"]; !strings.HasPrefix(got[0], "补领原因") || !strings.Contains(got[1], "was not accepted") {
			t.Errorf("a message-less error shows %q", got)
		}
	})
	t.Run("refused", func(t *testing.T) {
		m, c, _ := applyMachine(t)
		fillReplacement(t, m)
		m.Submit()
		<-c.apps
		c.answers <- submitAnswer{err: &centralapi.RejectedError{Status: 403, Code: "applicant_mismatch", MessageZH: "申请人信息与登录身份不一致", MessageEN: "the applicant does not match"}}
		if err := m.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		v := m.View()
		if v.Screen != ScreenResult || v.Apply.Result.Status != StatusRefused || v.Apply.Result.ReasonsZH[0] != "申请人信息与登录身份不一致" {
			t.Fatalf("refused: %+v", v.Apply.Result)
		}
	})
	for _, tc := range []struct {
		err  error
		want Notice
	}{
		{fmt.Errorf("submit: %w", ErrCentralUnreachable), NoticeCentralDown},
		{errors.New("spool closed"), NoticeApplyFailed},
	} {
		m, c, _ := applyMachine(t)
		fillReplacement(t, m)
		m.Submit()
		<-c.apps
		c.answers <- submitAnswer{err: tc.err}
		if err := m.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		if v := m.View(); v.Screen != ScreenReview || v.Notice != tc.want || len(v.Apply.Fields) != 4 {
			t.Errorf("%v: %+v", tc.err, v)
		}
		m.Submit() // nothing was lost: the same values go again
		if a := <-c.apps; a.Form["phone"] != "13800138000" {
			t.Errorf("submitted again %+v", a.Form)
		}
		c.answers <- submitAnswer{sub: Submitted{Status: StatusAccepted, Reference: "SQ3"}}
		if err := m.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

// A date is typed as digits and shown with its dashes; the rule's range is checked.
func TestApplyAppointmentDate(t *testing.T) {
	m, _, _ := applyMachine(t)
	m.OpenItem("PSB-0009")
	m.Apply()
	typeIn(m, "13800138000")
	m.FormNext()
	typeIn(m, "2026112")
	if v := m.View(); v.Apply.Fields[3].Shown != "2026-11-2" {
		t.Fatalf("date so far %q", v.Apply.Fields[3].Shown)
	}
	typeIn(m, "7")
	m.FormNext() // today: outside 1..30 days
	if v := m.View(); v.Screen != ScreenForm || v.Apply.Fields[3].ErrorEN != "Appointment date is outside the allowed range" {
		t.Fatalf("today: %+v", v.Apply.Fields[3])
	}
	m.FormBackspace()
	typeIn(m, "89") // a ninth digit is ignored
	if v := m.View(); v.Apply.Fields[3].Shown != "2026-11-28" {
		t.Fatalf("date %q", v.Apply.Fields[3].Shown)
	}
	m.FormNext()
	if v := m.View(); v.Screen != ScreenReview {
		t.Fatalf("review: %+v", v)
	}
	m.FormEdit("applicant_id") // from the card: not editable
	if v := m.View(); v.Screen != ScreenReview {
		t.Errorf("edited a card field: %+v", v)
	}
	m.FormEdit("phone")
	if v := m.View(); v.Screen != ScreenForm || v.Apply.Current != 2 || v.Apply.Fields[2].Shown != "13800138000" {
		t.Errorf("edit the phone: %+v", v.Apply)
	}
	m.FormBack()
	if v := m.View(); v.Screen != ScreenItem || v.Apply != nil || m.apply != nil {
		t.Errorf("back from the first field: %+v", v)
	}
}

// Items that are not applications say "not here", items needing the second factor say
// it cannot be done without central, and the citizen can take a queue number instead.
func TestApplyNotHereAndTicket(t *testing.T) {
	for code, notice := range map[string]Notice{"HPF-0001": NoticeSecondFactorOffline, "PSB-0008": NoticeNotHere} {
		m, c, r := applyMachine(t)
		m.OpenItem(code)
		m.Apply()
		if v := m.View(); v.Screen != ScreenItem || v.Notice != notice || m.apply != nil {
			t.Fatalf("%s: %+v", code, v)
		}
		c.ticket = TicketView{HallZH: "深圳市民中心行政服务大厅", HallEN: "City Administrative Service Hall", Group: "E", Number: "E001", Ahead: 2, Issued: today}
		m.TakeTicket()
		if err := m.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		v := m.View()
		if v.Screen != ScreenTicket || v.Ticket == nil || v.Ticket.Number != "E001" || v.Ticket.Loading {
			t.Fatalf("ticket %+v", v.Ticket)
		}
		m.PrintReceipt()
		if rc := <-r.got; rc.Ticket == nil || rc.Ticket.Number != "E001" || rc.ItemZH == "" {
			t.Errorf("printed %+v", rc)
		}
		if err := m.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		m.Home()
		if v := m.View(); v.Screen != ScreenHome || v.Ticket != nil {
			t.Errorf("home: %+v", v)
		}
	}
	m, c, _ := applyMachine(t)
	c.ticketE = ErrCentralUnreachable
	m.OpenItem("PSB-0008")
	m.TakeTicket()
	if err := m.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if v := m.View(); v.Screen != ScreenTicket || !v.Ticket.Failed || v.Notice != NoticeCentralDown {
		t.Errorf("central down: %+v", v)
	}
}

func TestMyApplications(t *testing.T) {
	m, c, _ := applyMachine(t)
	c.lines = []ApplicationLine{{Reference: "SQ1", ItemZH: "老年人优待证办理", StageZH: "已批准", StageEN: "Approved", Submitted: today},
		{Reference: "L-TEST-1-000001", ItemZH: "居民身份证补领", Waiting: true, Submitted: today}}
	m.MyApplications()
	if err := m.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	v := m.View()
	if v.Screen != ScreenApplications || v.Applications == nil || !reflect.DeepEqual(v.Applications.Lines, c.lines) {
		t.Fatalf("applications %+v", v.Applications)
	}
	// Central down: the error, and still the ones waiting on this terminal.
	m.Home()
	c.lines, c.linesEr = c.lines[1:], ErrCentralUnreachable
	m.MyApplications()
	if err := m.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if v := m.View(); !v.Applications.Failed || v.Notice != NoticeCentralDown || !reflect.DeepEqual(v.Applications.Lines, c.lines) {
		t.Errorf("central down: %+v", v.Applications)
	}
	m.Home()
	c.lines = nil
	m.MyApplications()
	if err := m.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if v := m.View(); !v.Applications.Failed || v.Notice != NoticeCentralDown || len(v.Applications.Lines) != 0 {
		t.Errorf("central down, nothing here: %+v", v.Applications)
	}
}

// A card taken in the middle of the form ends the session: the form is forgotten. A card
// taken while the application is on its way loses nothing: it is sent all the same, and
// the machine keeps nothing of it.
func TestCardPulledMidForm(t *testing.T) {
	m, _, _ := applyMachine(t)
	m.OpenItem("PSB-0007")
	m.Apply()
	typeIn(m, "1380013")
	st := m.apply
	m.CardRemoved()
	if m.apply != nil || st.values != nil || st.item.Code != "" || m.View().Apply != nil {
		t.Errorf("the form outlived the session: %+v", st)
	}
	m.FormKey("1") // taps after the end do nothing
	if m.apply != nil {
		t.Error("a form came back")
	}

	m2, c, _ := applyMachine(t)
	fillReplacement(t, m2)
	m2.Submit()
	a := <-c.apps
	m2.CardRemoved()
	c.answers <- submitAnswer{sub: Submitted{Status: StatusQueued, Reference: "L-TEST-1-000002"}}
	if err := m2.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if a.Form["phone"] != "13800138000" {
		t.Errorf("the application sent %+v", a.Form)
	}
	if v := m2.View(); v.Screen != ScreenAttract || v.Apply != nil || m2.apply != nil {
		t.Errorf("after the card: %+v", v)
	}
	if s := fmt.Sprintf("%+v", m2.View()); strings.Contains(s, "13800138000") || strings.Contains(s, "王建国") {
		t.Errorf("the view holds personal data: %s", s)
	}
}

func TestApplyIdleEndsAndWipes(t *testing.T) {
	clock := newFakeClock(today)
	m := New(Options{Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Clock: clock, Catalog: applyCatalog{},
		Services: &fakeServices{}, Timing: Timing{Idle: 10 * time.Second, Countdown: 5 * time.Second}})
	m.CardPresented(testCard())
	m.OpenItem("PSB-0007")
	m.Apply()
	typeIn(m, "138")
	clock.Advance(11 * time.Second)
	if v := m.View(); v.Screen != ScreenTakeCard || m.apply != nil {
		t.Errorf("after the idle time: %+v", v)
	}
}

// Each field takes only what its type holds; letters are upper case; lengths stop at the
// rule's maximum.
func TestFormKeysFollowTheType(t *testing.T) {
	m, _, _ := applyMachine(t)
	m.OpenItem("DRC-0001")
	m.Apply()
	typeIn(m, "pku 1x.-")
	if got := m.View().Apply.Fields[1].Shown; got != "PKU 1X" {
		t.Errorf("text %q", got)
	}
	typeIn(m, "abcdefgh")
	if got := m.View().Apply.Fields[1].Shown; got != "PKU 1XAB" {
		t.Errorf("text stops at 8: %q", got)
	}
	m.FormNext()
	typeIn(m, "1a38 0.0")
	if got := m.View().Apply.Fields[2].Shown; got != "13800" {
		t.Errorf("phone %q", got)
	}
	typeIn(m, "138000000")
	if got := m.View().Apply.Fields[2].Shown; len(got) != 11 {
		t.Errorf("phone of %d digits", len(got))
	}
	m.FormNext()
	typeIn(m, "12a0.5x")
	if got := m.View().Apply.Fields[3].Shown; got != "120.5" {
		t.Errorf("amount %q", got)
	}
	m.FormChoose("lost") // not a choice field
	m.FormBackspace()
	if got := m.View().Apply.Fields[3].Shown; got != "120." {
		t.Errorf("after backspace %q", got)
	}
	m.FormClear()
	m.FormNext()
	if v := m.View(); v.Apply.Fields[3].ErrorZH != "总投资(元)为必填项" {
		t.Errorf("cleared amount: %+v", v.Apply.Fields[3])
	}
}

// An application that needs the second factor asks for the code first, then opens its
// form.
func TestApplyAfterTheSecondFactor(t *testing.T) {
	c := newFakeCentral()
	m := New(Options{
		Log:      slog.New(slog.NewTextHandler(io.Discard, nil)),
		Clock:    newFakeClock(today),
		Catalog:  applyCatalog{},
		Services: &fakeServices{apps: make(chan Application, 1), answers: make(chan submitAnswer, 1)},
		Central:  c,
		Language: "zh",
	})
	signIn(t, m, c, nil)
	m.OpenItem("HPF-0001")
	m.Apply()
	settle(t, m)
	if v := m.View(); v.Screen != ScreenSecondFactor || v.MaskedPhone == "" || m.apply != nil {
		t.Fatalf("apply asks for the code first: %+v", v)
	}
	typeCode(m, testCode)
	settle(t, m)
	if v := m.View(); (v.Screen != ScreenForm && v.Screen != ScreenReview) || v.Item == nil || v.Item.Code != "HPF-0001" || m.apply == nil {
		t.Fatalf("after the code: %+v", v)
	}
}
