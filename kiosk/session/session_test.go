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
)

// fakePrinter hands each job to the test, which answers it.
type fakePrinter struct {
	jobs    chan PrintRequest
	answers chan error
}

func (p *fakePrinter) PrintProof(ctx context.Context, req PrintRequest) error {
	p.jobs <- req
	return <-p.answers
}

var today = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func testCard() *devices.Card {
	return &devices.Card{
		Type: devices.CardResident, Name: "王建国", SexCode: "1", Number: "44030419580315123X",
		Address: "广东省深圳市福田区福中三路2012号", LongTerm: true, Photo: []byte{1, 2, 3, 4},
	}
}

func newMachine(t *testing.T) (*Machine, *fakePrinter, chan View) {
	t.Helper()
	m, p, views, _ := newTimedMachine(t, Timing{})
	return m, p, views
}

func newTimedMachine(t *testing.T, timing Timing) (*Machine, *fakePrinter, chan View, *fakeClock) {
	t.Helper()
	clock := newFakeClock(today)
	p := &fakePrinter{jobs: make(chan PrintRequest, 1), answers: make(chan error, 1)}
	m := New(Options{
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Printer: p,
		Render: func(_ context.Context, _ string, c *devices.Card, item, lang string, now time.Time) ([]byte, string, error) {
			return []byte("%PDF " + string(c.Type) + " " + item), "proof-" + item, nil
		},
		Catalog:  fakeCatalog{},
		Clock:    clock,
		Timing:   timing,
		Language: "zh",
	})
	views := make(chan View, 64)
	t.Cleanup(m.Subscribe(func(v View) { views <- v }))
	return m, p, views, clock
}

func TestJourneyCardPrintRemove(t *testing.T) {
	m, p, views := newMachine(t)
	card := testCard()
	photo := card.Photo
	m.CardPresented(card)
	v := <-views
	if v.Screen != ScreenHome || v.Greeting != "王**" {
		t.Fatalf("after card: %+v", v)
	}
	if v.Receipts {
		t.Error("a machine without a receipt printer offers receipts")
	}
	if st := m.Status(); !st.Active || st.CardType != "resident" {
		t.Errorf("status %+v", st)
	}
	m.OpenItem("HRSS-0001")
	if v := <-views; v.Screen != ScreenItem || v.Item == nil || v.Item.NameZH != "个人参保证明" {
		t.Fatalf("after opening the item: %+v", v)
	}
	m.Print()
	for _, want := range []Screen{ScreenPreparing, ScreenPreview} {
		if v := <-views; v.Screen != want {
			t.Fatalf("after print: %+v, want %s", v, want)
		}
	}
	m.ConfirmPrint()
	if v := <-views; v.Screen != ScreenPrinting {
		t.Fatalf("after confirming: %+v", v)
	}
	job := <-p.jobs
	if job.Title != "proof-HRSS-0001" || string(job.Doc) != "%PDF resident HRSS-0001" || job.SessionID == "" {
		t.Errorf("job %+v", job)
	}
	p.answers <- nil
	if v := <-views; v.Screen != ScreenPrinted {
		t.Fatalf("after printing: %+v", v)
	}
	m.CardRemoved()
	if v := <-views; v.Screen != ScreenAttract || v.Greeting != "" {
		t.Fatalf("after removal: %+v", v)
	}
	// The privacy wipe: the card value and its photo bytes are gone.
	if !reflect.DeepEqual(*card, devices.Card{}) {
		t.Errorf("card not wiped: %+v", card)
	}
	for _, b := range photo {
		if b != 0 {
			t.Fatal("photo bytes not overwritten")
		}
	}
	if st := m.Status(); st.Active || st.CardType != "" || !st.Started.IsZero() || st.Sessions != 1 {
		t.Errorf("status after the session %+v", st)
	}
	if m.card != nil || m.id != "" || m.apply != nil {
		t.Error("machine still holds the session")
	}
}

