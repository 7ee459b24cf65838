package config

import (
	"os"
	"time"
)

// Default returns the production defaults; Load decodes a file over them.
func Default() Config {
	return Config{
		Log:      Log{Format: "json", Level: "info"},
		StateDir: "/var/lib/kiosk",
		LocalAPI: LocalAPI{Socket: "/run/kiosk/kiosk.sock"},
		Central:  Central{Timeout: 10 * time.Second},
		UI: UI{
			Fullscreen:   true,
			Language:     "zh",
			Font:         "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
			IdleTimeout:  60 * time.Second,
			SessionLimit: 10 * time.Minute,
		},
		Reader: Reader{Transport: "serial", USBID: "0400:c35a", Baud: 115200},
		Printers: Printers{
			A4:      Printer{Type: "ipp", URL: "ipp://localhost:631/printers/a4"},
			Receipt: ReceiptPrinter{Type: "none", Baud: 9600},
		},
		Spool: Spool{Retention: 24 * time.Hour, KeepRecords: 30 * 24 * time.Hour, PurgeAbandoned: true},
	}
}

// deriveDefaults fills the defaults that depend on the machine or on other keys, after
// the file is decoded.
func (c *Config) deriveDefaults() {
	if c.Terminal.ID == "" {
		c.Terminal.ID, _ = os.Hostname()
	}
}
