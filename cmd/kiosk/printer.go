package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/ipp"
	"github.com/govkiosk/kiosk/devices/pdfdir"
	"github.com/govkiosk/kiosk/kiosk/localapi"
	"github.com/govkiosk/kiosk/kiosk/session"
	"github.com/govkiosk/kiosk/spool"
)

// a4 is the name of the A4 printer in the spool and in kioskctl.
const a4 = "a4"

// openDocPrinter opens the A4 printer the config names.
func (a *agent) openDocPrinter() (devices.DocPrinter, error) {
	pc := a.cfg.Printers.A4
	switch pc.Type {
	case "pdfdir":
		return pdfdir.New(a4, pc.Dir)
	case "ipp":
		return ipp.New(a4, pc.URL, ipp.Options{})
	}
	return nil, fmt.Errorf("printers.a4.type %q is not ipp or pdfdir", pc.Type)
}

// openSpool opens the durable queue in the state folder. A corrupt file does not stop
// the agent: printing is off, the status says why, and docs/spool.md says how to recover.
func (a *agent) openSpool() error {
	path := filepath.Join(a.cfg.StateDir, "spool.db")
	sp, err := spool.Open(path, spool.Options{
		Retention:   a.cfg.Spool.Retention,
		KeepRecords: a.cfg.Spool.KeepRecords,
		Logger:      a.log.With("component", "spool"),
	})
	switch {
	case errors.Is(err, spool.ErrCorrupt):
		a.spoolFault = err.Error()
		a.log.Error("printing is off: the spool file is corrupt (see docs/spool.md to recover)", "err", err)
		return nil
	case err != nil:
		return err
	}
	a.spool = sp
	a.onClose(sp.Close)
	return nil
}

// spoolPrinter is the session's printer: a proof is committed to the spool, then the
// citizen is told how it goes. A job the printer cannot take now waits safely in the spool.
type spoolPrinter struct{ a *agent }

func (p spoolPrinter) PrintProof(ctx context.Context, req session.PrintRequest) error {
	sp := p.a.spool
	if sp == nil {
		return fmt.Errorf("printing is off: %s", p.a.spoolFault)
	}
	id, err := sp.Enqueue(ctx, spool.NewJob{Printer: a4, Title: req.Title, SessionID: req.SessionID, Doc: req.Doc})
	if err != nil {
		return err
	}
	events, stop, err := sp.Watch(id)
	if err != nil {
		return err
	}
	defer stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-events:
			if !ok {
				return spool.ErrClosed
			}
			switch ev.Progress() {
			case spool.ProgressDone:
				return nil
			case spool.ProgressWaitsForPrinter, spool.ProgressNeedsTechnician:
				return fmt.Errorf("job %v: %w", id, session.ErrPrinterBlocked)
			case spool.ProgressFailed, spool.ProgressCanceled:
				return fmt.Errorf("job %v %s", id, ev.Progress())
			}
		}
	}
}

// sessionEnded purges a citizen's unprinted jobs when their session ends, if configured.
func (a *agent) sessionEnded(id string) {
	if a.spool == nil || !a.cfg.Spool.PurgeAbandoned {
		return
	}
	n, err := a.spool.PurgeSession(id)
	if err != nil {
		a.log.Error("purge the session's jobs", "session", id, "err", err)
	} else if n > 0 {
		a.log.Info("purged the session's unprinted jobs", "session", id, "jobs", n)
	}
}

// testPage prints a printer's test page (kioskctl printer test-page NAME): the A4 page
// through the spool, the receipt page straight away.
func (a *agent) testPage(ctx context.Context, printer string) (localapi.TestPageResult, error) {
	switch {
	case printer == receipt && a.receipt.typ != "none":
		return a.receipt.testPage(ctx)
	case printer != a4:
		return localapi.TestPageResult{}, fmt.Errorf("no printer named %q", printer)
	case a.spool == nil:
		return localapi.TestPageResult{}, fmt.Errorf("printing is off: %s", a.spoolFault)
	}
	doc, err := a.renderer.TestPage(printer, time.Now())
	if err != nil {
		return localapi.TestPageResult{}, err
	}
	id, err := a.spool.Enqueue(ctx, spool.NewJob{Printer: a4, Title: "test-page", Doc: doc})
	if err != nil {
		return localapi.TestPageResult{}, err
	}
	return localapi.TestPageResult{Printer: a4, JobID: id.String(), Message: fmt.Sprintf("test page queued as job %s on %s", id, a4)}, nil
}
