package central

import (
	"testing"

	"github.com/govkiosk/kiosk/central/refdata"
)

func TestRatings(t *testing.T) {
	s := newTestServer(t, "")
	it := itemByName(t, s, "个人参保证明")
	r := rateRequest{ItemCode: it.Code, Score: 4, Tags: []string{"fast", "easy"}, Comment: "打印很快"}
	a := decode[struct{ Rating rating }](t, call(t, s, "POST", "/v1/ratings", r, "X-Terminal-Id", "T9", "Idempotency-Key", "x"), 201)
	b := decode[struct{ Rating rating }](t, call(t, s, "POST", "/v1/ratings", r, "X-Terminal-Id", "T9", "Idempotency-Key", "x"), 201)
	if a.Rating.ID != b.Rating.ID || a.Rating.TerminalID != "T9" {
		t.Errorf("ratings %+v and %+v", a.Rating, b.Rating)
	}
	auth := signIn(t, s, refdata.FixtureWang)
	decode[struct{ Rating rating }](t, call(t, s, "POST", "/v1/ratings", rateRequest{ItemCode: it.Code, Score: 1}, "Authorization", auth, "Idempotency-Key", "y"), 201)
	if st, _ := s.Stats(); st.Ratings != 2 {
		t.Errorf("%d ratings, want 2", st.Ratings)
	}
	for name, tc := range map[string]struct {
		req  rateRequest
		hdr  []string
		want int
	}{
		"score 0":      {rateRequest{ItemCode: it.Code, Score: 0}, []string{"X-Terminal-Id", "T9", "Idempotency-Key", "z1"}, 422},
		"unknown tag":  {rateRequest{ItemCode: it.Code, Score: 3, Tags: []string{"meh"}}, []string{"X-Terminal-Id", "T9", "Idempotency-Key", "z2"}, 422},
		"unknown item": {rateRequest{ItemCode: "NOPE-0001", Score: 3}, []string{"X-Terminal-Id", "T9", "Idempotency-Key", "z3"}, 404},
		"no key":       {rateRequest{ItemCode: it.Code, Score: 3}, []string{"X-Terminal-Id", "T9"}, 400},
		"anonymous":    {rateRequest{ItemCode: it.Code, Score: 3}, []string{"Idempotency-Key", "z4"}, 401},
	} {
		if rec := call(t, s, "POST", "/v1/ratings", tc.req, tc.hdr...); rec.Code != tc.want {
			t.Errorf("%s: %d, want %d", name, rec.Code, tc.want)
		}
	}
}

func TestTickets(t *testing.T) {
	s := newTestServer(t, "")
	social := itemByName(t, s, "个人参保证明")
	general := itemByName(t, s, "结婚信息查询")
	hdr := []string{"X-Terminal-Id", "T1"}
	b1 := decode[struct{ Ticket ticket }](t, call(t, s, "POST", "/v1/queue-tickets", ticketRequest{"SZ-CITY", social.Code}, hdr...), 201).Ticket
	a1 := decode[struct{ Ticket ticket }](t, call(t, s, "POST", "/v1/queue-tickets", ticketRequest{"SZ-CITY", general.Code}, hdr...), 201).Ticket
	b2 := decode[struct{ Ticket ticket }](t, call(t, s, "POST", "/v1/queue-tickets", ticketRequest{"SZ-CITY", social.Code}, append(hdr, "Idempotency-Key", "k")...), 201).Ticket
	b2again := decode[struct{ Ticket ticket }](t, call(t, s, "POST", "/v1/queue-tickets", ticketRequest{"SZ-CITY", social.Code}, append(hdr, "Idempotency-Key", "k")...), 201).Ticket
	if b1.Number != "B001" || a1.Number != "A001" || b2.Number != "B002" || b2again.ID != b2.ID {
		t.Errorf("numbers %s %s %s %s", b1.Number, a1.Number, b2.Number, b2again.Number)
	}
	got := decode[struct{ Ticket ticket }](t, call(t, s, "GET", "/v1/queue-tickets/"+b2.ID, nil), 200).Ticket
	if got.Status != "waiting" || got.WaitingAhead != 1 {
		t.Errorf("ticket %+v", got)
	}
	s.SetFaults(Faults{ClockSkewSeconds: 86400})
	if got := decode[struct{ Ticket ticket }](t, call(t, s, "GET", "/v1/queue-tickets/"+b2.ID, nil), 200).Ticket; got.Status != "expired" {
		t.Errorf("next day: %s", got.Status)
	}
	if rec := call(t, s, "POST", "/v1/queue-tickets", ticketRequest{"NOWHERE", social.Code}, hdr...); rec.Code != 404 {
		t.Errorf("unknown hall: %d", rec.Code)
	}
	halls := decode[struct{ Halls []refdata.Hall }](t, call(t, s, "GET", "/v1/halls", nil), 200)
	if len(halls.Halls) != len(refdata.Halls()) {
		t.Errorf("%d halls", len(halls.Halls))
	}
}
