package central

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Buckets of the state file. Every value is JSON.
var (
	bucketSessions     = []byte("sessions")       // sha256(token) hex → session
	bucketApplications = []byte("applications")   // id → application
	bucketAppsByPerson = []byte("apps_by_person") // id number + "\x00" + app id → ""
	bucketIdempotency  = []byte("idempotency")    // scope + "\x00" + key → idemRecord
	bucketCertificates = []byte("certificates")   // code → certificateRecord
	bucketRatings      = []byte("ratings")        // id → rating
	bucketTickets      = []byte("tickets")        // id → ticket
	bucketCounters     = []byte("counters")       // name → uint64 big-endian
	allBuckets         = [][]byte{bucketSessions, bucketApplications, bucketAppsByPerson, bucketIdempotency,
		bucketCertificates, bucketRatings, bucketTickets, bucketCounters}
)

// errNoRecord is returned by get when the key is absent.
var errNoRecord = errors.New("central: store: no record")

// store is the server's bbolt file. Every state change is one committed, synced
// transaction.
type store struct {
	db *bolt.DB
}

func openStore(path string) (*store, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("central: open store: %w", err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("central: create buckets: %w", err)
	}
	return &store{db: db}, nil
}

func (s *store) close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("central: close store: %w", err)
	}
	return nil
}

func (s *store) ping() error {
	return s.db.View(func(tx *bolt.Tx) error { return nil })
}

func put(tx *bolt.Tx, bucket []byte, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("central: store: encode: %w", err)
	}
	if err := tx.Bucket(bucket).Put([]byte(key), b); err != nil {
		return fmt.Errorf("central: store: put %s: %w", bucket, err)
	}
	return nil
}

func get(tx *bolt.Tx, bucket []byte, key string, v any) error {
	b := tx.Bucket(bucket).Get([]byte(key))
	if b == nil {
		return errNoRecord
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("central: store: decode %s: %w", bucket, err)
	}
	return nil
}

// nextSeq returns the next value of a named counter, starting at 1.
func nextSeq(tx *bolt.Tx, name string) (uint64, error) {
	b := tx.Bucket(bucketCounters)
	var n uint64
	if v := b.Get([]byte(name)); v != nil {
		if err := json.Unmarshal(v, &n); err != nil {
			return 0, fmt.Errorf("central: store: counter: %w", err)
		}
	}
	n++
	if err := put(tx, bucketCounters, name, n); err != nil {
		return 0, err
	}
	return n, nil
}

// count returns the number of records in a bucket.
func (s *store) count(bucket []byte) (int, error) {
	var n int
	err := s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucket).Stats().KeyN
		return nil
	})
	return n, err
}
