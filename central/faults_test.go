package central

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
)

// liveServer serves s on a real loopback listener.
func liveServer(t *testing.T, s *Server) *httptest.Server {
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func putFaults(t *testing.T, ts *httptest.Server, f Faults) {
	t.Helper()
	b, _ := json.Marshal(f)
	req, _ := http.NewRequest("PUT", ts.URL+"/_faults", bytes.NewReader(b))
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("PUT /_faults: %d", resp.StatusCode)
	}
}

func TestFaultModes(t *testing.T) {
	s := newTestServer(t, "")
	ts := liveServer(t, s)
	get := func() (*http.Response, []byte, error) {
		resp, err := ts.Client().Get(ts.URL + "/v1/halls")
		if err != nil {
			return nil, nil, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp, b, err
	}

	putFaults(t, ts, Faults{ErrorRate: 1})
	if resp, b, err := get(); err != nil || resp.StatusCode != 503 || !json.Valid(b) {
		t.Errorf("error fault: %v %v %s", resp, err, b)
	}
	if resp, err := ts.Client().Get(ts.URL + "/healthz"); err != nil || resp.StatusCode != 200 {
		t.Errorf("healthz must not be disturbed: %v", err)
	}

	putFaults(t, ts, Faults{GarbageRate: 1})
	if resp, b, err := get(); err != nil || resp.StatusCode != 200 || json.Valid(b) {
		t.Errorf("garbage fault: status %v err %v valid JSON %v", resp.StatusCode, err, json.Valid(b))
	}

	putFaults(t, ts, Faults{DropRate: 1})
	if _, _, err := get(); err == nil {
		t.Error("drop fault: the request succeeded")
	}

	putFaults(t, ts, Faults{ClockSkewSeconds: 3600})
	if resp, _, err := get(); err != nil || resp.Header.Get("Date") != testNow.Add(time.Hour).UTC().Format(http.TimeFormat) {
		t.Errorf("clock skew: Date %q (err %v)", resp.Header.Get("Date"), err)
	}

	putFaults(t, ts, Faults{LatencyMS: 30000})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/v1/halls", nil)
	start := time.Now()
	if _, err := ts.Client().Do(req); !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 10*time.Second {
		t.Errorf("latency: err %v after %s", err, time.Since(start))
	}

	putFaults(t, ts, Faults{})
	if resp, _, err := get(); err != nil || resp.StatusCode != 200 {
		t.Errorf("faults off: %v", err)
	}
}

// TestDropAfterHandling loses the answer of a handled submission: the client sees an
// error, retries with the same key, and the server still holds one application.
func TestDropAfterHandling(t *testing.T) {
	s := newTestServer(t, "")
	ts := liveServer(t, s)
	c := citizen(t, refdata.FixtureChen)
	body, _ := json.Marshal(submitRequest{ItemCode: itemByName(t, s, "居民身份证换领").Code, Form: formFor(c, nil),
		Applicant: &applicant{c.IDNumber, c.Name}})
	post := func() (*http.Response, error) {
		req, _ := http.NewRequest("POST", ts.URL+"/v1/applications", bytes.NewReader(body))
		req.Header.Set("Idempotency-Key", "lost-answer")
		req.Header.Set("X-Terminal-Id", "T1")
		return ts.Client().Do(req)
	}
	putFaults(t, ts, Faults{DropAfterRate: 1})
	if _, err := post(); err == nil {
		t.Fatal("the answer was not dropped")
	}
	if st, _ := s.Stats(); st.Applications != 1 {
		t.Fatalf("%d applications after the dropped answer, want 1", st.Applications)
	}
	putFaults(t, ts, Faults{})
	resp, err := post()
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 201 || resp.Header.Get("Idempotent-Replayed") != "true" {
		t.Errorf("retry: %d, replayed %q", resp.StatusCode, resp.Header.Get("Idempotent-Replayed"))
	}
	if st, _ := s.Stats(); st.Applications != 1 {
		t.Errorf("%d applications after the retry, want 1", st.Applications)
	}
}

func TestFaultRatesDrawn(t *testing.T) {
	fi := newFaultInjector(Faults{ErrorRate: 0.3, Seed: 7})
	n := 0
	for range 1000 {
		if f, _ := fi.draw(); f == fateError {
			n++
		}
	}
	if n < 240 || n > 360 {
		t.Errorf("%d errors in 1000 draws at rate 0.3", n)
	}
}

func TestAdminLoopbackOnly(t *testing.T) {
	s := newTestServer(t, "")
	for _, p := range []string{"/_faults", "/_admin/stats"} {
		req := httptest.NewRequest("GET", p, nil)
		req.RemoteAddr = "192.0.2.7:5555"
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		if rec.Code != 403 {
			t.Errorf("%s from afar: %d", p, rec.Code)
		}
		if rec := call(t, s, "GET", p, nil); rec.Code != 200 {
			t.Errorf("%s from loopback: %d", p, rec.Code)
		}
	}
	if rec := call(t, s, "PUT", "/_faults", Faults{ErrorRate: 2}); rec.Code != 422 {
		t.Errorf("rate 2: %d", rec.Code)
	}
}
