package devices

import (
	"context"
	"errors"
)

// ErrPrinterBusy: the printer takes no new job now (busy with another, or not accepting
// jobs); try again later. Not a fault of the job refused.
var ErrPrinterBusy = errors.New("printer busy")

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
	JobPending    JobState = "pending" // not started: nothing has printed
	JobProcessing JobState = "processing"
	JobCompleted  JobState = "completed"
	JobAborted    JobState = "aborted"
	JobCanceled   JobState = "canceled"
	JobUnknown    JobState = "unknown" // the printer no longer knows the job
)

// DocPrinter prints PDF documents on an A4 printer. Printing is two-phase so that the
// spool can record the printer's job reference before any page can come out: CreateJob,
// record the reference durably, then SendDocument.
//
// The reference CreateJob returns is opaque to callers and must identify the job beyond
// a printer restart: a driver whose printer reuses job numbers adds something unique
// (IPP's job-uuid), so that JobState answers JobUnknown rather than another job's state.
type DocPrinter interface {
	Name() string
	// CreateJob makes an empty job on the printer; nothing prints until SendDocument.
	CreateJob(ctx context.Context, title string) (jobRef string, err error)
	// SendDocument sends the job's one document. An error does not prove the document
	// did not arrive: ask JobState.
	SendDocument(ctx context.Context, jobRef string, pdf []byte) error
	// JobState reports the job's state; JobUnknown when the printer does not know it.
	JobState(ctx context.Context, jobRef string) (JobState, error)
	// CancelJob cancels a job that has not completed. The spool cancels only jobs in
	// JobPending, which have printed nothing.
	CancelJob(ctx context.Context, jobRef string) error
	// Jobs lists the printer's unfinished jobs that this kiosk created, so that a job
	// created just before a crash, and never recorded, can be found and canceled.
	Jobs(ctx context.Context) ([]PrinterJob, error)
	Status(ctx context.Context) (PrinterStatus, error)
}

// PrinterJob is a job as the printer lists it.
type PrinterJob struct {
	Ref   string // as CreateJob returned it
	Title string
	State JobState
}
