package sim

import (
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/govkiosk/kiosk/devices/idcard"
)

// IDCardOptions configure a simulated reader. The zero value is a reader with no card,
// no pacing and no faults.
type IDCardOptions struct {
	// Baud paces replies as a UART at this rate would (10 bits a byte). 0: unpaced.
	Baud int
	// Fixture names the card on the reader at start ("" for none).
	Fixture string
	// Fixtures adds fixtures to the built-in ones (see LoadFixtures).
	Fixtures []Fixture
	// Faults are on from the start.
	Faults []FaultSpec
	// FindDelay is the card's RF time for find and select, ReadDelay for a read
	// (real readers: 20–50 ms and 0.5–1 s). Default 0.
	FindDelay, ReadDelay time.Duration
	// SlowDelay is added to every card operation while FaultSlowCard is on (default 1.5 s).
	SlowDelay time.Duration
	// DribbleGap is the gap after each byte while FaultDribble is on (default 200 µs).
	DribbleGap time.Duration
	// Link, when set, is a symbolic link that ServePTY keeps pointing at the current
	// pseudo-terminal (a replugged reader gets a new one).
	Link string
	// Logger receives protocol events (no card data). Nil: discard.
	Logger *slog.Logger
}

type cardState int

const (
	stateIdle     cardState = iota // a card in the field, not found yet
	stateFound                     // find card succeeded
	stateSelected                  // select card succeeded: reads allowed
)

// IDCardReader is a simulated SAM ID card reader. Its methods are safe for concurrent
// use, also while it serves.
type IDCardReader struct {
	opts IDCardOptions
	log  *slog.Logger

	mu         sync.Mutex
	fixtures   map[string]Fixture
	card       *card // nil: no card
	state      cardState
	faults     map[Fault]int // remaining count, -1 until cleared
	baud       int
	received   []idcard.Command
	plugged    bool
	conns      map[any]func() // live transports → how to break them on Unplug
	ptyPath    string
	ptyChanged chan struct{} // closed and replaced when ptyPath changes
	replug     chan struct{} // closed and replaced when plugged in again
}

// NewIDCardReader returns a simulated reader. An unknown Fixture or Faults entry is
// reported by the first Insert or SetFault; use Insert and SetFault to check early.
func NewIDCardReader(opts IDCardOptions) *IDCardReader {
	if opts.SlowDelay <= 0 {
		opts.SlowDelay = 1500 * time.Millisecond
	}
	if opts.DribbleGap <= 0 {
		opts.DribbleGap = 200 * time.Microsecond
	}
	r := &IDCardReader{
		opts:     opts,
		log:      opts.Logger,
		fixtures: map[string]Fixture{},
		faults:   map[Fault]int{},
		baud:     opts.Baud,
		plugged:  true,
		conns:    map[any]func(){},
		replug:   make(chan struct{}),

		ptyChanged: make(chan struct{}),
	}
	if r.log == nil {
		r.log = slog.New(slog.DiscardHandler)
	}
	for _, f := range builtinFixtures {
		r.fixtures[f.Name] = f
	}
	for _, f := range opts.Fixtures {
		r.fixtures[f.Name] = f
	}
	for _, fs := range opts.Faults {
		if err := r.SetFault(fs.Fault, fs.Count); err != nil {
			r.log.Warn("sim: ignoring fault", "err", err)
		}
	}
	if opts.Fixture != "" {
		if err := r.Insert(opts.Fixture); err != nil {
			r.log.Warn("sim: no card at start", "err", err)
		}
	}
	return r
}

// Fixtures returns the names of the cards this reader can hold, sorted.
func (r *IDCardReader) Fixtures() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	names := make([]string, 0, len(r.fixtures))
	for n := range r.fixtures {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Fixture returns the named fixture.
func (r *IDCardReader) Fixture(name string) (Fixture, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f, ok := r.fixtures[name]
	return f, ok
}

// Insert puts the named card on the reader, replacing any card there.
func (r *IDCardReader) Insert(name string) error {
	r.mu.Lock()
	f, ok := r.fixtures[name]
	r.mu.Unlock()
	if !ok {
		return fmt.Errorf("sim: unknown fixture %q (known: %s)", name, strings.Join(r.Fixtures(), ", "))
	}
	c, err := prepare(f)
	if err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.card, r.state = c, stateIdle
	r.log.Info("sim: card inserted", "fixture", name)
	return nil
}

// Remove takes the card off the reader.
func (r *IDCardReader) Remove() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.card, r.state = nil, stateIdle
	r.log.Info("sim: card removed")
}

// Present returns the fixture name of the card on the reader, or "".
func (r *IDCardReader) Present() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.card == nil {
		return ""
	}
	return r.card.fixture.Name
}

// Received returns the commands the reader has decoded so far, in order.
func (r *IDCardReader) Received() []idcard.Command {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.received)
}

// Baud returns the rate the reader currently paces at (changed by the set-baud command).
func (r *IDCardReader) Baud() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.baud
}
