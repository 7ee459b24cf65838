package escpossim

import (
	"context"
	"io"
	"sync"

	"github.com/govkiosk/kiosk/devices/escpos"
)

// Options tune a simulated printer. The zero value is an 80 mm printer with no log.
type Options struct {
	// Log receives each ticket's text when it is cut, in one Write.
	Log io.Writer
	// Columns is the paper's width in normal-size Latin characters: 48 for 80 mm paper
	// (the default), 32 for 58 mm. A Chinese character takes two.
	Columns int
	// Keep is how many cut tickets Tickets remembers (default 100).
	Keep int
}

// Printer is a simulated ESC/POS receipt printer. Its methods are safe for concurrent
// use.
type Printer struct {
	opts Options

	mu      sync.Mutex
	faults  faults
	rt      realtime // the receive side's scan for DLE EOT
	held    []byte   // received, not yet printed (the printer is stopped, or a command is incomplete)
	eng     engine
	tickets []string
	cut     int           // tickets cut since New
	changed chan struct{} // closed and replaced when a ticket is cut
	outq    []byte        // replies not yet sent (from printing what a fault held)
	kick    chan struct{} // outq has bytes for Serve to send
}

// New returns a simulated printer, ready, with paper.
func New(opts Options) *Printer {
	if opts.Columns <= 0 {
		opts.Columns = 48
	}
	if opts.Keep <= 0 {
		opts.Keep = 100
	}
	p := &Printer{
		opts:    opts,
		changed: make(chan struct{}),
		kick:    make(chan struct{}, 1),
	}
	p.eng.reset(opts.Columns)
	return p
}

// Tickets returns the text of the tickets cut so far (the last Options.Keep), oldest
// first, each ending with its [CUT] line.
func (p *Printer) Tickets() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.tickets...)
}

// WaitTickets waits until n tickets have been cut since New and returns Tickets.
func (p *Printer) WaitTickets(ctx context.Context, n int) ([]string, error) {
	for {
		p.mu.Lock()
		cut, changed := p.cut, p.changed
		p.mu.Unlock()
		if cut >= n {
			return p.Tickets(), nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// Held returns how many received bytes wait to be printed.
func (p *Printer) Held() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.held)
}

// Receive takes bytes as the printer's receive buffer does: it answers the real-time
// status queries (DLE EOT n) at once, even while stopped, and prints the rest unless a
// fault stops the printer. It returns the bytes the printer sends back.
func (p *Printer) Receive(b []byte) []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.outq
	p.outq = nil
	p.held, out = p.rt.scan(p.held, b, p.faults.status(), out)
	return append(out, p.printHeld()...)
}

// takeOut returns the replies waiting to be sent.
func (p *Printer) takeOut() []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.outq
	p.outq = nil
	return out
}

// printHeld runs the print engine over the held bytes unless the printer is stopped. The
// caller holds mu.
func (p *Printer) printHeld() []byte {
	if p.faults.stopped() || len(p.held) == 0 {
		return nil
	}
	n, out := p.eng.run(p.held, p.faults.status())
	p.held = append(p.held[:0], p.held[n:]...)
	for _, t := range p.eng.takeTickets() {
		p.cutTicket(t)
	}
	return out
}

func (p *Printer) cutTicket(t string) {
	p.tickets = append(p.tickets, t)
	if len(p.tickets) > p.opts.Keep {
		p.tickets = p.tickets[len(p.tickets)-p.opts.Keep:]
	}
	p.cut++
	close(p.changed)
	p.changed = make(chan struct{})
	if p.opts.Log != nil {
		io.WriteString(p.opts.Log, t+"\n")
	}
}

// Status returns the printer's status bits as it answers DLE EOT.
func (p *Printer) Status() escpos.Status {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.faults.status()
}
