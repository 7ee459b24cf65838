package session

import (
	"context"
	"errors"
	"maps"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/kiosk/form"
)

// Applications (申请, 预约): item → Apply → the form, one field at a time → the review →
// Submit → the result (approved or rejected at once, accepted with a reference, or kept
// on this terminal with a local reference when central cannot be reached) → a receipt.
// The form's values are personal: the machine holds them only until they are submitted
// (or the session ends), and hands the agent a copy it wipes when the call returns.

const (
	ScreenForm       Screen = "form"       // one field of an application's form
	ScreenReview     Screen = "review"     // every value, masked where personal; edit or submit
	ScreenSubmitting Screen = "submitting" // the application is on its way
	ScreenResult     Screen = "result"     // central's decision, or the local reference

	NoticeFixForm        Notice = "fix_form"        // a value is not valid; the field says why
	NoticeApplyFailed    Notice = "apply_failed"    // the application could not be sent or kept; nothing was lost
	NoticeReceiptPrinted Notice = "receipt_printed" // take the receipt
	NoticeReceiptFailed  Notice = "receipt_failed"  // the receipt printer is not available
)

// Statuses of a submitted application, as central names them, plus the terminal's own.
const (
	StatusApproved = "approved" // instant approval: granted
	StatusRejected = "rejected" // instant approval: refused, with reasons
	StatusAccepted = "accepted" // taken for the department
	StatusBooked   = "booked"   // an appointment
	StatusQueued   = "queued"   // kept in this terminal's outbox: central was unreachable
	StatusRefused  = "refused"  // central refused the application; the message says why
)

// Services is what the application, look-up and queue-ticket journeys need of the
// agent: central's services, with the outbox behind Submit. A card handed over is a copy
// the callee must not keep; the machine wipes it when the call returns.
type Services interface {
	// Submit sends the application, or keeps it for delivery when central cannot be
	// reached (Submitted.Status StatusQueued). A refusal is a *centralapi.RejectedError
	// (with Fields when values were wrong); ErrCentralUnreachable means it was neither
	// sent nor kept.
	Submit(ctx context.Context, a Application) (Submitted, error)
	// Applications lists the citizen's applications (进度查询), newest first, and those
	// still waiting in this terminal's outbox; when central cannot answer, it returns
	// the error with the ones waiting here.
	Applications(ctx context.Context, sessionID string, card *devices.Card) ([]ApplicationLine, error)
	// Ticket takes a queue number for a staffed counter for the item.
	Ticket(ctx context.Context, itemCode string) (TicketView, error)
}

// ReceiptPrinter prints a receipt or a queue ticket on the receipt printer.
type ReceiptPrinter interface {
	PrintReceipt(ctx context.Context, r Receipt) error
}

// Receipt is what the receipt printer prints: an application's receipt (Result) or a
// queue ticket (Ticket). Nothing personal but the masked name.
type Receipt struct {
	ItemZH, ItemEN string
	Result         *ApplyResult
	Ticket         *TicketView
	Applicant      string // masked
	Time           time.Time
}

// Application is one submission. Form and Card are personal data.
type Application struct {
	SessionID string
	ItemCode  string
	Form      map[string]string
	Card      *devices.Card
}

// Submitted is central's answer to an application, or the outbox's local reference.
type Submitted struct {
	Status               string // StatusApproved, StatusRejected, StatusAccepted, StatusBooked, StatusQueued, or central's
	Reference            string // central's application id, or the local reference when queued
	ReasonsZH, ReasonsEN []string
}

// ApplyView is what the form, review and result screens show.
type ApplyView struct {
	Fields  []FieldView
	Current int // the field typed into on ScreenForm (an index in Fields)
	Step    int // the step (1-based) of Current among the fields the citizen fills in
	Steps   int
	Result  *ApplyResult // ScreenResult
}

// FieldView is one form field as the screens show it.
type FieldView struct {
	centralapi.Field
	// Shown is the value: in full for the field being typed into, masked where personal
	// elsewhere.
	Shown string
	// FromCard: filled from the ID card; shown, not editable.
	FromCard         bool
	ErrorZH, ErrorEN string
}