func TestExpiredCardIsRefused(t *testing.T) {
	m, _, views := newMachine(t)
	c := testCard()
	c.LongTerm = false
	c.ValidTo = today.AddDate(0, 0, -1)
	m.CardPresented(c)
	if v := <-views; v.Screen != ScreenAttract || v.Notice != NoticeCardExpired {
		t.Fatalf("view %+v", v)
	}
	if m.Status().Active {
		t.Error("a session started for an expired card")
	}
	if c.Number != "" {
		t.Error("refused card not wiped")
	}
}

func TestCardRemovedWhilePrintingEndsTheSession(t *testing.T) {
	m, p, views := newMachine(t)
	m.CardPresented(testCard())
	<-views
	m.OpenItem("HRSS-0001")
	<-views
	printConfirmed(t, m)
	<-p.jobs
	drain(views)
	m.CardRemoved()
	if v := <-views; v.Screen != ScreenAttract {
		t.Fatalf("view %+v", v)
	}
	p.answers <- nil
	if err := m.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if v := m.View(); v.Screen != ScreenAttract {
		t.Errorf("a finished job for an ended session changed the screen: %+v", v)
	}
}

func TestPrintFailuresShowANotice(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want Notice
	}{
		{errors.New("ipp: connection refused"), NoticePrintFailed},
		{ErrPrinterBlocked, NoticePrinterFault},
	} {
		m, p, views := newMachine(t)
		m.CardPresented(testCard())
		<-views
		m.OpenItem("HRSS-0001")
		<-views
		printConfirmed(t, m)
		<-p.jobs
		drain(views)
		p.answers <- tc.err
		if v := <-views; v.Screen != ScreenItem || v.Notice != tc.want {
			t.Errorf("%v: view %+v", tc.err, v)
		}
	}
}

func TestSecondCardDuringASessionIsIgnored(t *testing.T) {
	m, _, views := newMachine(t)
	m.CardPresented(testCard())
	<-views
	other := testCard()
	other.Name = "李四"
	m.CardPresented(other)
	if v := m.View(); v.Greeting != "王**" {
		t.Errorf("greeting %q", v.Greeting)
	}
	if m.Status().Sessions != 1 {
		t.Error("counted two sessions")
	}
	if other.Name != "" {
		t.Error("the ignored card was not wiped")
	}
}

func TestLanguageSwitchesOnEveryScreen(t *testing.T) {
	m, _, views := newMachine(t)
	m.SetLanguage("en")
	if v := <-views; v.Language != "en" || v.Screen != ScreenAttract {
		t.Fatalf("view %+v", v)
	}
	c := testCard()
	c.Type, c.Name, c.NameEN = devices.CardForeignPermanent2023, "玛丽亚", "GARCIA MARIA"
	m.CardPresented(c)
	if v := <-views; v.Greeting != "G***********" {
		t.Errorf("English greeting %q", v.Greeting)
	}
	m.SetLanguage("zh")
	if v := <-views; v.Greeting != "玛**" {
		t.Errorf("Chinese greeting %q", v.Greeting)
	}
}

func TestReaderFaultNotice(t *testing.T) {
	m, _, views := newMachine(t)
	m.ReaderFault()
	if v := <-views; v.Notice != NoticeReaderFault {
		t.Fatalf("view %+v", v)
	}
	m.ReaderRecovered()
	if v := <-views; v.Notice != NoticeNone {
		t.Fatalf("view %+v", v)
	}
}

func TestEndedIsToldWhichSessionEnded(t *testing.T) {
	ended := make(chan string, 1)
	clock := newFakeClock(today)
	m := New(Options{
		Log:      slog.New(slog.NewTextHandler(io.Discard, nil)),
		Clock:    clock,
		Language: "zh",
		Ended:    func(id string) { ended <- id },
	})
	m.CardPresented(testCard())
	id := m.id
	m.CardRemoved()
	if got := <-ended; got != id || got == "" {
		t.Errorf("Ended(%q), want %q", got, id)
	}
	if err := m.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestLargeTextLastsUntilTheSessionEnds(t *testing.T) {
	m, _, _ := newMachine(t)
	m.CardPresented(testCard())
	m.ToggleLargeText()
	if !m.View().LargeText {
		t.Fatal("large text not on")
	}
	m.OpenItem("HRSS-0001")
	if !m.View().LargeText {
		t.Error("large text lost on the next screen")
	}
	m.CardRemoved()
	if m.View().LargeText {
		t.Error("the next citizen inherits large text")
	}
}

func TestRenderFailuresShowTheirNotice(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want Notice
	}{
		{fmt.Errorf("fetch proof: %w", ErrCentralUnreachable), NoticeCentralDown},
		{fmt.Errorf("issue: %w", ErrProofRefused), NoticeProofRefused},
		{errors.New("certificate: missing glyph"), NoticeProofFailed},
	} {
		m := New(Options{
			Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
			Clock:   newFakeClock(today),
			Catalog: fakeCatalog{},
			Render: func(context.Context, string, *devices.Card, string, string, time.Time) ([]byte, string, error) {
				return nil, "", tc.err
			},
		})
		m.CardPresented(testCard())
		m.OpenItem("HRSS-0001")
		m.Print()
		if err := m.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		if v := m.View(); v.Screen != ScreenItem || v.Notice != tc.want {
			t.Errorf("%v: view %+v, want notice %s", tc.err, v, tc.want)
		}
	}
}

