package usbdev

import (
	"errors"
	"fmt"

	"github.com/google/gousb"

	"github.com/govkiosk/kiosk/devices"
)

// USB ids of SAM readers seen in public code: the usual one, and one app's fallback.
const (
	SAMVendor, SAMProduct       = 0x0400, 0xC35A
	SAMAltVendor, SAMAltProduct = 0x0483, 0x5652
)

// OpenSAM opens the first USB device with the vendor and product id, claims its default
// interface and returns the framed connection over eps. A missing device gives an error
// matching devices.ErrDeviceGone.
func OpenSAM(vendor, product uint16, eps SAMEndpoints) (conn *SAMConn, err error) {
	id := fmt.Sprintf("%04x:%04x", vendor, product)
	defer func() {
		// gousb panics when libusb cannot start (no USB at all on this machine).
		if r := recover(); r != nil {
			conn, err = nil, fmt.Errorf("usbdev: open %s: libusb: %v: %w", id, r, devices.ErrDeviceGone)
		}
	}()
	ctx := gousb.NewContext()
	var cleanups []func() error
	fail := func(err error) (*SAMConn, error) {
		for i := len(cleanups) - 1; i >= 0; i-- {
			cleanups[i]()
		}
		ctx.Close()
		return nil, fmt.Errorf("usbdev: open %s: %w", id, err)
	}
	dev, err := ctx.OpenDeviceWithVIDPID(gousb.ID(vendor), gousb.ID(product))
	if dev == nil {
		if err == nil {
			err = errors.New("no such device")
		}
		return fail(fmt.Errorf("%w: %w", err, devices.ErrDeviceGone))
	}
	cleanups = append(cleanups, dev.Close)
	if err := dev.SetAutoDetach(true); err != nil {
		return fail(err)
	}
	intf, done, err := dev.DefaultInterface()
	if err != nil {
		return fail(err)
	}
	cleanups = append(cleanups, func() error { done(); return nil })
	out := func(addr int) (*gousb.OutEndpoint, error) { return intf.OutEndpoint(addr & 0x0f) }
	in := func(addr int) (*gousb.InEndpoint, error) { return intf.InEndpoint(addr & 0x0f) }
	ho, err1 := out(eps.HeaderOut)
	bo, err2 := out(eps.BodyOut)
	hi, err3 := in(eps.HeaderIn)
	bi, err4 := in(eps.BodyIn)
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return fail(err)
	}
	release := func() error {
		for i := len(cleanups) - 1; i >= 0; i-- {
			cleanups[i]()
		}
		return ctx.Close()
	}
	return NewSAMConn(ho, bo, hi, bi, release), nil
}
