package serialport_test

import (
	"context"
	"errors"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/idcard"
	"github.com/govkiosk/kiosk/devices/serialport"
	"github.com/govkiosk/kiosk/devices/sim"
)

// ptySetup serves a simulated reader on a real pseudo-terminal and opens it through
// tarm/serial, as a kiosk opens a real reader.
func ptySetup(t *testing.T, opts sim.IDCardOptions) (*sim.IDCardReader, *serialport.Port) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	s := sim.NewIDCardReader(opts)
	path, err := s.ServePTY(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p, err := serialport.Open(path, 115200)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return s, p
}

func deadline(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

func TestPTYEveryCardType(t *testing.T) {
	s, p := ptySetup(t, sim.IDCardOptions{Baud: 115200})
	d := idcard.New(p, idcard.Options{Fingerprint: true})
	defer d.Close()
	for _, name := range []string{"resident", "hk_mo_tw_permit", "foreign_permanent_2017",
		"foreign_permanent_2023", "expired"} {
		if err := s.Insert(name); err != nil {
			t.Fatal(err)
		}
		got, err := d.ReadCard(deadline(t, 2*time.Second))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f, _ := s.Fixture(name)
		want, _ := f.Card()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", name, got, want)
		}
	}
}

func TestPTYFaults(t *testing.T) {
	tests := []struct {
		fault sim.FaultSpec
		check func(err error) bool
	}{
		{sim.FaultSpec{Fault: sim.FaultJunk}, func(err error) bool { return err == nil }},
		{sim.FaultSpec{Fault: sim.FaultDribble, Count: 2}, func(err error) bool { return err == nil }},
		{sim.FaultSpec{Fault: sim.FaultBadChecksum, Count: 1}, func(err error) bool { return err == nil }},
		{sim.FaultSpec{Fault: sim.FaultBadChecksum}, func(err error) bool {
			return errors.Is(err, idcard.ErrChecksum) && errors.Is(err, devices.ErrReaderFault)
		}},
		{sim.FaultSpec{Fault: sim.FaultRemoveMidRead}, func(err error) bool {
			var se *idcard.StatusError
			return errors.As(err, &se) && se.SW3 == 0x41 && errors.Is(err, devices.ErrCardUnreadable)
		}},
		{sim.FaultSpec{Fault: sim.FaultSAMFailure}, func(err error) bool {
			var se *idcard.StatusError
			return errors.As(err, &se) && se.SW3 == 0x60 && errors.Is(err, devices.ErrReaderFault)
		}},
		{sim.FaultSpec{Fault: sim.FaultSilent, Count: 1}, func(err error) bool {
			return errors.Is(err, context.DeadlineExceeded) && errors.Is(err, devices.ErrReaderFault)
		}},
		// Last: its late reply reaches the next exchange, which must skip it.
		{sim.FaultSpec{Fault: sim.FaultSlowCard, Count: 1}, func(err error) bool {
			return errors.Is(err, context.DeadlineExceeded) && errors.Is(err, devices.ErrReaderFault)
		}},
	}
	s, p := ptySetup(t, sim.IDCardOptions{Baud: 115200, SlowDelay: 700 * time.Millisecond})
	d := idcard.New(p, idcard.Options{})
	defer d.Close()
	for _, tc := range tests {
		s.ClearFaults()
		s.Insert("resident")
		if err := s.SetFault(tc.fault.Fault, tc.fault.Count); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		_, err := d.ReadCard(deadline(t, 500*time.Millisecond))
		if el := time.Since(start); el > 800*time.Millisecond {
			t.Errorf("%v: read took %v, past its deadline", tc.fault, el)
		}
		if !tc.check(err) {
			t.Errorf("%v: wrong outcome: %v", tc.fault, err)
		}
	}
	// After all that the line still works.
	s.ClearFaults()
	s.Insert("resident")
	if _, err := d.ReadCard(deadline(t, 2*time.Second)); err != nil {
		t.Fatalf("after the faults: %v", err)
	}
}

func TestPTYNoCardAndUnplug(t *testing.T) {
	s, p := ptySetup(t, sim.IDCardOptions{Baud: 115200})
	d := idcard.New(p, idcard.Options{})
	defer d.Close()
	if _, err := d.ReadCard(deadline(t, time.Second)); !errors.Is(err, devices.ErrNoCard) {
		t.Fatalf("no card: %v", err)
	}
	s.Unplug()
	if _, err := d.ReadCard(deadline(t, time.Second)); !errors.Is(err, devices.ErrDeviceGone) {
		t.Fatalf("unplugged: %v", err)
	}
	s.Replug()
	// A replugged reader is a new terminal; PTYPath follows it.
	path, err := s.WaitPTY(deadline(t, time.Second), p.Name())
	if err != nil {
		t.Fatal(err)
	}
	p2, err := serialport.Open(path, 115200)
	if err != nil {
		t.Fatal(err)
	}
	d2 := idcard.New(p2, idcard.Options{})
	defer d2.Close()
	if err := d2.SAMStatus(deadline(t, time.Second)); err != nil {
		t.Fatal(err)
	}
}

func TestReadTimeoutIsNotEOF(t *testing.T) {
	_, p := ptySetup(t, sim.IDCardOptions{})
	p.SetReadDeadline(time.Now().Add(150 * time.Millisecond))
	n, err := p.Read(make([]byte, 16))
	if n != 0 || !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("read %d, %v; want a timeout", n, err)
	}
	var to interface{ Timeout() bool }
	if !errors.As(err, &to) || !to.Timeout() {
		t.Fatal("the error does not say Timeout()")
	}
	// Close wakes a Read without a deadline.
	p.SetReadDeadline(time.Time{})
	done := make(chan error, 1)
	go func() { _, err := p.Read(make([]byte, 16)); done <- err }()
	p.Close()
	select {
	case err := <-done:
		if !errors.Is(err, devices.ErrDeviceGone) {
			t.Fatalf("read after close: %v", err)
		}
	case <-time.After(time.Second):
		t.Fatal("Close did not wake Read")
	}
}

func TestOpenMissing(t *testing.T) {
	if _, err := serialport.Open("/dev/does-not-exist", 115200); !errors.Is(err, devices.ErrDeviceGone) {
		t.Fatalf("err %v", err)
	}
}
