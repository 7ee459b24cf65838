package idcard

import (
	"errors"
	"fmt"

	"github.com/govkiosk/kiosk/devices"
)

// Frame layout constants (see the protocol doc, "Frames").
const (
	// PreambleLen is the length of the preamble AA AA AA 96 69.
	PreambleLen = 5
	// HeaderLen is preamble plus the two Len bytes; a frame on the wire is HeaderLen+Len bytes.
	HeaderLen = PreambleLen + 2
	// MaxFrame is the largest frame on the wire (a text+photo+1024-byte fingerprint reply).
	MaxFrame = 2321
	// MaxLen is the largest value of the Len field.
	MaxLen = MaxFrame - HeaderLen
	// minLen is the smallest Len of any frame: a command with no data (CMD, Para, CHK).
	minLen = 3
	// minReplyLen is the smallest Len of a reply (SW1, SW2, SW3, CHK).
	minReplyLen = 4
)

var preamble = [PreambleLen]byte{0xAA, 0xAA, 0xAA, 0x96, 0x69}

// Frame errors. The decoder returns them wrapped in a *FrameError; test with errors.Is.
var (
	ErrChecksum = errors.New("bad checksum")
	ErrLength   = errors.New("bad length")
)

// FrameError is a frame the decoder rejected. It carries no frame bytes.
type FrameError struct {
	Len int   // the Len field as read
	Err error // ErrChecksum or ErrLength
}

func (e *FrameError) Error() string {
	return fmt.Sprintf("bad frame (len %d): %v", e.Len, e.Err)
}

func (e *FrameError) Unwrap() error { return e.Err }

// Is makes a frame error a reader fault for callers that know only the devices sentinels:
// replies that keep arriving corrupt mean a bad line or a wrong baud rate.
func (e *FrameError) Is(target error) bool { return target == devices.ErrReaderFault }

// checksum is the XOR of every byte given.
func checksum(b []byte) byte {
	var x byte
	for _, c := range b {
		x ^= c
	}
	return x
}

// appendFrame appends a whole frame (preamble, Len, body, CHK) carrying body to dst.
func appendFrame(dst, body []byte) []byte {
	n := len(body) + 1
	start := len(dst)
	dst = append(dst, preamble[:]...)
	dst = append(dst, byte(n>>8), byte(n))
	dst = append(dst, body...)
	return append(dst, checksum(dst[start+PreambleLen:]))
}

// Command is one host → reader command.
type Command struct {
	CMD, Para byte
	Data      []byte
}

// Encode returns the command's frame as it goes on the wire.
func (c Command) Encode() []byte {
	return c.AppendEncode(make([]byte, 0, HeaderLen+3+len(c.Data)))
}

// AppendEncode appends the command's frame to dst.
func (c Command) AppendEncode(dst []byte) []byte {
	body := make([]byte, 0, 2+len(c.Data))
	body = append(body, c.CMD, c.Para)
	body = append(body, c.Data...)
	return appendFrame(dst, body)
}

// Reply is one reader → host frame.
type Reply struct {
	SW1, SW2, SW3 byte
	Data          []byte
}

// OK reports whether SW3 is one of the success codes (0x90, 0x9F).
func (r Reply) OK() bool { return r.SW3 == SW3OK || r.SW3 == SW3FindOK }

// Encode returns the reply's frame as it goes on the wire (used by the simulator).
func (r Reply) Encode() []byte {
	return r.AppendEncode(make([]byte, 0, HeaderLen+4+len(r.Data)))
}

// AppendEncode appends the reply's frame to dst.
func (r Reply) AppendEncode(dst []byte) []byte {
	body := make([]byte, 0, 3+len(r.Data))
	body = append(body, r.SW1, r.SW2, r.SW3)
	body = append(body, r.Data...)
	return appendFrame(dst, body)
}

// ParseReply interprets a frame body (the bytes after Len, CHK excluded) as a reply.
// Data aliases body.
func ParseReply(body []byte) (Reply, error) {
	if len(body) < minReplyLen-1 {
		return Reply{}, &FrameError{Len: len(body) + 1, Err: ErrLength}
	}
	return Reply{SW1: body[0], SW2: body[1], SW3: body[2], Data: body[3:]}, nil
}

// ParseCommand interprets a frame body as a command (used by the simulator). Data aliases body.
func ParseCommand(body []byte) (Command, error) {
	if len(body) < minLen-1 {
		return Command{}, &FrameError{Len: len(body) + 1, Err: ErrLength}
	}
	return Command{CMD: body[0], Para: body[1], Data: body[2:]}, nil
}
