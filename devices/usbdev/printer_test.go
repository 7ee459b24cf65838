package usbdev

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/gousb"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/escpos"
	escpossim "github.com/govkiosk/kiosk/devices/sim/escpos"
)

// simEndpoints are a printer's bulk endpoints backed by the ESC/POS simulator: what is
// written OUT goes to the simulator, its answers come back IN.
type simEndpoints struct {
	sim    *escpossim.Printer
	mu     sync.Mutex
	reply  []byte
	notify chan struct{}
	writes []int // the size of each OUT transfer
}

func (e *simEndpoints) WriteContext(ctx context.Context, p []byte) (int, error) {
	e.mu.Lock()
	e.writes = append(e.writes, len(p))
	e.reply = append(e.reply, e.sim.Receive(p)...)
	e.mu.Unlock()
	select {
	case e.notify <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (e *simEndpoints) ReadContext(ctx context.Context, p []byte) (int, error) {
	for {
		e.mu.Lock()
		if len(e.reply) > 0 {
			n := copy(p, e.reply)
			e.reply = e.reply[n:]
			e.mu.Unlock()
			return n, nil
		}
		e.mu.Unlock()
		select {
		case <-e.notify:
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
}

func TestESCPOSDriverOverPrinterEndpoints(t *testing.T) {
	sim := escpossim.New(escpossim.Options{})
	ep := &simEndpoints{sim: sim, notify: make(chan struct{}, 1)}
	conn := NewPrinterConn(ep, ep, nil)
	p := escpos.New(conn, escpos.Options{})
	defer p.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()

	st, err := p.Status(ctx)
	if err != nil || !st.Ready {
		t.Fatalf("status: %+v, %v", st, err)
	}
	doc, err := escpos.TestPage{Printer: "receipt", Time: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)}.Encode()
	if err != nil {
		t.Fatal(err)
	}
	doc = append(doc, make([]byte, 2*printerChunk)...) // long enough to need several transfers
	if err := p.Print(ctx, doc); err != nil {
		t.Fatal(err)
	}
	if tickets := sim.Tickets(); len(tickets) != 1 {
		t.Errorf("the printer cut %d tickets, want 1", len(tickets))
	}
	for _, n := range ep.writes {
		if n > printerChunk {
			t.Errorf("a bulk transfer of %d bytes, more than %d", n, printerChunk)
		}
	}
	sim.SetPaperOut(true)
	if st, err := p.Status(ctx); err != nil || st.Ready || !st.Blocked() {
		t.Errorf("paper out: %+v, %v", st, err)
	}
}

func TestClosedPrinterConnIsGone(t *testing.T) {
	ep := &simEndpoints{sim: escpossim.New(escpossim.Options{}), notify: make(chan struct{}, 1)}
	conn := NewPrinterConn(ep, ep, nil)
	errc := make(chan error, 1)
	go func() {
		_, err := conn.Read(make([]byte, 64))
		errc <- err
	}()
	conn.Close()
	if err := <-errc; !errors.Is(err, devices.ErrDeviceGone) {
		t.Errorf("read after close: %v", err)
	}
	if _, err := conn.Write([]byte{0x10, 0x04, 0x01}); !errors.Is(err, devices.ErrDeviceGone) {
		t.Errorf("write after close: %v", err)
	}
}

func TestFindPrinterInterface(t *testing.T) {
	bulk := func(n int, in bool) gousb.EndpointDesc {
		dir := gousb.EndpointDirectionOut
		if in {
			dir = gousb.EndpointDirectionIn
		}
		return gousb.EndpointDesc{Number: n, Direction: dir, TransferType: gousb.TransferTypeBulk}
	}
	desc := &gousb.DeviceDesc{Configs: map[int]gousb.ConfigDesc{1: {Number: 1, Interfaces: []gousb.InterfaceDesc{
		{Number: 0, AltSettings: []gousb.InterfaceSetting{{Number: 0, Class: gousb.ClassHID}}},
		{Number: 1, AltSettings: []gousb.InterfaceSetting{
			{Number: 1, Alternate: 0, Class: gousb.ClassPrinter, Protocol: 1, Endpoints: map[gousb.EndpointAddress]gousb.EndpointDesc{0x01: bulk(1, false)}},
			{Number: 1, Alternate: 1, Class: gousb.ClassPrinter, Protocol: 2, Endpoints: map[gousb.EndpointAddress]gousb.EndpointDesc{0x02: bulk(2, false), 0x83: bulk(3, true)}},
		}},
	}}}}
	got, ok := findPrinterInterface(desc)
	if want := (printerInterface{config: 1, intf: 1, alt: 1, out: 2, in: 3}); !ok || got != want {
		t.Errorf("got %+v %v, want the bidirectional setting %+v", got, ok, want)
	}
	if _, ok := findPrinterInterface(&gousb.DeviceDesc{Configs: map[int]gousb.ConfigDesc{1: {Interfaces: []gousb.InterfaceDesc{
		{AltSettings: []gousb.InterfaceSetting{{Class: gousb.ClassHID}}}}}}}); ok {
		t.Error("a HID device was taken for a printer")
	}
}

func TestOpenPrinterWithoutDevice(t *testing.T) {
	_, err := OpenPrinter(0xdead, 0xbeef)
	if !errors.Is(err, devices.ErrDeviceGone) {
		t.Errorf("got %v, want a device-gone error", err)
	}
}
