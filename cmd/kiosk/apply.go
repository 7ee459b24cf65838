package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/escpos"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/kiosk/session"
	"github.com/govkiosk/kiosk/spool"
)

// sessionCentral is the session's way to central for applications, the look-up of the
// citizen's applications and queue tickets, with the outbox behind submissions.
type sessionCentral struct{ a *agent }

// citizenSession authenticates the card holder at central for one call and returns the
// token and a function that ends the session. (When the session core holds a central
// session of its own, its token takes this one's place.)
func (c sessionCentral) citizenSession(ctx context.Context, card *devices.Card) (string, func(), error) {
	grant, err := c.a.client.CreateSession(ctx, cardData(card))
	if err != nil {
		return "", nil, err
	}
	return grant.Token, func() {
		end, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := c.a.client.EndSession(end, grant.Token); err != nil {
			c.a.log.Warn("end the session at central", "err", err)
		}
	}, nil
}

// Submit sends the application with the citizen's session at central, or keeps it in
// the outbox, with the applicant for its later delivery, when central cannot be reached.
func (c sessionCentral) Submit(ctx context.Context, app session.Application) (session.Submitted, error) {
	name := app.Card.Name
	if name == "" {
		name = app.Card.NameEN
	}
	req := centralapi.ApplicationRequest{ItemCode: app.ItemCode, Form: app.Form,
		Applicant: &centralapi.Applicant{IDNumber: app.Card.Number, Name: name}}
	key := centralapi.NewIdempotencyKey()
	token, end, err := c.citizenSession(ctx, app.Card)
	switch {
	case err == nil:
		defer end()
	case queueable(err) && c.a.outbox != nil:
		// Central cannot be reached: straight into the outbox.
		r, aerr := c.a.outbox.AddApplication(context.WithoutCancel(ctx), key, req)
		if aerr != nil {
			return session.Submitted{}, fmt.Errorf("keep the application: %w", aerr)
		}
		c.a.log.Info("application kept for central", "ref", r.LocalRef, "item", app.ItemCode)
		return session.Submitted{Status: session.StatusQueued, Reference: r.LocalRef}, nil
	default:
		return session.Submitted{}, centralError("authenticate", err)
	}
	auth := centralapi.Auth{Token: token}
	if c.a.outbox == nil { // the spool is broken: nowhere to keep it
		got, err := c.a.client.SubmitApplication(ctx, auth, key, req)
		if err != nil {
			return session.Submitted{}, centralError("submit", err)
		}
		return submitted(got), nil
	}
	sub, err := c.a.outbox.SubmitApplication(ctx, auth, key, req)
	switch {
	case err != nil:
		return session.Submitted{}, centralError("submit", err)
	case sub.Queued != nil:
		c.a.log.Info("application kept for central", "ref", sub.Queued.LocalRef, "item", app.ItemCode)
		return session.Submitted{Status: session.StatusQueued, Reference: sub.Queued.LocalRef}, nil
	}
	return submitted(*sub.Application), nil
}

func queueable(err error) bool {
	return errors.Is(err, centralapi.ErrUnreachable) || errors.Is(err, centralapi.ErrServerFault)
}

func submitted(a centralapi.Application) session.Submitted {
	s := session.Submitted{Status: a.Status, Reference: a.ID}
	for _, r := range a.Reasons {
		s.ReasonsZH, s.ReasonsEN = append(s.ReasonsZH, r.ZH), append(s.ReasonsEN, r.EN)
	}
	return s
}

// Applications lists the citizen's applications at central, newest first, after those
// still waiting in this terminal's outbox. The outbox is read first: one delivered in
// between is then in central's list, under its local reference, and shown once.
func (c sessionCentral) Applications(ctx context.Context, card *devices.Card) ([]session.ApplicationLine, error) {
	token, end, err := c.citizenSession(ctx, card)
	if err != nil {
		return nil, centralError("authenticate", err)
	}
	defer end()
	var waiting []spool.OutboxRecord
	if c.a.outbox != nil {
		if waiting, err = c.a.outbox.WaitingApplications(card.Number); err != nil {
			c.a.log.Warn("outbox look-up", "err", err)
		}
	}
	apps, err := c.a.client.ListApplications(ctx, token)
	if err != nil {
		return nil, centralError("list applications", err)
	}
	delivered := map[string]bool{}
	for _, a := range apps {
		if a.ClientRef != "" {
			delivered[a.ClientRef] = true
		}
	}
	var lines []session.ApplicationLine
	for i := len(waiting) - 1; i >= 0; i-- {
		r := waiting[i]
		if delivered[r.LocalRef] {
			continue
		}
		l := session.ApplicationLine{Reference: r.LocalRef, Submitted: r.Created.Local(), Waiting: true, ItemZH: r.Summary, ItemEN: r.Summary}
		if cur := c.a.catalog.Current(); cur != nil {
			if it, ok := cur.Item(r.Summary); ok {
				l.ItemZH, l.ItemEN = it.NameZH, it.NameEN
			}
		}
		lines = append(lines, l)
	}
	for _, a := range apps {
		l := session.ApplicationLine{Reference: a.ID, ItemZH: a.ItemNameZH, ItemEN: a.ItemNameEN, Submitted: a.SubmittedAt.Local(),
			StageZH: a.Status, StageEN: a.Status}
		for _, st := range a.Progress {
			if st.Done {
				l.StageZH, l.StageEN = st.LabelZH, st.LabelEN
			}
		}
		lines = append(lines, l)
	}
	return lines, nil
}

// Ticket takes a queue number at the terminal's hall: the first hall central lists
// (until the config names the terminal's own).
func (c sessionCentral) Ticket(ctx context.Context, itemCode string) (session.TicketView, error) {
	halls, err := c.a.client.Halls(ctx)
	if err != nil {
		return session.TicketView{}, centralError("halls", err)
	}
	if len(halls) == 0 {
		return session.TicketView{}, fmt.Errorf("halls: %w: central lists no hall", session.ErrCentralUnreachable)
	}
	t, err := c.a.client.IssueTicket(ctx, centralapi.NewIdempotencyKey(), halls[0].ID, itemCode)
	if err != nil {
		return session.TicketView{}, centralError("issue ticket", err)
	}
	tv := session.TicketView{HallZH: t.HallNameZH, HallEN: t.HallNameEN, Number: t.Number, Ahead: t.WaitingAhead, Issued: t.IssuedAt.Local()}
	if t.Number != "" {
		tv.Group = t.Number[:1]
	}
	return tv, nil
}

// receiptPrinter prints the session's receipts and queue tickets on the receipt printer
// (receipts are not spooled: a citizen who lost one asks for it again).
type receiptPrinter struct{ a *agent }

func (p receiptPrinter) PrintReceipt(ctx context.Context, r session.Receipt) error {
	l := p.a.receipt
	if l.printer == nil {
		return fmt.Errorf("the receipt printer is not available: %s", l.fault)
	}
	var doc []byte
	var err error
	switch {
	case r.Ticket != nil:
		doc, err = escpos.QueueTicket{Hall: r.Ticket.HallZH, Number: r.Ticket.Number, Service: r.ItemZH,
			Waiting: r.Ticket.Ahead, Time: r.Time}.Encode()
	case r.Result != nil:
		doc, err = escpos.Receipt{Service: r.ItemZH, Reference: r.Result.Reference, Local: r.Result.Status == session.StatusQueued,
			Applicant: r.Applicant, Terminal: p.a.cfg.Terminal.ID, Time: r.Time}.Encode()
	default:
		return errors.New("receipt: nothing to print")
	}
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	return l.printer.Print(ctx, doc)
}
