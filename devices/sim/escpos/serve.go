package escpossim

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"syscall"

	"github.com/govkiosk/kiosk/devices/sim/internal/line"
)

// Serve is the printer's end of the line rw until ctx ends or rw fails: it takes what
// arrives (see Receive) and sends the answers back. It returns nil when ctx ends or rw
// is closed or hung up, else the transport's error. Serve one line at a time.
func (p *Printer) Serve(ctx context.Context, rw io.ReadWriter) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	chunks, readErr := line.Pump(ctx, rw)
	for {
		var out []byte
		select {
		case <-ctx.Done():
			return nil
		case err := <-readErr:
			if endOfLine(err) {
				return nil
			}
			return fmt.Errorf("escpossim: read: %w", err)
		case b := <-chunks:
			out = p.Receive(b)
		case <-p.kick:
			out = p.takeOut()
		}
		if len(out) == 0 {
			continue
		}
		if _, err := rw.Write(out); err != nil {
			if endOfLine(err) || ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("escpossim: write: %w", err)
		}
	}
}

// endOfLine: the other end closed the line, or a pseudo-terminal hung up (EIO).
func endOfLine(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, os.ErrClosed) ||
		errors.Is(err, io.ErrClosedPipe) || errors.Is(err, net.ErrClosed) ||
		errors.Is(err, syscall.EIO)
}
