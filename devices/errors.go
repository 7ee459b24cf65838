package devices

import "errors"

// Sentinels that callers test with errors.Is. Drivers wrap them with what failed.
var (
	// ErrNoCard: no card on the reader.
	ErrNoCard = errors.New("no card on the reader")
	// ErrDeviceGone: the device or its transport disappeared (unplugged, port closed).
	ErrDeviceGone = errors.New("device not connected")
)

// Sentinels for the card reader's failures, so that the core can tell them apart without
// importing a driver.
var (
	// ErrCardUnreadable: a card is on the reader but could not be read, or its data is
	// inconsistent (the session tells the citizen to present it again).
	ErrCardUnreadable = errors.New("card could not be read")
	// ErrReaderFault: the reader is connected but not working (self-test failed, not
	// authorised, no answer).
	ErrReaderFault = errors.New("reader fault")
)
