package line

import (
	"context"
	"errors"
	"os"
	"testing"
)

func TestPTYPassesBinaryBytesRaw(t *testing.T) {
	master, tty, err := OpenPTY()
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	defer tty.Close()
	defer master.Close()
	peer, err := os.OpenFile(tty.Name(), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer peer.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	chunks, errs := Pump(ctx, master)
	want := []byte{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22, '\r', '\n', 0x03, 0x7f}
	if _, err := peer.Write(want); err != nil {
		t.Fatal(err)
	}
	var got []byte
	for len(got) < len(want) {
		select {
		case c := <-chunks:
			got = append(got, c...)
		case err := <-errs:
			t.Fatal(err)
		}
	}
	if string(got) != string(want) {
		t.Errorf("got % x, want % x (raw mode must not translate or echo)", got, want)
	}
	master.Close() // Close wakes the blocked read
	if err := <-errs; err == nil {
		t.Error("no error after close")
	}
}

type timeoutErr struct{}

func (timeoutErr) Error() string { return "timeout" }
func (timeoutErr) Timeout() bool { return true }

func TestIsTimeout(t *testing.T) {
	if !IsTimeout(timeoutErr{}) || IsTimeout(errors.New("eof")) || !IsTimeout(os.ErrDeadlineExceeded) {
		t.Error("IsTimeout misjudges")
	}
}
