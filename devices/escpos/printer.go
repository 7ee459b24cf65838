package escpos

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// Options tune a Printer. The zero value is the usual setup.
type Options struct {
	// Name is the printer's name in the kiosk (default "receipt").
	Name string
	// StatusTimeout bounds Status when ctx has no deadline (default 1 s).
	StatusTimeout time.Duration
	// PrintTimeout bounds Print when ctx has no deadline (default 30 s).
	PrintTimeout time.Duration
}

// ErrClosed is returned by a Printer after Close.
var ErrClosed = fmt.Errorf("escpos: printer closed: %w", devices.ErrDeviceGone)

// writeChunk is how much of a document goes to the transport in one write, so that a
// cancelled context stops a long document between chunks.
const writeChunk = 512

// Printer drives an ESC/POS receipt printer over a transport. It implements
// devices.ReceiptPrinter. Its methods are safe for concurrent use; exchanges are
// serialised.
type Printer struct {
	rw   io.ReadWriter
	opts Options

	turn chan struct{} // one exchange at a time; the holder owns rest and stuck
	rest []byte        // bytes read but not consumed
	// stuck is a write still running on a transport without write deadlines, left
	// behind when its context ended; the next exchange waits for it first.
	stuck chan error

	in      chan []byte
	done    chan struct{}
	closing sync.Once

	gone     chan struct{}
	goneOnce sync.Once
	goneErr  error
}

var _ devices.ReceiptPrinter = (*Printer)(nil)

// New returns a driver for the printer at the other end of rw, which it reads from a
// goroutine of its own until Close. Close closes rw if it is an io.Closer.
//
// A transport read that returns io.EOF means the transport is gone: a serial port whose
// read timeout reports EOF (tarm/serial) must be wrapped to report it otherwise.
func New(rw io.ReadWriter, opts Options) *Printer {
	if opts.Name == "" {
		opts.Name = "receipt"
	}
	if opts.StatusTimeout <= 0 {
		opts.StatusTimeout = time.Second
	}
	if opts.PrintTimeout <= 0 {
		opts.PrintTimeout = 30 * time.Second
	}
	p := &Printer{
		rw:   rw,
		opts: opts,
		turn: make(chan struct{}, 1),
		in:   make(chan []byte, 16),
		done: make(chan struct{}),
		gone: make(chan struct{}),
	}
	go p.pump()
	return p
}

// Name returns the printer's name in the kiosk.
func (p *Printer) Name() string { return p.opts.Name }

// Close stops the driver and closes the transport if it can be closed.
func (p *Printer) Close() error {
	var err error
	p.closing.Do(func() {
		close(p.done)
		if c, ok := p.rw.(io.Closer); ok {
			err = c.Close()
		}
	})
	return err
}

// Status asks the printer for its four real-time statuses and maps them to the kiosk's
// vocabulary.
func (p *Printer) Status(ctx context.Context) (devices.PrinterStatus, error) {
	s, err := p.ReadStatus(ctx)
	if err != nil {
		return devices.PrinterStatus{}, err
	}
	return s.PrinterStatus(), nil
}

// ReadStatus asks the printer for its four real-time statuses (DLE EOT 1 to 4), one after
// the other, and returns them bit by bit.
func (p *Printer) ReadStatus(ctx context.Context) (Status, error) {
	ctx, cancel := bound(ctx, p.opts.StatusTimeout)
	defer cancel()
	if err := p.acquire(ctx); err != nil {
		return Status{}, fmt.Errorf("escpos: status: %w", err)
	}
	defer p.release()
	s, err := p.status(ctx)
	if err != nil {
		return Status{}, fmt.Errorf("escpos: %w", err)
	}
	return s, nil
}

// Print asks the printer's status and, when nothing blocks it, sends doc (a document from
// Encoder or the ready-made documents). When the printer reports a blocking reason it
// sends nothing and returns an error wrapping *devices.NotReadyError. An error once
// sending has begun does not prove that nothing printed.
func (p *Printer) Print(ctx context.Context, doc []byte) error {
	if len(doc) == 0 {
		return errors.New("escpos: print: empty document")
	}
	ctx, cancel := bound(ctx, p.opts.PrintTimeout)
	defer cancel()
	if err := p.acquire(ctx); err != nil {
		return fmt.Errorf("escpos: print: %w", err)
	}
	defer p.release()
	s, err := p.status(ctx)
	if err != nil {
		return fmt.Errorf("escpos: print: %w", err)
	}
	if st := s.PrinterStatus(); st.Blocked() {
		return fmt.Errorf("escpos: print: %w", &devices.NotReadyError{Status: st})
	}
	for sent := 0; sent < len(doc); {
		n := min(writeChunk, len(doc)-sent)
		if err := p.write(ctx, doc[sent:sent+n]); err != nil {
			return fmt.Errorf("escpos: print: %d of %d bytes sent: %w", sent, len(doc), err)
		}
		sent += n
	}
	return nil
}

// status runs the four DLE EOT exchanges. The caller holds the turn.
func (p *Printer) status(ctx context.Context) (Status, error) {
	p.drain()
	var s Status
	for n := StatusPrinter; n <= StatusPaper; n++ {
		if err := p.write(ctx, StatusQuery(n)); err != nil {
			return Status{}, fmt.Errorf("status %d: %w", n, err)
		}
		b, err := p.reply(ctx)
		if err != nil {
			return Status{}, fmt.Errorf("status %d: %w", n, err)
		}
		if err := s.decode(n, b); err != nil {
			return Status{}, err
		}
	}
	return s, nil
}

// bound gives ctx a deadline d from now when it has none.
func bound(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, d)
}
