package certificate

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// cells measures text as a terminal would: wide characters 2, others 1.
func cells(s string) float64 {
	w := 0.0
	for _, r := range s {
		if wide(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

var wrapCases = []struct {
	name  string
	in    string
	width float64
	want  []string
}{
	{"fits", "本证明由自助终端打印", 20, []string{"本证明由自助终端打印"}},
	{"breaks between hanzi", "本证明由自助终端打印", 8, []string{"本证明由", "自助终端", "打印"}},
	{"comma stays on its line", "经查询，截至今日", 8, []string{"经查询，", "截至今日"}},
	{"full stop pulls the last hanzi down", "甲乙丙丁。戊", 8, []string{"甲乙丙", "丁。戊"}},
	{"full stop then closing bracket", "甲乙（丙丁）。戊", 12, []string{"甲乙（丙", "丁）。戊"}},
	{"opening bracket goes down", "甲乙丙（丁）", 8, []string{"甲乙丙", "（丁）"}},
	{"opening quote goes down", "甲乙丙“丁”", 8, []string{"甲乙丙", "“丁”"}},
	{"enumeration comma", "养老、医疗、失业", 4, []string{"养", "老、", "医", "疗、", "失业"}},
	{"latin words break at spaces", "Printed at a self-service terminal", 12, []string{"Printed at a", "self-service", "terminal"}},
	{"number never splits", "合计16885.18元", 10, []string{"合计", "16885.18元"}},
	{"ascii bracket after hanzi", "个人缴费合计(元)", 14, []string{"个人缴费合计", "(元)"}},
	{"ascii opening bracket never ends a line", "个人缴费合计(元)", 15, []string{"个人缴费合计", "(元)"}},
	{"mixed", "核验网址 Verify at: https://gov.example.cn", 20, []string{"核验网址 Verify at:", "https://gov.example.", "cn"}},
	{"hard line break kept", "第一行\n第二行", 20, []string{"第一行", "第二行"}},
	{"empty", "", 10, []string{""}},
	{"too narrow: closing hangs", "甲。", 2, []string{"甲。"}},
	{"long word is cut", "ABCDEFGHIJ", 4, []string{"ABCD", "EFGH", "IJ"}},
}

func TestWrap(t *testing.T) {
	for _, tc := range wrapCases {
		t.Run(tc.name, func(t *testing.T) {
			got := wrap(tc.in, tc.width, cells)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("wrap(%q, %v) = %q, want %q", tc.in, tc.width, got, tc.want)
			}
			checkKinsoku(t, tc.in, got, tc.width)
		})
	}
}

// checkKinsoku checks the rules on any wrapping: no text lost or added (but the spaces
// a break eats), no line starting with closing or ending with opening punctuation
// (unless the text itself does), and no line wider than width unless it is one
// unbreakable piece.
func checkKinsoku(t *testing.T, in string, lines []string, width float64) {
	t.Helper()
	strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if strip(strings.Join(lines, "")) != strip(in) {
		t.Errorf("%q wrapped to %q: text changed", in, lines)
	}
	for i, l := range lines {
		if l == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(l)
		last, _ := utf8.DecodeLastRuneInString(l)
		if i > 0 && closing(first) && !strings.HasPrefix(strip(in), strip(l)) {
			t.Errorf("line %d of %q starts with closing punctuation: %q", i, in, lines)
		}
		if i < len(lines)-1 && opening(last) {
			t.Errorf("line %d of %q ends with opening punctuation: %q", i, in, lines)
		}
		if cells(l) > width && len(atoms(l)) > 1 && !strings.ContainsAny(l, noLineStart) {
			t.Errorf("line %d of %q is %v wide, more than %v: %q", i, in, cells(l), width, lines)
		}
	}
}

// FuzzWrap wraps arbitrary text at arbitrary widths: it must keep the text and the rules.
func FuzzWrap(f *testing.F) {
	for _, tc := range wrapCases {
		f.Add(tc.in, uint8(tc.width))
	}
	f.Fuzz(func(t *testing.T, s string, w uint8) {
		if !utf8.ValidString(s) || strings.Contains(s, "\n") {
			return
		}
		checkKinsoku(t, s, wrap(s, float64(w%40+2), cells), float64(w%40+2))
	})
}
