package session

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// fakeCentral answers sign-ins as the test says and checks codes as the reference
// server does: testCode is right, the fifth wrong code locks.
type fakeCentral struct {
	signIns  chan *devices.Card // the card copies signed in with
	answers  chan error         // the next sign-in's answer
	outs     chan string        // sessions signed out
	mu       sync.Mutex
	down     bool // challenges and checks find central unreachable
	failures int
	checked  []string // session ids whose code was checked
}

const testCode = "123456"

func newFakeCentral() *fakeCentral {
	return &fakeCentral{signIns: make(chan *devices.Card, 4), answers: make(chan error, 4), outs: make(chan string, 8)}
}

func (c *fakeCentral) SignIn(ctx context.Context, id string, card *devices.Card) error {
	c.signIns <- card
	return <-c.answers
}

func (c *fakeCentral) SignOut(ctx context.Context, id string) { c.outs <- id }

func (c *fakeCentral) Challenge(ctx context.Context, id string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.down {
		return "", fmt.Errorf("fake: %w", ErrCentralUnreachable)
	}
	return "138****1234", nil
}

func (c *fakeCentral) PassSecondFactor(ctx context.Context, id, code string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.checked = append(c.checked, id)
	switch {
	case c.down:
		return fmt.Errorf("fake: %w", ErrCentralUnreachable)
	case c.failures >= maxCodeFailures:
		return fmt.Errorf("fake: %w", ErrCodeLocked)
	case code != testCode:
		c.failures++
		return fmt.Errorf("fake: %w", ErrWrongCode)
	}
	return nil
}

func newAuthMachine(t *testing.T) (*Machine, *fakeCentral, *fakePrinter) {
	t.Helper()
	c := newFakeCentral()
	p := &fakePrinter{jobs: make(chan PrintRequest, 4), answers: make(chan error, 4)}
	m := New(Options{
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Printer: p,
		Render: func(_ context.Context, id string, c *devices.Card, item, lang string, now time.Time) ([]byte, string, error) {
			return []byte("%PDF " + item), "proof-" + item, nil
		},
		Catalog:  fakeCatalog{},
		Clock:    newFakeClock(today),
		Timing:   timing,
		Language: "zh",
		Central:  c,
	})
	return m, c, p
}

// settle waits for the machine's background work.
func settle(t *testing.T, m *Machine) {
	t.Helper()
	if err := m.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// signIn presents a card, has central answer err, and waits for the answer's screen.
func signIn(t *testing.T, m *Machine, c *fakeCentral, err error) *devices.Card {
	t.Helper()
	card := testCard()
	m.CardDetected()
	m.CardPresented(card)
	c.answers <- err
	settle(t, m)
	<-c.signIns
	return card
}

func TestReadingThenAuthenticatingThenHome(t *testing.T) {
	m, c, _ := newAuthMachine(t)
	m.CardDetected()
	if v := m.View(); v.Screen != ScreenReading || v.Greeting != "" {
		t.Fatalf("card detected: %+v", v)
	}
	m.CardPresented(testCard())
	if v := m.View(); v.Screen != ScreenAuthenticating || v.Greeting != "" {
		t.Fatalf("card read: %+v", v)
	}
	copyCard := <-c.signIns
	if copyCard.Number != "44030419580315123X" || copyCard.Photo != nil {
		t.Errorf("central got %+v", copyCard)
	}
	id := m.id
	c.answers <- nil
	settle(t, m)
	if v := m.View(); v.Screen != ScreenHome || v.Greeting != "王**" || v.Offline || len(v.Results) == 0 {
		t.Fatalf("signed in: %+v", v)
	}
	if !reflect.DeepEqual(*copyCard, devices.Card{}) {
		t.Error("the card copy given to central was not wiped")
	}
	m.CardRemoved()
	settle(t, m)
	if got := <-c.outs; got != id {
		t.Errorf("signed out %q, want %q", got, id)
	}
}

func TestCentralRefusesTheCard(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want Notice
	}{
		{fmt.Errorf("fake: card_not_recognised: %w", ErrCardRefused), NoticeCardRefused},
		// The terminal thought the card valid; central's calendar says otherwise.
		{fmt.Errorf("fake: card_expired: %w", ErrCardExpired), NoticeCardExpired},
	} {
		m, c, _ := newAuthMachine(t)
		card := signIn(t, m, c, tc.err)
		if v := m.View(); v.Screen != ScreenAttract || v.Notice != tc.want || v.Greeting != "" {
			t.Fatalf("%v: view %+v", tc.err, v)
		}
		if m.Status().Active || card.Number != "" {
			t.Errorf("%v: the refused session was kept", tc.err)
		}
		m.CardRemoved() // the citizen takes the card: nothing more happens
		if v := m.View(); v.Screen != ScreenAttract {
			t.Errorf("%v: view %+v", tc.err, v)
		}
	}
}

