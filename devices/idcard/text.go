package idcard

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
)

// Text block sizes (see the protocol doc, "Read reply payload").
const (
	TextLen  = 256
	PhotoLen = 1024
)

// longTerm is the valid-to value of a long-term card.
const longTerm = "长期"

// Card type markers at text bytes 248–249.
const (
	markerJ = 'J'
	markerI = 'I'
	markerY = 'Y'
)

// ucs2 decodes the UCS-2LE bytes text[from:to] and trims the space (and NUL) padding.
// It reports false when the field holds a control character or a surrogate.
func ucs2(text []byte, from, to int) (string, bool) {
	return trimPad(ucs2Raw(text, from, to))
}

func ucs2Raw(text []byte, from, to int) string {
	u := make([]uint16, 0, (to-from)/2)
	for i := from; i+1 < to; i += 2 {
		u = append(u, uint16(text[i])|uint16(text[i+1])<<8)
	}
	return string(utf16.Decode(u))
}

func trimPad(s string) (string, bool) {
	s = strings.TrimRight(s, " \x00")
	s = strings.TrimLeft(s, " ")
	for _, r := range s {
		if r == unicode.ReplacementChar || unicode.IsControl(r) {
			return "", false
		}
	}
	return s, true
}

// putUCS2 writes s as UCS-2LE into text[from:to], padded with spaces (used by the
// simulator and tests to build text blocks).
func putUCS2(text []byte, from, to int, s string) {
	u := utf16.Encode([]rune(s))
	i := from
	for _, c := range u {
		if i+1 >= to {
			break
		}
		text[i], text[i+1] = byte(c), byte(c>>8)
		i += 2
	}
	for ; i+1 < to; i += 2 {
		text[i], text[i+1] = ' ', 0
	}
}

// parseDate parses a YYYYMMDD field as a real calendar date in UTC.
func parseDate(s string) (time.Time, bool) {
	if len(s) != 8 || !allDigits(s) {
		return time.Time{}, false
	}
	t, err := time.Parse("20060102", s)
	if err != nil || t.Year() < 1900 {
		return time.Time{}, false
	}
	return t, true
}

// EncodeUCS2 returns s as n bytes of UCS-2LE padded with spaces (for the simulator).
func EncodeUCS2(s string, n int) []byte {
	b := make([]byte, n)
	putUCS2(b, 0, n, s)
	return b
}
