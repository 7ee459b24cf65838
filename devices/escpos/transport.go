package escpos

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// XON and XOFF may come back on a serial line with software flow control; they are not
// status replies.
const (
	xon  = 0x11
	xoff = 0x13
)

// pump reads the transport in its own goroutine so that every wait honours its context,
// whatever the transport. Chunks go to p.in; the first hard error closes p.gone.
func (p *Printer) pump() {
	zero := 0
	for {
		buf := make([]byte, 256)
		n, err := p.rw.Read(buf)
		if n > 0 {
			zero = 0
			select {
			case p.in <- buf[:n]:
			case <-p.done:
				return
			}
		}
		switch {
		case err == nil && n == 0:
			if zero++; zero > 100 {
				p.fail(io.ErrNoProgress)
				return
			}
		case err == nil:
		case isTimeout(err):
			// A transport read timeout: not an error, keep reading.
		default:
			p.fail(err)
			return
		}
	}
}

func (p *Printer) fail(err error) {
	p.goneOnce.Do(func() {
		p.goneErr = err
		close(p.gone)
	})
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// acquire waits for the turn to talk to the printer.
func (p *Printer) acquire(ctx context.Context) error {
	select {
	case <-p.done:
		return ErrClosed
	default:
	}
	select {
	case p.turn <- struct{}{}:
		return nil
	case <-p.done:
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (p *Printer) release() { <-p.turn }

// drain drops what arrived outside an exchange: late replies to a query that timed out,
// flow-control bytes.
func (p *Printer) drain() {
	p.rest = p.rest[:0]
	for {
		select {
		case <-p.in:
		default:
			return
		}
	}
}

// reply waits for one status reply, skipping XON and XOFF.
func (p *Printer) reply(ctx context.Context) (byte, error) {
	for {
		for len(p.rest) > 0 {
			b := p.rest[0]
			p.rest = p.rest[1:]
			if b != xon && b != xoff {
				return b, nil
			}
		}
		select {
		case c := <-p.in:
			p.rest = append(p.rest, c...)
		case <-p.gone:
			return 0, &transportError{p.goneErr}
		case <-p.done:
			return 0, ErrClosed
		case <-ctx.Done():
			return 0, fmt.Errorf("no reply: %w", ctx.Err())
		}
	}
}

// deadlineWriter is a transport that can bound a write (net.Conn, a pollable *os.File).
type deadlineWriter interface {
	SetWriteDeadline(t time.Time) error
}

// write sends b before ctx ends. A transport with write deadlines gets ctx's deadline
// (and an immediate one if ctx is cancelled); on another, the write runs in a goroutine
// that the next exchange waits for if ctx ended first.
func (p *Printer) write(ctx context.Context, b []byte) error {
	if p.stuck != nil {
		select {
		case <-p.stuck:
			p.stuck = nil
		case <-ctx.Done():
			return fmt.Errorf("previous write still blocked: %w", ctx.Err())
		}
	}
	select {
	case <-p.gone:
		return &transportError{p.goneErr}
	default:
	}
	if dw, ok := p.rw.(deadlineWriter); ok {
		dl, _ := ctx.Deadline()
		if dw.SetWriteDeadline(dl) == nil {
			cut := make(chan struct{})
			stop := context.AfterFunc(ctx, func() {
				dw.SetWriteDeadline(time.Unix(1, 0))
				close(cut)
			})
			_, err := p.rw.Write(b)
			if !stop() {
				<-cut // let it finish before the deadline is cleared
			}
			dw.SetWriteDeadline(time.Time{})
			return p.writeError(ctx, err)
		}
	}
	b = append([]byte(nil), b...)
	done := make(chan error, 1)
	go func() {
		_, err := p.rw.Write(b)
		done <- err
	}()
	select {
	case err := <-done:
		return p.writeError(ctx, err)
	case <-ctx.Done():
		p.stuck = done
		return fmt.Errorf("write: %w", ctx.Err())
	}
}

func (p *Printer) writeError(ctx context.Context, err error) error {
	switch {
	case err == nil:
		return nil
	case isTimeout(err) && ctx.Err() != nil:
		return fmt.Errorf("write: %w", ctx.Err())
	case isTimeout(err):
		// The transport's clock ran out a moment before the context's timer fired.
		if dl, ok := ctx.Deadline(); ok && !time.Now().Before(dl) {
			return fmt.Errorf("write: %w", context.DeadlineExceeded)
		}
		return fmt.Errorf("write: %w", err)
	}
	return &transportError{err}
}

// transportError is the transport failing: the printer is unplugged or its port closed.
// It matches devices.ErrDeviceGone and wraps the transport's own error.
type transportError struct{ err error }

func (e *transportError) Error() string {
	return fmt.Sprintf("transport: %v: %v", e.err, devices.ErrDeviceGone)
}
func (e *transportError) Unwrap() []error { return []error{e.err, devices.ErrDeviceGone} }
