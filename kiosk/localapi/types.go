package localapi

import (
	"time"

	"github.com/govkiosk/kiosk/kiosk/session"
	"github.com/govkiosk/kiosk/kiosk/supervisor"
)

// Status is the agent's state as kioskctl status prints it. It holds no personal data.
type Status struct {
	Version    string              `json:"version"`
	TerminalID string              `json:"terminal_id"`
	PID        int                 `json:"pid"`
	Started    time.Time           `json:"started"`
	Headless   bool                `json:"headless"`
	Config     string              `json:"config"`
	Services   []supervisor.Status `json:"services"`
	Session    session.Status      `json:"session"`
	Reader     ReaderStatus        `json:"reader"`
	Printers   []PrinterStatus     `json:"printers"`
}

// PrinterStatus is one printer's state and its queue.
type PrinterStatus struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Ready   bool     `json:"ready"`
	Reasons []string `json:"reasons,omitempty"`
	Pending int      `json:"pending_jobs"`
	Fault   string   `json:"fault,omitempty"`
}

// ReaderStatus is the card reader's state.
type ReaderStatus struct {
	Transport string `json:"transport"`
	OK        bool   `json:"ok"`
	Fault     string `json:"fault,omitempty"`
}

// SimCard is the request to put a simulated card on the reader.
type SimCard struct {
	Fixture string `json:"fixture"`
}

// Fixtures lists the simulated cards.
type Fixtures struct {
	Fixtures []string `json:"fixtures"`
}

// apiError is every error response's body.
type apiError struct {
	Error string `json:"error"`
}

// TestPageResult is what a test page request did.
type TestPageResult struct {
	Printer string `json:"printer"`
	JobID   string `json:"job_id,omitempty"` // the spool job, for spooled printers
	Message string `json:"message"`
}
