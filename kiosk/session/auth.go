package session

import (
	"context"
	"errors"

	"github.com/govkiosk/kiosk/devices"
)

// Authentication: between the card on the reader and the home screen. A card detected
// shows the reading screen; the card read starts the session and signs it in at central
// (ScreenAuthenticating); central's answer opens the home screen, or refuses the card,
// or, when central cannot be reached, opens the home screen offline. The second factor
// (ScreenSecondFactor) is asked before an item that needs it, once per session.

const (
	ScreenReading        Screen = "reading"        // a card is on the reader and being read
	ScreenAuthenticating Screen = "authenticating" // central checks the card
	ScreenSecondFactor   Screen = "second_factor"  // the code sent to the citizen's phone

	NoticeCardRefused         Notice = "card_refused"          // central does not know the card
	NoticeSecondFactorOffline Notice = "second_factor_offline" // no second factor without central
	NoticeWrongCode           Notice = "wrong_code"            // the code was wrong
	NoticeCodeLocked          Notice = "code_locked"           // too many wrong codes
	NoticeSecondFactorFailed  Notice = "second_factor_failed"  // central could not send or check a code
)

// Errors a Central's methods return (wrapped) for the session to tell apart; any other
// error, like ErrCentralUnreachable, means central could not be asked.
var (
	// ErrCardRefused: central does not know the card, or its data do not match.
	ErrCardRefused = errors.New("session: central refused the card")
	// ErrCardExpired: central says the card has expired (the terminal checks the
	// validity first, but central's calendar decides).
	ErrCardExpired = errors.New("session: central says the card has expired")
	// ErrWrongCode: the second factor's code is wrong.
	ErrWrongCode = errors.New("session: wrong code")
	// ErrCodeLocked: too many wrong codes; the second factor is locked for the session.
	ErrCodeLocked = errors.New("session: too many wrong codes")
)

// Central is the citizen's session at central, by the session's id: the agent keeps the
// bearer token of each, the session never sees it.
type Central interface {
	// SignIn authenticates the card's holder. The card is a copy, wiped after.
	SignIn(ctx context.Context, sessionID string, card *devices.Card) error
	// SignOut ends the session at central, if it was signed in; errors are the
	// implementation's to log.
	SignOut(ctx context.Context, sessionID string)
	// Challenge sends a one-time code to the phone on record and returns the number,
	// masked.
	Challenge(ctx context.Context, sessionID string) (maskedPhone string, err error)
	// PassSecondFactor checks the code.
	PassSecondFactor(ctx context.Context, sessionID, code string) error
}

// maxCodeDigits is the longest code the pad takes; maxCodeFailures wrong codes lock the
// second factor for the session, as at central.
const (
	maxCodeDigits   = 8
	maxCodeFailures = 5
)

// authState is what the session knows of its authentication; the wipe resets it.
type authState struct {
	second   bool   // the second factor was passed
	locked   bool   // too many wrong codes
	failures int    // wrong codes so far
	then     func() // what the citizen asked for, once the second factor is passed
	back     Screen // the screen the second factor was asked from
	checking bool   // a code is being checked
}

// CardDetected shows the reading screen while a card on the reader is read. A read that
// never ends (the watcher stopped) returns to the attract screen after the idle time.
func (m *Machine) CardDetected() {
	m.mu.Lock()
	if m.card != nil || m.view.Screen != ScreenAttract && !m.inTechModeLocked() {
		m.mu.Unlock()
		return
	}
	m.afterLocked(timerIdle, m.timing.Idle, func() {
		m.setLocked(View{Screen: ScreenAttract, Language: m.defLang})
	})
	m.setLocked(View{Screen: ScreenReading, Language: m.view.Language, LargeText: m.view.LargeText})
}

// signInLocked shows the authenticating screen and signs the session in at central in
// the background, on a copy of the card wiped after (m.mu held, and released here).
func (m *Machine) signInLocked() {
	m.timers.stop(timerIdle) // nobody is idle while central checks their card
	card := *m.card
	card.Photo, card.Fingerprint = nil, nil
	id := m.id
	m.work.Add(1)
	m.setLocked(View{Screen: ScreenAuthenticating, Language: m.view.Language, LargeText: m.view.LargeText})
	go func() {
		defer m.work.Done()
		err := m.central.SignIn(m.printCtx, id, &card)
		card.Wipe()
		m.signedIn(id, err)
	}()
}

// signedIn moves the session on with central's answer. An answer for a session that
// ended is ignored, and whatever it opened at central is ended.
func (m *Machine) signedIn(id string, err error) {
	m.mu.Lock()
	if m.id != id {
		m.mu.Unlock()
		m.central.SignOut(m.printCtx, id)
		return
	}
	switch {
	case err == nil:
		m.log.Info("signed in at central", "session", id)
	case errors.Is(err, ErrCardRefused), errors.Is(err, ErrCardExpired):
		n := NoticeCardRefused
		if errors.Is(err, ErrCardExpired) {
			n = NoticeCardExpired
		}
		m.log.Info("card refused by central", "session", id, "err", err)
		m.endLocked("refused by central")
		m.setLocked(View{Screen: ScreenAttract, Language: m.view.Language, Notice: n})
		return
	default:
		m.log.Warn("not signed in: central unreachable; the session goes on offline", "session", id, "err", err)
	}
	v := m.homeViewLocked()
	v.Offline = err != nil
	m.armIdleLocked()
	m.setLocked(v)
}

// signOutLocked ends the session at central in the background (m.mu held).
func (m *Machine) signOutLocked() {
	if m.central == nil || m.id == "" {
		return
	}
	id := m.id
	m.work.Add(1)
	go func() {
		defer m.work.Done()
		m.central.SignOut(m.printCtx, id)
	}()
}

