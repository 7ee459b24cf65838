package cardwatch

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// Config wires a Watcher. Open is required.
type Config struct {
	// Open opens the reader (a serial port and the driver over it, or the simulator).
	Open func(ctx context.Context) (devices.CardReader, error)
	// Clock defaults to the real clock.
	Clock Clock
	// Poll is the polling period (default 200 ms).
	Poll time.Duration
	// ReadTimeout bounds one ReadCard (default 3 s); PresentTimeout one CardPresent
	// (default 1 s).
	ReadTimeout, PresentTimeout time.Duration
	// BackoffMin and BackoffMax bound the wait before reopening a failed reader
	// (defaults 500 ms and 10 s). Jitter spreads each wait (default ±20 %).
	BackoffMin, BackoffMax time.Duration
	Jitter                 func(time.Duration) time.Duration
	// Logger gets state changes, never card data. Nil: discard.
	Logger *slog.Logger
}

// Watcher polls a card reader and emits events. Create it with New, run Serve.
type Watcher struct {
	cfg    Config
	events chan Event
	log    *slog.Logger

	mu     sync.Mutex
	status Status
}

// New returns a watcher; its events channel is buffered but the watcher waits for the
// receiver rather than drop an event.
func New(cfg Config) *Watcher {
	if cfg.Clock == nil {
		cfg.Clock = realClock{}
	}
	if cfg.Poll <= 0 {
		cfg.Poll = 200 * time.Millisecond
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = 3 * time.Second
	}
	if cfg.PresentTimeout <= 0 {
		cfg.PresentTimeout = time.Second
	}
	if cfg.BackoffMin <= 0 {
		cfg.BackoffMin = 500 * time.Millisecond
	}
	if cfg.BackoffMax < cfg.BackoffMin {
		cfg.BackoffMax = max(10*time.Second, cfg.BackoffMin)
	}
	if cfg.Jitter == nil {
		cfg.Jitter = defaultJitter
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Watcher{cfg: cfg, events: make(chan Event, 8), log: log}
}

// Events is where the watcher sends what it sees. Receive from it while Serve runs.
func (w *Watcher) Events() <-chan Event { return w.events }

// Status returns the watcher's current view of the reader.
func (w *Watcher) Status() Status {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.status
}

// watch is Serve's state.
type watch struct {
	*Watcher
	reader     devices.CardReader
	faulted    bool // a ReaderFault was sent and no ReaderRecovered since
	cardOn     bool // a CardPresented was sent and no CardRemoved since
	unreadable bool // a CardUnreadable was sent and the card has not left
	backoff    backoff
}

// Serve polls until ctx ends, then closes the reader and returns nil. Reader failures
// are events, never errors.
func (w *Watcher) Serve(ctx context.Context) error {
	s := &watch{Watcher: w, backoff: backoff{min: w.cfg.BackoffMin, max: w.cfg.BackoffMax, jitter: w.cfg.Jitter}}
	defer func() {
		if s.reader != nil {
			s.reader.Close()
		}
	}()
	for {
		wait := w.cfg.Poll
		if s.reader == nil {
			if !s.open(ctx) {
				wait = s.backoff.delay()
			}
		} else if !s.poll(ctx) {
			wait = s.backoff.delay()
		}
		if ctx.Err() != nil {
			return nil
		}
		select {
		case <-w.cfg.Clock.After(wait):
		case <-ctx.Done():
			return nil
		}
	}
}

func (s *watch) open(ctx context.Context) bool {
	r, err := s.cfg.Open(ctx)
	if err != nil {
		if ctx.Err() == nil {
			s.fault(ctx, "cannot open the reader", err)
		}
		return false
	}
	s.reader = r
	return true
}

// poll asks the reader once; false means the reader failed and was closed.
func (s *watch) poll(ctx context.Context) bool {
	if s.cardOn {
		pctx, cancel := context.WithTimeout(ctx, s.cfg.PresentTimeout)
		present, err := s.reader.CardPresent(pctx)
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				return true
			}
			s.cardOn = false
			s.emit(ctx, Event{Kind: CardRemoved})
			s.readerFailed(ctx, err)
			return false
		}
		s.healthy(ctx)
		if !present {
			s.cardOn = false
			s.emit(ctx, Event{Kind: CardRemoved})
		}
		return true
	}
	rctx, cancel := context.WithTimeout(ctx, s.cfg.ReadTimeout)
	card, detected, err := s.read(rctx)
	cancel()
	switch {
	case err == nil:
		s.healthy(ctx)
		s.cardOn, s.unreadable = true, false
		s.emit(ctx, Event{Kind: CardPresented, Card: card})
	case errors.Is(err, devices.ErrNoCard):
		s.healthy(ctx)
		s.unreadable = false
		if detected {
			s.emit(ctx, Event{Kind: CardRemoved})
		}
	case ctx.Err() != nil:
	case errors.Is(err, devices.ErrCardUnreadable):
		s.healthy(ctx)
		if !s.unreadable {
			s.unreadable = true
			s.emit(ctx, Event{Kind: CardUnreadable, Reason: "the card could not be read", Err: err})
		}
	default:
		if detected {
			s.emit(ctx, Event{Kind: CardRemoved})
		}
		s.readerFailed(ctx, err)
		return false
	}
	return true
}

