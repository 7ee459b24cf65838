package session

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"sync"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// Printer takes a finished proof for printing; the agent wires it to the spool (or, until
// the spool is there, straight to the configured printer). It must not keep req.Doc after
// it returns: the machine then overwrites it.
type Printer interface {
	PrintProof(ctx context.Context, req PrintRequest) error
}

// PrintRequest is one proof to print for a session.
type PrintRequest struct {
	SessionID string
	Title     string // not personal: the proof's name
	Doc       []byte // PDF
}

// Renderer makes the proof for a card: its PDF and its title for the print queue (not
// personal: the proof's name). It may ask central for the proof's data. An error matching
// ErrCentralUnreachable tells the citizen central cannot be reached; ErrProofRefused, that
// central would not issue the proof.
// The session's id names the citizen's session at central, which the agent holds.
type Renderer func(ctx context.Context, sessionID string, card *devices.Card, itemCode, lang string, now time.Time) (doc []byte, title string, err error)

// Machine is the session state machine. Its methods are the intents; Subscribe delivers
// each new View. All methods are safe for concurrent use.
type Machine struct {
	log      *slog.Logger
	printer  Printer
	render   Renderer
	clock    Clock
	defLang  string
	printCtx context.Context
	timing   Timing
	ended    func(string)
	checkPIN func(string) bool
	status   func() []StatusLine
	catalog  Catalog
	rater    Rater

	mu       sync.Mutex
	view     View
	card     *devices.Card // nil outside a session
	id       string        // session id, empty outside a session
	started  time.Time
	subs     map[int]func(View)
	nextSub  int
	sessions int            // sessions started since the agent started
	work     sync.WaitGroup // prints, ratings and status reads under way
	endWait  sync.WaitGroup
	timers   timers
	lastItem string // the item last printed in this session, which a rating rates

	pinFailures    int
	pinLockedUntil time.Time

	central  Central // nil: no sign-in, no second factor
	auth     authState
	services Services
	receipts ReceiptPrinter
	apply    *applyState // the form being filled in; nil outside it
	raster   Rasterizer
	proof    *pendingProof // the rendered proof on the preview screen: personal, memory only
}

// Options configure a Machine.
type Options struct {
	Log      *slog.Logger
	Printer  Printer
	Render   Renderer
	Clock    Clock  // nil: the real clock
	Timing   Timing // zero fields take DefaultTiming's
	Language string // "zh" or "en"
	// PrintContext bounds print jobs, which outlive the session that started them; the
	// agent passes its own lifetime.
	PrintContext context.Context
	// Ended, when set, is called with a session's id after it ended and was wiped (for
	// the spool to purge the citizen's unprinted jobs).
	Ended func(sessionID string)
	// CheckPIN says whether a technician's PIN is right; nil turns technician mode off.
	CheckPIN func(pin string) bool
	// TechStatus gives the lines of the technician's status screen.
	TechStatus func() []StatusLine
	// Catalog is the service catalog the home screen searches; nil shows none.
	Catalog Catalog
	// Rate records ratings; nil drops them.
	Rate Rater
	// Central signs sessions in and out at central and passes the second factor; nil
	// goes from the card straight to the home screen.
	Central Central
	// Services submits applications, lists them and issues queue tickets; nil: no
	// application can be made at this terminal.
	Services Services
	// Receipts prints receipts and queue tickets; nil: there is no receipt printer.
	Receipts ReceiptPrinter
	// Rasterizer draws the preview of a proof; nil shows "no preview available".
	Rasterizer Rasterizer
}