func TestCentralUnreachableGivesAnOfflineSession(t *testing.T) {
	m, c, p := newAuthMachine(t)
	signIn(t, m, c, fmt.Errorf("fake: %w", ErrCentralUnreachable))
	v := m.View()
	if v.Screen != ScreenHome || !v.Offline || v.Greeting != "王**" {
		t.Fatalf("view %+v", v)
	}
	m.TypeKey("s") // the catalog is offline: search works
	m.Backspace()
	if v := m.View(); !v.Offline || len(v.Results) == 0 {
		t.Fatalf("search offline: %+v", v)
	}
	// A later call that gets through clears the banner.
	m.OpenItem("HRSS-0001")
	p.answers <- nil
	printConfirmed(t, m)
	settle(t, m)
	if v := m.View(); v.Screen != ScreenPrinted || v.Offline {
		t.Fatalf("after a print: %+v", v)
	}
	m.CardRemoved()
	if m.View().Offline {
		t.Error("the banner outlives the session")
	}
}

func TestCardPulledOrUnreadableWhileReading(t *testing.T) {
	m, _, _ := newAuthMachine(t)
	m.CardDetected()
	m.CardRemoved()
	if v := m.View(); v.Screen != ScreenAttract || v.Notice != NoticeNone {
		t.Fatalf("pulled mid-read: %+v", v)
	}
	m.CardDetected()
	m.CardUnreadable()
	if v := m.View(); v.Screen != ScreenAttract || v.Notice != NoticeCardUnread {
		t.Fatalf("unreadable: %+v", v)
	}
	m.CardDetected()
	expired := testCard()
	expired.LongTerm, expired.ValidTo = false, today.AddDate(0, 0, -1)
	m.CardPresented(expired)
	if v := m.View(); v.Screen != ScreenAttract || v.Notice != NoticeCardExpired {
		t.Fatalf("expired: %+v", v)
	}
}

// A read that never ends (the watcher stopped mid-read) does not leave the reading
// screen up for ever.
func TestReadingScreenTimesOut(t *testing.T) {
	m, _, views, clock := newTimedMachine(t, timing)
	m.CardDetected()
	if v := <-views; v.Screen != ScreenReading {
		t.Fatalf("view %+v", v)
	}
	clock.Advance(timing.Idle)
	if v := m.View(); v.Screen != ScreenAttract {
		t.Fatalf("after the idle time: %+v", v)
	}
	// A reading screen that ended in a refusal keeps its notice.
	m.CardDetected()
	expired := testCard()
	expired.LongTerm, expired.ValidTo = false, today.AddDate(0, 0, -1)
	m.CardPresented(expired)
	clock.Advance(2 * timing.Idle)
	if v := m.View(); v.Notice != NoticeCardExpired {
		t.Errorf("the notice went: %+v", v)
	}
}

func TestCardPulledWhileAuthenticating(t *testing.T) {
	m, c, _ := newAuthMachine(t)
	card := testCard()
	m.CardDetected()
	m.CardPresented(card)
	<-c.signIns
	id := m.id
	m.CardRemoved()
	if v := m.View(); v.Screen != ScreenAttract || m.Status().Active || card.Number != "" {
		t.Fatalf("pulled while authenticating: %+v", v)
	}
	c.answers <- nil // central's late yes
	settle(t, m)
	if v := m.View(); v.Screen != ScreenAttract || v.Greeting != "" {
		t.Errorf("the late answer changed the screen: %+v", v)
	}
	// Signed out twice: at the end, and once the late answer opened a session.
	for range 2 {
		if got := <-c.outs; got != id {
			t.Errorf("signed out %q, want %q", got, id)
		}
	}
}

// openSecondFactorItem signs in and asks to print the item that needs the second factor.
func openSecondFactorItem(t *testing.T, m *Machine, c *fakeCentral) {
	t.Helper()
	signIn(t, m, c, nil)
	m.OpenItem("TAX-0002")
	m.Print()
	settle(t, m)
}

func typeCode(m *Machine, code string) {
	for _, d := range code {
		m.CodeKey(string(d))
	}
	m.SubmitCode()
}

