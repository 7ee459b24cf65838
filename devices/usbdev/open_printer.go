package usbdev

import (
	"errors"
	"fmt"
	"slices"

	"github.com/google/gousb"

	"github.com/govkiosk/kiosk/devices"
)

// OpenPrinter opens a USB printer: the device vendor:product, or, with both zero, the
// first device with a printer-class interface. It claims that interface and returns the
// connection over its bulk endpoints. A missing device gives an error matching
// devices.ErrDeviceGone.
func OpenPrinter(vendor, product uint16) (conn *PrinterConn, err error) {
	id := fmt.Sprintf("%04x:%04x", vendor, product)
	if vendor == 0 && product == 0 {
		id = "printer class"
	}
	defer func() {
		// gousb panics when libusb cannot start (no USB at all on this machine).
		if r := recover(); r != nil {
			conn, err = nil, fmt.Errorf("usbdev: open %s: libusb: %v: %w", id, r, devices.ErrDeviceGone)
		}
	}()
	ctx := gousb.NewContext()
	var loc printerInterface
	devs, err := ctx.OpenDevices(func(d *gousb.DeviceDesc) bool {
		if loc.out != 0 || (vendor|product != 0 && (uint16(d.Vendor) != vendor || uint16(d.Product) != product)) {
			return false
		}
		l, ok := findPrinterInterface(d)
		if ok {
			loc = l
		}
		return ok
	})
	var cleanups []func() error
	fail := func(err error) (*PrinterConn, error) {
		for i := len(cleanups) - 1; i >= 0; i-- {
			cleanups[i]()
		}
		ctx.Close()
		return nil, fmt.Errorf("usbdev: open %s: %w", id, err)
	}
	for _, d := range devs {
		cleanups = append(cleanups, d.Close)
	}
	if len(devs) == 0 {
		if err == nil {
			err = errors.New("no such printer")
		}
		return fail(fmt.Errorf("%w: %w", err, devices.ErrDeviceGone))
	}
	dev := devs[0]
	if err := dev.SetAutoDetach(true); err != nil { // the kernel's usblp lets go of it
		return fail(err)
	}
	cfg, err := dev.Config(loc.config)
	if err != nil {
		return fail(err)
	}
	cleanups = append(cleanups, cfg.Close)
	intf, err := cfg.Interface(loc.intf, loc.alt)
	if err != nil {
		return fail(err)
	}
	cleanups = append(cleanups, func() error { intf.Close(); return nil })
	out, err := intf.OutEndpoint(loc.out)
	if err != nil {
		return fail(err)
	}
	var in BulkIn
	if loc.in != 0 {
		ep, err := intf.InEndpoint(loc.in)
		if err != nil {
			return fail(err)
		}
		in = ep
	}
	release := func() error {
		for i := len(cleanups) - 1; i >= 0; i-- {
			cleanups[i]()
		}
		return ctx.Close()
	}
	return NewPrinterConn(out, in, release), nil
}

// printerInterface locates a printer-class interface and its bulk endpoints (in is 0
// for a unidirectional printer).
type printerInterface struct {
	config, intf, alt, out, in int
}

// findPrinterInterface picks the printer-class interface of a device, preferring a
// bidirectional setting (protocol 2), which answers status queries.
func findPrinterInterface(d *gousb.DeviceDesc) (printerInterface, bool) {
	var best printerInterface
	bestBidi, found := false, false
	cfgs := make([]int, 0, len(d.Configs))
	for n := range d.Configs {
		cfgs = append(cfgs, n)
	}
	slices.Sort(cfgs)
	for _, n := range cfgs {
		for _, in := range d.Configs[n].Interfaces {
			for _, alt := range in.AltSettings {
				if alt.Class != gousb.ClassPrinter {
					continue
				}
				l := printerInterface{config: n, intf: in.Number, alt: alt.Alternate}
				for _, ep := range alt.Endpoints {
					if ep.TransferType != gousb.TransferTypeBulk {
						continue
					}
					if ep.Direction == gousb.EndpointDirectionIn {
						l.in = ep.Number
					} else {
						l.out = ep.Number
					}
				}
				bidi := l.in != 0 && alt.Protocol == 2
				if l.out != 0 && (!found || bidi && !bestBidi) {
					best, bestBidi, found = l, bidi, true
				}
			}
		}
	}
	return best, found
}
