package sim

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/govkiosk/kiosk/devices/sim/internal/line"
)

// ServePTY opens a pseudo-terminal, serves the protocol on it until ctx ends, and returns
// the path a driver opens as its serial port (/dev/pts/N). Unplug closes the terminal;
// Replug opens a new one (a new path: see IDCardOptions.Link and PTYPath).
//
// The terminal side is put in raw mode before anything is written, so no byte is echoed
// or translated whoever opens it, and the simulator keeps it open so that a driver closing
// and reopening the port does not hang the line up.
func (r *IDCardReader) ServePTY(ctx context.Context) (string, error) {
	p, err := openPTY()
	if err != nil {
		return "", fmt.Errorf("sim: pty: %w", err)
	}
	if err := r.setPTYPath(p.path); err != nil {
		p.close()
		return "", err
	}
	go r.ptyLoop(ctx, p)
	return p.path, nil
}

// PTYPath returns the path of the current pseudo-terminal, "" before ServePTY.
func (r *IDCardReader) PTYPath() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ptyPath
}

// WaitPTY waits until the current pseudo-terminal's path differs from old (a replugged
// reader) and returns it.
func (r *IDCardReader) WaitPTY(ctx context.Context, old string) (string, error) {
	for {
		r.mu.Lock()
		path, changed := r.ptyPath, r.ptyChanged
		r.mu.Unlock()
		if path != old && path != "" {
			return path, nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
}

func (r *IDCardReader) setPTYPath(path string) error {
	r.mu.Lock()
	r.ptyPath = path
	close(r.ptyChanged)
	r.ptyChanged = make(chan struct{})
	r.mu.Unlock()
	if r.opts.Link == "" {
		return nil
	}
	tmp := r.opts.Link + ".new"
	os.Remove(tmp)
	if err := os.Symlink(path, tmp); err != nil {
		return fmt.Errorf("sim: pty link: %w", err)
	}
	if err := os.Rename(tmp, r.opts.Link); err != nil {
		return fmt.Errorf("sim: pty link: %w", err)
	}
	return nil
}

func (r *IDCardReader) ptyLoop(ctx context.Context, p *ptyPair) {
	for {
		r.mu.Lock()
		plugged := r.plugged
		if plugged {
			r.conns[p] = p.close
		}
		r.mu.Unlock()
		if plugged {
			if err := r.Serve(ctx, p.master); err != nil {
				r.log.Warn("sim: pty", "err", err)
			}
		}
		r.mu.Lock()
		delete(r.conns, p)
		replug := r.replug
		plugged = r.plugged
		r.mu.Unlock()
		p.close()
		if ctx.Err() != nil {
			if r.opts.Link != "" {
				os.Remove(r.opts.Link)
			}
			return
		}
		if plugged {
			sleep(ctx, 100*time.Millisecond) // the line failed by itself: do not spin
		} else {
			select {
			case <-replug:
			case <-ctx.Done():
				continue
			}
		}
		var err error
		if p, err = openPTY(); err != nil {
			r.log.Error("sim: pty reopen", "err", err)
			return
		}
		if err := r.setPTYPath(p.path); err != nil {
			r.log.Error("sim: pty reopen", "err", err)
		}
	}
}

// ptyPair is an open pseudo-terminal: the simulator's master end and the terminal end it
// keeps open in raw mode.
type ptyPair struct {
	master *os.File // pollable: Close wakes a blocked Read
	tty    *os.File
	path   string
}

func openPTY() (*ptyPair, error) {
	m, t, err := line.OpenPTY()
	if err != nil {
		return nil, err
	}
	return &ptyPair{master: m, tty: t, path: t.Name()}, nil
}

func (p *ptyPair) close() {
	p.master.Close()
	p.tty.Close()
}
