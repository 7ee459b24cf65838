package escpossim

import (
	"context"
	"fmt"
	"os"
	"syscall"
	"unsafe"

	"github.com/creack/pty"
)

// ServePTY opens a pseudo-terminal, serves the printer on it until ctx ends, and returns
// the path a driver opens as its serial port (/dev/pts/N).
//
// The terminal side is put in raw mode before anything is written, so no byte is echoed
// or translated whoever opens it, and the simulator keeps it open, so that a driver
// closing and reopening the port does not hang the line up.
func (p *Printer) ServePTY(ctx context.Context) (string, error) {
	master, tty, err := openPTY()
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

// openPTY opens a pseudo-terminal with its terminal side in raw mode and its master side
// pollable (so that Close wakes a blocked Read).
func openPTY() (master, tty *os.File, err error) {
	m, t, err := pty.Open()
	if err != nil {
		return nil, nil, err
	}
	if err := makeRaw(t); err != nil {
		m.Close()
		t.Close()
		return nil, nil, err
	}
	// pty.Open leaves the master in blocking mode, where Close cannot wake a Read.
	fd, err := syscall.Dup(int(m.Fd()))
	m.Close()
	if err != nil {
		t.Close()
		return nil, nil, err
	}
	if err := syscall.SetNonblock(fd, true); err != nil {
		syscall.Close(fd)
		t.Close()
		return nil, nil, err
	}
	return os.NewFile(uintptr(fd), "/dev/ptmx"), t, nil
}

// makeRaw puts a terminal in raw mode (cfmakeraw): no echo, no line editing, no
// translation of CR/LF, no flow control, 8 bits.
func makeRaw(f *os.File) error {
	var t syscall.Termios
	fd := f.Fd()
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TCGETS, uintptr(unsafe.Pointer(&t))); e != 0 {
		return e
	}
	t.Iflag &^= syscall.IGNBRK | syscall.BRKINT | syscall.PARMRK | syscall.ISTRIP |
		syscall.INLCR | syscall.IGNCR | syscall.ICRNL | syscall.IXON
	t.Oflag &^= syscall.OPOST
	t.Lflag &^= syscall.ECHO | syscall.ECHONL | syscall.ICANON | syscall.ISIG | syscall.IEXTEN
	t.Cflag &^= syscall.CSIZE | syscall.PARENB
	t.Cflag |= syscall.CS8
	t.Cc[syscall.VMIN], t.Cc[syscall.VTIME] = 1, 0
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TCSETS, uintptr(unsafe.Pointer(&t))); e != 0 {
		return e
	}
	return nil
}
