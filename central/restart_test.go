package central

import (
	"testing"

	"github.com/govkiosk/kiosk/central/refdata"
)

// TestRestartKeepsState closes the server and opens a new one on the same directory:
// sessions, applications, idempotency records, certificates, ratings and ticket counters
// are all still there.
func TestRestartKeepsState(t *testing.T) {
	dir := t.TempDir()
	s := newTestServer(t, dir)
	auth := signIn(t, s, refdata.FixtureChen)
	it := itemByName(t, s, "居民身份证换领")
	req := submitRequest{ItemCode: it.Code, Form: formFor(citizen(t, refdata.FixtureChen), nil)}
	first := call(t, s, "POST", "/v1/applications", req, "Authorization", auth, "Idempotency-Key", "restart-1")
	a := decode[appEnvelope](t, first, 201).Application
	proof := itemByName(t, s, "个人参保证明")
	c := decode[certEnvelope](t, call(t, s, "POST", "/v1/certificates", issueRequest{proof.Code, nil}, "Authorization", auth), 201).Certificate
	decode[map[string]any](t, call(t, s, "POST", "/v1/ratings", rateRequest{ItemCode: it.Code, Score: 5}, "Authorization", auth, "Idempotency-Key", "r1"), 201)
	tk := decode[struct{ Ticket ticket }](t, call(t, s, "POST", "/v1/queue-tickets", ticketRequest{"SZ-FT", it.Code}, "X-Terminal-Id", "T1"), 201).Ticket
	before, _ := s.Stats()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s2 := newTestServer(t, dir)
	after, err := s2.Stats()
	if err != nil || after != before {
		t.Fatalf("stats after restart %+v (err %v), before %+v", after, err, before)
	}
	got := decode[appEnvelope](t, call(t, s2, "GET", "/v1/applications/"+a.ID, nil, "Authorization", auth), 200).Application
	if got.ID != a.ID || got.Status != a.Status {
		t.Errorf("application after restart: %+v", got)
	}
	replay := call(t, s2, "POST", "/v1/applications", req, "Authorization", auth, "Idempotency-Key", "restart-1")
	if replay.Body.String() != first.Body.String() || replay.Header().Get("Idempotent-Replayed") != "true" {
		t.Errorf("replay after restart differs")
	}
	if v := decode[struct{ Verification verification }](t, call(t, s2, "GET", "/v1/verify/"+c.Code, nil), 200).Verification; v.Digest != c.Digest {
		t.Errorf("verification after restart: %+v", v)
	}
	tk2 := decode[struct{ Ticket ticket }](t, call(t, s2, "POST", "/v1/queue-tickets", ticketRequest{"SZ-FT", it.Code}, "X-Terminal-Id", "T1"), 201).Ticket
	if tk.Number != "E001" || tk2.Number != "E002" || tk2.WaitingAhead != 1 {
		t.Errorf("ticket numbers %s then %s (ahead %d)", tk.Number, tk2.Number, tk2.WaitingAhead)
	}
	if st, _ := s2.Stats(); st.Applications != 1 {
		t.Errorf("%d applications after the replay", st.Applications)
	}
}
