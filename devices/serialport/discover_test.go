package serialport

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// fakeSysfs builds the part of sysfs that Find reads: two USB-serial adapters, an ACM
// device and a virtual terminal without a device.
func fakeSysfs(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	write := func(path, content string) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, name); err != nil {
			t.Fatal(err)
		}
	}
	usb := filepath.Join(root, "devices/pci0000:00/0000:00:14.0/usb1")
	devs := []struct{ port, vid, pid, iface, tty string }{
		{"1-1", "0400", "c35a", "1-1:1.0/ttyUSB0", "ttyUSB0"},
		{"1-2", "1a86", "7523", "1-2:1.0/ttyUSB1", "ttyUSB1"},
		{"1-3", "0400", "C35A", "1-3:1.0", "ttyACM0"},
	}
	for _, d := range devs {
		write(filepath.Join(usb, d.port, "idVendor"), d.vid+"\n")
		write(filepath.Join(usb, d.port, "idProduct"), d.pid+"\n")
		ifaceDir := filepath.Join(usb, d.port, d.iface)
		if err := os.MkdirAll(ifaceDir, 0o755); err != nil {
			t.Fatal(err)
		}
		link(ifaceDir, filepath.Join(root, "class/tty", d.tty, "device"))
	}
	if err := os.MkdirAll(filepath.Join(root, "class/tty/tty0"), 0o755); err != nil {
		t.Fatal(err)
	}
	return root
}

func TestFind(t *testing.T) {
	root := fakeSysfs(t)
	tests := []struct {
		id   string
		want []string
	}{
		{"0400:c35a", []string{"/dev/ttyACM0", "/dev/ttyUSB0"}},
		{"1A86:7523", []string{"/dev/ttyUSB1"}},
		{"0483:5652", nil},
	}
	for _, tc := range tests {
		id, err := ParseUSBID(tc.id)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Find(root, id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Find(%s) = %v, want %v", tc.id, got, tc.want)
		}
	}
	if _, err := Find(filepath.Join(root, "missing"), USBID{}); err == nil {
		t.Error("a missing sysfs must be an error")
	}
}

func TestParseUSBID(t *testing.T) {
	for _, bad := range []string{"", "0400", "0400:", "400:c35a", "0400:c35g", "0400-c35a"} {
		if _, err := ParseUSBID(bad); err == nil {
			t.Errorf("ParseUSBID(%q) must fail", bad)
		}
	}
	if id, err := ParseUSBID("0400:C35A"); err != nil || id != (USBID{0x0400, 0xC35A}) || id.String() != "0400:c35a" {
		t.Errorf("got %v, %v", id, err)
	}
}
