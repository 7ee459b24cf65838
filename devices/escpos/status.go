package escpos

import (
	"errors"
	"fmt"

	"github.com/govkiosk/kiosk/devices"
)

// The four DLE EOT n real-time status queries.
const (
	StatusPrinter = 1 // printer: offline, waiting for recovery, feed button
	StatusOffline = 2 // offline cause: cover open, paper end stop, error
	StatusError   = 3 // error cause: mechanical, autocutter, unrecoverable, auto-recoverable
	StatusPaper   = 4 // roll paper sensor: near end, paper end
)

// Every DLE EOT reply has bit0 = 0, bit1 = 1, bit4 = 1 and bit7 = 0: 0x12 is "all clear".
const (
	replyFixedMask = 0x93
	replyFixed     = 0x12
)

// ErrBadReply is a byte that is not a DLE EOT reply (its fixed bits are wrong), or a
// reply to a query that does not exist.
var ErrBadReply = errors.New("not a DLE EOT status reply")

// StatusQuery returns the DLE EOT n command (10 04 n).
func StatusQuery(n int) []byte { return []byte{dle, eot, byte(n)} }

// Status is what the four DLE EOT replies say, bit by bit.
type Status struct {
	// DLE EOT 1: printer.
	DrawerPin3High  bool // bit 2
	Offline         bool // bit 3
	WaitingRecovery bool // bit 5: waiting for online recovery
	FeedButton      bool // bit 6: feed button pressed

	// DLE EOT 2: offline cause.
	CoverOpen     bool // bit 2
	FedByButton   bool // bit 3: paper being fed by the feed button
	PaperEndStop  bool // bit 5: printing stopped by paper end
	ErrorOccurred bool // bit 6

	// DLE EOT 3: error cause.
	MechanicalError bool // bit 2: recoverable mechanical error
	CutterError     bool // bit 3: autocutter error
	Unrecoverable   bool // bit 5
	AutoRecoverable bool // bit 6: e.g. head too hot; clears by itself

	// DLE EOT 4: roll paper sensor.
	NearEnd  bool // bits 2+3 (0x0C); read 0 without a near-end sensor
	PaperEnd bool // bits 5+6 (0x60)
}

// ParseStatus reads the replies to DLE EOT 1, 2, 3 and 4, in that order.
func ParseStatus(replies []byte) (Status, error) {
	var s Status
	if len(replies) != 4 {
		return s, fmt.Errorf("escpos: status: %d replies, want 4", len(replies))
	}
	for i, b := range replies {
		if err := s.Decode(i+1, b); err != nil {
			return Status{}, err
		}
	}
	return s, nil
}

// Decode sets the fields that the reply to DLE EOT n speaks for. Either of the two bits
// that each roll paper sensor has sets its field (printers set both).
func (s *Status) Decode(n int, reply byte) error {
	if err := s.decode(n, reply); err != nil {
		return fmt.Errorf("escpos: %w", err)
	}
	return nil
}

// decode is Decode with errors for the caller to prefix.
func (s *Status) decode(n int, reply byte) error {
	if reply&replyFixedMask != replyFixed {
		return fmt.Errorf("status %d: reply 0x%02x: %w", n, reply, ErrBadReply)
	}
	bit := func(i uint) bool { return reply&(1<<i) != 0 }
	switch n {
	case StatusPrinter:
		s.DrawerPin3High, s.Offline, s.WaitingRecovery, s.FeedButton = bit(2), bit(3), bit(5), bit(6)
	case StatusOffline:
		s.CoverOpen, s.FedByButton, s.PaperEndStop, s.ErrorOccurred = bit(2), bit(3), bit(5), bit(6)
	case StatusError:
		s.MechanicalError, s.CutterError, s.Unrecoverable, s.AutoRecoverable = bit(2), bit(3), bit(5), bit(6)
	case StatusPaper:
		s.NearEnd, s.PaperEnd = bit(2) || bit(3), bit(5) || bit(6)
	default:
		return fmt.Errorf("status %d: no such query: %w", n, ErrBadReply)
	}
	return nil
}

// Encode returns the reply a printer in state s gives to DLE EOT n (the simulator
// answers with it).
func (s Status) Encode(n int) (byte, error) {
	var b byte = replyFixed
	set := func(i uint, on bool) {
		if on {
			b |= 1 << i
		}
	}
	switch n {
	case StatusPrinter:
		set(2, s.DrawerPin3High)
		set(3, s.Offline)
		set(5, s.WaitingRecovery)
		set(6, s.FeedButton)
	case StatusOffline:
		set(2, s.CoverOpen)
		set(3, s.FedByButton)
		set(5, s.PaperEndStop)
		set(6, s.ErrorOccurred)
	case StatusError:
		set(2, s.MechanicalError)
		set(3, s.CutterError)
		set(5, s.Unrecoverable)
		set(6, s.AutoRecoverable)
	case StatusPaper:
		set(2, s.NearEnd)
		set(3, s.NearEnd)
		set(5, s.PaperEnd)
		set(6, s.PaperEnd)
	default:
		return 0, fmt.Errorf("escpos: status %d: no such query: %w", n, ErrBadReply)
	}
	return b, nil
}

// PrinterStatus maps the bits to the kiosk's vocabulary: paper end (sensor or stop) is
// media-empty, near end media-low (not repeated when the paper is out), cover open
// door-open, autocutter error cutter-error. A printer offline or in error for any other
// cause (mechanical, unrecoverable, head too hot) is offline.
func (s Status) PrinterStatus() devices.PrinterStatus {
	var st devices.PrinterStatus
	empty := s.PaperEnd || s.PaperEndStop
	if empty {
		st.Reasons = append(st.Reasons, devices.ReasonMediaEmpty)
	} else if s.NearEnd {
		st.Reasons = append(st.Reasons, devices.ReasonMediaLow)
	}
	if s.CoverOpen {
		st.Reasons = append(st.Reasons, devices.ReasonDoorOpen)
	}
	if s.CutterError {
		st.Reasons = append(st.Reasons, devices.ReasonCutterError)
	}
	troubled := s.Offline || s.ErrorOccurred || s.MechanicalError || s.Unrecoverable || s.AutoRecoverable
	if troubled && !st.Blocked() {
		st.Reasons = append(st.Reasons, devices.ReasonOffline)
	}
	st.Ready = !st.Blocked()
	return st
}
