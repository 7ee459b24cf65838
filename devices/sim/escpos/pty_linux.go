package escpossim

import (
	"context"
	"fmt"

	"github.com/govkiosk/kiosk/devices/sim/internal/line"
)

// ServePTY opens a pseudo-terminal, serves the printer on it until ctx ends, and returns
// the path a driver opens as its serial port (/dev/pts/N).
//
// The terminal side is put in raw mode before anything is written, so no byte is echoed
// or translated whoever opens it, and the simulator keeps it open, so that a driver
// closing and reopening the port does not hang the line up.
func (p *Printer) ServePTY(ctx context.Context) (string, error) {
	master, tty, err := line.OpenPTY()
	if err != nil {
		return "", fmt.Errorf("escpossim: pty: %w", err)
	}
	go func() {
		defer tty.Close()
		defer master.Close()
		p.Serve(ctx, master)
	}()
	return tty.Name(), nil
}
