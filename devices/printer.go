package devices

import "context"

// PrinterReason is one condition a printer reports, named as IPP's printer-state-reasons
// are. Receipt printers map their DLE EOT status bits to the same names.
type PrinterReason string

const (
	ReasonMediaEmpty  PrinterReason = "media-empty"
	ReasonMediaLow    PrinterReason = "media-low"
	ReasonMediaJam    PrinterReason = "media-jam"
	ReasonDoorOpen    PrinterReason = "door-open"
	ReasonTonerLow    PrinterReason = "toner-low"
	ReasonCutterError PrinterReason = "cutter-error"
	ReasonOffline     PrinterReason = "offline"
)

// Blocking reports whether the reason stops printing until someone acts (paper, jam,
// door, cutter, offline), as opposed to a warning such as toner-low.
func (r PrinterReason) Blocking() bool {
	switch r {
	case ReasonMediaEmpty, ReasonMediaJam, ReasonDoorOpen, ReasonCutterError, ReasonOffline:
		return true
	}
	return false
}

// PrinterStatus is a printer's state as the kiosk shows and acts on it.
type PrinterStatus struct {
	Ready   bool
	Reasons []PrinterReason
}

// Blocked reports whether any reason stops printing.
func (s PrinterStatus) Blocked() bool {
	for _, r := range s.Reasons {
		if r.Blocking() {
			return true
		}
	}
	return false
}

// JobState is a printer-side job's state.
type JobState string

const (
	JobPending    JobState = "pending"
	JobProcessing JobState = "processing"
	JobCompleted  JobState = "completed"
	JobAborted    JobState = "aborted"
	JobCanceled   JobState = "canceled"
	JobUnknown    JobState = "unknown" // the printer no longer knows the job
)

// DocPrinter prints PDF documents on an A4 printer. Printing is two-phase so that the
// spool can record the printer's job id before any page can come out: CreateJob, record
// the id durably, then SendDocument.
type DocPrinter interface {
	Name() string
	CreateJob(ctx context.Context, title string) (jobID string, err error)
	SendDocument(ctx context.Context, jobID string, pdf []byte) error
	JobState(ctx context.Context, jobID string) (JobState, error)
	Status(ctx context.Context) (PrinterStatus, error)
}
