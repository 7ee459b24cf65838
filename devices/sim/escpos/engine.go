package escpossim

import (
	"fmt"

	"github.com/govkiosk/kiosk/devices/escpos"
)

// engine is the print engine: it reads ESC/POS commands in order and lays the paper out.
type engine struct {
	paper
	chinese bool   // FS &: bytes from 0x80 are GB18030
	qr      []byte // the symbol stored by GS ( k fn 180
}

func (e *engine) reset(columns int) {
	e.paper.init(columns)
	e.chinese = true // Chinese models start in Chinese mode
	e.qr = nil
}

// run prints the complete commands at the start of b and returns how many bytes it
// used (the rest is an incomplete command, waiting for more bytes) and what the printer
// sends back (GS r replies).
func (e *engine) run(b []byte, st escpos.Status) (int, []byte) {
	var out []byte
	i := 0
	for i < len(b) {
		n := commandLength(b[i:])
		if n == 0 {
			break
		}
		out = e.do(b[i:i+n], st, out)
		i += n
	}
	return i, out
}

// commandLength returns the length of the command or text byte at the start of b, or 0
// when b holds only part of it.
func commandLength(b []byte) int {
	need := func(n int) int {
		if len(b) < n {
			return 0
		}
		return n
	}
	switch b[0] {
	case 0x1B: // ESC
		if len(b) < 2 {
			return 0
		}
		switch b[1] {
		case '@', '2', '<':
			return 2
		case 'E', 'a', 'd', '!', '-', '3', 't', 'J', 'M', 'G', 'R', 'e', 'V', '{':
			return need(3)
		case 'p':
			return need(5)
		case '$', '\\', 'c':
			return need(4)
		}
		return 2 // unknown: the printer ignores it
	case 0x1D: // GS
		if len(b) < 2 {
			return 0
		}
		switch b[1] {
		case '!', 'B', 'h', 'w', 'H', 'f', 'r', 'a', 'I':
			return need(3)
		case 'L', 'W':
			return need(4)
		case 'V':
			if len(b) < 3 {
				return 0
			}
			if b[2] == 65 || b[2] == 66 {
				return need(4)
			}
			return 3
		case '(':
			if len(b) < 5 {
				return 0
			}
			return need(5 + int(b[3]) + int(b[4])<<8)
		case 'k':
			if len(b) < 3 {
				return 0
			}
			if b[2] <= 6 { // data up to NUL
				for i := 3; i < len(b); i++ {
					if b[i] == 0 {
						return i + 1
					}
				}
				return 0
			}
			if len(b) < 4 {
				return 0
			}
			return need(4 + int(b[3]))
		}
		return 2
	case 0x1C: // FS
		if len(b) < 2 {
			return 0
		}
		switch b[1] {
		case '&', '.':
			return 2
		case '!', '-', 'W':
			return need(3)
		case 'S':
			return need(4)
		}
		return 2
	case 0x10: // DLE: a real-time command the receive side did not take
		if len(b) < 2 {
			return 0
		}
		return need(3)
	}
	return 1 // text: GB18030 is decoded a line at a time
}

// do carries out one command (or one byte of text).
func (e *engine) do(c []byte, st escpos.Status, out []byte) []byte {
	switch c[0] {
	case 0x1B:
		switch c[1] {
		case '@':
			e.endLine() // a real printer drops an unfinished line; keep it visible
			e.chinese = true
			e.qr = nil
			e.modes = modes{width: 1}
		case 'E':
			e.bold = c[2]&1 != 0
		case 'a':
			if a := escpos.Align(c[2] & 0x0F); a <= escpos.Right { // 0-2 or '0'-'2'
				e.align = a
			}
		case 'd':
			e.feed(int(c[2]))
		case '!':
			e.width = 1
			if c[2]&0x20 != 0 {
				e.width = 2
			}
			e.bold = c[2]&0x08 != 0
		case '2', '3', '-', 't', 'J', 'M', 'G', 'R', 'e', 'V', '{', 'c', 'p', '$', '\\', '<':
			// spacing, fonts, position, drawer: nothing a reader of the paper sees
		default:
			e.marker(fmt.Sprintf("[? ESC 0x%02x]", c[1]))
		}
	case 0x1D:
		switch c[1] {
		case '!':
			e.width = int(c[2]>>4&0x07) + 1
		case 'V':
			e.cut()
		case '(':
			e.function(c)
		case 'k':
			e.marker("[BARCODE]")
		case 'r':
			// transmit status, in sequence with the data: bits 0-1 near end, 2-3 paper end
			var b byte
			if st.NearEnd {
				b |= 0x03
			}
			if st.PaperEnd {
				b |= 0x0C
			}
			out = append(out, b)
		case 'B', 'h', 'w', 'H', 'f', 'a', 'I', 'L', 'W':
		default:
			e.marker(fmt.Sprintf("[? GS 0x%02x]", c[1]))
		}
	case 0x1C:
		switch c[1] {
		case '&':
			e.chinese = true
		case '.':
			e.chinese = false
		}
	case 0x10:
	case '\n':
		e.newline()
	default:
		switch {
		case c[0] >= 0x20:
			e.text(c[0], e.chinese)
		case c[0] == '\t':
			e.text(' ', false)
		}
		// other control bytes (CR, NUL, …) print nothing
	}
	return out
}

// function is GS ( k: the QR code commands.
func (e *engine) function(c []byte) {
	if c[2] != 'k' || len(c) < 8 || c[5] != 49 {
		return
	}
	switch c[6] {
	case 80: // store
		e.qr = append(e.qr[:0], c[8:]...)
	case 81: // print
		if e.qr != nil {
			e.marker("[QR: " + string(e.qr) + "]")
		}
	}
}
