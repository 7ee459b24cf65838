package escpos

import (
	"errors"
	"fmt"
)

// Encoder builds one document in ESC/POS. Its methods chain; the first mistake (a bad
// argument, text that cannot be printed) sticks and is returned by Bytes, and the methods
// after it do nothing, as bufio.Writer does.
type Encoder struct {
	buf []byte
	err error
}

// NewEncoder starts a document: it initialises the printer (ESC @), which resets size,
// bold and alignment, and selects the Chinese character mode (FS &), in which the printer
// reads text as GB18030.
func NewEncoder() *Encoder {
	e := &Encoder{buf: make([]byte, 0, 512)}
	e.Reset()
	return e
}

// Reset empties the encoder for a new document, keeping its buffer.
func (e *Encoder) Reset() {
	e.buf = append(e.buf[:0], cmdInit...)
	e.buf = append(e.buf, cmdChineseMode...)
	e.err = nil
}

// Bytes returns the document, or the first error met while building it. The slice is the
// encoder's own until Reset.
func (e *Encoder) Bytes() ([]byte, error) {
	if e.err != nil {
		return nil, e.err
	}
	return e.buf, nil
}

func (e *Encoder) fail(format string, args ...any) *Encoder {
	if e.err == nil {
		e.err = fmt.Errorf("escpos: "+format, args...)
	}
	return e
}

// Align sets the justification of the lines that follow (ESC a n). It takes effect at
// the start of a line.
func (e *Encoder) Align(a Align) *Encoder {
	if e.err != nil {
		return e
	}
	if a > Right {
		return e.fail("align: invalid justification %d", a)
	}
	e.buf = append(e.buf, esc, 'a', byte(a))
	return e
}

// Bold turns emphasised printing on or off (ESC E n).
func (e *Encoder) Bold(on bool) *Encoder {
	if e.err != nil {
		return e
	}
	var n byte
	if on {
		n = 1
	}
	e.buf = append(e.buf, esc, 'E', n)
	return e
}

// Size sets the character size as multiples of the normal width and height, 1 to 8 each
// (GS ! n). It applies to Chinese and Latin characters alike.
func (e *Encoder) Size(width, height int) *Encoder {
	if e.err != nil {
		return e
	}
	if width < 1 || width > 8 || height < 1 || height > 8 {
		return e.fail("size: %dx%d out of range 1..8", width, height)
	}
	e.buf = append(e.buf, gs, '!', byte(width-1)<<4|byte(height-1))
	return e
}

// Text prints s, encoded in GB18030. It may hold line feeds ("\n") but no other control
// character, so that text from elsewhere can never smuggle a command to the printer.
func (e *Encoder) Text(s string) *Encoder {
	if e.err != nil {
		return e
	}
	buf, err := appendGB18030(e.buf, s)
	if err != nil {
		e.err = fmt.Errorf("escpos: text: %w", err)
		return e
	}
	e.buf = buf
	return e
}

// Line prints s and ends the line.
func (e *Encoder) Line(s string) *Encoder {
	e.Text(s)
	if e.err == nil {
		e.buf = append(e.buf, lf)
	}
	return e
}

// Feed prints what is buffered and feeds n lines, 0 to 255 (ESC d n).
func (e *Encoder) Feed(n int) *Encoder {
	if e.err != nil {
		return e
	}
	if n < 0 || n > 255 {
		return e.fail("feed: %d lines out of range 0..255", n)
	}
	e.buf = append(e.buf, esc, 'd', byte(n))
	return e
}

// Cut feeds the paper to the cutting position and cuts it (GS V 65 0).
func (e *Encoder) Cut() *Encoder {
	if e.err != nil {
		return e
	}
	e.buf = append(e.buf, cmdCut...)
	return e
}

// ErrBadText is text that the printer cannot be given: invalid UTF-8 or a control
// character.
var ErrBadText = errors.New("not printable text")
