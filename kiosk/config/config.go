package config

import "time"

// Config is the whole agent configuration. The yaml tags are the keys of the file; every
// key is documented in configs/kiosk.yaml.
type Config struct {
	Terminal Terminal `yaml:"terminal"`
	Log      Log      `yaml:"log"`
	StateDir string   `yaml:"state_dir"`
	LocalAPI LocalAPI `yaml:"local_api"`
	Central  Central  `yaml:"central"`
	UI       UI       `yaml:"ui"`
	Reader   Reader   `yaml:"reader"`
	Printers Printers `yaml:"printers"`
	Spool    Spool    `yaml:"spool"`
	Tech     Tech     `yaml:"technician"`
}

// Tech is the technician mode on the screen.
type Tech struct {
	// PINHash is "sha256:SALT:HASH" (kioskctl technician pin-hash); empty turns the
	// technician mode off.
	PINHash string `yaml:"pin_hash"`
}

// Terminal identifies this terminal to central and the fleet.
type Terminal struct {
	ID       string `yaml:"id"`
	Location string `yaml:"location"`
	Hall     string `yaml:"hall"` // central's id of the hall whose queue numbers it issues; "": the first hall central lists
}

// Log chooses the log format and level.
type Log struct {
	Format string `yaml:"format"` // "json" or "text"
	Level  string `yaml:"level"`  // "debug", "info", "warn" or "error"
}

// LocalAPI is the agent's API for kioskctl, on a unix socket.
type LocalAPI struct {
	Socket string `yaml:"socket"`
}

// Central is the link to the city's service platform.
type Central struct {
	URL      string        `yaml:"url"`
	Embedded bool          `yaml:"embedded"` // run the reference server in-process (demo only)
	Timeout  time.Duration `yaml:"timeout"`
	CAFile   string        `yaml:"ca_file"`   // PEM CA of central's certificate; empty: the system's
	CertFile string        `yaml:"cert_file"` // this terminal's client certificate (mTLS)
	KeyFile  string        `yaml:"key_file"`
}

// UI is the citizen-facing window.
type UI struct {
	Fullscreen   bool          `yaml:"fullscreen"`
	Language     string        `yaml:"language"` // "zh" or "en"
	Font         string        `yaml:"font"`     // a .ttf, or a .ttc whose first font is used
	IdleTimeout  time.Duration `yaml:"idle_timeout"`
	SessionLimit time.Duration `yaml:"session_limit"`
}

// Reader is the ID card reader.
type Reader struct {
	Transport string `yaml:"transport"` // "serial", "usb" or "sim"
	Port      string `yaml:"port"`      // serial device path; empty: find it by usb_id
	USBID     string `yaml:"usb_id"`    // "VID:PID" in hex
	Baud      int    `yaml:"baud"`
	Fixture   string `yaml:"fixture"` // sim only: the card inserted at start, empty for none
}

// Printers are the terminal's printers.
type Printers struct {
	A4      Printer        `yaml:"a4"`
	Receipt ReceiptPrinter `yaml:"receipt"`
}

// ReceiptPrinter is the thermal receipt printer (ESC/POS) for queue tickets and receipts.
type ReceiptPrinter struct {
	Type  string `yaml:"type"`   // "none", "serial", "usb" or "sim"
	Port  string `yaml:"port"`   // serial device path
	Baud  int    `yaml:"baud"`   // serial rate
	USBID string `yaml:"usb_id"` // usb: "VID:PID" in hex; empty: the first printer-class device
}

// Printer is one printer and how to reach it.
type Printer struct {
	Type string `yaml:"type"` // "ipp" or "pdfdir"
	URL  string `yaml:"url"`  // ipp: the printer or CUPS queue URL
	Dir  string `yaml:"dir"`  // pdfdir: the folder PDFs are written to
}

// Spool is the durable print queue.
type Spool struct {
	Retention      time.Duration `yaml:"retention"`    // how long an unprinted document is kept
	KeepRecords    time.Duration `yaml:"keep_records"` // how long a finished job stays listed
	PurgeAbandoned bool          `yaml:"purge_abandoned"`
}
