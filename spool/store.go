package spool

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/govkiosk/kiosk/devices"
)

// The file's layout (docs/spool.md). Print jobs live in the print.* buckets; the outbox of applications (a later
// issue) will add its own "outbox.*" buckets beside them, and bump schemaVersion only if
// an existing bucket changes shape.
var (
	bucketMeta   = []byte("meta")         // "schema" → schemaVersion, "instance" → random id of this file
	bucketJobs   = []byte("print.jobs")   // JobID (8 bytes, big endian) → Job as JSON
	bucketDocs   = []byte("print.docs")   // JobID → nonce‖AES-GCM(document)
	bucketActive = []byte("print.active") // JobID → empty, for each job not in a final state
	keySchema    = []byte("schema")
	keyInstance  = []byte("instance")
	allBuckets   = [][]byte{bucketMeta, bucketJobs, bucketDocs, bucketActive}
	schemaValue  = []byte(schemaVersion)
)

const schemaVersion = "1"

// Spool is an open spool file. Its methods are safe for concurrent use.
type Spool struct {
	db   *bolt.DB
	path string
	opts Options
	seal *sealer

	instance string // random, made with the file: names this spool's jobs at the printer

	mu       sync.Mutex
	closed   bool
	wake     map[string]chan struct{}         // printer → worker wake-up
	status   map[string]devices.PrinterStatus // printer → last status a worker saw
	serving  map[string]bool                  // printers with a running worker
	watchers map[JobID]map[*watcher]struct{}  // job → its watchers
}

// Open opens (or creates) the spool file at path. A file that bbolt cannot open, that
// fails bbolt's consistency check, or whose layout this version does not know is refused
// with an error matching ErrCorrupt that names the recovery procedure; a file held by
// another process gives ErrLocked.
func Open(path string, opts Options) (*Spool, error) {
	opts = opts.withDefaults(path)
	db, err := openDB(path, opts)
	if err != nil {
		return nil, err
	}
	// A new key may be made only while no document needs the old one.
	noDocs, instance := true, ""
	db.View(func(tx *bolt.Tx) error {
		k, _ := tx.Bucket(bucketDocs).Cursor().First()
		noDocs = k == nil && !outboxHoldsPayloads(tx)
		instance = string(tx.Bucket(bucketMeta).Get(keyInstance))
		return nil
	})
	seal, err := loadKey(opts.KeyFile, noDocs)
	if err != nil {
		db.Close()
		return nil, err
	}
	s := &Spool{
		db:       db,
		path:     path,
		opts:     opts,
		seal:     seal,
		instance: instance,
		wake:     map[string]chan struct{}{},
		status:   map[string]devices.PrinterStatus{},
		serving:  map[string]bool{},
		watchers: map[JobID]map[*watcher]struct{}{},
	}
	return s, nil
}

// corrupt wraps a cause into the error Open gives for a file it refuses.
func corrupt(path string, cause any) error {
	return fmt.Errorf("%w: %s: %v; printing is off until a technician moves the file aside "+
		"(see docs/spool.md, \"A corrupt spool file\")", ErrCorrupt, path, cause)
}

func openDB(path string, opts Options) (db *bolt.DB, err error) {
	// bbolt panics on some damaged pages rather than returning an error: turn that into
	// a refusal, never a crash loop.
	defer func() {
		if r := recover(); r != nil {
			if db != nil {
				db.Close()
			}
			db, err = nil, corrupt(path, r)
		}
	}()
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: opts.OpenTimeout})
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("%w: %s (is the agent running?)", ErrLocked, path)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum),
		errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrInvalidMapping):
		return nil, corrupt(path, err)
	case err != nil:
		return nil, fmt.Errorf("spool: open %s: %w", path, err)
	}
	if err := db.View(func(tx *bolt.Tx) error {
		for cerr := range tx.Check() {
			return cerr
		}
		return nil
	}); err != nil {
		db.Close()
		return nil, corrupt(path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			if tx.Bucket(bucketJobs) != nil {
				return errors.New("layout without a schema record")
			}
			for _, name := range allBuckets {
				if _, err := tx.CreateBucketIfNotExists(name); err != nil {
					return err
				}
			}
			var inst [4]byte
			if _, err := rand.Read(inst[:]); err != nil {
				return err
			}
			if err := tx.Bucket(bucketMeta).Put(keyInstance, []byte(hex.EncodeToString(inst[:]))); err != nil {
				return err
			}
			return tx.Bucket(bucketMeta).Put(keySchema, schemaValue)
		}
		if v := meta.Get(keySchema); string(v) != schemaVersion {
			return fmt.Errorf("unknown layout version %q (this agent knows %q)", v, schemaVersion)
		}
		if len(meta.Get(keyInstance)) == 0 {
			return errors.New("no instance id")
		}
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				return fmt.Errorf("bucket %s is missing", name)
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, corrupt(path, err)
	}
	return db, nil
}

