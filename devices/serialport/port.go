package serialport

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/tarm/serial"
)

// pollInterval is tarm's read timeout (VTIME): how often a blocked Read looks at its
// deadline and at Close. It is also the finest VTIME can do (a tenth of a second).
const pollInterval = 100 * time.Millisecond

// A read that returns no byte much sooner than pollInterval, several times in a row, is
// a hung-up line (a USB adapter pulled out), not a timeout.
const (
	hangupFast  = 10 * time.Millisecond
	hangupCount = 5
)

// Port is an open serial port. Read, Write and Close may be called from different
// goroutines; a Read blocked in the kernel notices Close within pollInterval.
type Port struct {
	name   string
	port   *serial.Port
	closed atomic.Bool

	mu       sync.Mutex
	deadline time.Time
}

// Open opens the serial port at path (8 data bits, no parity, 1 stop bit) at baud.
func Open(path string, baud int) (*Port, error) {
	p, err := serial.OpenPort(&serial.Config{Name: path, Baud: baud, ReadTimeout: pollInterval})
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			err = fmt.Errorf("%w: %w", err, devices.ErrDeviceGone)
		}
		return nil, fmt.Errorf("serialport: open %s at %d baud: %w", path, baud, err)
	}
	// Bytes left in the line from an earlier user are not ours: drop them.
	_ = p.Flush()
	return &Port{name: path, port: p}, nil
}

// Name returns the path the port was opened at.
func (p *Port) Name() string { return p.name }

// SetReadDeadline makes Read give up with a timeout error (os.ErrDeadlineExceeded) at t;
// the zero time means no deadline. Its precision is pollInterval.
func (p *Port) SetReadDeadline(t time.Time) error {
	p.mu.Lock()
	p.deadline = t
	p.mu.Unlock()
	return nil
}

func (p *Port) readDeadline() time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.deadline
}

// timeoutError is a read past its deadline.
type timeoutError struct{}

func (timeoutError) Error() string        { return "serialport: read timeout" }
func (timeoutError) Timeout() bool        { return true }
func (timeoutError) Is(target error) bool { return target == os.ErrDeadlineExceeded }

// ErrTimeout is returned by Read when its deadline passes; it has Timeout() true and
// matches os.ErrDeadlineExceeded.
var ErrTimeout error = timeoutError{}

// Read reads at least one byte, blocking until a byte arrives, the deadline passes
// (ErrTimeout), the port is closed or the line hangs up (both matching
// devices.ErrDeviceGone).
func (p *Port) Read(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	fast := 0
	for {
		if p.closed.Load() {
			return 0, p.closedErr()
		}
		if dl := p.readDeadline(); !dl.IsZero() && !time.Now().Before(dl) {
			return 0, ErrTimeout
		}
		start := time.Now()
		n, err := p.port.Read(b)
		if n > 0 {
			return n, nil
		}
		switch {
		case err == nil:
		case errors.Is(err, io.EOF): // tarm's read timeout
			if time.Since(start) < hangupFast {
				if fast++; fast >= hangupCount {
					return 0, fmt.Errorf("serialport: read %s: line hung up: %w", p.name, devices.ErrDeviceGone)
				}
				continue
			}
			fast = 0
		case p.closed.Load():
			return 0, p.closedErr()
		default:
			return 0, fmt.Errorf("serialport: read %s: %w: %w", p.name, err, devices.ErrDeviceGone)
		}
	}
}

// Write writes b to the line.
func (p *Port) Write(b []byte) (int, error) {
	if p.closed.Load() {
		return 0, p.closedErr()
	}
	n, err := p.port.Write(b)
	if err != nil {
		return n, fmt.Errorf("serialport: write %s: %w: %w", p.name, err, devices.ErrDeviceGone)
	}
	return n, nil
}

// Flush discards bytes received but not read and bytes written but not sent.
func (p *Port) Flush() error {
	if err := p.port.Flush(); err != nil {
		return fmt.Errorf("serialport: flush %s: %w", p.name, err)
	}
	return nil
}

// Close closes the port. A blocked Read returns within pollInterval.
func (p *Port) Close() error {
	if p.closed.Swap(true) {
		return nil
	}
	if err := p.port.Close(); err != nil {
		return fmt.Errorf("serialport: close %s: %w", p.name, err)
	}
	return nil
}

func (p *Port) closedErr() error {
	return fmt.Errorf("serialport: %s: %w: %w", p.name, os.ErrClosed, devices.ErrDeviceGone)
}