// fakeCatalog holds one printable proof and one application.
type fakeCatalog struct{}

var fakeItems = []ItemView{
	{Code: "HRSS-0001", NameZH: "个人参保证明", NameEN: "Personal social insurance participation proof", Kind: "proof", Printable: true},
	{Code: "PSB-0005", NameZH: "居民身份证换领", NameEN: "Resident ID card renewal", Kind: "application"},
	{Code: "TAX-0002", NameZH: "个人所得税纳税记录", NameEN: "Individual income tax record", Kind: "proof", Printable: true, SecondFactor: true},
}

func (fakeCatalog) Search(q string, limit int) []ItemView {
	var out []ItemView
	for _, it := range fakeItems {
		if q == "sbzm" && it.Code == "HRSS-0001" || strings.Contains(it.Code, q) {
			out = append(out, it)
		}
	}
	return out
}

func (fakeCatalog) Popular(limit int) []ItemView { return fakeItems[:1] }

func (fakeCatalog) Item(code string) (ItemView, bool) {
	for _, it := range fakeItems {
		if it.Code == code {
			return it, true
		}
	}
	return ItemView{}, false
}

func TestSearchWithTheKeyboard(t *testing.T) {
	m, _, _ := newMachine(t)
	m.CardPresented(testCard())
	if v := m.View(); len(v.Results) != 1 || v.Results[0].Code != "HRSS-0001" {
		t.Fatalf("popular proofs on the home screen: %+v", v.Results)
	}
	for _, k := range []string{"s", "b", "z", "m", "x"} {
		m.TypeKey(k)
	}
	if v := m.View(); v.Query != "sbzmx" || len(v.Results) != 0 {
		t.Fatalf("after sbzmx: %q %+v", v.Query, v.Results)
	}
	m.Backspace()
	if v := m.View(); v.Query != "sbzm" || len(v.Results) != 1 || v.Results[0].NameZH != "个人参保证明" {
		t.Fatalf("after backspace: %q %+v", v.Query, v.Results)
	}
	m.ClearQuery()
	if v := m.View(); v.Query != "" || len(v.Results) != 1 {
		t.Fatalf("after clear: %+v", v)
	}
	for range maxQuery + 5 {
		m.TypeKey("a")
	}
	if n := len(m.View().Query); n != maxQuery {
		t.Errorf("query of %d letters, at most %d", n, maxQuery)
	}
	m.CardRemoved()
	m.CardPresented(testCard())
	if m.View().Query != "" {
		t.Error("the next citizen sees the last one's search")
	}
}

func TestApplicationsCannotBePrinted(t *testing.T) {
	m, p, _ := newMachine(t)
	m.CardPresented(testCard())
	m.OpenItem("PSB-0005")
	m.Print()
	if v := m.View(); v.Screen != ScreenItem || v.Notice != NoticeNotHere {
		t.Errorf("view %+v", v)
	}
	select {
	case j := <-p.jobs:
		t.Errorf("a job was printed: %+v", j)
	default:
	}
	m.Home()
	if v := m.View(); v.Screen != ScreenHome || v.Item != nil || v.Notice != NoticeNone {
		t.Errorf("back home: %+v", v)
	}
}
