package escpos

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	"github.com/govkiosk/kiosk/devices"
)

// statusCases are replies to DLE EOT 1, 2, 3, 4 as escpos-status.md describes them.
var statusCases = []struct {
	name    string
	replies []byte
	want    Status
	ready   bool
	reasons []devices.PrinterReason
	bad     bool
}{
	{name: "all clear", replies: []byte{0x12, 0x12, 0x12, 0x12}, ready: true},
	{name: "paper out (spec example)", replies: []byte{0x1A, 0x32, 0x12, 0x7E},
		want:    Status{Offline: true, PaperEndStop: true, NearEnd: true, PaperEnd: true},
		reasons: []devices.PrinterReason{devices.ReasonMediaEmpty}},
	{name: "paper end sensor only", replies: []byte{0x12, 0x12, 0x12, 0x72},
		want:    Status{PaperEnd: true},
		reasons: []devices.PrinterReason{devices.ReasonMediaEmpty}},
	{name: "near end", replies: []byte{0x12, 0x12, 0x12, 0x1E},
		want: Status{NearEnd: true}, ready: true,
		reasons: []devices.PrinterReason{devices.ReasonMediaLow}},
	{name: "near end, one sensor bit", replies: []byte{0x12, 0x12, 0x12, 0x16},
		want: Status{NearEnd: true}, ready: true,
		reasons: []devices.PrinterReason{devices.ReasonMediaLow}},
	{name: "cover open", replies: []byte{0x1A, 0x16, 0x12, 0x12},
		want:    Status{Offline: true, CoverOpen: true},
		reasons: []devices.PrinterReason{devices.ReasonDoorOpen}},
	{name: "cover open, paper near end", replies: []byte{0x1A, 0x16, 0x12, 0x1E},
		want:    Status{Offline: true, CoverOpen: true, NearEnd: true},
		reasons: []devices.PrinterReason{devices.ReasonMediaLow, devices.ReasonDoorOpen}},
	{name: "autocutter error", replies: []byte{0x1A, 0x52, 0x1A, 0x12},
		want:    Status{Offline: true, ErrorOccurred: true, CutterError: true},
		reasons: []devices.PrinterReason{devices.ReasonCutterError}},
	{name: "unrecoverable error", replies: []byte{0x1A, 0x52, 0x32, 0x12},
		want:    Status{Offline: true, ErrorOccurred: true, Unrecoverable: true},
		reasons: []devices.PrinterReason{devices.ReasonOffline}},
	{name: "head too hot", replies: []byte{0x1A, 0x52, 0x52, 0x12},
		want:    Status{Offline: true, ErrorOccurred: true, AutoRecoverable: true},
		reasons: []devices.PrinterReason{devices.ReasonOffline}},
	{name: "offline, no cause given", replies: []byte{0x1A, 0x12, 0x12, 0x12},
		want:    Status{Offline: true},
		reasons: []devices.PrinterReason{devices.ReasonOffline}},
	{name: "drawer and feed button", replies: []byte{0x56, 0x1A, 0x12, 0x12},
		want: Status{DrawerPin3High: true, FeedButton: true, FedByButton: true}, ready: true},
	{name: "waiting for recovery", replies: []byte{0x3A, 0x12, 0x12, 0x12},
		want:    Status{Offline: true, WaitingRecovery: true},
		reasons: []devices.PrinterReason{devices.ReasonOffline}},
	{name: "bit 0 set", replies: []byte{0x13, 0x12, 0x12, 0x12}, bad: true},
	{name: "bit 1 clear", replies: []byte{0x12, 0x10, 0x12, 0x12}, bad: true},
	{name: "bit 4 clear", replies: []byte{0x12, 0x12, 0x02, 0x12}, bad: true},
	{name: "bit 7 set", replies: []byte{0x12, 0x12, 0x12, 0x92}, bad: true},
	{name: "automatic status byte", replies: []byte{0x10, 0x12, 0x12, 0x12}, bad: true},
	{name: "zero", replies: []byte{0x00, 0x00, 0x00, 0x00}, bad: true},
	{name: "three replies", replies: []byte{0x12, 0x12, 0x12}, bad: true},
	{name: "five replies", replies: []byte{0x12, 0x12, 0x12, 0x12, 0x12}, bad: true},
	{name: "none", replies: nil, bad: true},
}

