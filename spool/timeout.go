package spool

import (
	"context"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// timed bounds every call to a printer by Options.PrinterTimeout, so that a printer that
// accepts a connection and never answers cannot stall its worker.
type timed struct {
	p devices.DocPrinter
	d time.Duration
}

func (t timed) Name() string { return t.p.Name() }

func (t timed) CreateJob(ctx context.Context, title string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, t.d)
	defer cancel()
	return t.p.CreateJob(ctx, title)
}

func (t timed) SendDocument(ctx context.Context, ref string, pdf []byte) error {
	ctx, cancel := context.WithTimeout(ctx, t.d)
	defer cancel()
	return t.p.SendDocument(ctx, ref, pdf)
}

func (t timed) JobState(ctx context.Context, ref string) (devices.JobState, error) {
	ctx, cancel := context.WithTimeout(ctx, t.d)
	defer cancel()
	return t.p.JobState(ctx, ref)
}

func (t timed) CancelJob(ctx context.Context, ref string) error {
	ctx, cancel := context.WithTimeout(ctx, t.d)
	defer cancel()
	return t.p.CancelJob(ctx, ref)
}

func (t timed) Jobs(ctx context.Context) ([]devices.PrinterJob, error) {
	ctx, cancel := context.WithTimeout(ctx, t.d)
	defer cancel()
	return t.p.Jobs(ctx)
}

func (t timed) Status(ctx context.Context) (devices.PrinterStatus, error) {
	ctx, cancel := context.WithTimeout(ctx, t.d)
	defer cancel()
	return t.p.Status(ctx)
}
