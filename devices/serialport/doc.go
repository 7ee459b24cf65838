// Package serialport owns serial lines: it is the only importer of github.com/tarm/serial.
// It opens a port 8N1 at a baud rate as an io.ReadWriteCloser whose reads honour a
// deadline (tarm's "(0, io.EOF) on read timeout" becomes a timeout, never an EOF), and it
// finds serial ports by the USB VID:PID of their adapter through sysfs.
package serialport
