package central

import (
	"fmt"
	"net/http"
	"time"

	bolt "go.etcd.io/bbolt"
)

// rating is a satisfaction rating (好差评) after a service: 5 very satisfied … 1 very
// dissatisfied.
type rating struct {
	ID         string    `json:"id"`
	ItemCode   string    `json:"item_code"`
	Ref        string    `json:"ref,omitempty"` // application id or verification code rated
	Score      int       `json:"score"`
	Tags       []string  `json:"tags"`
	Comment    string    `json:"comment,omitempty"`
	TerminalID string    `json:"terminal_id"`
	CreatedAt  time.Time `json:"created_at"`
}

type rateRequest struct {
	ItemCode string   `json:"item_code"`
	Ref      string   `json:"ref,omitempty"`
	Score    int      `json:"score"`
	Tags     []string `json:"tags,omitempty"`
	Comment  string   `json:"comment,omitempty"`
}

// ratingTags are the reasons a citizen can tick.
var ratingTags = map[string]bool{
	"fast": true, "easy": true, "clear_guidance": true, "friendly": true,
	"slow": true, "hard_to_use": true, "unclear": true, "device_fault": true,
}

// handleRate records a rating; the Idempotency-Key header is required so a terminal's
// outbox can deliver it exactly once. Who rates is not recorded: a session is optional,
// X-Terminal-Id is required without one.
func (s *Server) handleRate(w http.ResponseWriter, r *http.Request) {
	key, err := idempotencyKey(r, true)
	if err != nil {
		writeError(w, err)
		return
	}
	var req rateRequest
	if err := readJSON(r, &req); err != nil {
		writeError(w, err)
		return
	}
	terminal, err := terminalOf(r, "")
	if err != nil {
		writeError(w, err)
		return
	}
	if bearer(r) != "" {
		se, _, err := s.sessionOf(r)
		if err != nil {
			writeError(w, err)
			return
		}
		terminal = se.TerminalID
	}
	if terminal == "" {
		writeError(w, errUnauthenticated())
		return
	}
	if _, ok := s.cat.Item(req.ItemCode); !ok {
		writeError(w, errNotFound("item"))
		return
	}
	if req.Score < 1 || req.Score > 5 || len([]rune(req.Comment)) > 200 {
		writeError(w, newError(http.StatusUnprocessableEntity, "invalid_rating", "评价内容不正确",
			"score must be 1 to 5 and the comment at most 200 characters"))
		return
	}
	for _, t := range req.Tags {
		if !ratingTags[t] {
			writeError(w, newError(http.StatusUnprocessableEntity, "invalid_rating", "评价标签不正确", "unknown tag"))
			return
		}
	}
	if req.Tags == nil {
		req.Tags = []string{}
	}
	status, body, replayed, err := s.once("ratings", key, requestHash(req), func(tx *bolt.Tx) (int, any, error) {
		seq, err := nextSeq(tx, "rating")
		if err != nil {
			return 0, nil, err
		}
		now := s.now().UTC()
		rt := rating{ID: fmt.Sprintf("PJ%s%06d", now.In(chinaTime).Format("20060102"), seq), ItemCode: req.ItemCode,
			Ref: req.Ref, Score: req.Score, Tags: req.Tags, Comment: req.Comment, TerminalID: terminal, CreatedAt: now}
		if err := put(tx, bucketRatings, rt.ID, rt); err != nil {
			return 0, nil, err
		}
		return http.StatusCreated, map[string]any{"rating": rt}, nil
	})
	if err != nil {
		writeError(w, err)
		return
	}
	writeOnce(w, status, body, replayed)
}
