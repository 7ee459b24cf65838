package session

import "time"

// Technician mode: a hidden gesture on the attract screen opens a PIN pad; the right PIN
// shows a minimal status screen. Wrong PINs lock the pad for a while.

const (
	ScreenTechPIN    Screen = "tech_pin"    // the technician's PIN pad
	ScreenTechStatus Screen = "tech_status" // the terminal's status, for a technician

	NoticeWrongPIN  Notice = "wrong_pin"  // the PIN was wrong
	NoticePINLocked Notice = "pin_locked" // too many wrong PINs; wait
)

// maxPINFailures wrong PINs in a row lock the pad for pinLockout.
const (
	maxPINFailures = 5
	pinLockout     = 5 * time.Minute
)

// StatusLine is one line of the technician's status screen.
type StatusLine struct {
	Label string // in English and Chinese, e.g. "读卡器 Reader"
	Value string
	OK    bool
}

// TechGesture is the hidden gesture: on the attract screen, with technician mode
// configured, it opens the PIN pad.
func (m *Machine) TechGesture() {
	m.mu.Lock()
	if m.card != nil || m.view.Screen != ScreenAttract || m.checkPIN == nil {
		m.mu.Unlock()
		return
	}
	v := View{Screen: ScreenTechPIN, Language: m.view.Language}
	if m.clock.Now().Before(m.pinLockedUntil) {
		v.Notice = NoticePINLocked
	}
	m.armTechIdleLocked()
	m.setLocked(v)
}

// TechPIN checks a PIN typed on the pad. The status lines are read in the background:
// reading them may ask devices, and intents must not block the UI.
func (m *Machine) TechPIN(pin string) {
	m.mu.Lock()
	if m.view.Screen != ScreenTechPIN {
		m.mu.Unlock()
		return
	}
	v := m.view
	now := m.clock.Now()
	switch {
	case now.Before(m.pinLockedUntil):
		v.Notice = NoticePINLocked
	case m.checkPIN(pin):
		m.pinFailures = 0
		m.log.Info("technician mode entered")
		v = View{Screen: ScreenTechStatus, Language: v.Language}
		m.readStatusLocked()
	default:
		m.pinFailures++
		m.log.Warn("technician PIN wrong", "failures", m.pinFailures)
		v.Notice = NoticeWrongPIN
		if m.pinFailures >= maxPINFailures {
			m.pinFailures = 0
			m.pinLockedUntil = now.Add(pinLockout)
			v.Notice = NoticePINLocked
		}
	}
	m.armTechIdleLocked()
	m.setLocked(v)
}

// TechRefresh reads the status again, in the background.
func (m *Machine) TechRefresh() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.view.Screen != ScreenTechStatus {
		return
	}
	m.armTechIdleLocked()
	m.readStatusLocked()
}

// readStatusLocked reads the status lines in a goroutine and shows them if the status
// screen is still up. The read runs without m.mu: the status source may ask this machine.
func (m *Machine) readStatusLocked() {
	m.work.Add(1)
	go func() {
		defer m.work.Done()
		lines := m.techStatus()
		m.mu.Lock()
		if m.view.Screen != ScreenTechStatus {
			m.mu.Unlock()
			return
		}
		v := m.view
		v.Status = lines
		m.setLocked(v)
	}()
}

// TechExit leaves technician mode for the attract screen.
func (m *Machine) TechExit() {
	m.mu.Lock()
	if m.view.Screen != ScreenTechPIN && m.view.Screen != ScreenTechStatus {
		m.mu.Unlock()
		return
	}
	m.timers.stop(timerIdle)
	m.setLocked(View{Screen: ScreenAttract, Language: m.defLang})
}

// armTechIdleLocked returns an unattended technician screen to the attract screen.
func (m *Machine) armTechIdleLocked() {
	m.afterLocked(timerIdle, m.timing.Idle, func() {
		m.setLocked(View{Screen: ScreenAttract, Language: m.defLang})
	})
}

// techStatus reads the status lines; m.mu must not be held.
func (m *Machine) techStatus() []StatusLine {
	if m.status == nil {
		return nil
	}
	return m.status()
}

// inTechMode reports whether a technician screen is up (m.mu held).
func (m *Machine) inTechModeLocked() bool {
	return m.view.Screen == ScreenTechPIN || m.view.Screen == ScreenTechStatus
}
