package idcard

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/govkiosk/kiosk/devices"
)

func unhex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The verified example frames of the protocol doc.
var docCommands = []struct {
	name string
	cmd  Command
	wire string
}{
	{"find card", CmdFind, "AA AA AA 96 69 00 03 20 01 22"},
	{"select card", CmdSelect, "AA AA AA 96 69 00 03 20 02 21"},
	{"read base info", CmdRead, "AA AA AA 96 69 00 03 30 01 32"},
	{"SAM status", CmdSAMStatus, "AA AA AA 96 69 00 03 11 FF ED"},
	{"max RF = 0x50", Command{CMD: 0x61, Para: 0xFF, Data: []byte{0x50}}, "AA AA AA 96 69 00 04 61 FF 50 CA"},
}

var docReplies = []struct {
	name string
	rep  Reply
	wire string
}{
	{"OK, no data", Reply{SW3: 0x90, Data: []byte{}}, "AA AA AA 96 69 00 04 00 00 90 94"},
	{"find OK", Reply{SW3: 0x9F, Data: []byte{0, 0, 0, 0}}, "AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"},
	{"no card", Reply{SW3: 0x80, Data: []byte{}}, "AA AA AA 96 69 00 04 00 00 80 84"},
}

func TestEncodeDocFrames(t *testing.T) {
	for _, tc := range docCommands {
		if got, want := tc.cmd.Encode(), unhex(t, tc.wire); !bytes.Equal(got, want) {
			t.Errorf("%s: % X, want % X", tc.name, got, want)
		}
	}
	for _, tc := range docReplies {
		if got, want := tc.rep.Encode(), unhex(t, tc.wire); !bytes.Equal(got, want) {
			t.Errorf("%s: % X, want % X", tc.name, got, want)
		}
	}
	if c, err := CmdSetMaxRF(0x50); err != nil || !bytes.Equal(c.Encode(), unhex(t, docCommands[4].wire)) {
		t.Errorf("CmdSetMaxRF(0x50) = % X, %v", c.Encode(), err)
	}
}

func TestDecodeDocReplies(t *testing.T) {
	for _, tc := range docReplies {
		var d Decoder
		d.Write(unhex(t, tc.wire))
		body, err := d.Next()
		if err != nil || body == nil {
			t.Fatalf("%s: body %v, err %v", tc.name, body, err)
		}
		rep, err := ParseReply(body)
		if err != nil || rep.SW3 != tc.rep.SW3 || !bytes.Equal(rep.Data, tc.rep.Data) {
			t.Errorf("%s: got %+v, %v", tc.name, rep, err)
		}
	}
	for _, tc := range docCommands {
		var d Decoder
		d.Write(unhex(t, tc.wire))
		body, err := d.Next()
		if err != nil {
			t.Fatal(err)
		}
		cmd, err := ParseCommand(body)
		if err != nil || cmd.CMD != tc.cmd.CMD || cmd.Para != tc.cmd.Para || !bytes.Equal(cmd.Data, tc.cmd.Data) {
			t.Errorf("%s: got %+v, %v", tc.name, cmd, err)
		}
	}
}

// decodeAll feeds the stream in chunks of size step and collects bodies and errors.
func decodeAll(stream []byte, step int) (bodies [][]byte, errs []error) {
	var d Decoder
	for i := 0; i < len(stream); i += step {
		d.Write(stream[i:min(i+step, len(stream))])
		for {
			body, err := d.Next()
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if body == nil {
				break
			}
			bodies = append(bodies, append([]byte(nil), body...))
		}
	}
	return bodies, errs
}

