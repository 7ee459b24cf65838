package escpossim

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices/escpos"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var sampleTime = time.Date(2026, 11, 27, 9, 30, 5, 0, time.FixedZone("CST", 8*3600))

type encoder interface{ Encode() ([]byte, error) }

var samples = []struct {
	name string
	doc  encoder
}{
	{"queue_ticket", escpos.QueueTicket{Hall: "市民服务中心", Number: "A023", Service: "户籍业务", Waiting: 7, Time: sampleTime}},
	{"receipt", escpos.Receipt{Service: "居住证申领", Reference: "SL20261127000123", Applicant: "张三丰", Terminal: "KIOSK-07", Time: sampleTime}},
	{"receipt_local", escpos.Receipt{Service: "居住证申领", Reference: "LOCAL-KIOSK07-000042", Local: true, Time: sampleTime}},
	{"test_page", escpos.TestPage{Printer: "receipt", Time: sampleTime}},
}

func encode(t testing.TB, d encoder) []byte {
	t.Helper()
	b, err := d.Encode()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestTicketLogGolden prints each document of devices/escpos and compares the paper with
// testdata/NAME.txt (go test -run Golden -update rewrites them).
func TestTicketLogGolden(t *testing.T) {
	for _, s := range samples {
		t.Run(s.name, func(t *testing.T) {
			var log bytes.Buffer
			p := New(Options{Log: &log})
			if out := p.Receive(encode(t, s.doc)); len(out) != 0 {
				t.Errorf("the printer answered % x to a document", out)
			}
			tickets := p.Tickets()
			if len(tickets) != 1 {
				t.Fatalf("%d tickets, want 1", len(tickets))
			}
			if log.String() != tickets[0]+"\n" {
				t.Errorf("the log differs from the ticket:\n%s", log.String())
			}
			path := filepath.Join("testdata", s.name+".txt")
			if *update {
				if err := os.WriteFile(path, []byte(tickets[0]+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if tickets[0]+"\n" != string(want) {
				t.Errorf("ticket:\n%s\nwant (%s):\n%s", tickets[0], path, want)
			}
		})
	}
}

func TestStatusReplies(t *testing.T) {
	query := []byte{0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4}
	for _, tc := range []struct {
		name string
		set  func(p *Printer)
		want []byte // escpos-status.md
	}{
		{"ready", func(p *Printer) {}, []byte{0x12, 0x12, 0x12, 0x12}},
		{"paper out", func(p *Printer) { p.SetPaperOut(true) }, []byte{0x1A, 0x32, 0x12, 0x7E}},
		{"near end", func(p *Printer) { p.SetNearEnd(true) }, []byte{0x12, 0x12, 0x12, 0x1E}},
		{"cover open", func(p *Printer) { p.SetCoverOpen(true) }, []byte{0x1A, 0x16, 0x12, 0x12}},
		{"cutter error", func(p *Printer) { p.SetCutterError(true) }, []byte{0x1A, 0x52, 0x1A, 0x12}},
		{"paper out, then loaded", func(p *Printer) { p.SetPaperOut(true); p.SetPaperOut(false) }, []byte{0x12, 0x12, 0x12, 0x12}},
		{"cover open and near end", func(p *Printer) { p.SetCoverOpen(true); p.SetNearEnd(true) }, []byte{0x1A, 0x16, 0x12, 0x1E}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := New(Options{})
			tc.set(p)
			if got := p.Receive(query); !bytes.Equal(got, tc.want) {
				t.Errorf("replies % x, want % x", got, tc.want)
			}
		})
	}
}

// A stopped printer answers status queries at once but holds the data, and prints it
// when the fault clears: nothing is lost, nothing printed twice.
func TestFaultHoldsData(t *testing.T) {
	for _, fault := range []struct {
		name string
		set  func(p *Printer, on bool)
	}{
		{"paper out", (*Printer).SetPaperOut},
		{"cover open", (*Printer).SetCoverOpen},
		{"cutter error", (*Printer).SetCutterError},
	} {
		t.Run(fault.name, func(t *testing.T) {
			p := New(Options{})
			doc := encode(t, samples[0].doc)
			half := len(doc) / 2
			p.Receive(doc[:half])
			fault.set(p, true)
			p.Receive(doc[half:])
			if out := p.Receive(escpos.StatusQuery(escpos.StatusPrinter)); len(out) != 1 || out[0] != 0x1A {
				t.Errorf("status 1 while stopped = % x, want 1a", out)
			}
			if n := len(p.Tickets()); n != 0 {
				t.Fatalf("%d tickets printed while stopped", n)
			}
			if p.Held() == 0 {
				t.Fatal("nothing held while stopped")
			}
			fault.set(p, false)
			if p.Held() != 0 {
				t.Errorf("%d bytes still held after the fault cleared", p.Held())
			}
			got := p.Tickets()
			if len(got) != 1 || !strings.Contains(got[0], "A023") || !strings.HasSuffix(got[0], "[CUT]") {
				t.Errorf("after the fault cleared: %q", got)
			}
		})
	}
}

// Bytes may arrive one at a time, with status queries between any two of them.
func TestSplitReads(t *testing.T) {
	whole := New(Options{})
	doc := encode(t, samples[3].doc)
	whole.Receive(doc)
	split := New(Options{})
	var replies []byte
	for i := range doc {
		replies = append(replies, split.Receive(doc[i:i+1])...)
		if i%7 == 0 {
			replies = append(replies, split.Receive([]byte{0x10})...)
			replies = append(replies, split.Receive([]byte{0x04, 0x04})...)
		}
	}
	if w, s := whole.Tickets(), split.Tickets(); len(s) != 1 || s[0] != w[0] {
		t.Errorf("split ticket differs:\n%q\nwhole:\n%q", s, w)
	}
	if want := bytes.Repeat([]byte{0x12}, (len(doc)+6)/7); !bytes.Equal(replies, want) {
		t.Errorf("replies % x, want %d × 12", replies, len(want))
	}
}

func TestLayout(t *testing.T) {
	e := escpos.NewEncoder().
		Line(strings.Repeat("中", 30)). // 60 columns: wraps after 24
		Align(escpos.Right).Line("ab").
		Align(escpos.Center).Size(2, 1).Line("ab").                 // 4 columns
		Align(escpos.Left).Text("x").Align(escpos.Right).Line("y"). // justification fixed at the line's start
		Feed(2).Line("z").Cut()
	doc, err := e.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	p := New(Options{Columns: 32})
	p.Receive(doc)
	want := strings.Join([]string{
		strings.Repeat("中", 16),
		strings.Repeat("中", 14),
		strings.Repeat(" ", 30) + "ab",
		strings.Repeat(" ", 14) + "ab",
		"xy",
		"", "",
		strings.Repeat(" ", 30) + "z", // right and double width still in force
		"[CUT]",
	}, "\n")
	if got := p.Tickets(); len(got) != 1 || got[0] != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n--\n"), want)
	}
}

func TestWaitTickets(t *testing.T) {
	p := New(Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	done := make(chan []string)
	go func() {
		got, err := p.WaitTickets(ctx, 2)
		if err != nil {
			t.Error(err)
		}
		done <- got
	}()
	p.Receive(encode(t, samples[0].doc))
	p.Receive(encode(t, samples[2].doc))
	if got := <-done; len(got) != 2 {
		t.Errorf("WaitTickets returned %d tickets", len(got))
	}
	short, cancel2 := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel2()
	if _, err := p.WaitTickets(short, 3); err == nil {
		t.Error("WaitTickets for a ticket never printed returned no error")
	}
}

// FuzzReceive: whatever arrives, the simulator neither panics nor answers anything but
// DLE EOT replies and GS r bytes, and a status query after it is still answered.
func FuzzReceive(f *testing.F) {
	for _, s := range samples {
		f.Add(encode(f, s.doc))
	}
	f.Add([]byte{0x1D, 0x28, 0x6B, 0xFF, 0xFF})
	f.Add([]byte{0x1D, 'k', 2, '1', '2'})
	f.Add([]byte{0x10, 0x04, 0x09, 0x10})
	f.Fuzz(func(t *testing.T, b []byte) {
		p := New(Options{Columns: 32})
		p.Receive(b)
		p.Receive([]byte("\n"))
		for _, c := range p.Tickets() {
			if !strings.HasSuffix(c, "[CUT]") {
				t.Fatalf("ticket without its cut: %q", c)
			}
		}
	})
}

func TestEngineOtherCommands(t *testing.T) {
	p := New(Options{Columns: 32})
	in := []byte{
		0x1B, 0x40, // ESC @
		0x1B, 0x21, 0x20, 'W', '\n', // ESC ! double width: 2 columns
		0x1B, 0x21, 0x00, 0x1B, 0x63, 0x35, 0x00, // ESC c 5 n: panel buttons, nothing printed
		0x1B, 0x2A, // ESC *: not simulated, shown
		'\n',
		0x1D, 0x6B, 0x04, '1', '2', 0x00, // GS k: a barcode
		0x1C, 0x2E, 0xD6, 0xD0, '\n', // FS .: single-byte code page, not Chinese
		0x1D, 0x72, 0x01, // GS r 1: status in sequence
		0x1D, 0x56, 0x00, // GS V 0: cut
	}
	p.SetNearEnd(true)
	if out := p.Receive(in); !bytes.Equal(out, []byte{0x03}) {
		t.Errorf("GS r 1 at near end answered % x, want 03", out)
	}
	want := "W\n[? ESC 0x2a]\n\n[BARCODE]\n\ufffd\ufffd\n[CUT]"
	if got := p.Tickets(); len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