// New returns a machine on the attract screen.
func New(o Options) *Machine {
	if o.Clock == nil {
		o.Clock = realClock{}
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	if o.PrintContext == nil {
		o.PrintContext = context.Background()
	}
	m := &Machine{log: o.Log, printer: o.Printer, render: o.Render, clock: o.Clock, defLang: o.Language,
		printCtx: o.PrintContext, timing: o.Timing.withDefaults(), ended: o.Ended, checkPIN: o.CheckPIN, status: o.TechStatus, catalog: o.Catalog, rater: o.Rate, subs: map[int]func(View){},
		central: o.Central}
	m.services, m.receipts, m.raster = o.Services, o.Receipts, o.Rasterizer
	m.view = View{Screen: ScreenAttract, Language: o.Language, Since: o.Clock.Now(), Receipts: m.receipts != nil}
	return m
}

// View returns the current view-model.
func (m *Machine) View() View {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.view
}

// Subscribe calls f with every new View until the returned cancel is called. f runs on
// the goroutine that changed the state and must not block.
func (m *Machine) Subscribe(f func(View)) (cancel func()) {
	m.mu.Lock()
	defer m.mu.Unlock()
	id := m.nextSub
	m.nextSub++
	m.subs[id] = f
	return func() {
		m.mu.Lock()
		defer m.mu.Unlock()
		delete(m.subs, id)
	}
}

// setLocked changes the view and notifies subscribers; m.mu is held and released here.
func (m *Machine) setLocked(v View) {
	v.Since, v.Receipts = m.clock.Now(), m.receipts != nil
	m.view = v
	subs := make([]func(View), 0, len(m.subs))
	for _, f := range m.subs {
		subs = append(subs, f)
	}
	m.mu.Unlock()
	for _, f := range subs {
		f(v)
	}
}

// CardPresented starts a session for a card just read. An expired card is refused with
// a notice and no session starts.
func (m *Machine) CardPresented(card *devices.Card) {
	m.mu.Lock()
	if m.card != nil { // a session is already running; the watcher reports each card once
		card.Wipe()
		m.mu.Unlock()
		return
	}
	if m.inTechModeLocked() || m.view.Screen == ScreenReading { // a technician testing the reader: leave technician mode
		m.timers.stop(timerIdle) // (the reading screen's timer too)
	}
	if card.Expired(m.clock.Now()) {
		card.Wipe()
		m.log.Info("card refused", "reason", "expired")
		m.setLocked(View{Screen: ScreenAttract, Language: m.view.Language, Notice: NoticeCardExpired})
		return
	}
	m.card = card
	m.id = newID()
	m.started = m.clock.Now()
	m.sessions++
	m.log.Info("session started", "session", m.id, "card_type", string(card.Type))
	m.armIdleLocked()
	m.armLimitLocked()
	if m.central != nil {
		m.signInLocked() // the home screen follows central's answer
		return
	}
	m.setLocked(m.homeViewLocked())
}

// homeViewLocked is the home screen that greets the session's citizen.
func (m *Machine) homeViewLocked() View {
	card := m.card
	greet := devices.MaskName(card.Name)
	if m.view.Language == "en" && card.NameEN != "" || card.Name == "" {
		greet = devices.MaskName(card.NameEN)
	}
	v := View{Screen: ScreenHome, Language: m.view.Language, Greeting: greet, LargeText: m.view.LargeText}
	m.searchLocked(&v)
	return v
}

// CardRemoved ends the session, wherever it is, with the privacy wipe, and returns to the
// attract screen (also from the take-your-card screen after a timeout).
func (m *Machine) CardRemoved() {
	m.mu.Lock()
	if m.card == nil {
		if m.view.Screen == ScreenTakeCard || m.view.Screen == ScreenReading { // or pulled mid-read
			m.timers.stop(timerIdle)
			m.setLocked(View{Screen: ScreenAttract, Language: m.defLang})
			return
		}
		m.mu.Unlock()
		return
	}
	m.endLocked("card removed")
	m.setLocked(View{Screen: ScreenAttract, Language: m.defLang})
}

// endLocked logs the end of the session, wipes it and reports it to Ended (in its own
// goroutine: m.mu is held).
func (m *Machine) endLocked(reason string) {
	m.log.Info("session ended", "session", m.id, "reason", reason, "duration", m.clock.Now().Sub(m.started).Round(time.Second))
	m.timers.stopAll()
	m.signOutLocked()
	if m.ended != nil {
		id := m.id
		m.endWait.Add(1)
		go func() {
			defer m.endWait.Done()
			m.ended(id)
		}()
	}
	m.wipeLocked()
}

// CardUnreadable tells the citizen that the card could not be read.
func (m *Machine) CardUnreadable() { m.noticeOnAttract(NoticeCardUnread) }

// ReaderFault tells the citizen the reader is out of order; ReaderRecovered clears it.
func (m *Machine) ReaderFault() { m.noticeOnAttract(NoticeReaderFault) }

// ReaderRecovered clears a reader fault notice.
func (m *Machine) ReaderRecovered() {
	m.mu.Lock()
	if m.card != nil || m.view.Notice != NoticeReaderFault {
		m.mu.Unlock()
		return
	}
	v := m.view
	v.Notice = NoticeNone
	m.setLocked(v)
}

func (m *Machine) noticeOnAttract(n Notice) {
	m.mu.Lock()
	if m.card != nil || m.view.Screen != ScreenAttract && m.view.Screen != ScreenReading {
		m.mu.Unlock()
		return
	}
	m.timers.stop(timerIdle) // the reading screen's
	v := m.view
	v.Screen, v.Notice = ScreenAttract, n
	m.setLocked(v)
}

// SetLanguage switches the citizen's language on any screen.
func (m *Machine) SetLanguage(lang string) {
	m.mu.Lock()
	m.touchLocked()
	v := m.view
	v.Language = lang
	if m.card != nil {
		v.Greeting = devices.MaskName(m.card.Name)
		if lang == "en" && m.card.NameEN != "" || m.card.Name == "" {
			v.Greeting = devices.MaskName(m.card.NameEN)
		}
	}
	m.setLocked(v)
}

// ToggleLargeText turns the large-type, high-contrast mode on or off.
func (m *Machine) ToggleLargeText() {
	m.mu.Lock()
	m.touchLocked()
	v := m.view
	v.LargeText = !v.LargeText
	m.setLocked(v)
}

// wipeLocked forgets the citizen: card data, photo, and the session's identity.
func (m *Machine) wipeLocked() {
	m.card.Wipe()
	m.card = nil
	m.id = ""
	m.started = time.Time{}
	m.lastItem = ""
	m.wipeApplyLocked()
	m.auth = authState{}
	m.proof.wipe()
	m.proof = nil
}

func newID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
