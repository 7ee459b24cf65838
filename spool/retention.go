package spool

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// PurgeSession cancels the citizen's jobs that have not reached the printer (queued or
// held), deleting their documents; the agent calls it when a session is abandoned, if so
// configured. It returns how many jobs it canceled.
func (s *Spool) PurgeSession(sessionID string) (int, error) {
	if sessionID == "" {
		return 0, errors.New("spool: purge session: empty session id")
	}
	jobs, err := s.List(Filter{SessionID: sessionID, States: []State{Queued, Held}})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, j := range jobs {
		if _, err := s.cancel(j.ID, ReasonSessionAbandoned); err != nil {
			if errors.Is(err, ErrWrongState) {
				continue // the worker took it meanwhile
			}
			return n, err
		}
		n++
	}
	return n, nil
}

// Purge deletes the records (and any document left) of finished jobs: completed,
// failed and canceled. It returns how many it deleted.
func (s *Spool) Purge() (int, error) {
	return s.purgeWhere(func(j Job) bool { return j.State.Final() })
}

func (s *Spool) purgeWhere(pred func(Job) bool) (int, error) {
	n := 0
	err := s.db.Update(func(tx *bolt.Tx) error {
		jobs, docs, active := tx.Bucket(bucketJobs), tx.Bucket(bucketDocs), tx.Bucket(bucketActive)
		var doomed [][]byte
		err := jobs.ForEach(func(k, v []byte) error {
			var j Job
			if err := json.Unmarshal(v, &j); err != nil {
				return fmt.Errorf("spool: job %x: record does not decode: %w", k, err)
			}
			if pred(j) {
				doomed = append(doomed, bytes.Clone(k))
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range doomed {
			if err := jobs.Delete(k); err != nil {
				return err
			}
			if err := docs.Delete(k); err != nil {
				return err
			}
			if err := active.Delete(k); err != nil {
				return err
			}
		}
		n = len(doomed)
		return nil
	})
	return n, s.dbErr("purge", err)
}

// Expire enforces retention: a queued, held or failed job whose document is older than
// Options.Retention loses its document (and fails as expired if not already failed);
// finished records older than Options.KeepRecords are deleted. Workers call it as they
// go; it is exported for the agent's housekeeping and for tests. It reads only the jobs
// that still hold a document and the oldest records, not the whole file.
func (s *Spool) Expire() error {
	now := s.opts.Clock.Now()
	var due []JobID
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketDocs).ForEach(func(k, _ []byte) error {
			j, err := getJob(tx, JobID(binary.BigEndian.Uint64(k)))
			if err != nil {
				return err
			}
			if now.Sub(j.Created) >= s.opts.Retention && (j.State == Queued || j.State == Held || j.State == Failed) {
				due = append(due, j.ID)
			}
			return nil
		})
	})
	if err != nil {
		return s.dbErr("expire", err)
	}
	for _, id := range due {
		_, err := s.transition(id, func(tx *bolt.Tx, j *Job) error {
			if err := want(j, "expire", Queued, Held, Failed); err != nil {
				return err
			}
			if j.State != Failed {
				j.State, j.Reason = Failed, ReasonExpired
			}
			return dropDoc(tx, j)
		})
		if err != nil && !errors.Is(err, ErrWrongState) {
			return err
		}
	}
	if err := s.expireOutboxPayloads(now); err != nil {
		return err
	}
	return s.dropOldRecords(now)
}

// expireOutboxPayloads deletes the encrypted payloads (personal data) of outbox items
// central refused more than Options.Retention ago; their records stay listed.
func (s *Spool) expireOutboxPayloads(now time.Time) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		payloads := tx.Bucket(bucketPayloads)
		if payloads == nil {
			return nil
		}
		var doomed [][]byte
		err := payloads.ForEach(func(k, _ []byte) error {
			r, err := getOutbox(tx, OutboxID(binary.BigEndian.Uint64(k)))
			if err != nil {
				return err
			}
			if r.State == OutboxStateFailed && now.Sub(r.Updated) >= s.opts.Retention {
				doomed = append(doomed, append([]byte(nil), k...))
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range doomed {
			if err := payloads.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
	return s.dbErr("expire outbox", err)
}

// dropOldRecords deletes finished records older than KeepRecords. Ids grow with creation
// time, so it walks from the oldest and stops at the first record created within
// KeepRecords.
func (s *Spool) dropOldRecords(now time.Time) error {
	var doomed [][]byte
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketJobs).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			var j Job
			if err := json.Unmarshal(v, &j); err != nil {
				return fmt.Errorf("spool: job %x: record does not decode: %w", k, err)
			}
			if now.Sub(j.Created) < s.opts.KeepRecords {
				break
			}
			if j.State.Final() && now.Sub(j.Updated) >= s.opts.KeepRecords {
				doomed = append(doomed, bytes.Clone(k))
			}
		}
		return nil
	})
	if err != nil || len(doomed) == 0 {
		return s.dbErr("expire", err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		for _, k := range doomed {
			j, err := getJob(tx, JobID(binary.BigEndian.Uint64(k)))
			if err != nil || !j.State.Final() {
				continue // gone or released meanwhile
			}
			for _, b := range [][]byte{bucketJobs, bucketDocs, bucketActive} {
				if err := tx.Bucket(b).Delete(k); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return s.dbErr("expire", err)
}
