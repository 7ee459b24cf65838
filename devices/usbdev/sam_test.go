package usbdev_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/idcard"
	"github.com/govkiosk/kiosk/devices/sim"
	"github.com/govkiosk/kiosk/devices/usbdev"
)

// endpoint is a fake bulk endpoint: each transfer is one message on a channel.
type endpoint struct {
	name string
	ch   chan []byte
}

func newEndpoint(name string) *endpoint { return &endpoint{name: name, ch: make(chan []byte, 64)} }

func (e *endpoint) WriteContext(ctx context.Context, p []byte) (int, error) {
	select {
	case e.ch <- bytes.Clone(p):
		return len(p), nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func (e *endpoint) ReadContext(ctx context.Context, p []byte) (int, error) {
	select {
	case m := <-e.ch:
		if len(m) > len(p) {
			return 0, fmt.Errorf("%s: overflow: %d bytes into %d", e.name, len(m), len(p))
		}
		return copy(p, m), nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// fakeDevice is a USB SAM reader made of four fake endpoints around the simulator: it
// joins the host's header and body transfers into frames for the simulator, and splits
// the simulator's replies into a header transfer and body transfers of at most bodyMax
// bytes.
type fakeDevice struct {
	hdrOut, bodyOut, hdrIn, bodyIn *endpoint
	headers                        chan []byte // every header the host wrote, for checks
}

func newFakeDevice(t *testing.T, s *sim.IDCardReader, bodyMax int) *fakeDevice {
	d := &fakeDevice{newEndpoint("0x02"), newEndpoint("0x06"), newEndpoint("0x81"), newEndpoint("0x85"), make(chan []byte, 64)}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	rw, err := s.Pipe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	go func() { // host → reader
		for {
			var h, b []byte
			select {
			case h = <-d.hdrOut.ch:
			case <-ctx.Done():
				return
			}
			d.headers <- h
			select {
			case b = <-d.bodyOut.ch:
			case <-ctx.Done():
				return
			}
			rw.Write(append(h, b...))
		}
	}()
	go func() { // reader → host
		var buf []byte
		chunk := make([]byte, 4096)
		for {
			n, err := rw.Read(chunk)
			if err != nil {
				return
			}
			buf = append(buf, chunk[:n]...)
			for {
				i := bytes.Index(buf, []byte{0xAA, 0xAA, 0xAA, 0x96, 0x69})
				if i < 0 || len(buf) < i+7 {
					break
				}
				buf = buf[i:]
				end := 7 + (int(buf[5])<<8 | int(buf[6]))
				if len(buf) < end {
					break
				}
				d.hdrIn.ch <- bytes.Clone(buf[:7])
				for body := buf[7:end]; len(body) > 0; body = body[min(bodyMax, len(body)):] {
					d.bodyIn.ch <- bytes.Clone(body[:min(bodyMax, len(body))])
				}
				buf = buf[end:]
			}
		}
	}()
	return d
}

func (d *fakeDevice) conn() *usbdev.SAMConn {
	return usbdev.NewSAMConn(d.hdrOut, d.bodyOut, d.hdrIn, d.bodyIn, nil)
}

func TestSAMOverFakeBulkEndpoints(t *testing.T) {
	for _, bodyMax := range []int{4096, 512, 64} {
		s := sim.NewIDCardReader(sim.IDCardOptions{Fixture: "foreign_permanent_2023"})
		dev := newFakeDevice(t, s, bodyMax)
		r := idcard.New(dev.conn(), idcard.Options{Fingerprint: true})
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		got, err := r.ReadCard(ctx)
		cancel()
		if err != nil {
			t.Fatalf("body transfers of %d: %v", bodyMax, err)
		}
		f, _ := s.Fixture("foreign_permanent_2023")
		want, _ := f.Card()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("body transfers of %d: got %+v", bodyMax, got)
		}
		if h := <-dev.headers; !bytes.Equal(h, idcard.CmdFind.Encode()[:7]) {
			t.Errorf("header transfer % X", h)
		}
		r.Close()
	}
}

func TestSAMConnNoCardAndClose(t *testing.T) {
	s := sim.NewIDCardReader(sim.IDCardOptions{})
	dev := newFakeDevice(t, s, 64)
	released := make(chan struct{})
	c := usbdev.NewSAMConn(dev.hdrOut, dev.bodyOut, dev.hdrIn, dev.bodyIn, func() error { close(released); return nil })
	r := idcard.New(c, idcard.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if _, err := r.ReadCard(ctx); !errors.Is(err, devices.ErrNoCard) {
		t.Fatalf("no card: %v", err)
	}
	r.Close() // wakes the driver's blocked Read and releases the device
	<-released
	if _, err := c.Read(make([]byte, 8)); !errors.Is(err, devices.ErrDeviceGone) {
		t.Fatalf("read after close: %v", err)
	}
}

func TestSAMConnWriteWantsWholeFrames(t *testing.T) {
	c := usbdev.NewSAMConn(newEndpoint("h"), newEndpoint("b"), newEndpoint("hi"), newEndpoint("bi"), nil)
	defer c.Close()
	frame := idcard.CmdFind.Encode()
	for _, p := range [][]byte{frame[:5], frame[:9], append(frame, 0)} {
		if _, err := c.Write(p); !errors.Is(err, usbdev.ErrNotAFrame) {
			t.Errorf("Write(% X): %v", p, err)
		}
	}
}

func TestSAMConnHeaderWithoutBody(t *testing.T) {
	hi, bi := newEndpoint("0x81"), newEndpoint("0x85")
	c := usbdev.NewSAMConn(newEndpoint("h"), newEndpoint("b"), hi, bi, nil)
	defer c.Close()
	hi.ch <- []byte{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04}
	buf := make([]byte, 64)
	n, err := c.Read(buf)
	if err != nil || n != 7 {
		t.Fatalf("read %d, %v: want the lone header passed on", n, err)
	}
}

func TestOpenSAMWithoutDevice(t *testing.T) {
	// No reader is plugged into this machine: the gousb path must fail cleanly.
	_, err := usbdev.OpenSAM(usbdev.SAMVendor, usbdev.SAMProduct, usbdev.DefaultSAMEndpoints)
	if !errors.Is(err, devices.ErrDeviceGone) {
		t.Fatalf("err %v, want one matching ErrDeviceGone", err)
	}
	t.Log(err)
}
