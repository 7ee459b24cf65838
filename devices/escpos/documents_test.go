package escpos

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var cst = time.FixedZone("CST", 8*3600)

// sampleTime is a fixed time, so the goldens do not move.
var sampleTime = time.Date(2026, 11, 27, 9, 30, 5, 0, cst)

func sampleDocuments() map[string]interface{ Encode() ([]byte, error) } {
	return map[string]interface{ Encode() ([]byte, error) }{
		"queue_ticket": QueueTicket{Hall: "市民服务中心", Number: "A023", Service: "户籍业务", Waiting: 7, Time: sampleTime},
		"receipt": Receipt{Service: "居住证申领", Reference: "SL20261127000123",
			Applicant: "张三丰", Terminal: "KIOSK-07", Time: sampleTime},
		"receipt_local": Receipt{Service: "居住证申领", Reference: "LOCAL-KIOSK07-000042", Local: true,
			Time: sampleTime},
		"test_page": TestPage{Printer: "receipt", Time: sampleTime},
	}
}

// TestDocumentsGolden compares each document's bytes with testdata/NAME.escpos
// (go test -run Golden -update rewrites them).
func TestDocumentsGolden(t *testing.T) {
	for name, doc := range sampleDocuments() {
		t.Run(name, func(t *testing.T) {
			got, err := doc.Encode()
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", name+".escpos")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				i := 0
				for i < len(got) && i < len(want) && got[i] == want[i] {
					i++
				}
				t.Errorf("%s: %d bytes, golden %d; first difference at byte %d:\n got  % x\n want % x",
					path, len(got), len(want), i, window(got, i), window(want, i))
			}
		})
	}
}

func window(b []byte, i int) []byte {
	return b[max(0, i-8):min(len(b), i+16)]
}

// Every document starts by initialising the printer and ends with the cut.
func TestDocumentsFrame(t *testing.T) {
	for name, doc := range sampleDocuments() {
		got, err := doc.Encode()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(got, prologue) || !bytes.HasSuffix(got, cmdCut) {
			t.Errorf("%s: not framed by ESC @ FS & … GS V: % x … % x", name, got[:4], got[len(got)-4:])
		}
		if n := bytes.Count(got, cmdCut); n != 1 {
			t.Errorf("%s: %d cuts", name, n)
		}
	}
}

func gb(t *testing.T, s string) []byte {
	t.Helper()
	b, err := appendGB18030(nil, s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReceiptMasksTheApplicant(t *testing.T) {
	got, err := Receipt{Service: "x", Reference: "R1", Applicant: "张三丰", Time: sampleTime}.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(got, gb(t, "三丰")) {
		t.Error("the receipt prints the applicant's name in full")
	}
	if !bytes.Contains(got, gb(t, "申请人：张**")) {
		t.Error("the receipt lacks the masked name")
	}
}

func TestReceiptLocalReference(t *testing.T) {
	for _, local := range []bool{false, true} {
		got, err := Receipt{Service: "x", Reference: "LOCAL-1", Local: local, Time: sampleTime}.Encode()
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(got, gb(t, "本机登记号：LOCAL-1")) != local {
			t.Errorf("local %v: local reference label printed %v", local, !local)
		}
		if bytes.Contains(got, gb(t, "受理编号：LOCAL-1")) == local {
			t.Errorf("local %v: central reference label printed %v", local, local)
		}
		if !bytes.Contains(got, append([]byte{0x31, 0x50, 0x30}, "LOCAL-1"...)) {
			t.Errorf("local %v: the reference is not stored as a QR code", local)
		}
	}
}

func TestDocumentsIncomplete(t *testing.T) {
	for name, doc := range map[string]interface{ Encode() ([]byte, error) }{
		"ticket without number":   QueueTicket{Service: "s", Time: sampleTime},
		"ticket without service":  QueueTicket{Number: "A1", Time: sampleTime},
		"ticket negative waiting": QueueTicket{Number: "A1", Service: "s", Waiting: -1, Time: sampleTime},
		"ticket without time":     QueueTicket{Number: "A1", Service: "s"},
		"receipt without service": Receipt{Reference: "R", Time: sampleTime},
		"receipt without ref":     Receipt{Service: "s", Time: sampleTime},
		"receipt without time":    Receipt{Service: "s", Reference: "R"},
		"test page without time":  TestPage{},
	} {
		if _, err := doc.Encode(); !errors.Is(err, ErrIncomplete) {
			t.Errorf("%s: err = %v, want ErrIncomplete", name, err)
		}
	}
	_, err := QueueTicket{Number: "A1", Service: "户籍\x1b", Time: sampleTime}.Encode()
	if !errors.Is(err, ErrBadText) {
		t.Errorf("ticket with an escape in the service: err = %v, want ErrBadText", err)
	}
	if err != nil && strings.Contains(err.Error(), "户籍") {
		t.Errorf("error quotes the text: %v", err)
	}
}

// No document holds a real-time status query: the printer would answer it in the middle
// of the ticket, and the driver would read the answer as the next status.
func TestDocumentsHoldNoRealTimeCommand(t *testing.T) {
	for name, doc := range sampleDocuments() {
		got, err := doc.Encode()
		if err != nil {
			t.Fatal(err)
		}
		for n := StatusPrinter; n <= StatusPaper; n++ {
			if i := bytes.Index(got, StatusQuery(n)); i >= 0 {
				t.Errorf("%s: DLE EOT %d at byte %d", name, n, i)
			}
		}
	}
}
