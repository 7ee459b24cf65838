package session

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"reflect"
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
		Render: func(_ context.Context, c *devices.Card, lang string, now time.Time) ([]byte, string, error) {
			return []byte("%PDF " + c.Type), "proof-HRSS-0001", nil
		},
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
	if v := <-views; v.Screen != ScreenHome || v.Greeting != "王**" {
		t.Fatalf("after card: %+v", v)
	}
	if st := m.Status(); !st.Active || st.CardType != "resident" {
		t.Errorf("status %+v", st)
	}
	m.Print()
	if v := <-views; v.Screen != ScreenPrinting {
		t.Fatalf("after print: %+v", v)
	}
	job := <-p.jobs
	if job.Title != "proof-HRSS-0001" || string(job.Doc) != "%PDF resident" || job.SessionID == "" {
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
	if m.card != nil || m.id != "" {
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
	m.Print()
	<-views
	<-p.jobs
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
		m.Print()
		<-views
		<-p.jobs
		p.answers <- tc.err
		if v := <-views; v.Screen != ScreenHome || v.Notice != tc.want {
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
	m.Print()
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
			Log:   slog.New(slog.NewTextHandler(io.Discard, nil)),
			Clock: newFakeClock(today),
			Render: func(context.Context, *devices.Card, string, time.Time) ([]byte, string, error) {
				return nil, "", tc.err
			},
		})
		m.CardPresented(testCard())
		m.Print()
		if err := m.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
		if v := m.View(); v.Screen != ScreenHome || v.Notice != tc.want {
			t.Errorf("%v: view %+v, want notice %s", tc.err, v, tc.want)
		}
	}
}
