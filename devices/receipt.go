package devices

import (
	"context"
	"strings"
)

// ReceiptPrinter prints on a thermal receipt printer: queue tickets, transaction
// receipts, test pages. The document is the printer's own command stream, already encoded
// (devices/escpos builds them); the printer has no job list, so a document sent is done.
type ReceiptPrinter interface {
	Name() string
	// Print checks the printer's status and sends doc. It sends nothing and returns an
	// error wrapping *NotReadyError when the printer reports a blocking reason. An error
	// once sending has begun does not prove that nothing printed.
	Print(ctx context.Context, doc []byte) error
	Status(ctx context.Context) (PrinterStatus, error)
}

// NotReadyError is a print refused before anything was sent, because the printer reports
// a blocking reason (paper end, cover open, cutter error, offline). Callers that see
// printers only through this package find it with errors.As and hold the job until
// Status reports the printer ready.
type NotReadyError struct {
	Status PrinterStatus
}

func (e *NotReadyError) Error() string {
	var b strings.Builder
	b.WriteString("printer not ready")
	for i, r := range e.Status.Reasons {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(string(r))
	}
	return b.String()
}

// Reason returns the first blocking reason, or ReasonOffline when none is named.
func (e *NotReadyError) Reason() PrinterReason {
	for _, r := range e.Status.Reasons {
		if r.Blocking() {
			return r
		}
	}
	return ReasonOffline
}
