package certificate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Chinese line breaking (禁则处理). A line may break between any two Chinese characters and
// at spaces between Latin words, but never before closing punctuation (it would start the
// next line) and never after opening punctuation (it would end a line). gofpdf's
// MultiCell knows neither rule, so every wrapped text goes through wrap.

// noLineStart holds what may not begin a line: closing brackets and quotes, pauses and
// stops, Chinese and Latin.
const noLineStart = "，。、；：？！）」』】》〉〕〗〙〛｝］’”…‥・〜～％‰℃°,.;:!?)]}%"

// noLineEnd holds what may not end a line: opening brackets and quotes, and currency signs
// that belong to the number after them.
const noLineEnd = "（「『【《〈〔〖〘〚｛［‘“([{￥¥$"

func closing(r rune) bool { return strings.ContainsRune(noLineStart, r) }
func opening(r rune) bool { return strings.ContainsRune(noLineEnd, r) }

// wide reports a character after or before which a line may break on its own: Chinese,
// Japanese and Korean letters and full-width forms.
func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

// atom is a piece of text no line break may fall inside.
type atom struct {
	text  string
	space bool
}

// atoms cuts a paragraph into atoms: a run of Latin text (a word, a number such as
// "16885.18", with the ASCII punctuation inside or around it), one wide character, or a
// space; then glues an atom that starts with closing punctuation to the atom before
// it, and an atom that ends with opening punctuation to the atom after it, across a
// space if there is one.
func atoms(s string) []atom {
	var raw []atom
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r): // a run of spaces is one break opportunity
			if len(raw) == 0 || !raw[len(raw)-1].space {
				raw = append(raw, atom{" ", true})
			}
			i += n
		case wide(r) || r > 0x7F && (closing(r) || opening(r)):
			raw = append(raw, atom{s[i : i+n], false})
			i += n
		default:
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsSpace(r2) || wide(r2) || r2 > 0x7F && (closing(r2) || opening(r2)) {
					break
				}
				j += n2
			}
			raw = append(raw, atom{s[i:j], false})
			i = j
		}
	}
	var out []atom
	glueNext := false
	for _, a := range raw {
		first, _ := utf8.DecodeRuneInString(a.text)
		last, _ := utf8.DecodeLastRuneInString(a.text)
		k := len(out) - 1
		switch {
		case a.space && glueNext: // "（ 甲": the space cannot be a break either
			out[k].text += a.text
			continue
		case a.space:
			out = append(out, a)
		case glueNext || closing(first) && k >= 0 && !out[k].space:
			out[k].text += a.text
		case closing(first) && k >= 1: // "甲 ！": glue across the space
			out[k-1].text += out[k].text + a.text
			out = out[:k]
		default:
			out = append(out, a)
		}
		glueNext = !a.space && opening(last)
	}
	return out
}

// wrap breaks s into lines no wider than width, measure giving a string's width. Hard
// line breaks ("\n") are kept. An atom wider than a whole line is cut between
// characters, a closing punctuation mark then hanging past the margin rather than
// starting the next line.
func wrap(s string, width float64, measure func(string) float64) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		lines = append(lines, wrapParagraph(para, width, measure)...)
	}
	return lines
}

func wrapParagraph(s string, width float64, measure func(string) float64) []string {
	var lines []string
	var line strings.Builder
	w := 0.0
	pending := false // a space waits between the line and the next atom
	spaceW := measure(" ")
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
		w, pending = 0, false
	}
	for _, a := range atoms(s) {
		if a.space {
			pending = line.Len() > 0
			continue
		}
		aw := measure(a.text)
		gap := 0.0
		if pending {
			gap = spaceW
		}
		if line.Len() > 0 && w+gap+aw > width {
			flush()
			gap = 0
		}
		if line.Len() == 0 && aw > width {
			for _, part := range cut(a.text, width, measure) {
				if line.Len() > 0 {
					flush()
				}
				line.WriteString(part)
				w = measure(part)
			}
			pending = false
			continue
		}
		if gap > 0 {
			line.WriteByte(' ')
		}
		line.WriteString(a.text)
		w += gap + aw
		pending = false
	}
	if line.Len() > 0 || len(lines) == 0 {
		lines = append(lines, line.String())
	}
	return lines
}

// cut splits an unbreakable atom wider than width between characters, never putting
// closing punctuation first on a piece nor leaving opening punctuation last.
func cut(s string, width float64, measure func(string) float64) []string {
	var parts []string
	start, w := 0, 0.0
	for i, r := range s {
		rw := measure(string(r))
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if i > start && w+rw > width && !closing(r) && !opening(prev) {
			parts = append(parts, s[start:i])
			start, w = i, 0
		}
		w += rw
	}
	return append(parts, s[start:])
}
