package catalog

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// pinyinArgs gives every reading of a character, without tones.
var pinyinArgs = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Style = pinyin.Normal
	a.Heteronym = true
	a.Fallback = func(rune, pinyin.Args) []string { return nil }
	return a
}()

// readings returns the ways a character can be typed: every pinyin reading of a hanzi
// (ü typed as v, and also as u), or a letter or digit itself in lower case. Other
// characters (punctuation, spaces) have none.
func readings(r rune) []string {
	if r < unicode.MaxASCII {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			return []string{string(r)}
		case 'A' <= r && r <= 'Z':
			return []string{string(r + 'a' - 'A')}
		}
		return nil
	}
	if !unicode.Is(unicode.Han, r) {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range pinyin.SinglePinyin(r, pinyinArgs) {
		for _, v := range []string{strings.ReplaceAll(p, "ü", "v"), strings.ReplaceAll(p, "ü", "u")} {
			if v != "" && !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	return out
}

// isHan reports whether s holds a Chinese character.
func isHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// letterBit maps a lower-case letter or digit to its bit in a 64-bit mask.
func letterBit(b byte) uint64 {
	switch {
	case 'a' <= b && b <= 'z':
		return 1 << (b - 'a')
	case '0' <= b && b <= '9':
		return 1 << (26 + b - '0')
	}
	return 0
}
