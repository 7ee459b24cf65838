package spool

import (
	"context"
	"errors"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/govkiosk/kiosk/devices"
)

// The rules for a job at the printer (docs/spool.md, "After a crash"). A job is found in
// sending after a crash, or after Send-Document failed without saying whether the
// document arrived; a job in sent is waiting for the printer to finish.
//
//	printer says      sending                          sent
//	completed         completed                        completed
//	processing        sent (keep polling)              keep polling
//	pending           cancel it there, then retry      keep polling
//	aborted/canceled  retry (or hold for a fault)      retry (or hold for a fault)
//	unknown           held: may-have-printed           held: may-have-printed
//	no answer         ask again; after ResolveWindow held: may-have-printed
//
// A pending job has not begun to print, so canceling it and sending a fresh job can never
// print twice. A job the printer no longer knows (it restarted, or its id now names
// another job) may have printed: only a technician decides.

// resolve settles a job found in sending.
func (w *Worker) resolve(ctx context.Context, j Job) (time.Duration, error) {
	state, err := w.p.JobState(ctx, j.PrinterJob)
	if err != nil {
		return w.noAnswer(j, err)
	}
	delete(w.unanswered, j.ID)
	switch state {
	case devices.JobCompleted:
		return w.finish(j)
	case devices.JobProcessing:
		return w.settle(j, Sent, "")
	case devices.JobPending:
		if err := w.p.CancelJob(ctx, j.PrinterJob); err != nil {
			// It may have started meanwhile: ask again next step.
			w.s.opts.Logger.Info("spool: cancel undelivered printer job", "job", j.ID, "printer", j.Printer, "err", err)
			return w.s.opts.PollInterval, nil
		}
		return w.retry(j, errors.New("document not delivered"))
	case devices.JobAborted, devices.JobCanceled:
		return w.notCompleted(ctx, j, state)
	}
	return w.settle(j, Held, ReasonMayHavePrinted)
}

// poll follows a job in sent until the printer finishes it.
func (w *Worker) poll(ctx context.Context, j Job) (time.Duration, error) {
	state, err := w.p.JobState(ctx, j.PrinterJob)
	if err != nil {
		w.s.setStatus(w.p.Name(), devices.PrinterStatus{Reasons: []devices.PrinterReason{devices.ReasonOffline}})
		return w.noAnswer(j, err)
	}
	delete(w.unanswered, j.ID)
	switch state {
	case devices.JobCompleted:
		return w.finish(j)
	case devices.JobPending, devices.JobProcessing:
		// Still at it: tell the watchers what the printer says (paper, jam, …).
		if st, err := w.p.Status(ctx); err == nil {
			w.s.setStatus(w.p.Name(), st)
		}
		return w.s.opts.PollInterval, nil
	case devices.JobAborted, devices.JobCanceled:
		return w.notCompleted(ctx, j, state)
	}
	return w.settle(j, Held, ReasonMayHavePrinted)
}

// noAnswer handles a printer that cannot say what became of a job in flight.
func (w *Worker) noAnswer(j Job, cause error) (time.Duration, error) {
	now := w.s.opts.Clock.Now()
	since, ok := w.unanswered[j.ID]
	if !ok {
		since = now
		w.unanswered[j.ID] = now
	}
	if now.Sub(since) >= w.s.opts.ResolveWindow {
		delete(w.unanswered, j.ID)
		w.s.opts.Logger.Warn("spool: printer cannot tell what became of a job; holding it",
			"job", j.ID, "printer", j.Printer, "err", cause)
		return w.settle(j, Held, ReasonMayHavePrinted)
	}
	return w.s.opts.PollInterval, nil
}

// notCompleted handles a job the printer aborted or canceled: it did not print whole.
// When the printer shows a fault the job waits for it without burning an attempt;
// otherwise it is a transient failure.
func (w *Worker) notCompleted(ctx context.Context, j Job, state devices.JobState) (time.Duration, error) {
	st, err := w.p.Status(ctx)
	if err == nil {
		w.s.setStatus(w.p.Name(), st)
		for _, r := range st.Reasons {
			if r.Blocking() {
				return w.settle(j, Held, Reason(r))
			}
		}
	}
	return w.retry(j, errors.New("printer "+string(state)+" the job"))
}

// finish records a completed job (its document is deleted in the same transaction).
func (w *Worker) finish(j Job) (time.Duration, error) {
	return w.settle(j, Completed, "")
}

// settle moves a job in flight (sending or sent, same printer reference) to state.
func (w *Worker) settle(j Job, state State, why Reason) (time.Duration, error) {
	ref := j.PrinterJob
	_, err := w.s.transition(j.ID, func(_ *bolt.Tx, j *Job) error {
		if err := want(j, "settle", Sending, Sent); err != nil {
			return err
		}
		if j.PrinterJob != ref {
			return &StateError{Op: "settle", ID: j.ID, State: j.State, Allowed: []State{Sending, Sent}}
		}
		j.State, j.Reason = state, why
		if state == Held && why != ReasonMayHavePrinted {
			j.PrinterJob = "" // a fault: the printer job is over, a new one will be made
		}
		return nil
	})
	if errors.Is(err, ErrWrongState) || errors.Is(err, ErrNotFound) {
		return 0, nil
	}
	return 0, err
}
