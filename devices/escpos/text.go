package escpos

import (
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// gb18030 is stateless (its Transform keeps nothing between calls), so one value serves
// every goroutine.
var gb18030 = simplifiedchinese.GB18030.NewEncoder()

// appendGB18030 appends s encoded in GB18030 to buf. GB18030 encodes every Unicode code
// point, so only invalid UTF-8 and control characters other than "\n" are refused.
func appendGB18030(buf []byte, s string) ([]byte, error) {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			continue
		}
		if (c < 0x20 && c != '\n') || c == 0x7F {
			return buf, fmt.Errorf("control character 0x%02x at byte %d: %w", c, i, ErrBadText)
		}
	}
	if ascii {
		return append(buf, s...), nil
	}
	if !utf8.ValidString(s) {
		return buf, fmt.Errorf("invalid UTF-8: %w", ErrBadText)
	}
	for i, r := range s {
		if r >= 0x80 && r < 0xA0 { // C1 controls
			return buf, fmt.Errorf("control character U+%04X at byte %d: %w", r, i, ErrBadText)
		}
	}
	start := len(buf)
	src := []byte(s)
	for {
		// A rune takes at most twice as many bytes in GB18030 as in UTF-8 (U+0080–U+07FF:
		// 2 bytes, 4 in GB18030), so one growth is usually enough.
		n := len(buf)
		if cap(buf)-n < 2*len(src) {
			grown := make([]byte, n, 2*cap(buf)+2*len(src))
			copy(grown, buf)
			buf = grown
		}
		nDst, nSrc, err := gb18030.Transform(buf[n:cap(buf)], src, true)
		buf = buf[:n+nDst]
		src = src[nSrc:]
		if err == transform.ErrShortDst {
			continue
		}
		if err != nil {
			return buf[:start], fmt.Errorf("gb18030: %w", err)
		}
		return buf, nil
	}
}

// DecodeText decodes GB18030 bytes as the printer prints them. Bytes that are not
// GB18030 come out as U+FFFD.
func DecodeText(b []byte) string {
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		// The decoder replaces what it cannot read; it fails only on impossible input.
		return string(utf8.RuneError)
	}
	return string(s)
}
