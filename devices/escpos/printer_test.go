package escpos

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// fake is the printer's end of a net.Pipe: it answers DLE EOT n with replies[n-1]
// (prefixed with extra, when set) and keeps every other byte.
type fake struct {
	conn    net.Conn
	replies []byte
	extra   []byte
	silent  bool
	// pause, when set, is received from after the fourth reply of each status: the fake
	// stops reading until the test sends on it.
	pause chan struct{}

	mu      sync.Mutex
	got     []byte
	queries int
}

func newFake(t *testing.T, replies ...byte) (*fake, *Printer) {
	t.Helper()
	a, b := net.Pipe()
	f := &fake{conn: b, replies: replies}
	p := New(a, Options{StatusTimeout: 2 * time.Second})
	t.Cleanup(func() {
		p.Close()
		b.Close()
	})
	return f, p
}

func (f *fake) serve() {
	buf := make([]byte, 64)
	var held []byte
	for {
		n, err := f.conn.Read(buf)
		if err != nil {
			return
		}
		held = append(held, buf[:n]...)
		for len(held) > 0 {
			if held[0] != 0x10 || (len(held) > 1 && held[1] != 0x04) {
				f.mu.Lock()
				f.got = append(f.got, held[0])
				f.mu.Unlock()
				held = held[1:]
				continue
			}
			if len(held) < 3 {
				break
			}
			q := int(held[2])
			held = held[3:]
			f.mu.Lock()
			f.queries++
			f.mu.Unlock()
			if f.silent {
				continue
			}
			out := append(append([]byte(nil), f.extra...), f.replies[q-1])
			if _, err := f.conn.Write(out); err != nil {
				return
			}
			if q == 4 && f.pause != nil {
				<-f.pause
			}
		}
	}
}

func (f *fake) received() ([]byte, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]byte(nil), f.got...), f.queries
}

