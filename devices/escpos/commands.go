package escpos

// Control codes and command prefixes of ESC/POS.
const (
	lf  = 0x0A
	dle = 0x10
	eot = 0x04
	esc = 0x1B
	fs  = 0x1C
	gs  = 0x1D
)

// Fixed command sequences the encoder emits.
var (
	cmdInit        = []byte{esc, '@'}       // ESC @: initialise the printer
	cmdChineseMode = []byte{fs, '&'}        // FS &: select Chinese (GB18030) character mode
	cmdCut         = []byte{gs, 'V', 65, 0} // GS V 65 0: feed to the cutting position, full cut
)

// Align is the justification of the lines that follow (ESC a n).
type Align byte

const (
	Left   Align = 0
	Center Align = 1
	Right  Align = 2
)

func (a Align) String() string {
	switch a {
	case Left:
		return "left"
	case Center:
		return "center"
	case Right:
		return "right"
	}
	return "invalid"
}
