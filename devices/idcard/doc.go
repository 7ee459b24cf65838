// Package idcard owns the second-generation ID card reader protocol (GA/T 467, the "SAM"
// protocol): the frame codec, the SW3 status codes, the parsing and validation of the card
// text block for all four card types, and the reader driver over any io.ReadWriter.
//
// It never opens a device: the caller hands it a transport (a serial port from
// devices/serialport, a USB bulk pair, or the simulator's in-process pipe).
// Errors never carry personal data.
package idcard
