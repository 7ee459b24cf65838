package devices

import "errors"

// Sentinels that callers test with errors.Is. Drivers wrap them with what failed.
var (
	// ErrNoCard: no card on the reader.
	ErrNoCard = errors.New("no card on the reader")
	// ErrDeviceGone: the device or its transport disappeared (unplugged, port closed).
	ErrDeviceGone = errors.New("device not connected")
)