func TestSecondFactorThenPrint(t *testing.T) {
	m, c, p := newAuthMachine(t)
	openSecondFactorItem(t, m, c)
	if v := m.View(); v.Screen != ScreenSecondFactor || v.MaskedPhone != "138****1234" || v.Code != "" {
		t.Fatalf("second factor: %+v", v)
	}
	m.CodeKey("1")
	m.CodeKey("x") // not a digit
	m.CodeClear()
	if v := m.View(); v.Code != "" {
		t.Fatalf("code %q after clear", v.Code)
	}
	p.answers <- nil
	typeCode(m, testCode)
	settle(t, m)
	if v := m.View(); v.Screen != ScreenPreview {
		t.Fatalf("after the code: %+v, want the preview", v)
	}
	m.ConfirmPrint()
	settle(t, m)
	if job := <-p.jobs; job.Title != "proof-TAX-0002" {
		t.Errorf("job %+v", job)
	}
	if v := m.View(); v.Screen != ScreenPrinted || v.MaskedPhone != "" || v.Code != "" {
		t.Fatalf("after the code: %+v", v)
	}
	// The level lasts the session: no second code for the next proof.
	m.Home()
	m.OpenItem("TAX-0002")
	p.answers <- nil
	printConfirmed(t, m)
	settle(t, m)
	if v := m.View(); v.Screen != ScreenPrinted {
		t.Fatalf("second print: %+v", v)
	}
	// The wipe forgets the level.
	m.CardRemoved()
	openSecondFactorItem(t, m, c)
	if v := m.View(); v.Screen != ScreenSecondFactor {
		t.Fatalf("the next citizen inherits the second factor: %+v", v)
	}
}

func TestWrongCodesLock(t *testing.T) {
	m, c, p := newAuthMachine(t)
	openSecondFactorItem(t, m, c)
	for i := range maxCodeFailures - 1 {
		typeCode(m, "000000")
		settle(t, m)
		if v := m.View(); v.Screen != ScreenSecondFactor || v.Notice != NoticeWrongCode || v.Checking {
			t.Fatalf("wrong code %d: %+v", i+1, v)
		}
	}
	typeCode(m, "000000")
	settle(t, m)
	if v := m.View(); v.Screen != ScreenItem || v.Notice != NoticeCodeLocked {
		t.Fatalf("locked: %+v", v)
	}
	m.Print() // locked for the rest of the session
	if v := m.View(); v.Screen != ScreenItem || v.Notice != NoticeCodeLocked {
		t.Fatalf("print when locked: %+v", v)
	}
	select {
	case j := <-p.jobs:
		t.Errorf("printed %+v", j)
	default:
	}
}

func TestSecondFactorCancelAndOffline(t *testing.T) {
	m, c, p := newAuthMachine(t)
	openSecondFactorItem(t, m, c)
	m.CodeKey("1")
	m.CancelSecondFactor()
	if v := m.View(); v.Screen != ScreenItem || v.Notice != NoticeNone || v.Code != "" || v.MaskedPhone != "" {
		t.Fatalf("cancelled: %+v", v)
	}
	// Central gone: the challenge finds it down, the screen says so and the banner shows.
	c.mu.Lock()
	c.down = true
	c.mu.Unlock()
	m.Print()
	settle(t, m)
	if v := m.View(); v.Screen != ScreenItem || v.Notice != NoticeSecondFactorOffline || !v.Offline {
		t.Fatalf("central down: %+v", v)
	}
	m.Print() // offline: said at once
	if v := m.View(); v.Screen != ScreenItem || v.Notice != NoticeSecondFactorOffline {
		t.Fatalf("offline: %+v", v)
	}
	select {
	case j := <-p.jobs:
		t.Errorf("printed %+v", j)
	default:
	}
}

func TestOfflineSessionCannotPassTheSecondFactor(t *testing.T) {
	m, c, _ := newAuthMachine(t)
	signIn(t, m, c, fmt.Errorf("fake: %w", ErrCentralUnreachable))
	m.OpenItem("TAX-0002")
	m.Print()
	if v := m.View(); v.Screen != ScreenItem || v.Notice != NoticeSecondFactorOffline {
		t.Fatalf("view %+v", v)
	}
}

func TestWipeForgetsTheSecondFactor(t *testing.T) {
	m, c, _ := newAuthMachine(t)
	openSecondFactorItem(t, m, c)
	typeCode(m, "000000")
	settle(t, m)
	m.CodeKey("4")
	m.CardRemoved()
	settle(t, m)
	if v := m.View(); v.MaskedPhone != "" || v.Code != "" || v.Offline || v.Notice != NoticeNone {
		t.Errorf("view after the session %+v", v)
	}
	if a := m.auth; a.second || a.locked || a.failures != 0 || a.then != nil || a.back != "" || a.checking {
		t.Errorf("auth state kept: %+v", m.auth)
	}
}
