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

// proof fetches the citizen's proof from central and renders it: a session at central
// from the card's data, the certificate for the item, the PDF.
func (a *agent) proof(ctx context.Context, sessionID string, card *devices.Card, itemCode, lang string, now time.Time) ([]byte, string, error) {
	grant, err := a.client.CreateSession(ctx, cardData(card))
	if err != nil {
		return nil, "", centralError("authenticate", err)
	}
	defer func() {
		end, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := a.client.EndSession(end, grant.Token); err != nil {
			a.log.Warn("end the session at central", "err", err)
		}
	}()
	cert, err := a.client.IssueCertificate(ctx, grant.Token, itemCode, nil)
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
	case errors.Is(err, centralapi.ErrUnreachable), errors.Is(err, centralapi.ErrServerFault):
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