// needSecondFactorLocked is the one gate before an action on an item that needs the
// second factor (m.mu held). It returns false, with m.mu still held, when the action
// may go on: the item does not need it, or the session passed it already. Otherwise it
// shows the second factor's screen (or says why it cannot be done: offline, locked),
// releases m.mu and returns true; once the code is right, the screen it was called from
// comes back and then runs, with m.mu held, and must release it (setLocked does).
func (m *Machine) needSecondFactorLocked(it *ItemView, then func()) bool {
	if it == nil || !it.SecondFactor || m.auth.second {
		return false
	}
	v := m.view
	switch {
	case m.central == nil || v.Offline:
		v.Notice = NoticeSecondFactorOffline
	case m.auth.locked:
		v.Notice = NoticeCodeLocked
	default:
		m.auth.then, m.auth.back = then, v.Screen
		v.Screen, v.Notice, v.MaskedPhone, v.Code, v.Checking = ScreenSecondFactor, NoticeNone, "", "", false
		id := m.id
		m.work.Add(1)
		m.setLocked(v)
		go func() {
			defer m.work.Done()
			phone, err := m.central.Challenge(m.printCtx, id)
			m.challenged(id, phone, err)
		}()
		return true
	}
	m.setLocked(v)
	return true
}

// challenged shows where the code was sent, or why none was.
func (m *Machine) challenged(id, phone string, err error) {
	m.mu.Lock()
	if m.id != id || m.view.Screen != ScreenSecondFactor {
		m.mu.Unlock()
		return
	}
	v := m.view
	if err == nil {
		v.MaskedPhone, v.Offline = phone, false
		m.setLocked(v)
		return
	}
	m.log.Warn("second factor: no code sent", "session", id, "err", err)
	m.leaveSecondFactorLocked(m.secondFactorNoticeLocked(err))
}

// secondFactorNoticeLocked sorts a failed challenge or check for the citizen.
func (m *Machine) secondFactorNoticeLocked(err error) Notice {
	switch {
	case errors.Is(err, ErrCodeLocked):
		m.auth.locked = true
		return NoticeCodeLocked
	case errors.Is(err, ErrCentralUnreachable):
		m.view.Offline = true
		return NoticeSecondFactorOffline
	}
	return NoticeSecondFactorFailed
}

// leaveSecondFactorLocked returns to the screen the second factor was asked from, with
// a notice, forgetting the action asked for (m.mu held, and released here).
func (m *Machine) leaveSecondFactorLocked(n Notice) {
	v := m.view
	v.Screen, v.Notice, v.MaskedPhone, v.Code, v.Checking = m.auth.back, n, "", "", false
	m.auth.then, m.auth.checking = nil, false
	m.setLocked(v)
}

// CodeKey types a digit of the code.
func (m *Machine) CodeKey(digit string) {
	m.editCode(func(c string) string {
		if len(digit) != 1 || digit[0] < '0' || digit[0] > '9' || len(c) >= maxCodeDigits {
			return c
		}
		return c + digit
	})
}

// CodeClear empties the code typed.
func (m *Machine) CodeClear() { m.editCode(func(string) string { return "" }) }

func (m *Machine) editCode(f func(string) string) {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenSecondFactor || m.auth.checking {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	v := m.view
	v.Code = f(v.Code)
	if v.Code != "" {
		v.Notice = NoticeNone
	}
	m.setLocked(v)
}

// SubmitCode has central check the code typed, in the background.
func (m *Machine) SubmitCode() {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenSecondFactor || m.auth.checking || m.view.Code == "" {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	v := m.view
	code, id := v.Code, m.id
	v.Code, v.Checking, v.Notice = "", true, NoticeNone
	m.auth.checking = true
	m.work.Add(1)
	m.setLocked(v)
	go func() {
		defer m.work.Done()
		err := m.central.PassSecondFactor(m.printCtx, id, code)
		m.checked(id, err)
	}()
}

// checked goes on with what the citizen asked for once the code is right.
func (m *Machine) checked(id string, err error) {
	m.mu.Lock()
	if m.id != id {
		m.mu.Unlock()
		return
	}
	m.auth.checking = false
	if err == nil {
		m.auth.second = true // central raised the session's level, even if the citizen left the pad
		m.log.Info("second factor passed", "session", id)
	}
	if m.view.Screen != ScreenSecondFactor {
		m.mu.Unlock()
		return
	}
	m.armIdleLocked()
	v := m.view
	v.Checking = false
	switch {
	case err == nil:
		then := m.auth.then
		v.Screen, v.Notice, v.MaskedPhone, v.Code, v.Offline = m.auth.back, NoticeNone, "", "", false
		m.auth.then = nil
		if then == nil {
			m.setLocked(v)
			return
		}
		m.view = v
		then()
		return
	case errors.Is(err, ErrWrongCode):
		m.auth.failures++
		m.log.Info("second factor: wrong code", "session", id, "failures", m.auth.failures)
		if m.auth.failures < maxCodeFailures {
			v.Notice = NoticeWrongCode
			m.setLocked(v)
			return
		}
		m.auth.locked = true
		m.leaveSecondFactorLocked(NoticeCodeLocked)
		return
	}
	m.log.Warn("second factor: code not checked", "session", id, "err", err)
	m.leaveSecondFactorLocked(m.secondFactorNoticeLocked(err))
}

// CancelSecondFactor returns to the screen the second factor was asked from.
func (m *Machine) CancelSecondFactor() {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenSecondFactor {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	m.leaveSecondFactorLocked(NoticeNone)
}