func TestDecodeStream(t *testing.T) {
	ok := unhex(t, "AA AA AA 96 69 00 04 00 00 90 94")
	find := unhex(t, "AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97")
	badSum := unhex(t, "AA AA AA 96 69 00 04 00 00 90 95")
	tooLong := unhex(t, "AA AA AA 96 69 09 13") // Len 2323 > 2314
	tooShort := unhex(t, "AA AA AA 96 69 00 02")
	big := Reply{SW3: 0x90, Data: make([]byte, MaxFrame-HeaderLen-4)}.Encode()
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	tests := []struct {
		name    string
		stream  []byte
		frames  int
		errs    []error
		skipped bool
	}{
		{"one frame", ok, 1, nil, false},
		{"two frames", cat(ok, find), 2, nil, false},
		{"starts mid-frame", cat(find[6:], ok), 1, nil, true},
		{"junk before", cat([]byte{0x00, 0xAA, 0x13, 0xAA, 0xAA, 0x96}, ok), 1, nil, true},
		{"four sync bytes", cat([]byte{0xAA}, ok), 1, nil, true},
		{"bad checksum then good", cat(badSum, find), 1, []error{ErrChecksum}, false},
		{"length over max", cat(tooLong, ok), 1, []error{ErrLength}, true},
		{"length under min", cat(tooShort, ok), 1, []error{ErrLength}, true},
		{"largest frame", big, 1, nil, false},
		{"junk header claims too much", cat(unhex(t, "AA AA AA 96 69 07 00 12"), ok), 1, nil, true},
	}
	for _, tc := range tests {
		for _, step := range []int{1, 3, len(tc.stream)} {
			bodies, errs := decodeAll(tc.stream, step)
			if len(bodies) != tc.frames {
				t.Errorf("%s/step %d: %d frames, want %d", tc.name, step, len(bodies), tc.frames)
			}
			if len(errs) != len(tc.errs) {
				t.Errorf("%s/step %d: errors %v, want %v", tc.name, step, errs, tc.errs)
				continue
			}
			for i := range errs {
				if !errors.Is(errs[i], tc.errs[i]) {
					t.Errorf("%s/step %d: error %v, want %v", tc.name, step, errs[i], tc.errs[i])
				}
			}
		}
	}
	if len(big) != MaxFrame {
		t.Fatalf("largest frame is %d bytes", len(big))
	}
}

func TestDecoderSkippedAndBuffered(t *testing.T) {
	var d Decoder
	d.Write([]byte{1, 2, 3, 0xAA, 0xAA})
	if body, err := d.Next(); body != nil || err != nil {
		t.Fatalf("got %v, %v", body, err)
	}
	if d.Skipped() != 3 || d.Buffered() != 2 {
		t.Fatalf("skipped %d buffered %d, want 3 and 2 (a possible preamble start is kept)", d.Skipped(), d.Buffered())
	}
}

func TestStatusError(t *testing.T) {
	e := &StatusError{SW3: 0x80}
	if !errors.Is(e, devices.ErrNoCard) || errors.Is(e, devices.ErrReaderFault) {
		t.Error("0x80 must match ErrNoCard only")
	}
	if e.ZH() != "寻找证/卡失败" || e.EN() != "no card" {
		t.Errorf("texts %q %q", e.ZH(), e.EN())
	}
	if !errors.Is(&StatusError{SW3: 0x60}, devices.ErrReaderFault) {
		t.Error("0x60 must be a reader fault")
	}
	if !errors.Is(&StatusError{SW3: 0x41}, devices.ErrCardUnreadable) {
		t.Error("0x41 must be an unreadable card")
	}
	if got := (&StatusError{SW3: 0x81}).Error(); got != "sw3 0x81: select card failed" {
		t.Errorf("Error() = %q", got)
	}
	for code := range sw3Texts {
		if (&StatusError{SW3: code}).ZH() == "未知状态" {
			t.Errorf("0x%02x lacks a Chinese text", code)
		}
	}
}

func FuzzDecoder(f *testing.F) {
	for _, tc := range docReplies {
		f.Add(unhex(f, tc.wire), 1)
	}
	for _, tc := range docCommands {
		f.Add(unhex(f, tc.wire), 3)
	}
	f.Add(unhex(f, "AA AA AA 96 69 09 13 AA AA AA 96 69 00 04 00 00 90 95"), 2)
	f.Fuzz(func(t *testing.T, stream []byte, step int) {
		if step <= 0 || step > len(stream) {
			step = max(len(stream), 1)
		}
		bodies, _ := decodeAll(stream, step)
		for _, b := range bodies {
			if len(b) < minLen-1 || len(b) > MaxLen-1 {
				t.Fatalf("body of %d bytes", len(b))
			}
			// Every frame returned must re-encode to bytes present in the stream.
			if !bytes.Contains(stream, appendFrame(nil, b)) {
				t.Fatalf("frame not in the stream")
			}
			if rep, err := ParseReply(b); err == nil {
				_, _, _, _ = readLayout(rep.Data, len(b)%2 == 0)
			}
		}
	})
}

func TestEveryStatusMatchesOneSentinel(t *testing.T) {
	sentinels := []error{devices.ErrNoCard, devices.ErrCardUnreadable, devices.ErrReaderFault}
	for code := range sw3Texts {
		n := 0
		for _, s := range sentinels {
			if errors.Is(&StatusError{SW3: code}, s) {
				n++
			}
		}
		success := code == SW3OK || code == SW3FindOK || code == SW3NoContent
		if success && n != 0 || !success && n != 1 {
			t.Errorf("sw3 0x%02x matches %d sentinels", code, n)
		}
	}
}
