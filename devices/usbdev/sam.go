package usbdev

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// BulkIn and BulkOut are what the framing needs of a bulk endpoint; gousb's
// *InEndpoint and *OutEndpoint have them, and tests use fakes.
type (
	BulkIn interface {
		ReadContext(ctx context.Context, p []byte) (int, error)
	}
	BulkOut interface {
		WriteContext(ctx context.Context, p []byte) (int, error)
	}
)

// SAMEndpoints are the endpoint addresses of the vendor bulk variant: the host writes
// preamble+Len to HeaderOut and the rest to BodyOut; the reader answers preamble+Len on
// HeaderIn and the rest on BodyIn.
type SAMEndpoints struct {
	HeaderOut, BodyOut, HeaderIn, BodyIn int
}

// DefaultSAMEndpoints are the endpoints public code uses: 0x02, 0x06, 0x81, 0x85.
var DefaultSAMEndpoints = SAMEndpoints{HeaderOut: 0x02, BodyOut: 0x06, HeaderIn: 0x81, BodyIn: 0x85}

// Frame geometry, repeated from devices/idcard (which usbdev need not import).
const (
	headerLen = 7    // preamble AA AA AA 96 69 and Len
	maxFrame  = 2321 // the largest frame
	packet    = 64   // a full-speed bulk packet: reads ask for whole packets
)

// TransferTimeout bounds one bulk write, and the wait for a body once its header came
// (public code uses 200 ms).
const TransferTimeout = 200 * time.Millisecond

// SAMConn carries SAM frames over the four bulk endpoints. Write takes one whole frame
// (as the idcard driver writes them); Read returns the reader's frames, header and body
// joined again. Read blocks until a frame arrives or Close.
type SAMConn struct {
	hdrOut, bodyOut BulkOut
	hdrIn, bodyIn   BulkIn
	release         func() error

	ctx    context.Context // cancelled by Close: wakes a blocked Read
	cancel context.CancelFunc
	once   sync.Once

	pending []byte // frame bytes not yet returned by Read
	buf     []byte
}

// NewSAMConn frames over the given endpoints. release, if not nil, is called by Close to
// let go of the device.
func NewSAMConn(hdrOut, bodyOut BulkOut, hdrIn, bodyIn BulkIn, release func() error) *SAMConn {
	ctx, cancel := context.WithCancel(context.Background())
	return &SAMConn{hdrOut: hdrOut, bodyOut: bodyOut, hdrIn: hdrIn, bodyIn: bodyIn,
		release: release, ctx: ctx, cancel: cancel, buf: make([]byte, roundUp(maxFrame))}
}

// ErrNotAFrame is a Write that does not hold exactly one frame.
var ErrNotAFrame = errors.New("usbdev: write: not one whole frame")

// Write sends one frame: its first seven bytes to the header endpoint, the rest to the
// body endpoint.
func (c *SAMConn) Write(p []byte) (int, error) {
	if len(p) < headerLen+1 || len(p) != headerLen+(int(p[5])<<8|int(p[6])) {
		return 0, ErrNotAFrame
	}
	if err := c.write(c.hdrOut, p[:headerLen]); err != nil {
		return 0, err
	}
	if err := c.write(c.bodyOut, p[headerLen:]); err != nil {
		return headerLen, err
	}
	return len(p), nil
}

func (c *SAMConn) write(ep BulkOut, p []byte) error {
	ctx, cancel := context.WithTimeout(c.ctx, TransferTimeout)
	defer cancel()
	if _, err := ep.WriteContext(ctx, p); err != nil {
		return c.transferError("write", err)
	}
	return nil
}

// Read returns frame bytes: a header from the header endpoint, then as many body
// transfers as its Len announces. A header that does not parse is passed on as it is
// (the decoder resynchronises); a body that does not come within TransferTimeout leaves
// the header alone, for the decoder to reject.
func (c *SAMConn) Read(p []byte) (int, error) {
	if len(c.pending) == 0 {
		if err := c.readFrame(); err != nil {
			return 0, err
		}
	}
	n := copy(p, c.pending)
	c.pending = c.pending[n:]
	return n, nil
}

func (c *SAMConn) readFrame() error {
	n, err := c.hdrIn.ReadContext(c.ctx, c.buf[:packet])
	if err != nil {
		return c.transferError("read header", err)
	}
	frame := c.buf[:n]
	if n != headerLen {
		c.pending = frame
		return nil
	}
	want := headerLen + (int(frame[5])<<8 | int(frame[6]))
	if want > maxFrame {
		c.pending = frame
		return nil
	}
	ctx, cancel := context.WithTimeout(c.ctx, TransferTimeout)
	defer cancel()
	for len(frame) < want {
		m, err := c.bodyIn.ReadContext(ctx, c.buf[len(frame):len(frame)+roundUp(want-len(frame))])
		frame = c.buf[:len(frame)+m]
		if err != nil {
			if ctx.Err() != nil && c.ctx.Err() == nil {
				break // no (complete) body: pass on what came
			}
			return c.transferError("read body", err)
		}
	}
	c.pending = frame
	return nil
}

// Close cancels pending transfers and releases the device.
func (c *SAMConn) Close() error {
	var err error
	c.once.Do(func() {
		c.cancel()
		if c.release != nil {
			err = c.release()
		}
	})
	return err
}

func (c *SAMConn) transferError(op string, err error) error {
	return transferError(c.ctx, op, err)
}

// transferError reports a failed transfer as the device gone: on a bulk pipe that is
// what it nearly always means, and the caller reopens. conn is the connection's context,
// done once it is closed.
func transferError(conn context.Context, op string, err error) error {
	if conn.Err() != nil {
		return fmt.Errorf("usbdev: %s: connection closed: %w", op, devices.ErrDeviceGone)
	}
	return fmt.Errorf("usbdev: %s: %w: %w", op, err, devices.ErrDeviceGone)
}

// roundUp rounds n up to whole packets, so that a device never overflows a read.
func roundUp(n int) int { return (n + packet - 1) / packet * packet }