func ctxFor(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

func TestDriverStatus(t *testing.T) {
	f, p := newFake(t, 0x1A, 0x32, 0x12, 0x7E)
	go f.serve()
	st, err := p.Status(ctxFor(t, 2*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if st.Ready || len(st.Reasons) != 1 || st.Reasons[0] != devices.ReasonMediaEmpty {
		t.Errorf("Status = %+v, want media-empty", st)
	}
	if _, q := f.received(); q != 4 {
		t.Errorf("%d queries, want 4", q)
	}
}

func TestDriverPrintRefusedWhenBlocked(t *testing.T) {
	f, p := newFake(t, 0x1A, 0x16, 0x12, 0x12)
	go f.serve()
	err := p.Print(ctxFor(t, 2*time.Second), []byte("ticket"))
	var nr *devices.NotReadyError
	if !errors.As(err, &nr) {
		t.Fatalf("Print = %v, want a *devices.NotReadyError", err)
	}
	if nr.Reason() != devices.ReasonDoorOpen {
		t.Errorf("reason %s, want door-open", nr.Reason())
	}
	if want := "escpos: print: printer not ready: door-open"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	// A second exchange proves that the fake has taken everything Print sent.
	if _, err := p.Status(ctxFor(t, 2*time.Second)); err != nil {
		t.Fatal(err)
	}
	if got, q := f.received(); len(got) != 0 || q != 8 {
		t.Errorf("the fake got % x and %d queries, want nothing but 8 queries", got, q)
	}
}

func TestDriverPrintSends(t *testing.T) {
	f, p := newFake(t, 0x12, 0x12, 0x12, 0x1E) // near end warns, does not block
	go f.serve()
	doc, err := TestPage{Time: time.Now()}.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Print(ctxFor(t, 2*time.Second), doc); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Status(ctxFor(t, 2*time.Second)); err != nil {
		t.Fatal(err)
	}
	if got, _ := f.received(); !bytes.Equal(got, doc) {
		t.Errorf("the fake got %d bytes, want the %d of the document", len(got), len(doc))
	}
}

func TestDriverSkipsFlowControl(t *testing.T) {
	f, p := newFake(t, 0x12, 0x12, 0x12, 0x12)
	f.extra = []byte{0x13, 0x11}
	go f.serve()
	st, err := p.Status(ctxFor(t, 2*time.Second))
	if err != nil || !st.Ready {
		t.Fatalf("Status = %+v, %v; want ready", st, err)
	}
}

func TestDriverBadReply(t *testing.T) {
	f, p := newFake(t, 0x12, 0x00, 0x12, 0x12)
	go f.serve()
	_, err := p.Status(ctxFor(t, 2*time.Second))
	if !errors.Is(err, ErrBadReply) {
		t.Fatalf("Status = %v, want ErrBadReply", err)
	}
}

func TestDriverNoReply(t *testing.T) {
	f, p := newFake(t)
	f.silent = true
	go f.serve()
	_, err := p.Status(ctxFor(t, 50*time.Millisecond))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Status = %v, want a deadline error", err)
	}
}

func TestDriverDefaultTimeout(t *testing.T) {
	a, b := net.Pipe()
	defer b.Close()
	go io.Copy(io.Discard, b) // takes the queries, never answers
	p := New(a, Options{StatusTimeout: 30 * time.Millisecond})
	defer p.Close()
	if _, err := p.Status(context.Background()); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Status without a deadline = %v, want the default timeout", err)
	}
}

func TestDriverTransportGone(t *testing.T) {
	f, p := newFake(t, 0x12, 0x12, 0x12, 0x12)
	f.conn.Close()
	_, err := p.Status(ctxFor(t, 2*time.Second))
	if !errors.Is(err, devices.ErrDeviceGone) {
		t.Fatalf("Status = %v, want ErrDeviceGone", err)
	}
}

func TestDriverClosed(t *testing.T) {
	_, p := newFake(t, 0x12, 0x12, 0x12, 0x12)
	p.Close()
	if _, err := p.Status(ctxFor(t, time.Second)); !errors.Is(err, ErrClosed) {
		t.Errorf("Status after Close = %v, want ErrClosed", err)
	}
	if err := p.Print(ctxFor(t, time.Second), []byte("x")); !errors.Is(err, ErrClosed) {
		t.Errorf("Print after Close = %v, want ErrClosed", err)
	}
}

func TestDriverEmptyDocument(t *testing.T) {
	_, p := newFake(t)
	if err := p.Print(ctxFor(t, time.Second), nil); err == nil {
		t.Error("Print(nil) succeeded")
	}
}

// noDeadlines hides a transport's write deadlines.
type noDeadlines struct{ io.ReadWriter }

// A printer that stops taking data: Print gives up at its deadline, on a transport with
// write deadlines and on one without; on the latter the next exchange waits for the
// blocked write to finish.
func TestDriverWriteBlocked(t *testing.T) {
	for _, deadlines := range []bool{true, false} {
		a, b := net.Pipe()
		f := &fake{conn: b, replies: []byte{0x12, 0x12, 0x12, 0x12}, pause: make(chan struct{})}
		var rw io.ReadWriter = a
		if !deadlines {
			rw = noDeadlines{a}
		}
		p := New(rw, Options{})
		go f.serve()
		err := p.Print(ctxFor(t, 100*time.Millisecond), []byte("ticket"))
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("deadlines %v: Print = %v, want a deadline error", deadlines, err)
		}
		f.pause <- struct{}{} // the fake reads again
		go func() {
			for range f.pause {
			}
		}()
		st, err := p.Status(ctxFor(t, 2*time.Second))
		if err != nil || !st.Ready {
			t.Errorf("deadlines %v: Status after the blocked write = %+v, %v", deadlines, st, err)
		}
		close(f.pause)
		p.Close()
		b.Close()
	}
}

func TestDriverConcurrent(t *testing.T) {
	f, p := newFake(t, 0x12, 0x12, 0x12, 0x1E)
	go f.serve()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, err := p.Status(ctxFor(t, 5*time.Second))
			if err == nil && (len(st.Reasons) != 1 || st.Reasons[0] != devices.ReasonMediaLow) {
				err = errors.New("wrong status")
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if _, q := f.received(); q != 32 {
		t.Errorf("%d queries, want 32", q)
	}
}

// Errors say what failed in one voice: one package prefix, the query, the cause.
func TestDriverErrorText(t *testing.T) {
	f, p := newFake(t, 0x12, 0x00, 0x12, 0x12)
	go f.serve()
	_, err := p.Status(ctxFor(t, 2*time.Second))
	if want := "escpos: status 2: reply 0x00: not a DLE EOT status reply"; err == nil || err.Error() != want {
		t.Errorf("Status = %v, want %q", err, want)
	}
	err = p.Print(ctxFor(t, 2*time.Second), []byte("x"))
	if want := "escpos: print: status 2: reply 0x00: not a DLE EOT status reply"; err == nil || err.Error() != want {
		t.Errorf("Print = %v, want %q", err, want)
	}
}
