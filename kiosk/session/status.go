package session

import "time"

// Status is what kioskctl status shows of the session: no personal data.
type Status struct {
	Active   bool      `json:"active"`
	Screen   Screen    `json:"screen"`
	CardType string    `json:"card_type,omitempty"`
	Started  time.Time `json:"started,omitzero"`
	Sessions int       `json:"sessions_since_start"`
}

// Status reports the session in progress, if any.
func (m *Machine) Status() Status {
	m.mu.Lock()
	defer m.mu.Unlock()
	st := Status{Active: m.card != nil, Screen: m.view.Screen, Sessions: m.sessions}
	if m.card != nil {
		st.CardType = string(m.card.Type)
		st.Started = m.started
	}
	return st
}
