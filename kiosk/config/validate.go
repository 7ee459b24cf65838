package config

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"time"
)

// Problem is one invalid value, by dotted key.
type Problem struct {
	Key string
	Msg string
}

// maxSocketPath is the longest unix socket path Linux accepts (sun_path less its NUL).
const maxSocketPath = 107

var (
	terminalID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)
	usbID      = regexp.MustCompile(`^[0-9A-Fa-f]{4}:[0-9A-Fa-f]{4}$`)
	bauds      = []int{9600, 19200, 38400, 57600, 115200}
)

// Validate checks every value and returns the problems found, in key order. It is the
// one place where values are judged.
func (c *Config) Validate() []Problem {
	var ps []Problem
	add := func(key, format string, args ...any) {
		ps = append(ps, Problem{Key: key, Msg: fmt.Sprintf(format, args...)})
	}
	oneOf := func(key, v string, allowed ...string) {
		if !slices.Contains(allowed, v) {
			add(key, "%q is not one of %s", v, quoteList(allowed))
		}
	}

	if c.Terminal.Hall != "" && !terminalID.MatchString(c.Terminal.Hall) {
		add("terminal.hall", "expected central's hall id: 1 to 64 letters, digits, '.', '-' or '_' (e.g. SZ-CITY), got %q", c.Terminal.Hall)
	}
	if !terminalID.MatchString(c.Terminal.ID) {
		add("terminal.id", "expected 1 to 64 letters, digits, '.', '-' or '_' (e.g. SZ-FT-0001), got %q", c.Terminal.ID)
	}
	oneOf("log.format", c.Log.Format, "json", "text")
	oneOf("log.level", c.Log.Level, "debug", "info", "warn", "error")
	if c.StateDir == "" {
		add("state_dir", "must name a folder")
	}
	switch n := len(c.LocalAPI.Socket); {
	case n == 0:
		add("local_api.socket", "must name a socket path")
	case n > maxSocketPath:
		add("local_api.socket", "path is %d bytes; a unix socket path may have at most %d", n, maxSocketPath)
	}

	if c.Central.Embedded {
		if c.Central.URL != "" {
			add("central.url", "must be empty when central.embedded is true (the embedded server picks its own address)")
		}
	} else if u, err := url.Parse(c.Central.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		add("central.url", "expected an http:// or https:// URL, got %q", c.Central.URL)
	}
	positive("central.timeout", c.Central.Timeout, add)
	if (c.Central.CertFile == "") != (c.Central.KeyFile == "") {
		add("central.cert_file", "a client certificate needs both central.cert_file and central.key_file")
	}

	oneOf("ui.language", c.UI.Language, "zh", "en")
	if c.UI.Font == "" {
		add("ui.font", "must name a TrueType font (.ttf) or collection (.ttc) with CJK glyphs")
	}
	positive("ui.idle_timeout", c.UI.IdleTimeout, add)
	positive("ui.session_limit", c.UI.SessionLimit, add)
	if c.UI.SessionLimit > 0 && c.UI.SessionLimit < c.UI.IdleTimeout {
		add("ui.session_limit", "%s is shorter than ui.idle_timeout (%s)", c.UI.SessionLimit, c.UI.IdleTimeout)
	}

	oneOf("reader.transport", c.Reader.Transport, "serial", "usb", "sim")
	if c.Reader.USBID != "" && !usbID.MatchString(c.Reader.USBID) {
		add("reader.usb_id", "expected VID:PID in hex such as 0400:c35a, got %q", c.Reader.USBID)
	}
	switch c.Reader.Transport {
	case "serial":
		if c.Reader.Port == "" && c.Reader.USBID == "" {
			add("reader.port", "a serial reader needs reader.port or reader.usb_id")
		}
		if !slices.Contains(bauds, c.Reader.Baud) {
			add("reader.baud", "%d is not one of the reader's rates %v", c.Reader.Baud, bauds)
		}
	case "usb":
		if c.Reader.USBID == "" {
			add("reader.usb_id", "a usb reader needs its VID:PID")
		}
	}
	if c.Reader.Fixture != "" && c.Reader.Transport != "sim" {
		add("reader.fixture", "only a sim reader takes a fixture")
	}

	a4 := c.Printers.A4
	oneOf("printers.a4.type", a4.Type, "ipp", "pdfdir")
	switch a4.Type {
	case "ipp":
		if u, err := url.Parse(a4.URL); err != nil || (u.Scheme != "ipp" && u.Scheme != "ipps" && u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			add("printers.a4.url", "expected an ipp:// or ipps:// printer URL, got %q", a4.URL)
		}
	case "pdfdir":
		if a4.Dir == "" {
			add("printers.a4.dir", "a pdfdir printer needs the folder to write to")
		}
	}
	rp := c.Printers.Receipt
	oneOf("printers.receipt.type", rp.Type, "none", "serial", "usb", "sim")
	if rp.USBID != "" && !usbID.MatchString(rp.USBID) {
		add("printers.receipt.usb_id", "expected VID:PID in hex such as 0416:5011, got %q", rp.USBID)
	}
	if rp.Type == "serial" {
		if rp.Port == "" {
			add("printers.receipt.port", "a serial receipt printer needs its port")
		}
		if !slices.Contains(bauds, rp.Baud) {
			add("printers.receipt.baud", "%d is not one of %v", rp.Baud, bauds)
		}
	}
	if c.Tech.PINHash != "" {
		if _, _, err := parsePIN(c.Tech.PINHash); err != nil {
			add("technician.pin_hash", "%v", err)
		}
	}
	positive("spool.retention", c.Spool.Retention, add)
	positive("spool.keep_records", c.Spool.KeepRecords, add)
	return ps
}

func positive(key string, d time.Duration, add func(string, string, ...any)) {
	if d <= 0 {
		add(key, "must be longer than zero, got %s", d)
	}
}

func quoteList(vs []string) string {
	s := ""
	for i, v := range vs {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%q", v)
	}
	return s
}
