package centralapi

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// RatingRequest is a citizen's rating of a service (好差评).
type RatingRequest struct {
	ItemCode string   `json:"item_code"`
	Ref      string   `json:"ref,omitempty"` // application id or verification code rated
	Score    int      `json:"score"`         // 5 非常满意 … 1 非常不满意
	Tags     []string `json:"tags,omitempty"`
	Comment  string   `json:"comment,omitempty"` // at most 200 characters
}

// Rating is a recorded rating.
type Rating struct {
	ID         string    `json:"id"`
	ItemCode   string    `json:"item_code"`
	Ref        string    `json:"ref,omitempty"`
	Score      int       `json:"score"`
	Tags       []string  `json:"tags"`
	Comment    string    `json:"comment,omitempty"`
	TerminalID string    `json:"terminal_id"`
	CreatedAt  time.Time `json:"created_at"`
}

// Rate records a rating under an idempotency key (required); retried like
// SubmitApplication. Who rates is not recorded: from the outbox (Auth without a token)
// the terminal's id is enough.
func (c *Client) Rate(ctx context.Context, auth Auth, idemKey string, req RatingRequest) (Rating, error) {
	if idemKey == "" {
		return Rating{}, fmt.Errorf("centralapi: POST /v1/ratings: no idempotency key")
	}
	var env struct {
		Rating *Rating `json:"rating"`
	}
	cl := c.authCall(call{method: http.MethodPost, route: "/v1/ratings", path: "/v1/ratings",
		idemKey: idemKey, body: req, want: http.StatusCreated, out: &env}, auth)
	if _, err := c.do(ctx, cl); err != nil {
		return Rating{}, err
	}
	if env.Rating == nil || env.Rating.ID == "" {
		return Rating{}, fmt.Errorf("%w: POST /v1/ratings: no rating in the answer", ErrServerFault)
	}
	return *env.Rating, nil
}
