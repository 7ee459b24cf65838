package spool

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"time"
)

// JobID identifies a job in the spool; ids are never reused within one spool file.
type JobID uint64

func (id JobID) String() string { return strconv.FormatUint(uint64(id), 10) }

// ParseJobID parses the decimal form String gives.
func ParseJobID(s string) (JobID, error) {
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil || n == 0 {
		return 0, fmt.Errorf("spool: bad job id %q", s)
	}
	return JobID(n), nil
}

func (id JobID) key() []byte { return binary.BigEndian.AppendUint64(nil, uint64(id)) }

// State is where a job is in its life. See docs/spool.md for the diagram.
type State string

const (
	Queued    State = "queued"    // waiting for its printer
	Sending   State = "sending"   // the printer created a job (its reference is recorded); the document is going out
	Sent      State = "sent"      // the printer accepted the document; waiting for it to complete
	Completed State = "completed" // the printer reported the job completed; the document is deleted
	Held      State = "held"      // waiting: for the printer (a fault) or for a technician (Reason says which)
	Failed    State = "failed"    // retries exhausted or retention ended; a technician may release it
	Canceled  State = "canceled"  // canceled by a technician or with its citizen's session
)

// Final reports whether nothing more happens to a job in state s on its own.
func (s State) Final() bool { return s == Completed || s == Failed || s == Canceled }

// Reason says why a job is held, failed or canceled.
type Reason string

const (
	// ReasonMayHavePrinted: after a crash or a lost printer, nobody can tell whether the
	// job printed. Only a technician releases (prints again) or cancels it.
	ReasonMayHavePrinted Reason = "may-have-printed"
	// ReasonRetriesExhausted: transient errors went on past Options.MaxAttempts.
	ReasonRetriesExhausted Reason = "retries-exhausted"
	// ReasonExpired: the document's retention ended before it printed.
	ReasonExpired Reason = "expired"
	// ReasonSessionAbandoned: the citizen's session ended without the job printing.
	ReasonSessionAbandoned Reason = "session-abandoned"
	// ReasonTechnician: canceled by a technician.
	ReasonTechnician Reason = "technician"
)

// A job held for a printer fault carries the printer's reason ("media-empty",
// "media-jam", "door-open", "offline", …) and resumes on its own when the printer is
// ready again.

// NeedsTechnician reports whether a held job waits for a person rather than a printer.
func (r Reason) NeedsTechnician() bool { return r == ReasonMayHavePrinted }

// NewJob is what a caller hands to Enqueue.
type NewJob struct {
	Printer   string // the configured printer's name
	Title     string // not personal: the proof's name, shown to technicians and sent as the IPP job-name
	SessionID string // opaque id of the citizen's session, for PurgeSession
	Doc       []byte // the PDF
}

// Job is a job's durable record. It holds no personal data; the document is stored
// apart, encrypted, and never returned by List or Get.
type Job struct {
	ID         JobID     `json:"id"`
	Printer    string    `json:"printer"`
	Title      string    `json:"title"`
	SessionID  string    `json:"session,omitempty"`
	State      State     `json:"state"`
	Reason     Reason    `json:"reason,omitempty"`
	PrinterJob string    `json:"printer_job,omitempty"` // the printer's reference, recorded before the document is sent
	Attempts   int       `json:"attempts"`              // transient failures so far (faults do not count)
	Reprints   int       `json:"reprints,omitempty"`    // releases of a job that may have printed
	LastError  string    `json:"last_error,omitempty"`
	Size       int       `json:"size"` // the document's size in bytes
	HasDoc     bool      `json:"has_doc"`
	Created    time.Time `json:"created"`
	Updated    time.Time `json:"updated"`
	NotBefore  time.Time `json:"not_before,omitzero"` // the next attempt waits until then (backoff)
}

func (j Job) String() string {
	s := fmt.Sprintf("job %s (%s) on %s: %s", j.ID, j.Title, j.Printer, j.State)
	if j.Reason != "" {
		s += " (" + string(j.Reason) + ")"
	}
	return s
}
