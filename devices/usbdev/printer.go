package usbdev

import (
	"context"
	"sync"
)

// PrinterConn is a USB printer-class connection (class 7): what is written goes to the
// bulk OUT endpoint; Read returns what the printer sends on its bulk IN endpoint (the
// status replies of a bidirectional printer). Read blocks until data arrives or Close.
type PrinterConn struct {
	out     BulkOut
	in      BulkIn // nil for a unidirectional printer: Read then waits for Close
	release func() error

	ctx    context.Context // cancelled by Close: wakes a blocked Read
	cancel context.CancelFunc
	once   sync.Once
}

// printerChunk is how much one bulk OUT transfer carries; each has TransferTimeout.
const printerChunk = 4096

// NewPrinterConn talks over the given endpoints. release, if not nil, is called by Close
// to let go of the device.
func NewPrinterConn(out BulkOut, in BulkIn, release func() error) *PrinterConn {
	ctx, cancel := context.WithCancel(context.Background())
	return &PrinterConn{out: out, in: in, release: release, ctx: ctx, cancel: cancel}
}

// Write sends p in bulk transfers of at most printerChunk bytes.
func (c *PrinterConn) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, c.transferError("write", err)
	}
	n := 0
	for n < len(p) {
		end := min(n+printerChunk, len(p))
		ctx, cancel := context.WithTimeout(c.ctx, TransferTimeout)
		m, err := c.out.WriteContext(ctx, p[n:end])
		cancel()
		n += m
		if err != nil {
			return n, c.transferError("write", err)
		}
	}
	return n, nil
}

// Read returns the next bytes the printer sends.
func (c *PrinterConn) Read(p []byte) (int, error) {
	if c.in == nil {
		<-c.ctx.Done()
		return 0, c.transferError("read", c.ctx.Err())
	}
	buf := p
	if len(buf) < packet { // a device may send a whole packet: never overflow
		buf = make([]byte, packet)
	}
	for {
		n, err := c.in.ReadContext(c.ctx, buf)
		if err != nil {
			return 0, c.transferError("read", err)
		}
		if n > 0 {
			if len(p) < packet {
				n = copy(p, buf[:n])
			}
			return n, nil
		}
	}
}

// Close cancels pending transfers and releases the device.
func (c *PrinterConn) Close() error {
	var err error
	c.once.Do(func() {
		c.cancel()
		if c.release != nil {
			err = c.release()
		}
	})
	return err
}

func (c *PrinterConn) transferError(op string, err error) error {
	return transferError(c.ctx, op, err)
}
