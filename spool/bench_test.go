package spool

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// BenchmarkEnqueue measures durable enqueues: each is one committed, fsync'd
// transaction holding the record and the encrypted document (a 30 KB proof).
func BenchmarkEnqueue(b *testing.B) {
	s := openTest(b, Options{})
	doc := make([]byte, 30<<10)
	ctx := context.Background()
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Enqueue(ctx, NewJob{Printer: "a4", Title: "proof", SessionID: "s", Doc: doc}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "jobs/s")
}

// BenchmarkRecovery10k measures a restart with 10,000 jobs in the store: open (with the
// consistency check) and the worker's first step, which finds the job a crash left in
// sent and resolves it against the printer. 9,900 jobs are completed records, 99 are
// queued with their documents, one is in sent.
func BenchmarkRecovery10k(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "spool.db")
	s, err := Open(path, Options{Logger: testLogger(b)})
	if err != nil {
		b.Fatal(err)
	}
	doc := make([]byte, 30<<10)
	now := time.Now().UTC()
	err = s.db.Update(func(tx *bolt.Tx) error {
		for i := 1; i <= 10000; i++ {
			j := Job{ID: JobID(i), Printer: "a4", Title: fmt.Sprintf("proof-%d", i), SessionID: "s",
				State: Completed, Size: len(doc), Created: now, Updated: now}
			switch {
			case i == 9901:
				j.State, j.PrinterJob = Sent, "fake-1"
			case i > 9901:
				j.State, j.HasDoc = Queued, true
			}
			if j.HasDoc || j.State == Sent {
				sealed, err := s.seal.seal(j.ID, doc)
				if err != nil {
					return err
				}
				j.HasDoc = true
				if err := tx.Bucket(bucketDocs).Put(j.ID.key(), sealed); err != nil {
					return err
				}
			}
			if err := putJob(tx, j); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketJobs).SetSequence(10000)
	})
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	golden, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("spool file with 10,000 jobs: %.1f MB", float64(len(golden))/(1<<20))

	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		if err := os.WriteFile(path, golden, 0o600); err != nil {
			b.Fatal(err)
		}
		p := newFakePrinter("a4")
		ref, _ := p.CreateJob(context.Background(), "proof-9901 #9901")
		p.complete(ref, "completed")
		b.StartTimer()

		s, err := Open(path, Options{Logger: testLogger(b)})
		if err != nil {
			b.Fatal(err)
		}
		w := s.Worker(p)
		if _, err := w.step(context.Background()); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if j, _ := s.Get(9901); j.State != Completed {
			b.Fatalf("the job in sent was not resolved: %v", j)
		}
		s.Close()
		b.StartTimer()
	}
}
