package idcardtest_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices/idcard"
	"github.com/govkiosk/kiosk/devices/idcard/idcardtest"
	"github.com/govkiosk/kiosk/devices/sim"
)

var update = flag.Bool("update", false, "re-record testdata/resident_read.txt from the simulator")

const golden = "testdata/resident_read.txt"

// session is what the transcript holds: SAM status, then a full read of the card.
func session(t *testing.T, r *idcard.Reader) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := r.SAMStatus(ctx); err != nil {
		t.Fatal(err)
	}
	c, err := r.ReadCard(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := sim.NewIDCardReader(sim.IDCardOptions{}).Fixture("resident")
	want, _ := f.Card()
	want.Fingerprint = nil
	if !reflect.DeepEqual(c, want) {
		t.Fatalf("read %+v", c)
	}
}

func TestRecordMatchesGolden(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := sim.NewIDCardReader(sim.IDCardOptions{Fixture: "resident"})
	rw, err := s.Pipe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rec := idcardtest.NewRecord(rw)
	r := idcard.New(rec, idcard.Options{})
	session(t, r)
	r.Close()
	var got bytes.Buffer
	got.WriteString("# SAM status, then find, select and read of the sim's resident card.\n")
	rec.Transcript().Format(&got)
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("the exchange differs from %s (run with -update if that is intended)", golden)
	}
}

func TestPlaybackGolden(t *testing.T) {
	f, err := os.Open(golden)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tr, err := idcardtest.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	r := idcard.New(idcardtest.NewPlayback(tr), idcard.Options{})
	session(t, r)
	if err := r.Close(); err != nil {
		t.Fatalf("playback: %v", err)
	}
}

func TestPlaybackCatchesDrift(t *testing.T) {
	tr, err := idcardtest.Parse(strings.NewReader("> AA AA AA 96 69 00 03 11 FF ED\n< AA AA AA 96 69 00 04 00 00 90 94\n> AA AA AA 96 69 00 03 20 01 22\n"))
	if err != nil {
		t.Fatal(err)
	}
	// A different command than recorded.
	p := idcardtest.NewPlayback(tr)
	if _, err := p.Write(idcard.CmdFind.Encode()); err == nil {
		t.Error("a write the transcript does not expect must fail")
	}
	// Left unused.
	p = idcardtest.NewPlayback(tr)
	p.Write(idcard.CmdSAMStatus.Encode())
	if err := p.Close(); err == nil {
		t.Error("an unused transcript must fail Close")
	}
	if _, err := idcardtest.Parse(strings.NewReader("? 00\n")); err == nil {
		t.Error("a bad line must fail")
	}
}
