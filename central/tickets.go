package central

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
	bolt "go.etcd.io/bbolt"
)

// ticket is a queue number (取号) for a service hall's counter group. The reference
// server never calls numbers: a ticket stays "waiting" for the day.
type ticket struct {
	ID           string    `json:"id"`
	HallID       string    `json:"hall_id"`
	HallNameZH   string    `json:"hall_name_zh"`
	HallNameEN   string    `json:"hall_name_en"`
	ItemCode     string    `json:"item_code"`
	Number       string    `json:"number"` // e.g. "B023"
	Status       string    `json:"status"` // waiting, expired
	WaitingAhead int       `json:"waiting_ahead"`
	IssuedAt     time.Time `json:"issued_at"`
	TerminalID   string    `json:"terminal_id"`
}

type ticketRequest struct {
	HallID   string `json:"hall_id"`
	ItemCode string `json:"item_code"`
}

func hallByID(id string) (refdata.Hall, bool) {
	for _, h := range refdata.Halls() {
		if h.ID == id {
			return h, true
		}
	}
	return refdata.Hall{}, false
}

// handleIssueTicket takes a queue number. An Idempotency-Key is optional: with one, a
// retried request gets the same number.
func (s *Server) handleIssueTicket(w http.ResponseWriter, r *http.Request) {
	key, err := idempotencyKey(r, false)
	if err != nil {
		writeError(w, err)
		return
	}
	var req ticketRequest
	if err := readJSON(r, &req); err != nil {
		writeError(w, err)
		return
	}
	terminal, err := terminalOf(r, "")
	if err != nil {
		writeError(w, err)
		return
	}
	if terminal == "" {
		writeError(w, errUnauthenticated())
		return
	}
	hall, ok := hallByID(req.HallID)
	if !ok {
		writeError(w, errNotFound("hall"))
		return
	}
	it, ok := s.cat.Item(req.ItemCode)
	if !ok {
		writeError(w, errNotFound("item"))
		return
	}
	status, body, replayed, err := s.once("tickets", key, requestHash(req), func(tx *bolt.Tx) (int, any, error) {
		now := s.now().UTC()
		day := now.In(chinaTime).Format("20060102")
		prefix := refdata.TicketPrefix(it.Department)
		n, err := nextSeq(tx, "ticket/"+hall.ID+"/"+day+"/"+prefix)
		if err != nil {
			return 0, nil, err
		}
		t := ticket{ID: fmt.Sprintf("T%s-%s-%s%03d", day, hall.ID, prefix, n), HallID: hall.ID, HallNameZH: hall.NameZH,
			HallNameEN: hall.NameEN, ItemCode: it.Code, Number: fmt.Sprintf("%s%03d", prefix, n), Status: "waiting",
			WaitingAhead: int(n) - 1, IssuedAt: now, TerminalID: terminal}
		if err := put(tx, bucketTickets, t.ID, t); err != nil {
			return 0, nil, err
		}
		return http.StatusCreated, map[string]any{"ticket": t}, nil
	})
	if err != nil {
		writeError(w, err)
		return
	}
	writeOnce(w, status, body, replayed)
}

// handleGetTicket shows a ticket; a ticket of an earlier day has expired.
func (s *Server) handleGetTicket(w http.ResponseWriter, r *http.Request) {
	var t ticket
	err := s.store.db.View(func(tx *bolt.Tx) error { return get(tx, bucketTickets, r.PathValue("id"), &t) })
	if errors.Is(err, errNoRecord) {
		writeError(w, errNotFound("ticket"))
		return
	}
	if err != nil {
		writeError(w, err)
		return
	}
	if t.IssuedAt.In(chinaTime).Format("20060102") != s.now().In(chinaTime).Format("20060102") {
		t.Status, t.WaitingAhead = "expired", 0
	}
	writeJSON(w, http.StatusOK, map[string]any{"ticket": t})
}
