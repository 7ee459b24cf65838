package spool

import (
	"context"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/govkiosk/kiosk/devices"
)

// idleWait is how long an idle worker sleeps when nothing wakes it: it then enforces
// retention.
const idleWait = time.Minute

// Worker prints one printer's jobs, one at a time, oldest first. It is a service: run
// Serve in its own goroutine. Only one worker may serve a printer at a time.
type Worker struct {
	s *Spool
	p devices.DocPrinter

	// unanswered remembers since when the printer could not say what became of a job in
	// flight; after Options.ResolveWindow the job is held as may-have-printed.
	unanswered map[JobID]time.Time
	lastExpire time.Time
	lastProbe  time.Time // when an idle worker last asked the printer's status
	swept      bool      // orphans swept since Serve started
}

// Worker returns the print worker for p. Jobs name their printer by p.Name().
func (s *Spool) Worker(p devices.DocPrinter) *Worker {
	return &Worker{s: s, p: timed{p: p, d: s.opts.PrinterTimeout}, unanswered: map[JobID]time.Time{}}
}

// Serve prints until ctx is canceled (it then returns nil) or the spool is closed. On
// start it first resolves the jobs a crash left at the printer.
func (w *Worker) Serve(ctx context.Context) error {
	name := w.p.Name()
	s := w.s
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return ErrClosed
	}
	if s.serving[name] {
		s.mu.Unlock()
		return fmt.Errorf("spool: printer %s already has a worker", name)
	}
	s.serving[name] = true
	wake := s.wakeChan(name)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.serving, name)
		s.mu.Unlock()
	}()

	for {
		if ctx.Err() != nil {
			return nil
		}
		wait, err := w.step(ctx)
		if errors.Is(err, ErrClosed) {
			return err
		}
		if err != nil && ctx.Err() == nil {
			s.opts.Logger.Warn("spool: worker", "printer", name, "err", err)
			wait = s.opts.PollInterval
		}
		if wait == 0 {
			continue
		}
		select {
		case <-ctx.Done():
			return nil
		case <-wake:
		case <-s.opts.Clock.After(wait):
		}
	}
}

// step does one piece of work and says how long to wait before the next.
func (w *Worker) step(ctx context.Context) (time.Duration, error) {
	s := w.s
	now := s.opts.Clock.Now()
	if !w.swept {
		// After a start (maybe after a crash): cancel printer jobs created but never
		// recorded. A printer that cannot answer now is asked again when it is busy.
		if err := w.cancelOrphans(ctx); err != nil {
			s.opts.Logger.Info("spool: orphan sweep", "printer", w.p.Name(), "err", err)
		}
		w.swept = true
	}
	if now.Sub(w.lastExpire) >= idleWait {
		if err := s.Expire(); err != nil {
			return 0, err
		}
		w.lastExpire = now
	}
	jobs, err := s.activeJobs(w.p.Name())
	if err != nil {
		return 0, err
	}
	var next *Job
	wait := idleWait
	for i := range jobs {
		j := &jobs[i]
		switch {
		case j.State == Sending:
			return w.resolve(ctx, *j)
		case j.State == Sent:
			return w.poll(ctx, *j)
		case next != nil:
		case j.State == Queued || (j.State == Held && !j.Reason.NeedsTechnician()):
			if d := j.NotBefore.Sub(now); d > 0 {
				wait = min(wait, d)
				continue
			}
			next = j
		}
	}
	if next == nil {
		if now.Sub(w.lastProbe) >= idleWait {
			w.probe(ctx)
			w.lastProbe = now
		}
		return wait, nil
	}
	return w.start(ctx, *next)
}

// probe asks an idle printer its status, so that status displays know of a printer out of
// paper or unplugged before a citizen's job finds out; a printer that does not answer is
// reported offline.
func (w *Worker) probe(ctx context.Context) {
	st, err := w.p.Status(ctx)
	if err != nil {
		st = devices.PrinterStatus{Reasons: []devices.PrinterReason{devices.ReasonOffline}}
	}
	w.s.setStatus(w.p.Name(), st)
}

