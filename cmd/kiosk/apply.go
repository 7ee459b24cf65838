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

// sessionServices is the session's way to central for applications, the look-up of the
// citizen's applications and queue tickets, with the outbox behind submissions. Calls
// for a citizen use the session's own sign-in at central (citizenSessions), so that a
// second factor passed in the session counts.
type sessionServices struct{ a *agent }

// Submit sends the application with the citizen's session at central, or keeps it in
// the outbox, with the applicant for its later delivery, when central cannot be reached.
func (c sessionServices) Submit(ctx context.Context, app session.Application) (session.Submitted, error) {
	name := app.Card.Name
	if name == "" {
		name = app.Card.NameEN
	}
	req := centralapi.ApplicationRequest{ItemCode: app.ItemCode, Form: app.Form,
		Applicant: &centralapi.Applicant{IDNumber: app.Card.Number, Name: name}}
	key := centralapi.NewIdempotencyKey()
	token, err := c.a.citizens.token(ctx, app.SessionID, app.Card)
	switch {
	case err == nil:
	case (centralapi.Undecided(err) || errors.Is(err, errSessionEnded)) && c.a.outbox != nil:
		// Central cannot be reached, or the citizen left while submitting: into the
		// outbox, which delivers it in the terminal's name with the applicant.
		return c.keep(ctx, key, req)
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
	case signedOut(err):
		// The session ended at central while the application was on its way.
		return c.keep(ctx, key, req)
	case err != nil:
		return session.Submitted{}, centralError("submit", err)
	case sub.Queued != nil:
		c.a.log.Info("application kept for central", "ref", sub.Queued.LocalRef, "item", app.ItemCode)
		return session.Submitted{Status: session.StatusQueued, Reference: sub.Queued.LocalRef}, nil
	}
	return submitted(*sub.Application), nil
}

// keep puts the application in the outbox.
func (c sessionServices) keep(ctx context.Context, key string, req centralapi.ApplicationRequest) (session.Submitted, error) {
	r, err := c.a.outbox.AddApplication(context.WithoutCancel(ctx), key, req)
	if err != nil {
		return session.Submitted{}, fmt.Errorf("keep the application: %w", err)
	}
	c.a.log.Info("application kept for central", "ref", r.LocalRef, "item", req.ItemCode)
	return session.Submitted{Status: session.StatusQueued, Reference: r.LocalRef}, nil
}

// signedOut says whether central refused a call because the citizen's session there
// has ended.
func signedOut(err error) bool {
	var rej *centralapi.RejectedError
	return errors.As(err, &rej) && rej.Code == "unauthenticated"
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
// between is then in central's list, under its local reference, and shown once. When
// central cannot answer, the ones waiting here come back with the error.
func (c sessionServices) Applications(ctx context.Context, sessionID string, card *devices.Card) ([]session.ApplicationLine, error) {
	var waiting []spool.OutboxRecord
	if c.a.outbox != nil {
		var err error
		if waiting, err = c.a.outbox.WaitingApplications(card.Number); err != nil {
			c.a.log.Warn("outbox look-up", "err", err)
		}
	}
	token, err := c.a.citizens.token(ctx, sessionID, card)
	if err != nil {
		return c.waitingLines(waiting, nil), centralError("authenticate", err)
	}
	apps, err := c.a.client.ListApplications(ctx, token)
	if err != nil {
		return c.waitingLines(waiting, nil), centralError("list applications", err)
	}
	delivered := map[string]bool{}
	for _, a := range apps {
		if a.ClientRef != "" {
			delivered[a.ClientRef] = true
		}
	}
	lines := c.waitingLines(waiting, delivered)
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

// waitingLines are the applications waiting in the outbox, newest first, less those
// central already lists (delivered, by local reference).
func (c sessionServices) waitingLines(waiting []spool.OutboxRecord, delivered map[string]bool) []session.ApplicationLine {
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
	return lines
}

// Ticket takes a queue number at the terminal's hall: the one the config names
// (terminal.hall), or the first hall central lists.
func (c sessionServices) Ticket(ctx context.Context, itemCode string) (session.TicketView, error) {
	halls, err := c.a.client.Halls(ctx)
	if err != nil {
		return session.TicketView{}, centralError("halls", err)
	}
	hall := ""
	for _, h := range halls {
		if want := c.a.cfg.Terminal.Hall; want == "" || h.ID == want {
			hall = h.ID
			break
		}
	}
	if hall == "" {
		// Said plainly to the technician in the log; the citizen is told no number can
		// be issued.
		c.a.log.Error("queue ticket: central lists no such hall", "hall", c.a.cfg.Terminal.Hall, "halls", len(halls))
		return session.TicketView{}, fmt.Errorf("halls: %w: central lists no hall %q", session.ErrCentralUnreachable, c.a.cfg.Terminal.Hall)
	}
	t, err := c.a.client.IssueTicket(ctx, centralapi.NewIdempotencyKey(), hall, itemCode)
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
	return p.a.receipt.print(ctx, doc)
}