// StepReader is a reader that reads a card in steps, as devices/idcard's driver does:
// finding the card first lets the watcher report CardDetected before the read, which
// takes a second or so. Find, Select and Read together are ReadCard.
type StepReader interface {
	Find(ctx context.Context) error
	Select(ctx context.Context) error
	Read(ctx context.Context) (*devices.Card, error)
}

// read reads the card on the reader; detected says a CardDetected was sent for it.
func (s *watch) read(ctx context.Context) (card *devices.Card, detected bool, err error) {
	sr, ok := s.reader.(StepReader)
	if !ok {
		card, err = s.reader.ReadCard(ctx)
		return card, false, err
	}
	if err := sr.Find(ctx); err != nil {
		return nil, false, err
	}
	if !s.unreadable { // the unreadable card still there is not a new presentation
		s.healthy(ctx)
		s.emit(ctx, Event{Kind: CardDetected})
		detected = true
	}
	if err = sr.Select(ctx); err == nil {
		card, err = sr.Read(ctx)
	}
	if detected && errors.Is(err, devices.ErrCardUnreadable) {
		// A card taken away mid-read fails the read like a bad card does: a card no
		// longer there was pulled, not unreadable.
		if ferr := sr.Find(ctx); errors.Is(ferr, devices.ErrNoCard) {
			err = ferr
		}
	}
	return card, detected, err
}

// readerFailed closes the reader after a transport or reader fault.
func (s *watch) readerFailed(ctx context.Context, err error) {
	reason := "the reader is not working"
	if errors.Is(err, devices.ErrDeviceGone) {
		reason = "the reader is not connected"
	}
	s.fault(ctx, reason, err)
	s.reader.Close()
	s.reader = nil
}

func (s *watch) fault(ctx context.Context, reason string, err error) {
	s.log.Warn("cardwatch: reader fault", "reason", reason, "err", err)
	now := s.cfg.Clock.Now()
	s.mu.Lock()
	if s.status.ReaderOK || s.status.Since.IsZero() {
		s.status.Since = now
	}
	s.status.ReaderOK, s.status.Fault, s.status.CardPresent = false, reason, false
	s.mu.Unlock()
	if !s.faulted {
		s.faulted = true
		s.emit(ctx, Event{Kind: ReaderFault, Reason: reason, Err: err})
	}
}

func (s *watch) healthy(ctx context.Context) {
	s.backoff.reset()
	now := s.cfg.Clock.Now()
	s.mu.Lock()
	if !s.status.ReaderOK {
		s.status.Since = now
	}
	s.status.ReaderOK, s.status.Fault = true, ""
	s.mu.Unlock()
	if s.faulted {
		s.faulted = false
		s.log.Info("cardwatch: reader recovered")
		s.emit(ctx, Event{Kind: ReaderRecovered})
	}
}

func (s *watch) emit(ctx context.Context, ev Event) {
	ev.At = s.cfg.Clock.Now()
	s.mu.Lock()
	switch ev.Kind {
	case CardPresented:
		s.status.CardPresent = true
	case CardRemoved:
		s.status.CardPresent = false
	}
	s.mu.Unlock()
	select {
	case s.events <- ev:
	case <-ctx.Done():
	}
}