// Close closes the file. Workers must have returned first.
func (s *Spool) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	for _, ws := range s.watchers {
		for w := range ws {
			w.close()
		}
	}
	s.watchers = map[JobID]map[*watcher]struct{}{}
	s.mu.Unlock()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("spool: close: %w", err)
	}
	return nil
}

// Path returns the spool file's path.
func (s *Spool) Path() string { return s.path }

// getJob reads one job in tx.
func getJob(tx *bolt.Tx, id JobID) (Job, error) {
	v := tx.Bucket(bucketJobs).Get(id.key())
	if v == nil {
		return Job{}, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	var j Job
	if err := json.Unmarshal(v, &j); err != nil {
		return Job{}, fmt.Errorf("spool: job %s: record does not decode: %w", id, err)
	}
	return j, nil
}

// putJob writes one job in tx, and keeps the index of unfinished jobs.
func putJob(tx *bolt.Tx, j Job) error {
	v, err := json.Marshal(j)
	if err != nil {
		return fmt.Errorf("spool: job %s: %w", j.ID, err)
	}
	if j.State.Final() {
		err = tx.Bucket(bucketActive).Delete(j.ID.key())
	} else {
		err = tx.Bucket(bucketActive).Put(j.ID.key(), nil)
	}
	if err != nil {
		return err
	}
	return tx.Bucket(bucketJobs).Put(j.ID.key(), v)
}

// activeJobs returns the printer's jobs not in a final state, oldest first.
func (s *Spool) activeJobs(printer string) ([]Job, error) {
	var out []Job
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketActive).ForEach(func(k, _ []byte) error {
			var j Job
			v := tx.Bucket(bucketJobs).Get(k)
			if v == nil {
				return fmt.Errorf("spool: index names job %x, which has no record", k)
			}
			if err := json.Unmarshal(v, &j); err != nil {
				return fmt.Errorf("spool: job %x: record does not decode: %w", k, err)
			}
			if j.Printer == printer {
				out = append(out, j)
			}
			return nil
		})
	})
	return out, s.dbErr("list", err)
}

// transition changes one job in one committed transaction: fn sees the current record
// and edits it, or refuses with an error (nothing is written). Watchers hear the result.
func (s *Spool) transition(id JobID, fn func(tx *bolt.Tx, j *Job) error) (Job, error) {
	var out Job
	err := s.db.Update(func(tx *bolt.Tx) error {
		j, err := getJob(tx, id)
		if err != nil {
			return err
		}
		if err := fn(tx, &j); err != nil {
			return err
		}
		j.Updated = s.opts.Clock.Now().UTC()
		if j.State == Completed || j.State == Canceled {
			if err := dropDoc(tx, &j); err != nil {
				return err
			}
		}
		out = j
		return putJob(tx, j)
	})
	if err != nil {
		if errors.Is(err, berrors.ErrDatabaseNotOpen) {
			return Job{}, ErrClosed
		}
		return Job{}, err
	}
	testHook("committed", out)
	s.publish(out)
	return out, nil
}

// dropDoc deletes the job's document.
func dropDoc(tx *bolt.Tx, j *Job) error {
	if !j.HasDoc {
		return nil
	}
	if err := tx.Bucket(bucketDocs).Delete(j.ID.key()); err != nil {
		return fmt.Errorf("spool: job %s: delete document: %w", j.ID, err)
	}
	j.HasDoc = false
	return nil
}

// testHook lets the crash test kill the process at each step; nil outside tests.
var testHookFn func(point string, j Job)

func testHook(point string, j Job) {
	if testHookFn != nil {
		testHookFn(point, j)
	}
}
