package sim_test

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/idcard"
	"github.com/govkiosk/kiosk/devices/sim"
)

// setup returns a simulated reader and the real driver talking to it over a pipe.
func setup(t *testing.T, opts sim.IDCardOptions, dopts idcard.Options) (*sim.IDCardReader, *idcard.Reader) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	s := sim.NewIDCardReader(opts)
	rw, err := s.Pipe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := idcard.New(rw, dopts)
	t.Cleanup(func() { d.Close() })
	return s, d
}

func ctxTimeout(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

func wantCard(t *testing.T, s *sim.IDCardReader, name string, fingerprint bool) *devices.Card {
	t.Helper()
	f, ok := s.Fixture(name)
	if !ok {
		t.Fatalf("no fixture %s", name)
	}
	c, err := f.Card()
	if err != nil {
		t.Fatal(err)
	}
	if !fingerprint {
		c.Fingerprint = nil
	}
	return c
}

func TestReadEveryFixture(t *testing.T) {
	for _, fp := range []bool{false, true} {
		s, d := setup(t, sim.IDCardOptions{}, idcard.Options{Fingerprint: fp})
		for _, name := range s.Fixtures() {
			if err := s.Insert(name); err != nil {
				t.Fatal(err)
			}
			got, err := d.ReadCard(ctxTimeout(t, 2*time.Second))
			if name == "inconsistent" {
				var de *idcard.CardDataError
				if !errors.As(err, &de) || !errors.Is(err, devices.ErrCardUnreadable) {
					t.Errorf("inconsistent card: err %v, want a CardDataError", err)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s (fingerprint %v): %v", name, fp, err)
				continue
			}
			if want := wantCard(t, s, name, fp); !reflect.DeepEqual(got, want) {
				t.Errorf("%s (fingerprint %v):\n got %+v\nwant %+v", name, fp, got, want)
			}
		}
	}
}

func TestNoCard(t *testing.T) {
	_, d := setup(t, sim.IDCardOptions{}, idcard.Options{})
	_, err := d.ReadCard(ctxTimeout(t, time.Second))
	var se *idcard.StatusError
	if !errors.Is(err, devices.ErrNoCard) || !errors.As(err, &se) || se.SW3 != 0x80 {
		t.Fatalf("err %v, want sw3 0x80 matching ErrNoCard", err)
	}
	if want := "idcard: find card: sw3 0x80: no card"; err.Error() != want {
		t.Errorf("err %q, want %q", err, want)
	}
}

func TestSAMCommands(t *testing.T) {
	s, d := setup(t, sim.IDCardOptions{}, idcard.Options{})
	ctx := ctxTimeout(t, 2*time.Second)
	if err := d.SAMStatus(ctx); err != nil {
		t.Fatal(err)
	}
	id, err := d.ReadSAMID(ctx)
	if err != nil || id.String() != "05.01-20101028-0012345678-2130706433" {
		t.Fatalf("sam id %v, %v", id, err)
	}
	if err := d.ResetSAM(ctx); err != nil {
		t.Fatal(err)
	}
	if err := d.SetMaxRF(ctx, 0x50); err != nil {
		t.Fatal(err)
	}
	if err := d.SetMaxRF(ctx, 10); err == nil {
		t.Error("max rf 10 must be refused before sending")
	}
	if err := d.SetBaud(ctx, 57600); err != nil || s.Baud() != 57600 {
		t.Fatalf("set baud: %v, sim at %d", err, s.Baud())
	}
	if err := d.SetBaud(ctx, 12345); err == nil {
		t.Error("baud 12345 must be refused")
	}
}

func TestCardPresentAndAppendedAddress(t *testing.T) {
	s, d := setup(t, sim.IDCardOptions{}, idcard.Options{})
	ctx := ctxTimeout(t, 2*time.Second)
	fs, err := sim.LoadFixtures("testdata/fixtures.json")
	if err != nil {
		t.Fatal(err)
	}
	s2 := sim.NewIDCardReader(sim.IDCardOptions{Fixtures: fs, Fixture: "resident_female"})
	rw, err := s2.Pipe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d2 := idcard.New(rw, idcard.Options{})
	defer d2.Close()
	if _, err := d2.ReadCard(ctx); err != nil {
		t.Fatal(err)
	}
	if a, err := d2.ReadAppendedAddress(ctx); err != nil || a != "北京市西城区西长安街1号" {
		t.Errorf("appended address %q, %v", a, err)
	}

	if err := s.Insert("resident"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ReadCard(ctx); err != nil {
		t.Fatal(err)
	}
	if a, err := d.ReadAppendedAddress(ctx); err != nil || a != "" {
		t.Errorf("no appended address: %q, %v", a, err)
	}
	for range 3 {
		if ok, err := d.CardPresent(ctx); !ok || err != nil {
			t.Fatalf("card left on the reader: present %v, %v", ok, err)
		}
	}
	s.Remove()
	if ok, err := d.CardPresent(ctx); ok || err != nil {
		t.Fatalf("card removed: present %v, %v", ok, err)
	}
	// Taken off and put back: a new presentation.
	if err := s.Insert("resident"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ReadCard(ctx); err != nil {
		t.Fatal(err)
	}
	s.Remove()
	s.Insert("expired")
	if ok, err := d.CardPresent(ctx); ok || err != nil {
		t.Fatalf("card swapped: present %v, %v", ok, err)
	}
}

func TestInsertUnknown(t *testing.T) {
	s := sim.NewIDCardReader(sim.IDCardOptions{})
	err := s.Insert("nobody")
	if err == nil || !strings.Contains(err.Error(), "foreign_permanent_2023") || !strings.Contains(err.Error(), "resident") {
		t.Fatalf("err %v, want the known names listed", err)
	}
}

func TestFaults(t *testing.T) {
	tests := []struct {
		name     string
		fault    sim.FaultSpec
		deadline time.Duration // default 600 ms
		// check gets the result of ReadCard with a 600 ms deadline on the resident card.
		check func(t *testing.T, s *sim.IDCardReader, c *devices.Card, err error)
	}{
		{"junk is skipped", sim.FaultSpec{Fault: sim.FaultJunk}, 0, readsOK},
		{"dribble is reassembled", sim.FaultSpec{Fault: sim.FaultDribble, Count: 2}, 0, readsOK},
		{"one bad checksum is retried", sim.FaultSpec{Fault: sim.FaultBadChecksum, Count: 1}, 0,
			func(t *testing.T, s *sim.IDCardReader, c *devices.Card, err error) {
				readsOK(t, s, c, err)
				if got := s.Received(); len(got) != 4 || got[0].CMD != 0x20 || got[1].CMD != 0x20 {
					t.Errorf("commands %v, want find sent twice then select and read", got)
				}
			}},
		{"bad checksums persist", sim.FaultSpec{Fault: sim.FaultBadChecksum}, 0,
			func(t *testing.T, s *sim.IDCardReader, c *devices.Card, err error) {
				if !errors.Is(err, idcard.ErrChecksum) || !errors.Is(err, devices.ErrReaderFault) {
					t.Errorf("err %v, want a checksum error matching ErrReaderFault", err)
				}
			}},
		{"card removed mid-read", sim.FaultSpec{Fault: sim.FaultRemoveMidRead}, 0,
			func(t *testing.T, s *sim.IDCardReader, c *devices.Card, err error) {
				wantSW3(t, err, 0x41, devices.ErrCardUnreadable)
				if s.Present() != "" {
					t.Error("the card is still on the reader")
				}
			}},
		{"SAM self-test failure", sim.FaultSpec{Fault: sim.FaultSAMFailure}, 0,
			func(t *testing.T, s *sim.IDCardReader, c *devices.Card, err error) {
				wantSW3(t, err, 0x60, devices.ErrReaderFault)
			}},
		{"slow card misses the deadline", sim.FaultSpec{Fault: sim.FaultSlowCard, Count: 1}, 0,
			func(t *testing.T, s *sim.IDCardReader, c *devices.Card, err error) {
				if !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, devices.ErrReaderFault) {
					t.Errorf("err %v, want a deadline matching ErrReaderFault", err)
				}
			}},
		{"silent reader", sim.FaultSpec{Fault: sim.FaultSilent, Count: 1}, 0,
			func(t *testing.T, s *sim.IDCardReader, c *devices.Card, err error) {
				if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "find card: no reply") {
					t.Errorf("err %v, want no reply to find card", err)
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, d := setup(t, sim.IDCardOptions{Fixture: "resident", SlowDelay: 800 * time.Millisecond}, idcard.Options{})
			if err := s.SetFault(tc.fault.Fault, tc.fault.Count); err != nil {
				t.Fatal(err)
			}
			if tc.deadline == 0 {
				tc.deadline = 600 * time.Millisecond
			}
			start := time.Now()
			c, err := d.ReadCard(ctxTimeout(t, tc.deadline))
			if time.Since(start) > tc.deadline+300*time.Millisecond {
				t.Errorf("read took %v, past its deadline", time.Since(start))
			}
			tc.check(t, s, c, err)
			// Once the fault is gone the same driver reads again.
			s.ClearFaults()
			s.Insert("resident")
			c, err = d.ReadCard(ctxTimeout(t, 2*time.Second))
			readsOK(t, s, c, err)
		})
	}
}

func readsOK(t *testing.T, s *sim.IDCardReader, c *devices.Card, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	if want := wantCard(t, s, "resident", false); !reflect.DeepEqual(c, want) {
		t.Fatalf("read %+v, want %+v", c, want)
	}
}

func wantSW3(t *testing.T, err error, sw3 byte, sentinel error) {
	t.Helper()
	var se *idcard.StatusError
	if !errors.As(err, &se) || se.SW3 != sw3 || !errors.Is(err, sentinel) {
		t.Errorf("err %v, want sw3 0x%02x matching %v", err, sw3, sentinel)
	}
}

// raw sends frames to the simulator and returns its replies, bypassing the driver.
func raw(t *testing.T, s *sim.IDCardReader, frames ...[]byte) []idcard.Reply {
	t.Helper()
	ctx := ctxTimeout(t, 2*time.Second)
	rw, err := s.Pipe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	var out []idcard.Reply
	var dec idcard.Decoder
	buf := make([]byte, 4096)
	for _, f := range frames {
		if _, err := rw.Write(f); err != nil {
			t.Fatal(err)
		}
		for {
			body, err := dec.Next()
			if err != nil {
				t.Fatal(err)
			}
			if body != nil {
				rep, _ := idcard.ParseReply(body)
				rep.Data = bytes.Clone(rep.Data)
				out = append(out, rep)
				break
			}
			n, err := rw.Read(buf)
			if err != nil {
				t.Fatal(err)
			}
			dec.Write(buf[:n])
		}
	}
	return out
}

func TestMalformedAndOrder(t *testing.T) {
	s := sim.NewIDCardReader(sim.IDCardOptions{Fixture: "resident"})
	badSum := idcard.CmdFind.Encode()
	badSum[len(badSum)-1] ^= 1
	longFind := idcard.Command{CMD: 0x20, Para: 0x01, Data: []byte{1}}.Encode()
	hugeLen := []byte{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x10, 0x00}
	tests := []struct {
		frame []byte
		sw3   byte
	}{
		{badSum, 0x10},
		{hugeLen, 0x11},
		{longFind, 0x11},
		{idcard.Command{CMD: 0x99, Para: 0x01}.Encode(), 0x21},
		{idcard.Command{CMD: 0x61, Para: 0xFF, Data: []byte{23}}.Encode(), 0x21},
		{idcard.Command{CMD: 0x60, Para: 0x05}.Encode(), 0x21},
		{idcard.CmdRead.Encode(), 0x21},   // read before find and select
		{idcard.CmdSelect.Encode(), 0x81}, // select before find
		{idcard.CmdFind.Encode(), 0x9F},
		{idcard.CmdRead.Encode(), 0x21}, // read before select
		{idcard.CmdSelect.Encode(), 0x90},
		{idcard.CmdRead.Encode(), 0x90},
	}
	frames := make([][]byte, len(tests))
	for i, tc := range tests {
		frames[i] = tc.frame
	}
	reps := raw(t, s, frames...)
	for i, tc := range tests {
		if reps[i].SW3 != tc.sw3 {
			t.Errorf("frame %d (% X): sw3 0x%02x, want 0x%02x", i, tc.frame, reps[i].SW3, tc.sw3)
		}
	}
}

func TestUnplugReplug(t *testing.T) {
	s, d := setup(t, sim.IDCardOptions{Fixture: "resident"}, idcard.Options{})
	ctx := ctxTimeout(t, 2*time.Second)
	if _, err := d.ReadCard(ctx); err != nil {
		t.Fatal(err)
	}
	s.Unplug()
	if _, err := d.ReadCard(ctx); !errors.Is(err, devices.ErrDeviceGone) {
		t.Fatalf("after unplug: %v, want ErrDeviceGone", err)
	}
	if _, err := s.Pipe(ctx); !errors.Is(err, devices.ErrDeviceGone) {
		t.Fatalf("pipe while unplugged: %v", err)
	}
	s.Replug()
	rw, err := s.Pipe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d2 := idcard.New(rw, idcard.Options{})
	defer d2.Close()
	if _, err := d2.ReadCard(ctx); err != nil {
		t.Fatal(err)
	}
	d2.Close()
	if _, err := d2.ReadCard(ctx); !errors.Is(err, devices.ErrDeviceGone) {
		t.Fatalf("after close: %v", err)
	}
}

func TestPacing(t *testing.T) {
	const baud = 115200
	_, d := setup(t, sim.IDCardOptions{Baud: baud, Fixture: "resident"}, idcard.Options{})
	start := time.Now()
	if _, err := d.ReadCard(ctxTimeout(t, 2*time.Second)); err != nil {
		t.Fatal(err)
	}
	// Replies: find 15, select 19, read 1295 bytes.
	if el, wire := time.Since(start), sim.WireTime(15+19+1295, baud); el < wire {
		t.Errorf("read took %v, faster than the wire allows (%v)", el, wire)
	}
}

func TestParseFault(t *testing.T) {
	if f, err := sim.ParseFault("bad-checksum:2"); err != nil || f.Fault != sim.FaultBadChecksum || f.Count != 2 {
		t.Errorf("got %+v, %v", f, err)
	}
	if _, err := sim.ParseFault("gremlins"); err == nil || !strings.Contains(err.Error(), "slow-card") {
		t.Errorf("err %v, want the known faults listed", err)
	}
}

func TestOpener(t *testing.T) {
	s := sim.NewIDCardReader(sim.IDCardOptions{Fixture: "resident"})
	open := s.Opener(idcard.Options{})
	ctx := ctxTimeout(t, 2*time.Second)
	r, err := open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if c, err := r.ReadCard(ctx); err != nil || c.Type != devices.CardResident {
		t.Fatalf("%v, %v", c, err)
	}
	s.Unplug()
	if _, err := open(ctx); !errors.Is(err, devices.ErrDeviceGone) {
		t.Fatalf("open while unplugged: %v", err)
	}
}
