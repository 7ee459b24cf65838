package spool

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The outbox holds what a citizen submitted while central was unreachable, until it is
// delivered (docs/catalog.md, "Outbox"). Its buckets are made by the first OutboxAdd,
// so files written before the outbox existed open unchanged.
var (
	bucketOutbox   = []byte("outbox.items")    // OutboxID → OutboxRecord as JSON (no payload)
	bucketPayloads = []byte("outbox.payloads") // OutboxID → nonce‖AES-GCM(payload), while not delivered
	bucketOutKeys  = []byte("outbox.keys")     // idempotency key → OutboxID
)

// ErrOutboxNotFound: no outbox item with that id.
var ErrOutboxNotFound = errors.New("spool: no such outbox item")

// OutboxID identifies an outbox item; ids are never reused within one spool file.
type OutboxID uint64

func (id OutboxID) String() string { return strconv.FormatUint(uint64(id), 10) }

func (id OutboxID) key() []byte { return binary.BigEndian.AppendUint64(nil, uint64(id)) }

// OutboxState is where an outbox item is.
type OutboxState string

const (
	OutboxStateWaiting   OutboxState = "waiting"   // not delivered yet (see LastError and NextAttempt for why)
	OutboxStateDelivered OutboxState = "delivered" // central has it; the payload is deleted
	OutboxStateFailed    OutboxState = "failed"    // central refused it; the payload is kept for a technician
)

// OutboxItem is something to deliver to central later.
type OutboxItem struct {
	Kind           string // what it is, e.g. "application", "rating"
	IdempotencyKey string // sent with every delivery attempt; required, unique in the outbox
	// LocalRef is the reference number the citizen is given; when empty it is RefPrefix
	// followed by the item's id in six digits, e.g. "L-DEMO0001-000042".
	LocalRef  string
	RefPrefix string
	// Summary says what waits without personal data, e.g. an item code; kioskctl shows it.
	Summary string
	// Payload is the request itself; it holds personal data and is stored encrypted.
	Payload []byte
}

// OutboxRecord is an outbox item's record: what waits and why. It never holds the
// payload.
type OutboxRecord struct {
	ID             OutboxID    `json:"id"`
	Kind           string      `json:"kind"`
	LocalRef       string      `json:"local_ref"`
	Summary        string      `json:"summary,omitempty"`
	IdempotencyKey string      `json:"idempotency_key"`
	State          OutboxState `json:"state"`
	Attempts       int         `json:"attempts"`              // delivery attempts that failed
	LastError      string      `json:"last_error,omitempty"`  // why it still waits, or why it failed
	NextAttempt    time.Time   `json:"next_attempt,omitzero"` // not before this (backoff)
	RemoteRef      string      `json:"remote_ref,omitempty"`  // central's id once delivered
	Created        time.Time   `json:"created"`               // when the citizen submitted it
	Updated        time.Time   `json:"updated"`
	Delivered      time.Time   `json:"delivered,omitzero"`
}

// OutboxAdd stores an item durably (one committed transaction) and returns its record.
// Adding a key already in the outbox returns the existing record and stores nothing.
func (s *Spool) OutboxAdd(ctx context.Context, it OutboxItem) (OutboxRecord, error) {
	if err := ctx.Err(); err != nil {
		return OutboxRecord{}, err
	}
	if it.IdempotencyKey == "" || it.Kind == "" {
		return OutboxRecord{}, errors.New("spool: outbox add: kind and idempotency key are required")
	}
	if len(it.Payload) > s.opts.MaxDocSize {
		return OutboxRecord{}, fmt.Errorf("spool: outbox add: payload of %d bytes is over %d", len(it.Payload), s.opts.MaxDocSize)
	}
	var out OutboxRecord
	err := s.db.Update(func(tx *bolt.Tx) error {
		items, err := tx.CreateBucketIfNotExists(bucketOutbox)
		if err != nil {
			return err
		}
		payloads, err := tx.CreateBucketIfNotExists(bucketPayloads)
		if err != nil {
			return err
		}
		keys, err := tx.CreateBucketIfNotExists(bucketOutKeys)
		if err != nil {
			return err
		}
		if v := keys.Get([]byte(it.IdempotencyKey)); v != nil {
			out, err = getOutbox(tx, OutboxID(binary.BigEndian.Uint64(v)))
			return err
		}
		seq, err := items.NextSequence()
		if err != nil {
			return err
		}
		id := OutboxID(seq)
		now := s.opts.Clock.Now().UTC()
		out = OutboxRecord{ID: id, Kind: it.Kind, LocalRef: it.LocalRef, Summary: it.Summary,
			IdempotencyKey: it.IdempotencyKey, State: OutboxStateWaiting, Created: now, Updated: now}
		if out.LocalRef == "" {
			out.LocalRef = fmt.Sprintf("%s%06d", it.RefPrefix, seq)
		}
		sealed, err := s.sealOutbox(id, it.Payload)
		if err != nil {
			return err
		}
		if err := payloads.Put(id.key(), sealed); err != nil {
			return err
		}
		if err := keys.Put([]byte(it.IdempotencyKey), id.key()); err != nil {
			return err
		}
		return putOutbox(tx, out)
	})
	if err != nil {
		return OutboxRecord{}, s.dbErr("outbox add", err)
	}
	return out, nil
}

// OutboxList returns every outbox record, oldest first.
func (s *Spool) OutboxList() ([]OutboxRecord, error) {
	return s.outboxWhere(func(OutboxRecord) bool { return true })
}

// OutboxWaitingList returns the records not delivered yet and not failed, oldest first.
func (s *Spool) OutboxWaitingList() ([]OutboxRecord, error) {
	return s.outboxWhere(func(r OutboxRecord) bool { return r.State == OutboxStateWaiting })
}

