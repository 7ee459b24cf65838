package escpossim_test

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/escpos"
	"github.com/govkiosk/kiosk/devices/serialport"
	escpossim "github.com/govkiosk/kiosk/devices/sim/escpos"
)

var sampleTime = time.Date(2026, 11, 27, 9, 30, 5, 0, time.FixedZone("CST", 8*3600))

// The documents of the golden logs in testdata.
var documents = []struct {
	name string
	doc  interface{ Encode() ([]byte, error) }
}{
	{"queue_ticket", escpos.QueueTicket{Hall: "市民服务中心", Number: "A023", Service: "户籍业务", Waiting: 7, Time: sampleTime}},
	{"receipt", escpos.Receipt{Service: "居住证申领", Reference: "SL20261127000123", Applicant: "张三丰", Terminal: "KIOSK-07", Time: sampleTime}},
	{"receipt_local", escpos.Receipt{Service: "居住证申领", Reference: "LOCAL-KIOSK07-000042", Local: true, Time: sampleTime}},
	{"test_page", escpos.TestPage{Printer: "receipt", Time: sampleTime}},
}

// ptySetup serves a simulated printer on a real pseudo-terminal and drives it through
// tarm/serial (devices/serialport), as the kiosk drives a printer on a serial line.
func ptySetup(t testing.TB) (*escpossim.Printer, *escpos.Printer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	sim := escpossim.New(escpossim.Options{})
	path, err := sim.ServePTY(ctx)
	if err != nil {
		t.Fatal(err)
	}
	port, err := serialport.Open(path, 115200)
	if err != nil {
		t.Fatal(err)
	}
	drv := escpos.New(port, escpos.Options{Name: "receipt"})
	t.Cleanup(func() { drv.Close() })
	return sim, drv
}

func deadline(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

func encode(t *testing.T, d interface{ Encode() ([]byte, error) }) []byte {
	t.Helper()
	b, err := d.Encode()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func golden(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b[:len(b)-1])
}

func TestPTYPrintsEachDocument(t *testing.T) {
	sim, drv := ptySetup(t)
	for i, d := range documents {
		if err := drv.Print(deadline(t, 5*time.Second), encode(t, d.doc)); err != nil {
			t.Fatalf("%s: %v", d.name, err)
		}
		got, err := sim.WaitTickets(deadline(t, 5*time.Second), i+1)
		if err != nil {
			t.Fatalf("%s: no ticket: %v", d.name, err)
		}
		if want := golden(t, d.name); got[i] != want {
			t.Errorf("%s: the simulator printed\n%s\nwant\n%s", d.name, got[i], want)
		}
	}
}

func TestPTYPaperOut(t *testing.T) {
	sim, drv := ptySetup(t)
	sim.SetPaperOut(true)
	st, err := drv.Status(deadline(t, 2*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if st.Ready || !slices.Equal(st.Reasons, []devices.PrinterReason{devices.ReasonMediaEmpty}) {
		t.Errorf("Status with paper out = %+v, want media-empty", st)
	}
	err = drv.Print(deadline(t, 2*time.Second), encode(t, documents[0].doc))
	var nr *devices.NotReadyError
	if !errors.As(err, &nr) {
		t.Fatalf("Print with paper out = %v, want a *devices.NotReadyError", err)
	}
	if nr.Reason() != devices.ReasonMediaEmpty || !nr.Reason().Blocking() {
		t.Errorf("refused for %s, want media-empty", nr.Reason())
	}
	// Another exchange: the simulator has read everything the refused Print sent.
	if _, err := drv.Status(deadline(t, 2*time.Second)); err != nil {
		t.Fatal(err)
	}
	if sim.Held() != 0 || len(sim.Tickets()) != 0 {
		t.Errorf("a refused print sent data: %d bytes held, %d tickets", sim.Held(), len(sim.Tickets()))
	}

	sim.SetPaperOut(false)
	st, err = drv.Status(deadline(t, 2*time.Second))
	if err != nil || !st.Ready || len(st.Reasons) != 0 {
		t.Fatalf("Status with paper loaded = %+v, %v; want ready", st, err)
	}
	if err := drv.Print(deadline(t, 5*time.Second), encode(t, documents[0].doc)); err != nil {
		t.Fatal(err)
	}
	got, err := sim.WaitTickets(deadline(t, 5*time.Second), 1)
	if err != nil || len(got) != 1 || got[0] != golden(t, documents[0].name) {
		t.Errorf("after the paper was loaded: %q, %v", got, err)
	}
}

func TestPTYWarningsAndFaults(t *testing.T) {
	sim, drv := ptySetup(t)
	for _, tc := range []struct {
		name    string
		set     func(on bool)
		reasons []devices.PrinterReason
		ready   bool
	}{
		{"near end", sim.SetNearEnd, []devices.PrinterReason{devices.ReasonMediaLow}, true},
		{"cover open", sim.SetCoverOpen, []devices.PrinterReason{devices.ReasonDoorOpen}, false},
		{"cutter error", sim.SetCutterError, []devices.PrinterReason{devices.ReasonCutterError}, false},
	} {
		tc.set(true)
		st, err := drv.Status(deadline(t, 2*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		if st.Ready != tc.ready || !slices.Equal(st.Reasons, tc.reasons) {
			t.Errorf("%s: Status = %+v, want ready %v, %v", tc.name, st, tc.ready, tc.reasons)
		}
		err = drv.Print(deadline(t, 5*time.Second), encode(t, documents[3].doc))
		var nr *devices.NotReadyError
		if refused := errors.As(err, &nr); refused == tc.ready {
			t.Errorf("%s: Print = %v", tc.name, err)
		}
		tc.set(false)
	}
	if got, err := sim.WaitTickets(deadline(t, 5*time.Second), 1); err != nil || len(got) != 1 {
		t.Errorf("%d tickets (%v), want the one printed at near end", len(got), err)
	}
}

// The driver over the pseudo-terminal opened as a plain file: a transport with write
// deadlines (the serial port above has none).
func TestPTYPlainFile(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sim := escpossim.New(escpossim.Options{})
	path, err := sim.ServePTY(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|syscall.O_NOCTTY, 0) // raw mode: set by the simulator
	if err != nil {
		t.Fatal(err)
	}
	drv := escpos.New(f, escpos.Options{})
	defer drv.Close()
	if err := drv.Print(deadline(t, 5*time.Second), encode(t, documents[2].doc)); err != nil {
		t.Fatal(err)
	}
	got, err := sim.WaitTickets(deadline(t, 5*time.Second), 1)
	if err != nil || got[0] != golden(t, documents[2].name) {
		t.Errorf("got %q, %v", got, err)
	}
}

// Serve over an in-process pipe, the transport tests and the demo use without a PTY.
func TestServePipe(t *testing.T) {
	a, b := net.Pipe()
	sim := escpossim.New(escpossim.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- sim.Serve(ctx, b) }()
	drv := escpos.New(a, escpos.Options{})
	sim.SetNearEnd(true)
	st, err := drv.Status(deadline(t, 2*time.Second))
	if err != nil || !st.Ready || !slices.Equal(st.Reasons, []devices.PrinterReason{devices.ReasonMediaLow}) {
		t.Errorf("Status = %+v, %v; want ready, media-low", st, err)
	}
	cancel()
	if err := <-served; err != nil {
		t.Errorf("Serve after cancel = %v", err)
	}
	drv.Close()
	b.Close()
}
