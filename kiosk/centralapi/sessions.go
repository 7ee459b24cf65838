package centralapi

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// CardData is what the ID card says, as central authenticates it. It is personal data:
// it goes in request bodies only, never in an error or a log line.
type CardData struct {
	Type     string `json:"type"` // resident, hk_mo_tw_permit, foreign_permanent_2017, foreign_permanent_2023
	Number   string `json:"number"`
	Name     string `json:"name,omitempty"`
	NameEN   string `json:"name_en,omitempty"`
	SexCode  string `json:"sex_code,omitempty"`
	Birth    string `json:"birth"` // YYYY-MM-DD
	ValidTo  string `json:"valid_to,omitempty"`
	LongTerm bool   `json:"long_term,omitempty"`
}

// Session is a citizen's session at central.
type Session struct {
	ID        string      `json:"id"`
	Level     string      `json:"level"` // LevelCard or LevelSecond
	ExpiresAt time.Time   `json:"expires_at"`
	Citizen   CitizenView `json:"citizen"`
}

// Session levels.
const (
	LevelCard   = "card"
	LevelSecond = "card+second"
)

// CitizenView is the citizen as central shows them to the terminal, masked.
type CitizenView struct {
	Name        string `json:"name"`
	NameEN      string `json:"name_en,omitempty"`
	IDMasked    string `json:"id_masked"`
	PhoneMasked string `json:"phone_masked"`
	HukouInCity bool   `json:"hukou_in_city"`
}

// Challenge says where a one-time code was sent.
type Challenge struct {
	Method    string    `json:"method"`
	SentTo    string    `json:"sent_to"` // masked phone
	ExpiresAt time.Time `json:"expires_at"`
}

// MethodSMS is the one second-factor method central accepts today.
const MethodSMS = "sms_otp"

// Grant is a new session and its bearer token (shown once by central).
type Grant struct {
	Token   string  `json:"token"`
	Session Session `json:"session"`
}

type sessionEnvelope struct {
	Session *Session `json:"session"`
}

// CreateSession authenticates the citizen from the card's data and this terminal's id.
// Not retried (no idempotency key): an unreachable answer leaves at most an unused
// session at central.
func (c *Client) CreateSession(ctx context.Context, card CardData) (Grant, error) {
	body := struct {
		TerminalID string   `json:"terminal_id"`
		Card       CardData `json:"card"`
	}{c.opts.TerminalID, card}
	var g Grant
	_, err := c.do(ctx, call{method: http.MethodPost, route: "/v1/sessions", path: "/v1/sessions",
		body: body, want: http.StatusCreated, out: &g})
	if err == nil && g.Token == "" {
		err = fmt.Errorf("%w: POST /v1/sessions: no token", ErrServerFault)
	}
	return g, err
}

// GetSession returns the current session.
func (c *Client) GetSession(ctx context.Context, token string) (Session, error) {
	return c.session(ctx, call{method: http.MethodGet, route: "/v1/session", path: "/v1/session",
		token: token, want: http.StatusOK})
}

// EndSession ends the session; ending an ended session is not an error. Retried: the
// call is idempotent.
func (c *Client) EndSession(ctx context.Context, token string) error {
	_, err := c.do(ctx, call{method: http.MethodDelete, route: "/v1/session", path: "/v1/session",
		token: token, want: http.StatusNoContent})
	return err
}

// ChallengeSecondFactor asks central to send a one-time code to the phone on record.
func (c *Client) ChallengeSecondFactor(ctx context.Context, token string) (Challenge, error) {
	var ch Challenge
	_, err := c.do(ctx, call{method: http.MethodPost, route: "/v1/session/second-factor/challenge",
		path: "/v1/session/second-factor/challenge", token: token,
		body: map[string]string{"method": MethodSMS}, want: http.StatusOK, out: &ch})
	return ch, err
}

// PassSecondFactor checks the one-time code; the session's level becomes LevelSecond.
// A wrong code is a *RejectedError (422 otp_wrong; 429 otp_locked after five).
func (c *Client) PassSecondFactor(ctx context.Context, token, code string) (Session, error) {
	return c.session(ctx, call{method: http.MethodPost, route: "/v1/session/second-factor",
		path: "/v1/session/second-factor", token: token,
		body: map[string]string{"method": MethodSMS, "code": code}, want: http.StatusOK})
}

func (c *Client) session(ctx context.Context, cl call) (Session, error) {
	var env sessionEnvelope
	cl.out = &env
	if _, err := c.do(ctx, cl); err != nil {
		return Session{}, err
	}
	if env.Session == nil {
		return Session{}, fmt.Errorf("%w: %s: no session in the answer", ErrServerFault, cl.name())
	}
	return *env.Session, nil
}
