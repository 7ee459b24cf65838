package line

import (
	"os"
	"syscall"
	"unsafe"

	"github.com/creack/pty"
)

// OpenPTY opens a pseudo-terminal with its terminal side in raw mode, so that no byte is
// echoed or translated whoever opens it, and its master side pollable, so that Close
// wakes a blocked Read. The caller keeps tty open (a driver closing and reopening the
// port then does not hang the line up) and serves on master.
func OpenPTY() (master, tty *os.File, err error) {
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
