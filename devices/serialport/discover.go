package serialport

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// SysfsRoot is where Linux mounts sysfs.
const SysfsRoot = "/sys"

// USBID is a USB vendor and product id pair.
type USBID struct {
	Vendor, Product uint16
}

func (id USBID) String() string { return fmt.Sprintf("%04x:%04x", id.Vendor, id.Product) }

// ParseUSBID parses "VID:PID" in hexadecimal, as lsusb prints it ("0400:c35a").
func ParseUSBID(s string) (USBID, error) {
	v, p, ok := strings.Cut(s, ":")
	vid, err1 := strconv.ParseUint(v, 16, 16)
	pid, err2 := strconv.ParseUint(p, 16, 16)
	if !ok || err1 != nil || err2 != nil || len(v) != 4 || len(p) != 4 {
		return USBID{}, fmt.Errorf("serialport: usb id %q: want VID:PID, four hex digits each", s)
	}
	return USBID{Vendor: uint16(vid), Product: uint16(pid)}, nil
}

// Find returns the device paths (/dev/ttyUSB0, /dev/ttyACM1, ...) of the serial ports
// whose USB device has the given id, sorted, by walking sysfs under root (SysfsRoot, or a
// fake tree in tests): each /sys/class/tty/NAME/device leads to a USB interface whose
// parent directories hold idVendor and idProduct.
func Find(root string, id USBID) ([]string, error) {
	ttys, err := os.ReadDir(filepath.Join(root, "class", "tty"))
	if err != nil {
		return nil, fmt.Errorf("serialport: find %s: %w", id, err)
	}
	var out []string
	for _, e := range ttys {
		dev, err := filepath.EvalSymlinks(filepath.Join(root, "class", "tty", e.Name(), "device"))
		if err != nil {
			continue // a virtual terminal: no device
		}
		if got, ok := usbIDAbove(dev, root); ok && got == id {
			out = append(out, "/dev/"+e.Name())
		}
	}
	slices.Sort(out)
	return out, nil
}

// usbIDAbove climbs from dir towards root to the first directory with idVendor and
// idProduct files (the USB device of an interface).
func usbIDAbove(dir, root string) (USBID, bool) {
	rootAbs, _ := filepath.EvalSymlinks(root)
	for d := dir; d != "/" && d != "." && d != rootAbs; d = filepath.Dir(d) {
		v, err1 := os.ReadFile(filepath.Join(d, "idVendor"))
		p, err2 := os.ReadFile(filepath.Join(d, "idProduct"))
		if err1 != nil || err2 != nil {
			continue
		}
		id, err := ParseUSBID(strings.TrimSpace(string(v)) + ":" + strings.TrimSpace(string(p)))
		return id, err == nil
	}
	return USBID{}, false
}
