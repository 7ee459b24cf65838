package centralapi

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// Applicant names the citizen of an application or rating delivered from the outbox
// after the session ended. Personal data: request bodies only.
type Applicant struct {
	IDNumber string `json:"id_number"`
	Name     string `json:"name"` // Chinese name, or the English name on a foreigner's card
}

// ApplicationRequest is what the citizen submits (POST /v1/applications).
type ApplicationRequest struct {
	ItemCode      string            `json:"item_code"`
	Form          map[string]string `json:"form"`
	Applicant     *Applicant        `json:"applicant,omitempty"`       // outbox delivery only
	ClientRef     string            `json:"client_ref,omitempty"`      // the local reference number
	MadeOfflineAt *time.Time        `json:"made_offline_at,omitempty"` // when it went into the outbox
}

// Application is an application as central holds it, with its progress.
type Application struct {
	ID              string            `json:"id"`
	ItemCode        string            `json:"item_code"`
	ItemNameZH      string            `json:"item_name_zh"`
	ItemNameEN      string            `json:"item_name_en"`
	Department      string            `json:"department"`
	Status          string            `json:"status"` // submitted, approved, rejected, accepted, in_review, completed, booked
	Reasons         []Reason          `json:"reasons"`
	SubmittedAt     time.Time         `json:"submitted_at"`
	DueAt           time.Time         `json:"due_at"`
	ApplicantMasked string            `json:"applicant_masked"`
	Form            map[string]string `json:"form"`
	TerminalID      string            `json:"terminal_id"`
	Channel         string            `json:"channel"` // session or terminal
	ClientRef       string            `json:"client_ref,omitempty"`
	MadeOfflineAt   *time.Time        `json:"made_offline_at,omitempty"`
	Progress        []Stage           `json:"progress"`
}

// Reason is one failed condition of an instant-approval rule.
type Reason struct {
	Code string `json:"code"`
	ZH   string `json:"zh"`
	EN   string `json:"en"`
}

// Stage is one step of an application's progress.
type Stage struct {
	Status  string    `json:"status"`
	LabelZH string    `json:"label_zh"`
	LabelEN string    `json:"label_en"`
	At      time.Time `json:"at"`
	Done    bool      `json:"done"`
}

// Auth says who makes a call that a citizen or, from the outbox, the terminal can make:
// the session's bearer token, or (Token empty) the terminal's X-Terminal-Id with the
// applicant in the body.
type Auth struct {
	Token string
}

func (c *Client) authCall(cl call, auth Auth) call {
	if auth.Token != "" {
		cl.token = auth.Token
		return cl
	}
	cl.header = http.Header{}
	if c.opts.TerminalID != "" {
		cl.header.Set("X-Terminal-Id", c.opts.TerminalID)
	}
	return cl
}

// SubmitApplication submits an application under an idempotency key (required; see
// NewIdempotencyKey). It is retried: the same key never makes two applications. A
// refused request (a form error, a missing second factor) is a *RejectedError; an
// instant-approval item whose rule is not met is not an error but an Application with
// status "rejected" and its reasons. On ErrUnreachable the caller keeps the key and the
// request (the outbox does) and sends both again later.
func (c *Client) SubmitApplication(ctx context.Context, auth Auth, idemKey string, req ApplicationRequest) (Application, error) {
	if idemKey == "" {
		return Application{}, fmt.Errorf("centralapi: POST /v1/applications: no idempotency key")
	}
	cl := c.authCall(call{method: http.MethodPost, route: "/v1/applications", path: "/v1/applications",
		idemKey: idemKey, body: req, want: http.StatusCreated}, auth)
	return c.application(ctx, cl)
}

// ListApplications returns the signed-in citizen's applications, newest first (进度查询).
func (c *Client) ListApplications(ctx context.Context, token string) ([]Application, error) {
	var env struct {
		Applications *[]Application `json:"applications"`
	}
	if _, err := c.do(ctx, call{method: http.MethodGet, route: "/v1/applications", path: "/v1/applications",
		token: token, want: http.StatusOK, out: &env}); err != nil {
		return nil, err
	}
	if env.Applications == nil {
		return nil, fmt.Errorf("%w: GET /v1/applications: no applications in the answer", ErrServerFault)
	}
	return *env.Applications, nil
}

// GetApplication returns one of the signed-in citizen's applications.
func (c *Client) GetApplication(ctx context.Context, token, id string) (Application, error) {
	return c.application(ctx, call{method: http.MethodGet, route: "/v1/applications/{id}",
		path: "/v1/applications/" + url.PathEscape(id), token: token, want: http.StatusOK})
}

func (c *Client) application(ctx context.Context, cl call) (Application, error) {
	var env struct {
		Application *Application `json:"application"`
	}
	cl.out = &env
	if _, err := c.do(ctx, cl); err != nil {
		return Application{}, err
	}
	if env.Application == nil || env.Application.ID == "" {
		return Application{}, fmt.Errorf("%w: %s: no application in the answer", ErrServerFault, cl.name())
	}
	return *env.Application, nil
}