func TestParseStatus(t *testing.T) {
	for _, tc := range statusCases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ParseStatus(tc.replies)
			if tc.bad {
				if err == nil {
					t.Fatalf("ParseStatus(% x) = %+v, want an error", tc.replies, s)
				}
				if len(tc.replies) == 4 && !errors.Is(err, ErrBadReply) {
					t.Errorf("error %v does not match ErrBadReply", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseStatus(% x): %v", tc.replies, err)
			}
			if s != tc.want {
				t.Errorf("ParseStatus(% x) =\n %+v, want\n %+v", tc.replies, s, tc.want)
			}
			st := s.PrinterStatus()
			if st.Ready != tc.ready || !slices.Equal(st.Reasons, tc.reasons) {
				t.Errorf("PrinterStatus() = %+v, want ready %v, reasons %v", st, tc.ready, tc.reasons)
			}
		})
	}
}

func TestStatusEncodeRoundTrip(t *testing.T) {
	for _, tc := range statusCases {
		if tc.bad {
			continue
		}
		s, _ := ParseStatus(tc.replies)
		for n := StatusPrinter; n <= StatusPaper; n++ {
			b, err := s.Encode(n)
			if err != nil {
				t.Fatalf("%s: Encode(%d): %v", tc.name, n, err)
			}
			want := tc.replies[n-1]
			if n == StatusPaper { // the two bits of each sensor come back together
				want = normalisePaper(want)
			}
			if b != want {
				t.Errorf("%s: Encode(%d) = 0x%02x, want 0x%02x", tc.name, n, b, want)
			}
		}
	}
}

func normalisePaper(b byte) byte {
	if b&0x0C != 0 {
		b |= 0x0C
	}
	if b&0x60 != 0 {
		b |= 0x60
	}
	return b
}

func TestStatusNoSuchQuery(t *testing.T) {
	var s Status
	for _, n := range []int{0, 5, 20, -1} {
		if err := s.Decode(n, 0x12); !errors.Is(err, ErrBadReply) {
			t.Errorf("Decode(%d) = %v, want ErrBadReply", n, err)
		}
		if _, err := s.Encode(n); !errors.Is(err, ErrBadReply) {
			t.Errorf("Encode(%d) = %v, want ErrBadReply", n, err)
		}
	}
}

func TestStatusQuery(t *testing.T) {
	if got := StatusQuery(StatusPaper); !bytes.Equal(got, []byte{0x10, 0x04, 0x04}) {
		t.Errorf("StatusQuery(4) = % x", got)
	}
}

// FuzzParseStatus: any bytes give a status or an error, never a panic; a status is
// accepted exactly when there are four replies with the fixed bits right, and encoding it
// gives back the replies (each paper sensor's two bits together).
func FuzzParseStatus(f *testing.F) {
	for _, tc := range statusCases {
		f.Add(tc.replies)
	}
	f.Fuzz(func(t *testing.T, replies []byte) {
		s, err := ParseStatus(replies)
		valid := len(replies) == 4
		for _, b := range replies {
			valid = valid && b&0x93 == 0x12
		}
		if valid != (err == nil) {
			t.Fatalf("ParseStatus(% x): err %v, but valid = %v", replies, err, valid)
		}
		if err != nil {
			if s != (Status{}) {
				t.Fatalf("ParseStatus(% x) failed but returned %+v", replies, s)
			}
			return
		}
		for n := StatusPrinter; n <= StatusPaper; n++ {
			b, err := s.Encode(n)
			if err != nil {
				t.Fatal(err)
			}
			want := replies[n-1]
			if n == StatusPaper {
				want = normalisePaper(want)
			}
			if b != want {
				t.Fatalf("Encode(%d) = 0x%02x, reply was 0x%02x", n, b, replies[n-1])
			}
		}
		st := s.PrinterStatus()
		if st.Ready == st.Blocked() {
			t.Fatalf("PrinterStatus %+v: Ready and Blocked agree", st)
		}
	})
}