// start sends a queued job (or one held for a fault) if the printer is ready: Create-Job,
// record the reference, Send-Document, record sent.
func (w *Worker) start(ctx context.Context, j Job) (time.Duration, error) {
	s := w.s
	st, err := w.p.Status(ctx)
	if err != nil {
		st = devices.PrinterStatus{Reasons: []devices.PrinterReason{devices.ReasonOffline}}
	}
	s.setStatus(w.p.Name(), st)
	if err != nil || st.Blocked() {
		why := Reason(devices.ReasonOffline)
		for _, r := range st.Reasons {
			if r.Blocking() {
				why = Reason(r)
				break
			}
		}
		if j.State != Held || j.Reason != why {
			_, err := s.transition(j.ID, func(_ *bolt.Tx, j *Job) error {
				if err := want(j, "hold", Queued, Held); err != nil {
					return err
				}
				j.State, j.Reason = Held, why
				return nil
			})
			if err != nil && !errors.Is(err, ErrWrongState) {
				return 0, err
			}
		}
		return s.opts.PollInterval, nil
	}

	ref, err := w.p.CreateJob(ctx, s.printerTitle(j))
	if errors.Is(err, devices.ErrPrinterBusy) {
		// Busy is no fault of the job: no attempt counts. It may be busy with a job a
		// crash left without its document: cancel those.
		if err := w.cancelOrphans(ctx); err != nil {
			s.opts.Logger.Info("spool: printer busy", "printer", w.p.Name(), "err", err)
		}
		return s.opts.PollInterval, nil
	}
	if err != nil {
		return w.retry(j, fmt.Errorf("create job: %w", err))
	}
	testHook("created", j)
	j, err = s.transition(j.ID, func(_ *bolt.Tx, j *Job) error {
		if err := want(j, "send", Queued, Held); err != nil {
			return err
		}
		if j.State == Held && j.Reason.NeedsTechnician() {
			return &StateError{Op: "send", ID: j.ID, State: j.State, Allowed: []State{Queued}}
		}
		j.State, j.Reason, j.PrinterJob = Sending, "", ref
		return nil
	})
	if err != nil {
		// Canceled or purged meanwhile: the printer's job has no document; drop it.
		w.cancelAtPrinter(ctx, ref)
		if errors.Is(err, ErrWrongState) || errors.Is(err, ErrNotFound) {
			return 0, nil
		}
		return 0, err
	}
	doc, err := s.loadDoc(j.ID)
	if err != nil {
		w.cancelAtPrinter(ctx, ref)
		_, terr := s.transition(j.ID, func(_ *bolt.Tx, j *Job) error {
			j.State, j.Reason, j.LastError = Failed, "", "document unreadable"
			return nil
		})
		return 0, errors.Join(err, terr)
	}
	err = w.p.SendDocument(ctx, ref, doc)
	clear(doc)
	testHook("delivered", j)
	if err != nil {
		// The document may or may not have reached the printer: ask it.
		s.opts.Logger.Info("spool: send failed; asking the printer", "job", j.ID, "printer", j.Printer, "err", err)
		return w.resolve(ctx, j)
	}
	_, err = s.transition(j.ID, func(_ *bolt.Tx, jj *Job) error {
		if err := want(jj, "mark sent", Sending); err != nil {
			return err
		}
		jj.State = Sent
		return nil
	})
	return 0, err
}

// retry counts a transient failure: back to the queue after a backoff, or failed once
// Options.MaxAttempts is reached.
func (w *Worker) retry(j Job, cause error) (time.Duration, error) {
	s := w.s
	j, err := s.transition(j.ID, func(_ *bolt.Tx, j *Job) error {
		if err := want(j, "retry", Queued, Held, Sending, Sent); err != nil {
			return err
		}
		j.Attempts++
		j.LastError = cause.Error()
		j.PrinterJob = ""
		if j.Attempts >= s.opts.MaxAttempts {
			j.State, j.Reason = Failed, ReasonRetriesExhausted
			return nil
		}
		j.State, j.Reason = Queued, ""
		j.NotBefore = s.opts.Clock.Now().UTC().Add(s.opts.Backoff(j.Attempts))
		return nil
	})
	if errors.Is(err, ErrWrongState) || errors.Is(err, ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	s.opts.Logger.Info("spool: attempt failed", "job", j.ID, "printer", j.Printer, "attempts", j.Attempts, "state", j.State, "err", cause)
	return 0, nil
}

// cancelAtPrinter drops a printer job that will never get its document.
func (w *Worker) cancelAtPrinter(ctx context.Context, ref string) {
	if err := w.p.CancelJob(ctx, ref); err != nil {
		w.s.opts.Logger.Debug("spool: cancel orphan printer job", "printer", w.p.Name(), "err", err)
	}
}

// want refuses a transition from a state not in allowed.
func want(j *Job, op string, allowed ...State) error {
	for _, a := range allowed {
		if j.State == a {
			return nil
		}
	}
	return &StateError{Op: op, ID: j.ID, State: j.State, Allowed: allowed}
}
