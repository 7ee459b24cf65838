package spool

import (
	"context"
	"fmt"
	"strings"
)

// A printer job's title is the spool job's title, id and the spool's instance:
// "TITLE #ID-INSTANCE". The instance is random, made with the spool file, so that kiosks
// sharing a printer (or a CUPS server) never take each other's jobs for their own.
// Printer jobs so named that the spool has not recorded were created just before a
// crash; they have no document and, left alone, keep a one-job printer busy until it
// times them out.

func (s *Spool) printerTitle(j Job) string {
	return fmt.Sprintf("%s #%s-%s", j.Title, j.ID, s.instance)
}

// spoolID returns the id of the job of this spool that a printer job's title names.
func (s *Spool) spoolID(title string) (JobID, bool) {
	i := strings.LastIndex(title, " #")
	if i < 0 {
		return 0, false
	}
	num, inst, ok := strings.Cut(title[i+2:], "-")
	if !ok || inst != s.instance {
		return 0, false
	}
	id, err := ParseJobID(num)
	return id, err == nil
}

// cancelOrphans cancels the printer's pending jobs that name a spool job which has not
// recorded them. It never touches a job that has started printing, nor one that names
// no spool job.
func (w *Worker) cancelOrphans(ctx context.Context) error {
	jobs, err := w.p.Jobs(ctx)
	if err != nil {
		return fmt.Errorf("spool: list printer jobs: %w", err)
	}
	for _, pj := range jobs {
		if pj.State != "pending" {
			continue
		}
		id, ok := w.s.spoolID(pj.Title)
		if !ok {
			continue
		}
		if j, err := w.s.Get(id); err == nil && j.PrinterJob == pj.Ref {
			continue // recorded: resolve and poll look after it
		}
		if err := w.p.CancelJob(ctx, pj.Ref); err != nil {
			w.s.opts.Logger.Info("spool: cancel orphan printer job", "printer", w.p.Name(), "err", err)
			continue
		}
		w.s.opts.Logger.Info("spool: canceled an orphan printer job", "printer", w.p.Name(), "job", id)
	}
	return nil
}
