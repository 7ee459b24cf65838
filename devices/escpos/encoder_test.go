package escpos

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// prologue is what every document starts with: ESC @, FS &.
var prologue = []byte{0x1B, 0x40, 0x1C, 0x26}

func TestEncoderCommands(t *testing.T) {
	for _, tc := range []struct {
		name  string
		build func(e *Encoder)
		want  []byte // after the prologue
	}{
		{"nothing", func(e *Encoder) {}, nil},
		{"align center", func(e *Encoder) { e.Align(Center) }, []byte{0x1B, 0x61, 0x01}},
		{"align right", func(e *Encoder) { e.Align(Right) }, []byte{0x1B, 0x61, 0x02}},
		{"bold on off", func(e *Encoder) { e.Bold(true).Bold(false) }, []byte{0x1B, 0x45, 0x01, 0x1B, 0x45, 0x00}},
		{"size 1x1", func(e *Encoder) { e.Size(1, 1) }, []byte{0x1D, 0x21, 0x00}},
		{"size 2x1", func(e *Encoder) { e.Size(2, 1) }, []byte{0x1D, 0x21, 0x10}},
		{"size 8x8", func(e *Encoder) { e.Size(8, 8) }, []byte{0x1D, 0x21, 0x77}},
		{"feed 3", func(e *Encoder) { e.Feed(3) }, []byte{0x1B, 0x64, 0x03}},
		{"cut", func(e *Encoder) { e.Cut() }, []byte{0x1D, 0x56, 0x41, 0x00}},
		{"ascii line", func(e *Encoder) { e.Line("A1 b") }, []byte{'A', '1', ' ', 'b', 0x0A}},
		{"text with newline", func(e *Encoder) { e.Text("a\nb") }, []byte{'a', 0x0A, 'b'}},
		// GB18030: 中 is D6 D0 (as in GB2312), 㐀 U+3400 and 𠀀 U+20000 take four bytes.
		{"two-byte hanzi", func(e *Encoder) { e.Text("中文") }, []byte{0xD6, 0xD0, 0xCE, 0xC4}},
		{"four-byte U+3400", func(e *Encoder) { e.Text("㐀") }, []byte{0x81, 0x39, 0xEE, 0x39}},
		{"four-byte U+20000", func(e *Encoder) { e.Text("𠀀") }, []byte{0x95, 0x32, 0x82, 0x36}},
		{"fullwidth colon", func(e *Encoder) { e.Text("号：") }, []byte{0xBA, 0xC5, 0xA3, 0xBA}},
		{"qr", func(e *Encoder) { e.QR("AB", 4) }, []byte{
			0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00,
			0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x04,
			0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31,
			0x1D, 0x28, 0x6B, 0x05, 0x00, 0x31, 0x50, 0x30, 'A', 'B',
			0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := NewEncoder()
			tc.build(e)
			got, err := e.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			want := append(append([]byte(nil), prologue...), tc.want...)
			if !bytes.Equal(got, want) {
				t.Errorf("got  % x\nwant % x", got, want)
			}
		})
	}
}

func TestEncoderQRLength(t *testing.T) {
	data := strings.Repeat("x", 300) // store length 303 = 0x012F: pL 2F, pH 01
	got, err := NewEncoder().QR(data, 6).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	store := []byte{0x1D, 0x28, 0x6B, 0x2F, 0x01, 0x31, 0x50, 0x30}
	i := bytes.Index(got, store)
	if i < 0 {
		t.Fatalf("no store command with pL pH = 2F 01 in % x", got[:40])
	}
	if rest := got[i+len(store):]; !bytes.HasPrefix(rest, []byte(data)) || len(rest) != len(data)+8 {
		t.Errorf("data not followed by the print command: %d bytes after the store header", len(rest))
	}
}

func TestEncoderErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		build func(e *Encoder)
		is    error
	}{
		{"escape in text", func(e *Encoder) { e.Text("a\x1b@b") }, ErrBadText},
		{"status query in text", func(e *Encoder) { e.Line("\x10\x04\x01") }, ErrBadText},
		{"carriage return", func(e *Encoder) { e.Text("a\rb") }, ErrBadText},
		{"delete", func(e *Encoder) { e.Text("\x7f") }, ErrBadText},
		{"C1 control", func(e *Encoder) { e.Text("中\u009b") }, ErrBadText},
		{"invalid UTF-8", func(e *Encoder) { e.Text("中\xff") }, ErrBadText},
		{"size 0", func(e *Encoder) { e.Size(0, 1) }, nil},
		{"size 9", func(e *Encoder) { e.Size(1, 9) }, nil},
		{"align 3", func(e *Encoder) { e.Align(3) }, nil},
		{"feed -1", func(e *Encoder) { e.Feed(-1) }, nil},
		{"feed 256", func(e *Encoder) { e.Feed(256) }, nil},
		{"qr empty", func(e *Encoder) { e.QR("", 4) }, nil},
		{"qr too long", func(e *Encoder) { e.QR(strings.Repeat("9", 2332), 4) }, nil},
		{"qr module 0", func(e *Encoder) { e.QR("x", 0) }, nil},
		{"qr module 17", func(e *Encoder) { e.QR("x", 17) }, nil},
		{"qr status query", func(e *Encoder) { e.QR("a\x10\x04\x01", 4) }, ErrBadText},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := NewEncoder()
			tc.build(e)
			e.Line("after").Cut() // the first error sticks
			got, err := e.Bytes()
			if err == nil {
				t.Fatalf("no error; document % x", got)
			}
			if got != nil {
				t.Errorf("document returned with the error")
			}
			if !strings.HasPrefix(err.Error(), "escpos: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v does not match %v", err, tc.is)
			}
		})
	}
}

func TestEncoderErrorQuotesNoText(t *testing.T) {
	_, err := NewEncoder().Text("张三丰 440301199001011234\x1b").Bytes()
	if err == nil {
		t.Fatal("no error")
	}
	if strings.Contains(err.Error(), "张") || strings.Contains(err.Error(), "4403") {
		t.Errorf("error quotes the text: %v", err)
	}
}

func TestEncoderReset(t *testing.T) {
	e := NewEncoder()
	e.Text("\x1b")
	e.Reset()
	got, err := e.Line("ok").Bytes()
	if err != nil {
		t.Fatalf("error survived Reset: %v", err)
	}
	if want := append(append([]byte(nil), prologue...), 'o', 'k', 0x0A); !bytes.Equal(got, want) {
		t.Errorf("got % x, want % x", got, want)
	}
}

func TestDecodeText(t *testing.T) {
	for _, s := range []string{"中文 ABC", "㐀𠀀", "喆堃赟燊", "号：（）"} {
		b, err := appendGB18030(nil, s)
		if err != nil {
			t.Fatal(err)
		}
		if got := DecodeText(b); got != s {
			t.Errorf("DecodeText(encode(%q)) = %q", s, got)
		}
	}
	if got := DecodeText([]byte{0xD6}); got != "\ufffd" {
		t.Errorf("DecodeText(truncated) = %q, want U+FFFD", got)
	}
}
