package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/kiosk/session"
)

// proof fetches the citizen's proof from central and renders it: the certificate for the
// item, asked for in the citizen's session at central (signed in now with the card's
// data if the session began offline), then the PDF.
func (a *agent) proof(ctx context.Context, sessionID string, card *devices.Card, itemCode, lang string, now time.Time) ([]byte, string, error) {
	token, err := a.citizens.token(ctx, sessionID, card)
	if err != nil {
		return nil, "", centralError("authenticate", err)
	}
	cert, err := a.client.IssueCertificate(ctx, token, itemCode, nil)
	if err != nil {
		return nil, "", centralError("issue certificate", err)
	}
	doc, err := a.renderer.Proof(cert, lang, now)
	*cert = centralapi.Certificate{} // the proof's data is personal: keep it no longer
	if err != nil {
		return nil, "", err
	}
	return doc, "proof-" + itemCode, nil
}

// centralError sorts a central failure for the citizen's message.
func centralError(op string, err error) error {
	var rej *centralapi.RejectedError
	switch {
	case centralapi.Undecided(err):
		return fmt.Errorf("%s: %w: %w", op, session.ErrCentralUnreachable, err)
	case errors.As(err, &rej):
		return fmt.Errorf("%s: %w: %w", op, session.ErrProofRefused, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}

// cardData is what central needs of the card to authenticate its holder.
func cardData(c *devices.Card) centralapi.CardData {
	d := centralapi.CardData{
		Type:     string(c.Type),
		Number:   c.Number,
		Name:     c.Name,
		NameEN:   c.NameEN,
		SexCode:  c.SexCode,
		Birth:    c.Birth.Format(time.DateOnly),
		LongTerm: c.LongTerm,
	}
	if !c.ValidTo.IsZero() {
		d.ValidTo = c.ValidTo.Format(time.DateOnly)
	}
	return d
}
