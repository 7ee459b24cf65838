package spool

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

const secret = "440305198002290045 李秀英" // stands in for personal data in a payload

func TestOutboxLifecycle(t *testing.T) {
	s := openTest(t, Options{})
	ctx := context.Background()
	if l, err := s.OutboxList(); err != nil || len(l) != 0 {
		t.Fatalf("empty outbox: %v %v", l, err)
	}
	a, err := s.OutboxAdd(ctx, OutboxItem{Kind: "application", IdempotencyKey: "k1", RefPrefix: "L-DEMO0001-",
		Summary: "HRSS-0001", Payload: []byte(secret)})
	if err != nil {
		t.Fatal(err)
	}
	if a.LocalRef != "L-DEMO0001-000001" || a.State != OutboxStateWaiting || a.Created.IsZero() {
		t.Errorf("added: %+v", a)
	}
	again, err := s.OutboxAdd(ctx, OutboxItem{Kind: "application", IdempotencyKey: "k1", RefPrefix: "L-DEMO0001-", Payload: []byte("other")})
	if err != nil || again.ID != a.ID {
		t.Errorf("same key again: %+v %v", again, err)
	}
	b, err := s.OutboxAdd(ctx, OutboxItem{Kind: "rating", IdempotencyKey: "k2", LocalRef: "MINE-1", Payload: []byte("{}")})
	if err != nil || b.LocalRef != "MINE-1" || b.ID == a.ID {
		t.Fatalf("second: %+v %v", b, err)
	}
	if p, err := s.OutboxPayload(a.ID); err != nil || string(p) != secret {
		t.Errorf("payload: %q %v", p, err)
	}

	next := time.Now().Add(time.Minute)
	r, err := s.OutboxRetry(a.ID, "centralapi: central unreachable", next)
	if err != nil || r.Attempts != 1 || r.LastError == "" || !r.NextAttempt.Equal(next.UTC()) {
		t.Errorf("retry: %+v %v", r, err)
	}
	if r, err = s.OutboxDone(a.ID, "SQ1"); err != nil || r.State != OutboxStateDelivered || r.RemoteRef != "SQ1" || r.Delivered.IsZero() {
		t.Errorf("done: %+v %v", r, err)
	}
	if _, err := s.OutboxPayload(a.ID); err == nil {
		t.Error("a delivered item kept its payload")
	}
	if _, err := s.OutboxDone(a.ID, "SQ1"); !errors.Is(err, ErrWrongState) {
		t.Errorf("done twice: %v", err)
	}
	if r, err = s.OutboxFailed(b.ID, "invalid_rating"); err != nil || r.State != OutboxStateFailed {
		t.Errorf("failed: %+v %v", r, err)
	}
	if _, err := s.OutboxRetry(OutboxID(99), "x", next); !errors.Is(err, ErrOutboxNotFound) {
		t.Errorf("unknown id: %v", err)
	}
	if w, _ := s.OutboxWaitingList(); len(w) != 0 {
		t.Errorf("waiting: %+v", w)
	}
	list, err := s.OutboxList()
	if err != nil || len(list) != 2 {
		t.Fatalf("list: %+v %v", list, err)
	}
	js, _ := json.Marshal(list)
	if bytes.Contains(js, []byte("李秀英")) || !bytes.Contains(js, []byte(`"local_ref":"L-DEMO0001-000001"`)) {
		t.Errorf("list as JSON: %s", js)
	}
}

// TestOutboxDurableAndEncrypted: an item survives closing and reopening; its payload is
// not readable in the file; without the key file the spool refuses to make a new one.
func TestOutboxDurableAndEncrypted(t *testing.T) {
	path := t.TempDir() + "/spool.db"
	s, err := Open(path, Options{Logger: testLogger(t)})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.OutboxAdd(context.Background(), OutboxItem{Kind: "application", IdempotencyKey: "k", RefPrefix: "L-", Payload: []byte(secret)})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("440305198002290045")) || bytes.Contains(raw, []byte("李秀英")) {
		t.Error("the payload is readable in the spool file")
	}
	s, err = Open(path, Options{Logger: testLogger(t)})
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.OutboxWaitingList()
	if err != nil || len(w) != 1 || w[0].ID != r.ID {
		t.Fatalf("after reopen: %+v %v", w, err)
	}
	if p, err := s.OutboxPayload(r.ID); err != nil || string(p) != secret {
		t.Errorf("payload after reopen: %v", err)
	}
	s.Close()
	checkFile(t, path)
	os.Rename(path+".key", path+".key.moved")
	if _, err := Open(path, Options{Logger: testLogger(t)}); !errors.Is(err, ErrKey) || !strings.Contains(err.Error(), "missing") {
		t.Errorf("open without the key while payloads wait: %v", err)
	}
}

func TestOutboxAddRefuses(t *testing.T) {
	s := openTest(t, Options{MaxDocSize: 10})
	for _, it := range []OutboxItem{
		{Kind: "application", Payload: []byte("x")},
		{IdempotencyKey: "k", Payload: []byte("x")},
		{Kind: "application", IdempotencyKey: "k", Payload: make([]byte, 11)},
	} {
		if _, err := s.OutboxAdd(context.Background(), it); err == nil {
			t.Errorf("accepted %+v", it)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.OutboxAdd(ctx, OutboxItem{Kind: "a", IdempotencyKey: "k", Payload: nil}); err == nil {
		t.Error("accepted with a canceled context")
	}
}

// BenchmarkOutboxAdd measures storing one submission durably: seal, one committed
// (fsync'd) transaction.
func BenchmarkOutboxAdd(b *testing.B) {
	s := openTest(b, Options{})
	payload := bytes.Repeat([]byte("x"), 1024)
	i := 0
	for b.Loop() {
		i++
		if _, err := s.OutboxAdd(context.Background(), OutboxItem{Kind: "application",
			IdempotencyKey: "k" + strconv.Itoa(i), RefPrefix: "L-", Payload: payload}); err != nil {
			b.Fatal(err)
		}
	}
}

// A refused item's payload (personal data) is purged once the retention has passed; a
// waiting one is kept however old, and the records stay listed.
func TestRefusedOutboxPayloadsExpire(t *testing.T) {
	clk := newFakeClock()
	s := openTest(t, Options{Clock: clk, Retention: time.Hour})
	ctx := context.Background()
	refused, err := s.OutboxAdd(ctx, OutboxItem{Kind: "application", IdempotencyKey: "k1", RefPrefix: "L-T-", Payload: []byte(secret)})
	if err != nil {
		t.Fatal(err)
	}
	waiting, err := s.OutboxAdd(ctx, OutboxItem{Kind: "application", IdempotencyKey: "k2", RefPrefix: "L-T-", Payload: []byte(secret)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.OutboxFailed(refused.ID, "invalid_form"); err != nil {
		t.Fatal(err)
	}
	clk.Advance(59 * time.Minute)
	if err := s.Expire(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.OutboxPayload(refused.ID); err != nil {
		t.Fatalf("payload purged before the retention ended: %v", err)
	}
	clk.Advance(time.Minute)
	if err := s.Expire(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.OutboxPayload(refused.ID); err == nil {
		t.Error("the refused item's payload outlived the retention")
	}
	clk.Advance(48 * time.Hour)
	if err := s.Expire(); err != nil {
		t.Fatal(err)
	}
	if p, err := s.OutboxPayload(waiting.ID); err != nil || string(p) != secret {
		t.Errorf("a waiting item lost its payload: %q %v", p, err)
	}
	if l, err := s.OutboxList(); err != nil || len(l) != 2 {
		t.Errorf("records: %+v %v", l, err)
	}
}
