package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/kiosk/session"
)

// citizenSessions is the session machine's Central: it signs citizen sessions in and out
// at central and keeps each one's bearer token by the session's id, so that the session
// (and its view) never holds a token. Proofs use the same token.
type citizenSessions struct {
	client *centralapi.Client
	log    *slog.Logger
	// reached, when set, is called when central answers a sign-in (yes or no): it is
	// reachable, so the outbox need not wait for its backoff to deliver what waits.
	reached func()

	mu sync.Mutex
	// tokens holds the sessions from sign-in to sign-out: their bearer token, or ""
	// while they are not signed in (being signed in, or central was unreachable).
	tokens map[string]string
}

var _ session.Central = (*citizenSessions)(nil)

func newCitizenSessions(client *centralapi.Client, log *slog.Logger) *citizenSessions {
	return &citizenSessions{client: client, log: log, tokens: map[string]string{}}
}

// SignIn opens the citizen's session at central from the card's data.
func (c *citizenSessions) SignIn(ctx context.Context, id string, card *devices.Card) error {
	c.mu.Lock()
	c.tokens[id] = ""
	c.mu.Unlock()
	_, err := c.signIn(ctx, id, card)
	return err
}

// signIn opens a session at central and keeps its token for id. A session that ended
// while central answered (signed out meanwhile) is ended at central at once.
func (c *citizenSessions) signIn(ctx context.Context, id string, card *devices.Card) (string, error) {
	grant, err := c.client.CreateSession(ctx, cardData(card))
	var rej *centralapi.RejectedError
	if (err == nil || errors.As(err, &rej)) && c.reached != nil {
		c.reached()
	}
	if err != nil {
		switch {
		case rej != nil && rej.Code == "card_expired":
			return "", fmt.Errorf("sign in: %w: %w", session.ErrCardExpired, err)
		case rej != nil && rej.Code == "card_not_recognised":
			return "", fmt.Errorf("sign in: %w: %w", session.ErrCardRefused, err)
		case rej != nil:
			// Central refused the terminal's request, not the card (a registration or
			// version problem): the citizen gets an offline session, the technician
			// this line.
			c.log.Error("central refused the terminal's sign-in request", "status", rej.Status, "code", rej.Code)
		}
		return "", fmt.Errorf("sign in: %w: %w", session.ErrCentralUnreachable, err)
	}
	c.mu.Lock()
	tok, live := c.tokens[id]
	if live && tok == "" {
		c.tokens[id] = grant.Token
	}
	c.mu.Unlock()
	switch {
	case !live:
		c.endAtCentral(ctx, id, grant.Token)
		return "", errSessionEnded
	case tok != "": // signed in twice at once: keep the first
		c.endAtCentral(ctx, id, grant.Token)
		return tok, nil
	}
	return grant.Token, nil
}

// errSessionEnded: the kiosk session ended before or while it was signed in at central.
var errSessionEnded = errors.New("sign in: the session ended")

// token is the session's token, signing in with the card first when the session is not
// signed in yet (it began while central was unreachable).
func (c *citizenSessions) token(ctx context.Context, id string, card *devices.Card) (string, error) {
	c.mu.Lock()
	tok, live := c.tokens[id]
	c.mu.Unlock()
	switch {
	case !live:
		return "", errSessionEnded
	case tok != "":
		return tok, nil
	}
	return c.signIn(ctx, id, card)
}

// SignOut ends the session at central and forgets its token.
func (c *citizenSessions) SignOut(ctx context.Context, id string) {
	c.mu.Lock()
	tok := c.tokens[id]
	delete(c.tokens, id)
	c.mu.Unlock()
	if tok != "" {
		c.endAtCentral(ctx, id, tok)
	}
}

// endAtCentral ends a session at central. It outlives the agent's context by a few
// seconds, so that a session ending at shutdown is ended at central too.
func (c *citizenSessions) endAtCentral(ctx context.Context, id, token string) {
	end, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := c.client.EndSession(end, token); err != nil {
		c.log.Warn("end the session at central", "session", id, "err", err)
	}
}

// Challenge has central send a code to the citizen's phone; it returns the number masked.
func (c *citizenSessions) Challenge(ctx context.Context, id string) (string, error) {
	tok, err := c.signedIn(id)
	if err != nil {
		return "", err
	}
	ch, err := c.client.ChallengeSecondFactor(ctx, tok)
	if err != nil {
		return "", secondFactorError("second factor challenge", err)
	}
	return ch.SentTo, nil
}

// PassSecondFactor checks the code at central.
func (c *citizenSessions) PassSecondFactor(ctx context.Context, id, code string) error {
	tok, err := c.signedIn(id)
	if err != nil {
		return err
	}
	if _, err := c.client.PassSecondFactor(ctx, tok, code); err != nil {
		return secondFactorError("second factor", err)
	}
	return nil
}

func (c *citizenSessions) signedIn(id string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	tok := c.tokens[id]
	if tok == "" {
		return "", fmt.Errorf("second factor: not signed in at central: %w", session.ErrCentralUnreachable)
	}
	return tok, nil
}

// secondFactorError sorts central's answer for the session: a wrong code, too many, or
// central out of reach.
func secondFactorError(op string, err error) error {
	var rej *centralapi.RejectedError
	switch {
	case errors.As(err, &rej) && rej.Status == http.StatusTooManyRequests:
		return fmt.Errorf("%s: %w: %w", op, session.ErrCodeLocked, err)
	case errors.As(err, &rej) && rej.Code == "otp_wrong":
		return fmt.Errorf("%s: %w: %w", op, session.ErrWrongCode, err)
	case centralapi.Undecided(err):
		return fmt.Errorf("%s: %w: %w", op, session.ErrCentralUnreachable, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}
