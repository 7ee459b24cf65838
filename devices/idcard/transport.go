package idcard

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// pump reads the transport in its own goroutine so that every wait can honour its
// context, whatever the transport. Chunks go to r.in; the first hard error closes r.gone.
func (r *Reader) pump() {
	zero := 0
	for {
		var buf []byte
		select {
		case buf = <-r.free:
		default:
			buf = make([]byte, chunkSize)
		}
		n, err := r.rw.Read(buf[:chunkSize])
		if n > 0 {
			zero = 0
			select {
			case r.in <- buf[:n]:
			case <-r.done:
				return
			}
		}
		switch {
		case err == nil && n == 0:
			if zero++; zero > 100 {
				r.fail(io.ErrNoProgress)
				return
			}
		case err == nil:
		case isTimeout(err):
			// A transport read timeout (a serial port's VTIME): not an error, keep reading.
		default:
			r.fail(err)
			return
		}
	}
}

// chunkSize is the size of the pump's read buffers, recycled through r.free.
const chunkSize = 2048

// recycle gives a chunk back to the pump once its bytes are copied.
func (r *Reader) recycle(b []byte) {
	select {
	case r.free <- b[:cap(b)]:
	default:
	}
}

func (r *Reader) fail(err error) {
	r.goneOnce.Do(func() {
		r.goneErr = err
		close(r.gone)
	})
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// transportError is the transport failing: the reader is unplugged or its port closed.
// It matches devices.ErrDeviceGone and wraps the transport's own error.
type transportError struct{ err error }

func (e *transportError) Error() string {
	return fmt.Sprintf("transport: %v: %v", e.err, devices.ErrDeviceGone)
}
func (e *transportError) Unwrap() []error { return []error{e.err, devices.ErrDeviceGone} }

// noReplyError is a command that got no valid reply before its deadline. It matches
// devices.ErrReaderFault and wraps the context's error.
type noReplyError struct {
	ctxErr error
}

func (e *noReplyError) Error() string { return fmt.Sprintf("no reply: %v", e.ctxErr) }
func (e *noReplyError) Unwrap() []error {
	return []error{e.ctxErr, devices.ErrReaderFault}
}

// deadlineWriter is a transport that can bound a write (net.Conn, *os.File, serialport).
type deadlineWriter interface {
	SetWriteDeadline(t time.Time) error
}
