package idcard

import (
	"encoding/binary"
	"fmt"
)

// The commands of the protocol doc, as frames ready to encode.
var (
	CmdResetSAM        = Command{CMD: 0x10, Para: 0xFF}
	CmdSAMStatus       = Command{CMD: 0x11, Para: 0xFF}
	CmdSAMID           = Command{CMD: 0x12, Para: 0xFF}
	CmdFind            = Command{CMD: 0x20, Para: 0x01}
	CmdSelect          = Command{CMD: 0x20, Para: 0x02}
	CmdRead            = Command{CMD: 0x30, Para: 0x01}
	CmdReadAddress     = Command{CMD: 0x30, Para: 0x03}
	CmdReadFingerprint = Command{CMD: 0x30, Para: 0x10}
)

// Lengths of reply data.
const (
	samIDLen       = 16
	findDataLen    = 4
	selectDataLen  = 8
	addressDataLen = 70
)

// Bauds lists the rates of the set-baud command, by its Para byte (60 00 .. 60 04).
var Bauds = [...]int{115200, 57600, 38400, 19200, 9600}

// CmdSetBaud returns the command switching the reader to baud, one of Bauds.
func CmdSetBaud(baud int) (Command, error) {
	for i, b := range Bauds {
		if b == baud {
			return Command{CMD: 0x60, Para: byte(i)}, nil
		}
	}
	return Command{}, fmt.Errorf("idcard: set baud: %d is not one of %v", baud, Bauds)
}

// Max RF bytes per frame, the bounds of the 61 FF command.
const (
	MinRF = 24
	MaxRF = 255
)

// CmdSetMaxRF returns the command setting the largest RF frame to n bytes (24..255).
func CmdSetMaxRF(n int) (Command, error) {
	if n < MinRF || n > MaxRF {
		return Command{}, fmt.Errorf("idcard: set max rf: %d is outside %d..%d", n, MinRF, MaxRF)
	}
	return Command{CMD: 0x61, Para: 0xFF, Data: []byte{byte(n)}}, nil
}

// readLayout checks a read reply's data: the length words, then the blocks. It returns
// the text, photo and fingerprint blocks (fingerprint nil for a 30 01 read).
func readLayout(data []byte, fingerprint bool) (text, photo, fp []byte, ok bool) {
	words := 2
	if fingerprint {
		words = 3
	}
	if len(data) < 2*words {
		return nil, nil, nil, false
	}
	tl := int(binary.BigEndian.Uint16(data[0:]))
	pl := int(binary.BigEndian.Uint16(data[2:]))
	fl := 0
	if fingerprint {
		fl = int(binary.BigEndian.Uint16(data[4:]))
	}
	if tl != TextLen || pl != PhotoLen || (fl != 0 && fl != 512 && fl != 1024) {
		return nil, nil, nil, false
	}
	body := data[2*words:]
	if len(body) != tl+pl+fl {
		return nil, nil, nil, false
	}
	text, photo = body[:tl], body[tl:tl+pl]
	if fingerprint {
		fp = body[tl+pl:]
	}
	return text, photo, fp, true
}

// ReadData lays out the data of a successful read reply (used by the simulator):
// length words then blocks. fp nil means a 30 01 read.
func ReadData(text, photo, fp []byte, fingerprint bool) []byte {
	out := make([]byte, 0, 6+len(text)+len(photo)+len(fp))
	out = binary.BigEndian.AppendUint16(out, uint16(len(text)))
	out = binary.BigEndian.AppendUint16(out, uint16(len(photo)))
	if fingerprint {
		out = binary.BigEndian.AppendUint16(out, uint16(len(fp)))
	}
	out = append(out, text...)
	out = append(out, photo...)
	if fingerprint {
		out = append(out, fp...)
	}
	return out
}
