package session

import (
	"time"
)

// The citizen's applications (进度查询), queue tickets (取号) for what this terminal
// cannot do, and receipts. Central is asked in the background; the screen shows that it
// is asking, then the answer or a plain message.

const (
	ScreenApplications Screen = "applications" // the citizen's applications and their stage
	ScreenTicket       Screen = "ticket"       // a queue number for a staffed counter
)

// ApplicationsView is the look-up's screen.
type ApplicationsView struct {
	Loading bool // central is being asked
	Failed  bool // central could not be asked (the notice says so); Lines are those waiting here
	Lines   []ApplicationLine
}

// ApplicationLine is one application as the look-up shows it.
type ApplicationLine struct {
	Reference        string
	ItemZH, ItemEN   string
	Submitted        time.Time
	StageZH, StageEN string
	// Waiting: still in this terminal's outbox, not yet at central.
	Waiting bool
}

// TicketView is a queue ticket.
type TicketView struct {
	Loading        bool // central is being asked
	Failed         bool // no ticket; the notice says why
	HallZH, HallEN string
	Group          string // the counter group, the number's letter
	Number         string
	Ahead          int // people ahead, when central says
	Issued         time.Time
}

// maxApplicationLines is how many applications the look-up shows.
const maxApplicationLines = 6

// MyApplications shows the citizen's applications.
func (m *Machine) MyApplications() {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenHome {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	v := m.view
	v.Screen, v.Notice, v.Applications = ScreenApplications, NoticeNone, &ApplicationsView{Loading: true}
	if m.services == nil {
		v.Applications, v.Notice = &ApplicationsView{Failed: true}, NoticeCentralDown
		m.setLocked(v)
		return
	}
	card := *m.card
	card.Photo, card.Fingerprint = nil, nil
	id := m.id
	m.work.Add(1)
	m.setLocked(v)

	go func() {
		defer m.work.Done()
		lines, err := m.services.Applications(m.printCtx, id, &card)
		card.Wipe()
		m.mu.Lock()
		if m.id != id || m.view.Screen != ScreenApplications {
			m.mu.Unlock()
			return
		}
		v := m.view
		if err != nil {
			m.log.Warn("applications not listed", "session", id, "err", err)
			// Those waiting on this terminal are still shown.
			v.Applications, v.Notice = &ApplicationsView{Failed: true, Lines: lines[:min(len(lines), maxApplicationLines)]}, NoticeCentralDown
		} else {
			v.Applications = &ApplicationsView{Lines: lines[:min(len(lines), maxApplicationLines)]}
		}
		m.setLocked(v)
	}()
}

// TakeTicket takes a queue number for a staffed counter for the item shown, which this
// terminal cannot do.
func (m *Machine) TakeTicket() {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenItem || m.view.Item == nil {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	v := m.view
	v.Screen, v.Notice, v.Ticket = ScreenTicket, NoticeNone, &TicketView{Loading: true}
	if m.services == nil {
		v.Ticket, v.Notice = &TicketView{Failed: true}, NoticeCentralDown
		m.setLocked(v)
		return
	}
	id, code := m.id, v.Item.Code
	m.work.Add(1)
	m.setLocked(v)

	go func() {
		defer m.work.Done()
		t, err := m.services.Ticket(m.printCtx, code)
		m.mu.Lock()
		if m.id != id || m.view.Screen != ScreenTicket {
			m.mu.Unlock()
			return
		}
		v := m.view
		if err != nil {
			m.log.Warn("no queue ticket", "session", id, "item", code, "err", err)
			v.Ticket, v.Notice = &TicketView{Failed: true}, NoticeCentralDown
		} else {
			m.log.Info("queue ticket taken", "session", id, "item", code, "number", t.Number)
			v.Ticket = &t
		}
		m.setLocked(v)
	}()
}

// PrintReceipt prints the application's receipt (ScreenResult) or the queue ticket
// (ScreenTicket) on the receipt printer.
func (m *Machine) PrintReceipt() {
	m.mu.Lock()
	if m.card == nil || m.view.Item == nil {
		m.mu.Unlock()
		return
	}
	r := Receipt{ItemZH: m.view.Item.NameZH, ItemEN: m.view.Item.NameEN, Time: m.clock.Now()}
	switch {
	case m.view.Screen == ScreenResult && m.apply != nil && m.apply.result != nil && m.apply.result.Reference != "":
		res := *m.apply.result
		r.Result, r.Applicant, r.Time = &res, m.apply.name, m.apply.when
	case m.view.Screen == ScreenTicket && m.view.Ticket != nil && m.view.Ticket.Number != "":
		t := *m.view.Ticket
		r.Ticket, r.Time = &t, t.Issued
	default:
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	v := m.view
	if m.receipts == nil {
		v.Notice = NoticeReceiptFailed
		m.setLocked(v)
		return
	}
	id, screen := m.id, v.Screen
	m.work.Add(1)
	m.mu.Unlock()

	go func() {
		defer m.work.Done()
		err := m.receipts.PrintReceipt(m.printCtx, r)
		m.mu.Lock()
		if m.id != id || m.view.Screen != screen {
			m.mu.Unlock()
			return
		}
		v := m.view
		v.Notice = NoticeReceiptPrinted
		if err != nil {
			m.log.Warn("receipt not printed", "session", id, "err", err)
			v.Notice = NoticeReceiptFailed
		}
		m.setLocked(v)
	}()
}
