package session

import (
	"context"
	"errors"
)

// ErrPrinterBlocked is returned by a Printer when the job is kept but cannot print until
// a technician acts (paper, jam, door).
var ErrPrinterBlocked = errors.New("session: printer needs attention; the job waits")

// ErrCentralUnreachable is matched by a Renderer's error when the proof's data could not
// be fetched because central cannot be reached (nothing was queued).
var ErrCentralUnreachable = errors.New("session: central unreachable")

// ErrProofRefused is matched by a Renderer's error when central would not issue the proof
// for this citizen.
var ErrProofRefused = errors.New("session: central refused the proof")

// renderError marks a failure to make the proof, as opposed to printing it.
type renderError struct{ err error }

func (e renderError) Error() string { return "prepare proof: " + e.err.Error() }
func (e renderError) Unwrap() error { return e.err }

// Print makes the proof shown on the item screen and shows its first page for the
// citizen to confirm (preview.go). Making the proof (which asks central) and its picture
// runs in its own goroutine, on a copy of the card that is wiped when it is done. An item
// the terminal cannot print yet says so.
func (m *Machine) Print() {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenItem || m.view.Item == nil {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	if !m.view.Item.Printable {
		v := m.view
		v.Notice = NoticeNotHere
		m.setLocked(v)
		return
	}
	if m.needSecondFactorLocked(m.view.Item, m.printLocked) {
		return
	}
	m.printLocked()
}

// printLocked starts printing the item shown (m.mu held, and released here).
func (m *Machine) printLocked() {
	itemCode := m.view.Item.Code
	card := *m.card
	card.Photo, card.Fingerprint = nil, nil // a proof needs neither
	id, lang := m.id, m.view.Language
	v := m.view
	v.Screen, v.Notice, v.Countdown = ScreenPreparing, NoticeNone, 0
	m.timers.stop(timerIdle) // nobody is idle while the machine fetches their proof
	m.work.Add(1)
	m.setLocked(v)

	go func() {
		defer m.work.Done()
		doc, title, err := m.render(m.printCtx, id, &card, itemCode, lang, m.clock.Now())
		card.Wipe()
		if err != nil {
			m.printed(id, renderError{err})
			return
		}
		m.prepared(id, &pendingProof{doc: doc, title: title}, m.preview(m.printCtx, id, doc))
	}()
}

// printed moves the session on when its print job is done, unless the session ended.
func (m *Machine) printed(id string, err error) {
	m.mu.Lock()
	if m.id != id {
		m.mu.Unlock()
		return
	}
	v := m.view
	v.Offline = errors.Is(err, ErrCentralUnreachable) // central answered, or not
	switch {
	case err == nil:
		v.Screen, v.Notice = ScreenPrinted, NoticeNone
		if v.Item != nil {
			m.lastItem = v.Item.Code
		}
		m.log.Info("proof printed", "session", id)
	case errors.Is(err, ErrPrinterBlocked):
		v.Screen, v.Notice = ScreenItem, NoticePrinterFault
		m.log.Warn("proof waits for the printer", "session", id, "err", err)
	case errors.Is(err, ErrCentralUnreachable):
		v.Screen, v.Notice = ScreenItem, NoticeCentralDown
		m.log.Warn("proof not fetched: central unreachable", "session", id, "err", err)
	case errors.Is(err, ErrProofRefused):
		v.Screen, v.Notice = ScreenItem, NoticeProofRefused
		m.log.Warn("proof refused by central", "session", id, "err", err)
	case errors.As(err, new(renderError)):
		v.Screen, v.Notice = ScreenItem, NoticeProofFailed
		m.log.Error("prepare proof", "session", id, "err", err)
	default:
		v.Screen, v.Notice = ScreenItem, NoticePrintFailed
		m.log.Error("print proof", "session", id, "err", err)
	}
	m.armIdleLocked()
	m.setLocked(v)
}

// Wait blocks until the background work the machine started (prints, ratings, status
// reads) and every Ended call have returned, for a clean stop.
func (m *Machine) Wait(ctx context.Context) error {
	done := make(chan struct{})
	go func() { m.work.Wait(); m.endWait.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