func (s *Spool) outboxWhere(keep func(OutboxRecord) bool) ([]OutboxRecord, error) {
	out := []OutboxRecord{}
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketOutbox)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var r OutboxRecord
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("spool: outbox item %x: record does not decode: %w", k, err)
			}
			if keep(r) {
				out = append(out, r)
			}
			return nil
		})
	})
	return out, s.dbErr("outbox list", err)
}

// OutboxPayload returns a waiting or failed item's payload, decrypted.
func (s *Spool) OutboxPayload(id OutboxID) ([]byte, error) {
	var sealed []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		if _, err := getOutbox(tx, id); err != nil {
			return err
		}
		if b := tx.Bucket(bucketPayloads); b != nil {
			sealed = append([]byte(nil), b.Get(id.key())...)
		}
		if len(sealed) == 0 {
			return fmt.Errorf("spool: outbox item %s has no payload (delivered?)", id)
		}
		return nil
	})
	if err != nil {
		return nil, s.dbErr("outbox payload", err)
	}
	return s.openOutbox(id, sealed)
}

// OutboxRetry records a failed delivery attempt of a waiting item: reason says why it
// still waits (no personal data), next when to try again.
func (s *Spool) OutboxRetry(id OutboxID, reason string, next time.Time) (OutboxRecord, error) {
	return s.outboxTransition(id, "retry", func(tx *bolt.Tx, r *OutboxRecord) error {
		r.Attempts++
		r.LastError, r.NextAttempt = reason, next.UTC()
		return nil
	})
}

// OutboxDone records that central has the item (remoteRef: its id there, if known) and
// deletes the payload in the same transaction.
func (s *Spool) OutboxDone(id OutboxID, remoteRef string) (OutboxRecord, error) {
	return s.outboxTransition(id, "done", func(tx *bolt.Tx, r *OutboxRecord) error {
		r.State, r.RemoteRef, r.LastError, r.NextAttempt = OutboxStateDelivered, remoteRef, "", time.Time{}
		r.Delivered = s.opts.Clock.Now().UTC()
		return tx.Bucket(bucketPayloads).Delete(id.key())
	})
}

// OutboxFailed records that central refused the item for good (reason: central's code
// and message, no personal data). The payload is kept, encrypted, until Options.Retention
// has passed; then Expire deletes it and only the record stays.
func (s *Spool) OutboxFailed(id OutboxID, reason string) (OutboxRecord, error) {
	return s.outboxTransition(id, "fail", func(tx *bolt.Tx, r *OutboxRecord) error {
		r.State, r.LastError, r.NextAttempt = OutboxStateFailed, reason, time.Time{}
		return nil
	})
}

// outboxTransition changes one waiting item in one committed transaction.
func (s *Spool) outboxTransition(id OutboxID, op string, fn func(tx *bolt.Tx, r *OutboxRecord) error) (OutboxRecord, error) {
	var out OutboxRecord
	err := s.db.Update(func(tx *bolt.Tx) error {
		r, err := getOutbox(tx, id)
		if err != nil {
			return err
		}
		if r.State != OutboxStateWaiting {
			return fmt.Errorf("%w: outbox %s item %s: it is %s; only waiting items can change",
				ErrWrongState, op, id, r.State)
		}
		if err := fn(tx, &r); err != nil {
			return err
		}
		r.Updated = s.opts.Clock.Now().UTC()
		out = r
		return putOutbox(tx, r)
	})
	return out, s.dbErr("outbox "+op, err)
}

func getOutbox(tx *bolt.Tx, id OutboxID) (OutboxRecord, error) {
	var r OutboxRecord
	b := tx.Bucket(bucketOutbox)
	if b == nil {
		return r, fmt.Errorf("%w: %s", ErrOutboxNotFound, id)
	}
	v := b.Get(id.key())
	if v == nil {
		return r, fmt.Errorf("%w: %s", ErrOutboxNotFound, id)
	}
	if err := json.Unmarshal(v, &r); err != nil {
		return r, fmt.Errorf("spool: outbox item %s: record does not decode: %w", id, err)
	}
	return r, nil
}

func putOutbox(tx *bolt.Tx, r OutboxRecord) error {
	v, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("spool: outbox item %s: %w", r.ID, err)
	}
	return tx.Bucket(bucketOutbox).Put(r.ID.key(), v)
}

// outboxHoldsPayloads reports whether some payload needs the key file (Open must not
// make a new key then).
func outboxHoldsPayloads(tx *bolt.Tx) bool {
	b := tx.Bucket(bucketPayloads)
	if b == nil {
		return false
	}
	k, _ := b.Cursor().First()
	return k != nil
}

// outboxAAD binds a sealed payload to its item, apart from print documents.
func outboxAAD(id OutboxID) []byte { return append([]byte("outbox:"), id.key()...) }

func (s *Spool) sealOutbox(id OutboxID, p []byte) ([]byte, error) {
	a := s.seal.aead
	nonce := make([]byte, a.NonceSize(), a.NonceSize()+len(p)+a.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("spool: nonce: %w", err)
	}
	return a.Seal(nonce, nonce, p, outboxAAD(id)), nil
}

func (s *Spool) openOutbox(id OutboxID, sealed []byte) ([]byte, error) {
	a := s.seal.aead
	n := a.NonceSize()
	if len(sealed) < n+a.Overhead() {
		return nil, fmt.Errorf("spool: payload of outbox item %s is truncated", id)
	}
	p, err := a.Open(nil, sealed[:n], sealed[n:], outboxAAD(id))
	if err != nil {
		return nil, fmt.Errorf("spool: payload of outbox item %s does not decrypt (wrong key file?): %w", id, err)
	}
	return p, nil
}
