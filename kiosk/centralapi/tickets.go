package centralapi

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// Hall is a service hall that issues queue tickets.
type Hall struct {
	ID      string `json:"id"`
	NameZH  string `json:"name_zh"`
	NameEN  string `json:"name_en"`
	Address string `json:"address"`
}

// Ticket is a queue number (取号).
type Ticket struct {
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

// Halls lists the service halls.
func (c *Client) Halls(ctx context.Context) ([]Hall, error) {
	var env struct {
		Halls *[]Hall `json:"halls"`
	}
	if _, err := c.do(ctx, call{method: http.MethodGet, route: "/v1/halls", path: "/v1/halls",
		want: http.StatusOK, out: &env}); err != nil {
		return nil, err
	}
	if env.Halls == nil {
		return nil, fmt.Errorf("%w: GET /v1/halls: no halls in the answer", ErrServerFault)
	}
	return *env.Halls, nil
}

// IssueTicket takes a queue number at a hall for an item, as this terminal. With an
// idempotency key (recommended) it is retried and a retry gets the same number; with an
// empty key it is tried once.
func (c *Client) IssueTicket(ctx context.Context, idemKey, hallID, itemCode string) (Ticket, error) {
	body := map[string]string{"hall_id": hallID, "item_code": itemCode}
	return c.ticket(ctx, c.authCall(call{method: http.MethodPost, route: "/v1/queue-tickets",
		path: "/v1/queue-tickets", idemKey: idemKey, body: body, want: http.StatusCreated}, Auth{}))
}

// GetTicket returns a ticket's state.
func (c *Client) GetTicket(ctx context.Context, id string) (Ticket, error) {
	return c.ticket(ctx, call{method: http.MethodGet, route: "/v1/queue-tickets/{id}",
		path: "/v1/queue-tickets/" + url.PathEscape(id), want: http.StatusOK})
}

func (c *Client) ticket(ctx context.Context, cl call) (Ticket, error) {
	var env struct {
		Ticket *Ticket `json:"ticket"`
	}
	cl.out = &env
	if _, err := c.do(ctx, cl); err != nil {
		return Ticket{}, err
	}
	if env.Ticket == nil || env.Ticket.ID == "" {
		return Ticket{}, fmt.Errorf("%w: %s: no ticket in the answer", ErrServerFault, cl.name())
	}
	return *env.Ticket, nil
}
