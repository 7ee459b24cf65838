package idcard

import (
	"bytes"
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// script is a transport that answers the n-th write with replies[n] (nil: silence) and
// records what was written.
type script struct {
	replies [][]byte
	written [][]byte
	out     chan []byte
}

func newScript(replies ...[]byte) *script {
	return &script{replies: replies, out: make(chan []byte, 16)}
}

func (s *script) Write(p []byte) (int, error) {
	n := len(s.written)
	s.written = append(s.written, bytes.Clone(p))
	if n < len(s.replies) && s.replies[n] != nil {
		s.out <- s.replies[n]
	}
	return len(p), nil
}

func (s *script) Read(p []byte) (int, error) {
	b, ok := <-s.out
	if !ok {
		return 0, io.EOF
	}
	return copy(p, b), nil
}

func (s *script) Close() error { close(s.out); return nil }

func status(sw3 byte) []byte { return Reply{SW3: sw3}.Encode() }

func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestRetryWhenTheReaderSaysOurFrameWasDamaged(t *testing.T) {
	s := newScript(status(SW3Checksum), status(SW3OK))
	r := New(s, Options{})
	defer r.Close()
	if err := r.SAMStatus(testCtx(t)); err != nil {
		t.Fatal(err)
	}
	if len(s.written) != 2 {
		t.Fatalf("%d writes, want the command sent twice", len(s.written))
	}
}

func TestNoRetryForBaudChange(t *testing.T) {
	s := newScript(status(SW3Length), status(SW3OK))
	r := New(s, Options{})
	defer r.Close()
	err := r.SetBaud(testCtx(t), 9600)
	var se *StatusError
	if !errors.As(err, &se) || se.SW3 != SW3Length || len(s.written) != 1 {
		t.Fatalf("err %v after %d writes; want sw3 0x11 after one", err, len(s.written))
	}
	if want := "idcard: set baud: sw3 0x11: length error in the host's frame"; err.Error() != want {
		t.Errorf("err %q, want %q", err, want)
	}
}

func TestRetriesDisabled(t *testing.T) {
	bad := status(SW3OK)
	bad[len(bad)-1] ^= 1
	s := newScript(bad, status(SW3OK))
	r := New(s, Options{Retries: -1})
	defer r.Close()
	if err := r.SAMStatus(testCtx(t)); !errors.Is(err, ErrChecksum) || len(s.written) != 1 {
		t.Fatalf("err %v after %d writes", err, len(s.written))
	}
}

func TestStaleReplySkipped(t *testing.T) {
	// The select reply is preceded by a late find reply (wrong shape for select).
	find := Reply{SW3: SW3FindOK, Data: make([]byte, 4)}.Encode()
	sel := Reply{SW3: SW3OK, Data: make([]byte, 8)}.Encode()
	s := newScript(append(find, sel...))
	r := New(s, Options{})
	defer r.Close()
	if err := r.Select(testCtx(t)); err != nil {
		t.Fatal(err)
	}
}

func TestReadReplyWithBadLayoutIsNotAccepted(t *testing.T) {
	// A 90 reply to a read whose length words are wrong: never parsed as a card.
	data := ReadData(make([]byte, TextLen), make([]byte, PhotoLen), nil, false)
	data[1] = 0xFF
	s := newScript(Reply{SW3: SW3OK, Data: data}.Encode())
	r := New(s, Options{})
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := r.Read(ctx); !errors.Is(err, devices.ErrReaderFault) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err %v", err)
	}
}

func TestTransportEOF(t *testing.T) {
	s := newScript()
	r := New(s, Options{})
	close(s.out)
	if err := r.Find(testCtx(t)); !errors.Is(err, devices.ErrDeviceGone) || !errors.Is(err, io.EOF) {
		t.Fatalf("err %v", err)
	}
}

func TestCallerCancelIsNotAFault(t *testing.T) {
	r := New(newScript(), Options{})
	defer r.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := r.Find(ctx)
	if !errors.Is(err, context.Canceled) || errors.Is(err, devices.ErrReaderFault) {
		t.Fatalf("err %v", err)
	}
}

func TestGoodReplyBehindABadFrameIsTaken(t *testing.T) {
	// A junk header with an impossible length, then the real reply, in one burst: the
	// baud change (never retried) still gets its answer.
	junk := []byte{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0xFF, 0xFF}
	s := newScript(append(junk, status(SW3OK)...))
	r := New(s, Options{})
	defer r.Close()
	if err := r.SetBaud(testCtx(t), 9600); err != nil || len(s.written) != 1 {
		t.Fatalf("err %v after %d writes", err, len(s.written))
	}
}
