package escpossim

import (
	"strings"
	"unicode/utf8"

	"github.com/govkiosk/kiosk/devices/escpos"
)

// modes are the print modes that change what the paper looks like.
type modes struct {
	align escpos.Align
	bold  bool
	width int // character width multiple, 1 to 8
}

// paper lays out the ticket being printed, as text.
type paper struct {
	modes
	columns int
	line    []segment // the line being built
	lineAt  escpos.Align
	lines   []string // the ticket so far
	done    []string // cut tickets not yet taken
}

// segment is text in one width: GB18030 bytes when chinese, else single bytes.
type segment struct {
	raw     []byte
	width   int
	chinese bool
}

func (p *paper) init(columns int) {
	*p = paper{columns: columns, modes: modes{width: 1}}
}

// text adds one byte of text to the line. The justification is the one in force when
// the line starts, as on a real printer.
func (p *paper) text(b byte, chinese bool) {
	if len(p.line) == 0 {
		p.lineAt = p.align
	}
	if n := len(p.line); n > 0 && p.line[n-1].width == p.width && p.line[n-1].chinese == chinese {
		p.line[n-1].raw = append(p.line[n-1].raw, b)
		return
	}
	p.line = append(p.line, segment{raw: []byte{b}, width: p.width, chinese: chinese})
}

// newline prints the line (an empty one feeds a blank line).
func (p *paper) newline() {
	p.lines = append(p.lines, p.layout()...)
	p.line = p.line[:0]
}

// endLine prints the line if it holds anything.
func (p *paper) endLine() {
	if len(p.line) > 0 {
		p.newline()
	}
}

// feed is ESC d n: print the line and feed n lines.
func (p *paper) feed(n int) {
	if len(p.line) > 0 {
		p.newline()
		n--
	}
	for ; n > 0; n-- {
		p.lines = append(p.lines, "")
	}
}

// marker prints a [ … ] line for something that is not text (a QR code, a barcode).
func (p *paper) marker(m string) {
	p.endLine()
	p.lineAt = p.align
	p.lines = append(p.lines, p.justify(m, width(m)))
}

// cut ends the ticket: trailing blank lines are dropped, [CUT] added.
func (p *paper) cut() {
	p.endLine()
	for len(p.lines) > 0 && p.lines[len(p.lines)-1] == "" {
		p.lines = p.lines[:len(p.lines)-1]
	}
	p.lines = append(p.lines, "[CUT]")
	p.done = append(p.done, strings.Join(p.lines, "\n"))
	p.lines = nil
}

func (p *paper) takeTickets() []string {
	t := p.done
	p.done = nil
	return t
}

// layout turns the line into one or more justified lines of at most columns columns.
func (p *paper) layout() []string {
	var out []string
	var cur strings.Builder
	used := 0
	flush := func() {
		out = append(out, p.justify(cur.String(), used))
		cur.Reset()
		used = 0
	}
	for _, seg := range p.line {
		s := decode(seg)
		for _, r := range s {
			w := runeWidth(r) * seg.width
			if used+w > p.columns && used > 0 {
				flush()
			}
			cur.WriteRune(r)
			used += w
		}
	}
	if used > 0 || len(out) == 0 {
		flush()
	}
	return out
}

// justify pads s, which takes w columns, to the line's justification.
func (p *paper) justify(s string, w int) string {
	if s == "" {
		return ""
	}
	pad := 0
	switch p.lineAt {
	case escpos.Center:
		pad = (p.columns - w) / 2
	case escpos.Right:
		pad = p.columns - w
	}
	if pad <= 0 {
		return s
	}
	return strings.Repeat(" ", pad) + s
}

func decode(s segment) string {
	if s.chinese {
		return escpos.DecodeText(s.raw)
	}
	var b strings.Builder
	for _, c := range s.raw {
		if c < utf8.RuneSelf {
			b.WriteByte(c)
		} else {
			b.WriteRune(utf8.RuneError) // a code page the simulator does not know
		}
	}
	return b.String()
}

func width(s string) int {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

// runeWidth is 2 for East Asian wide and fullwidth characters, else 1.
func runeWidth(r rune) int {
	switch {
	case r >= 0x1100 && r <= 0x115F,
		r >= 0x2E80 && r <= 0xA4CF && r != 0x303F,
		r >= 0xAC00 && r <= 0xD7A3,
		r >= 0xF900 && r <= 0xFAFF,
		r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x20000 && r <= 0x3FFFD:
		return 2
	}
	return 1
}