// ApplyResult is the outcome shown on ScreenResult.
type ApplyResult struct {
	Status               string
	Reference            string
	ReasonsZH, ReasonsEN []string // an instant rejection's reasons, or central's refusal
}

// applyState is the form being filled in: personal until wiped.
type applyState struct {
	item     ItemView
	values   map[string]string
	fromCard map[string]bool
	errs     map[string]centralapi.FieldError
	cur      int
	result   *ApplyResult
	when     time.Time
	name     string // the applicant's masked name, for the receipt
}

// Applicable says whether the item is an application or appointment with a form.
func (it ItemView) Applicable() bool {
	return (it.Kind == centralapi.KindApplication || it.Kind == centralapi.KindAppointment) && len(it.Form) > 0
}

// backHome are the screens of this file and the look-ups that Home leaves.
var backHome = map[Screen]bool{ScreenForm: true, ScreenReview: true, ScreenResult: true, ScreenApplications: true, ScreenTicket: true}

// Apply starts the item's form, with what the ID card says filled in.
func (m *Machine) Apply() {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenItem || m.view.Item == nil {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	it := *m.view.Item
	v := m.view
	if !it.Applicable() || m.services == nil {
		v.Notice = NoticeNotHere
		m.setLocked(v)
		return
	}
	if m.needSecondFactorLocked(m.view.Item, m.applyLocked) {
		return
	}
	m.applyLocked()
}

// applyLocked opens the form of the item on the item screen (m.mu held, and released).
func (m *Machine) applyLocked() {
	it := *m.view.Item
	v := m.view
	st := &applyState{item: it, values: map[string]string{}, fromCard: map[string]bool{}, errs: map[string]centralapi.FieldError{}}
	for _, f := range it.Form {
		if val := cardValue(m.card, f); val != "" {
			st.values[f.Key], st.fromCard[f.Key] = val, true
		}
	}
	st.cur = st.next(-1)
	m.apply = st
	if st.cur < 0 { // everything comes from the card
		v.Screen, v.Notice = ScreenReview, NoticeNone
	} else {
		v.Screen, v.Notice = ScreenForm, NoticeNone
	}
	v.Apply = m.applyViewLocked(v.Screen)
	m.setLocked(v)
}

// cardValue is what the card says for a field whose key obviously maps to it: the
// applicant's name and ID number. (The forms have no address or birth date fields.)
func cardValue(c *devices.Card, f centralapi.Field) string {
	switch f.Key {
	case "applicant_name":
		if c.Name != "" {
			return c.Name
		}
		return c.NameEN
	case "applicant_id":
		return c.Number
	}
	return ""
}

// next is the index of the first field after i the citizen fills in, or -1.
func (st *applyState) next(i int) int {
	for j := i + 1; j < len(st.item.Form); j++ {
		if !st.fromCard[st.item.Form[j].Key] {
			return j
		}
	}
	return -1
}

// prev is the index of the last field before i the citizen fills in, or -1.
func (st *applyState) prev(i int) int {
	for j := i - 1; j >= 0; j-- {
		if !st.fromCard[st.item.Form[j].Key] {
			return j
		}
	}
	return -1
}

// FormNext checks the field typed into and moves to the next one, or to the review
// after the last. A value that is not valid stays, with its message.
func (m *Machine) FormNext() {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenForm || m.apply == nil {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	st := m.apply
	v := m.view
	f := st.item.Form[st.cur]
	if e, bad := form.Check(f, st.values[f.Key], m.clock.Now()); bad {
		st.errs[f.Key] = e
		v.Notice = NoticeFixForm
		v.Apply = m.applyViewLocked(v.Screen)
		m.setLocked(v)
		return
	}
	delete(st.errs, f.Key)
	v.Notice = NoticeNone
	if n := st.next(st.cur); n >= 0 {
		st.cur = n
	} else {
		v.Screen = ScreenReview
	}
	v.Apply = m.applyViewLocked(v.Screen)
	m.setLocked(v)
}

// FormBack goes to the previous field; from the first, back to the item, forgetting
// the form.
func (m *Machine) FormBack() {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenForm || m.apply == nil {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	v := m.view
	v.Notice = NoticeNone
	if p := m.apply.prev(m.apply.cur); p >= 0 {
		m.apply.cur = p
		v.Apply = m.applyViewLocked(v.Screen)
	} else {
		item := m.apply.item
		m.leaveApplyLocked(&v)
		v.Screen, v.Item = ScreenItem, &item
	}
	m.setLocked(v)
}

// FormEdit goes from the review to one field of the form.
func (m *Machine) FormEdit(key string) {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenReview || m.apply == nil {
		m.mu.Unlock()
		return
	}
	i := m.apply.index(key)
	if i < 0 || m.apply.fromCard[key] {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	m.apply.cur = i
	v := m.view
	v.Screen, v.Notice = ScreenForm, NoticeNone
	v.Apply = m.applyViewLocked(v.Screen)
	m.setLocked(v)
}

func (st *applyState) index(key string) int {
	for i, f := range st.item.Form {
		if f.Key == key {
			return i
		}
	}
	return -1
}

// Submit sends the reviewed application. The agent's call runs in its own goroutine on
// a copy of the values and of the card, both wiped when it returns.
func (m *Machine) Submit() {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenReview || m.apply == nil {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	st := m.apply
	v := m.view
	now := m.clock.Now()
	if errs := form.Validate(st.item.Form, st.values, now); errs != nil {
		m.fieldErrorsLocked(&v, errs)
		m.setLocked(v)
		return
	}
	values := maps.Clone(st.values)
	card := *m.card
	card.Photo, card.Fingerprint = nil, nil // an application needs neither
	st.when, st.name = now, m.maskedNameLocked()
	id, code := m.id, st.item.Code
	v.Screen, v.Notice, v.Countdown = ScreenSubmitting, NoticeNone, 0
	m.timers.stop(timerIdle) // nobody is idle while the machine submits for them
	m.work.Add(1)
	m.setLocked(v)

	go func() {
		defer m.work.Done()
		sub, err := m.services.Submit(m.printCtx, Application{SessionID: id, ItemCode: code, Form: values, Card: &card})
		card.Wipe()
		clear(values)
		m.submitted(id, sub, err)
	}()
}

// submitted shows the outcome of a submission, unless the session ended meanwhile (the
// application was sent or kept all the same).
func (m *Machine) submitted(id string, sub Submitted, err error) {
	m.mu.Lock()
	if m.id != id || m.apply == nil {
		m.mu.Unlock()
		return
	}
	st := m.apply
	v := m.view
	var rej *centralapi.RejectedError
	switch {
	case err == nil:
		m.log.Info("application submitted", "session", id, "item", st.item.Code, "status", sub.Status)
		st.result = &ApplyResult{Status: sub.Status, Reference: sub.Reference, ReasonsZH: sub.ReasonsZH, ReasonsEN: sub.ReasonsEN}
		st.forget()
		m.lastItem = st.item.Code
		v.Screen, v.Notice = ScreenResult, NoticeNone
	case errors.As(err, &rej) && len(rej.Fields) > 0:
		m.log.Info("application refused: form errors", "session", id, "item", st.item.Code, "fields", len(rej.Fields))
		m.fieldErrorsLocked(&v, rej.Fields)
	case errors.As(err, &rej):
		m.log.Warn("application refused by central", "session", id, "item", st.item.Code, "code", rej.Code)
		st.result = &ApplyResult{Status: StatusRefused, ReasonsZH: []string{rej.Message("zh")}, ReasonsEN: []string{rej.Message("en")}}
		st.forget()
		v.Screen, v.Notice = ScreenResult, NoticeNone
	case errors.Is(err, ErrCentralUnreachable):
		m.log.Warn("application not sent: central unreachable", "session", id, "err", err)
		v.Screen, v.Notice = ScreenReview, NoticeCentralDown
	default:
		m.log.Error("application not sent", "session", id, "err", err)
		v.Screen, v.Notice = ScreenReview, NoticeApplyFailed
	}
	v.Apply = m.applyViewLocked(v.Screen)
	m.armIdleLocked()
	m.setLocked(v)
}

// fieldErrorsLocked marks the fields' errors and shows the first field the citizen can
// correct, or the review when only the card's fields are wrong.
func (m *Machine) fieldErrorsLocked(v *View, errs []centralapi.FieldError) {
	st := m.apply
	clear(st.errs)
	first := -1
	for _, e := range errs {
		i := st.index(e.Key)
		// Central's message may come in one language or none: the field still says
		// something, in the citizen's language where there is one.
		switch {
		case e.MessageZH == "" && e.MessageEN == "" && i >= 0:
			f := st.item.Form[i]
			e.MessageZH, e.MessageEN = f.LabelZH+"未通过审核，请核对", f.LabelEN+" was not accepted; please check it"
		case e.MessageZH == "":
			e.MessageZH = e.MessageEN
		case e.MessageEN == "":
			e.MessageEN = e.MessageZH
		}
		st.errs[e.Key] = e
		if i >= 0 && !st.fromCard[e.Key] && (first < 0 || i < first) {
			first = i
		}
	}
	v.Notice = NoticeFixForm
	v.Screen = ScreenReview
	if first >= 0 {
		st.cur, v.Screen = first, ScreenForm
	}
	v.Apply = m.applyViewLocked(v.Screen)
}

// forget drops the submitted values: only the outcome stays.
func (st *applyState) forget() {
	clear(st.values)
	clear(st.errs)
	st.values, st.errs = nil, nil
}

// maskedNameLocked is the card holder's masked name.
func (m *Machine) maskedNameLocked() string {
	if m.card.Name != "" {
		return devices.MaskName(m.card.Name)
	}
	return devices.MaskName(m.card.NameEN)
}

// applyViewLocked draws the form's state for the screens.
func (m *Machine) applyViewLocked(screen Screen) *ApplyView {
	st := m.apply
	if st == nil {
		return nil
	}
	av := &ApplyView{Current: st.cur, Result: st.result}
	if st.result != nil {
		return av
	}
	for i, f := range st.item.Form {
		if !st.fromCard[f.Key] {
			av.Steps++
			if i <= st.cur {
				av.Step = av.Steps
			}
		}
		val := st.values[f.Key]
		shown := mask(f, val)
		if i == st.cur && screen == ScreenForm && !st.fromCard[f.Key] {
			shown = val
		}
		e := st.errs[f.Key]
		av.Fields = append(av.Fields, FieldView{Field: f, Shown: shown, FromCard: st.fromCard[f.Key], ErrorZH: e.MessageZH, ErrorEN: e.MessageEN})
	}
	return av
}

// mask hides what is personal in a value for the review: names, ID numbers, phone and
// account numbers.
func mask(f centralapi.Field, val string) string {
	switch {
	case val == "":
		return ""
	case f.Type == form.TypeIDNumber || f.Key == "bank_account":
		return devices.MaskNumber(val)
	case f.Type == form.TypePhone && len(val) == 11:
		return val[:3] + "****" + val[7:]
	case f.Type == form.TypePhone:
		return devices.MaskNumber(val)
	case f.Key == "applicant_name":
		return devices.MaskName(val)
	}
	return val
}

// leaveApplyLocked forgets the form and the look-ups when the citizen leaves them.
func (m *Machine) leaveApplyLocked(v *View) {
	m.wipeApplyLocked()
	v.Apply, v.Applications, v.Ticket = nil, nil, nil
}

// wipeApplyLocked forgets the form, its values and its outcome.
func (m *Machine) wipeApplyLocked() {
	if m.apply == nil {
		return
	}
	m.apply.forget()
	clear(m.apply.fromCard)
	*m.apply = applyState{}
	m.apply = nil
}
