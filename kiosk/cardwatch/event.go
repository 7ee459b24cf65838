package cardwatch

import (
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// Kind is what happened.
type Kind int

const (
	// CardPresented: a card was put on the reader and read; Event.Card holds it.
	CardPresented Kind = iota + 1
	// CardRemoved: the card presented last left the reader (or the card detected left
	// before it was read).
	CardRemoved
	// CardUnreadable: a card is on the reader but could not be read or its data is
	// inconsistent; reported once until the card leaves.
	CardUnreadable
	// ReaderFault: the reader is missing or not working; reported once until it recovers.
	ReaderFault
	// ReaderRecovered: the reader works again after a fault.
	ReaderRecovered
	// CardDetected: a card is on the reader and its read begins (readers that read in
	// steps only, see StepReader). CardPresented, CardUnreadable or CardRemoved (the card
	// left before it was read) follows; nothing is reported again while the same
	// unreadable card stays.
	CardDetected
)

func (k Kind) String() string {
	switch k {
	case CardPresented:
		return "card-presented"
	case CardRemoved:
		return "card-removed"
	case CardUnreadable:
		return "card-unreadable"
	case ReaderFault:
		return "reader-fault"
	case ReaderRecovered:
		return "reader-recovered"
	case CardDetected:
		return "card-detected"
	}
	return "unknown"
}

// Event is one thing the watcher saw.
type Event struct {
	Kind Kind
	// Card is the card read (CardPresented only). The receiver owns it and should Wipe
	// it when the session ends.
	Card *devices.Card
	// Reason says in plain words why (CardUnreadable, ReaderFault). It holds no
	// personal data.
	Reason string
	// Err is the error behind CardUnreadable and ReaderFault, for errors.Is.
	Err error
	At  time.Time
}

// Status is the watcher's view of the reader, for status displays.
type Status struct {
	ReaderOK    bool   // the last exchange with the reader worked
	Fault       string // why not, when !ReaderOK (plain words)
	CardPresent bool
	Since       time.Time // when ReaderOK last changed
}
