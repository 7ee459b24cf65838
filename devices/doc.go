// Package devices holds the vocabulary shared by the kiosk core and the device drivers:
// the interfaces a card reader and the printers implement, and the value types they
// exchange (Card, PrinterStatus). It imports only the standard library; drivers live in
// its subpackages and take a transport in their constructor, never a device path.
package devices
