// Package usbdev owns USB devices: it is the only importer of github.com/google/gousb.
// It frames the SAM ID card protocol over the vendor bulk variant of the readers (header
// and body on separate endpoints) as an io.ReadWriteCloser for devices/idcard, and opens
// such a reader by VID:PID.
package usbdev
