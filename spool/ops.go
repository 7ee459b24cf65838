package spool

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Enqueue stores a job and its document (encrypted) in one committed transaction and
// wakes the printer's worker. When it returns nil the job survives a crash.
func (s *Spool) Enqueue(ctx context.Context, nj NewJob) (JobID, error) {
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("spool: enqueue: %w", err)
	}
	switch {
	case nj.Printer == "":
		return 0, errors.New("spool: enqueue: no printer named")
	case len(nj.Doc) == 0:
		return 0, errors.New("spool: enqueue: empty document")
	case len(nj.Doc) > s.opts.MaxDocSize:
		return 0, fmt.Errorf("spool: enqueue: document of %d bytes is over the limit of %d", len(nj.Doc), s.opts.MaxDocSize)
	}
	now := s.opts.Clock.Now().UTC()
	var j Job
	err := s.db.Update(func(tx *bolt.Tx) error {
		jobs := tx.Bucket(bucketJobs)
		seq, err := jobs.NextSequence()
		if err != nil {
			return err
		}
		j = Job{
			ID: JobID(seq), Printer: nj.Printer, Title: nj.Title, SessionID: nj.SessionID,
			State: Queued, Size: len(nj.Doc), HasDoc: true, Created: now, Updated: now,
		}
		sealed, err := s.seal.seal(j.ID, nj.Doc)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketDocs).Put(j.ID.key(), sealed); err != nil {
			return err
		}
		return putJob(tx, j)
	})
	if err != nil {
		return 0, s.dbErr("enqueue", err)
	}
	testHook("committed", j)
	s.publish(j)
	s.kick(j.Printer)
	return j.ID, nil
}

// Get returns one job's record.
func (s *Spool) Get(id JobID) (Job, error) {
	var j Job
	err := s.db.View(func(tx *bolt.Tx) (err error) {
		j, err = getJob(tx, id)
		return err
	})
	return j, s.dbErr("get", err)
}

// Filter selects jobs for List; zero fields match everything.
type Filter struct {
	Printer   string
	SessionID string
	States    []State
}

func (f Filter) match(j Job) bool {
	return (f.Printer == "" || j.Printer == f.Printer) &&
		(f.SessionID == "" || j.SessionID == f.SessionID) &&
		(len(f.States) == 0 || slices.Contains(f.States, j.State))
}

// List returns the jobs f selects, oldest first.
func (s *Spool) List(f Filter) ([]Job, error) {
	var out []Job
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketJobs).ForEach(func(k, v []byte) error {
			var j Job
			if err := json.Unmarshal(v, &j); err != nil {
				return fmt.Errorf("spool: job %x: record does not decode: %w", k, err)
			}
			if f.match(j) {
				out = append(out, j)
			}
			return nil
		})
	})
	return out, s.dbErr("list", err)
}

// Release puts a held or failed job back in the queue, with its attempts reset. Releasing
// a job held as may-have-printed prints it again: that is the technician's decision, and
// the job counts it in Reprints.
func (s *Spool) Release(id JobID) (Job, error) {
	j, err := s.transition(id, func(tx *bolt.Tx, j *Job) error {
		if j.State != Held && j.State != Failed {
			return &StateError{Op: "release", ID: id, State: j.State, Allowed: []State{Held, Failed}}
		}
		if !j.HasDoc {
			return fmt.Errorf("spool: release job %s: its document is gone (retention ended)", id)
		}
		if j.Reason == ReasonMayHavePrinted {
			j.Reprints++
		}
		j.State, j.Reason, j.Attempts, j.LastError, j.PrinterJob = Queued, "", 0, "", ""
		j.NotBefore = time.Time{}
		return nil
	})
	if err != nil {
		return Job{}, s.dbErr("release", err)
	}
	s.kick(j.Printer)
	return j, nil
}

// Cancel cancels a queued, held or failed job and deletes its document. A job at the
// printer (sending, sent) is the printer's to finish and cannot be canceled here.
func (s *Spool) Cancel(id JobID) (Job, error) {
	return s.cancel(id, ReasonTechnician)
}

func (s *Spool) cancel(id JobID, why Reason) (Job, error) {
	j, err := s.transition(id, func(tx *bolt.Tx, j *Job) error {
		if j.State != Queued && j.State != Held && j.State != Failed {
			return &StateError{Op: "cancel", ID: id, State: j.State, Allowed: []State{Queued, Held, Failed}}
		}
		j.State, j.Reason = Canceled, why
		return nil
	})
	return j, s.dbErr("cancel", err)
}

// loadDoc decrypts a job's document.
func (s *Spool) loadDoc(id JobID) ([]byte, error) {
	var sealed []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketDocs).Get(id.key())
		if v == nil {
			return fmt.Errorf("spool: job %s: document is gone", id)
		}
		sealed = bytes.Clone(v)
		return nil
	})
	if err != nil {
		return nil, s.dbErr("load document", err)
	}
	return s.seal.open(id, sealed)
}

// dbErr names a closed database as ErrClosed and prefixes bare bbolt errors.
func (s *Spool) dbErr(op string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, berrors.ErrDatabaseNotOpen):
		return fmt.Errorf("%w: %s", ErrClosed, op)
	case errors.Is(err, ErrNotFound), errors.Is(err, ErrWrongState):
		return err
	}
	var se *StateError
	if errors.As(err, &se) {
		return err
	}
	if strings.HasPrefix(err.Error(), "spool:") {
		return err
	}
	return fmt.Errorf("spool: %s: %w", op, err)
}
