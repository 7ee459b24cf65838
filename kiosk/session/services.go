package session

import (
	"unicode/utf8"

	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// Catalog is what the session needs of the service catalog: search, the most used
// proofs, one item's details, and the departments and their items. The agent adapts the offline catalog to it.
type Catalog interface {
	Search(query string, limit int) []ItemView
	Popular(limit int) []ItemView
	Item(code string) (ItemView, bool)
	// Departments lists every department; DepartmentItems, one department's items.
	Departments() []DepartmentView
	DepartmentItems(code string) []ItemView
}

// ItemView is a service item as the screens show it.
type ItemView struct {
	Code            string
	NameZH, NameEN  string
	DeptZH, DeptEN  string
	Kind            string // proof, query, application, appointment
	Printable       bool   // a proof the terminal prints itself
	TimeLimitDays   int
	FeeFen          int64
	MaterialsZH     []string
	MaterialsEN     []string
	InstantApproval bool
	SecondFactor    bool               // the citizen must pass the second factor first
	Form            []centralapi.Field // an application's or appointment's form
}

const (
	maxQuery   = 24 // letters and digits a citizen can type
	maxResults = 6
)

// TypeKey adds what a key of the on-screen keyboard types (a letter or a digit) to the
// search, and searches.
func (m *Machine) TypeKey(key string) {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenHome || utf8.RuneCountInString(m.view.Query)+utf8.RuneCountInString(key) > maxQuery {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	v := m.view
	v.Query += key
	m.searchLocked(&v)
	m.setLocked(v)
}

// Backspace takes the last character off the search; ClearQuery empties it.
func (m *Machine) Backspace() {
	m.editQuery(func(q string) string { _, n := utf8.DecodeLastRuneInString(q); return q[:len(q)-n] })
}

// ClearQuery empties the search.
func (m *Machine) ClearQuery() { m.editQuery(func(string) string { return "" }) }

func (m *Machine) editQuery(f func(string) string) {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenHome || m.view.Query == "" {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	v := m.view
	v.Query = f(v.Query)
	m.searchLocked(&v)
	m.setLocked(v)
}

// searchLocked fills the results for v.Query: the most used proofs when it is empty.
func (m *Machine) searchLocked(v *View) {
	if m.catalog == nil {
		v.Results = nil
		return
	}
	if v.Query == "" {
		v.Results = m.catalog.Popular(maxResults)
		return
	}
	v.Results = m.catalog.Search(v.Query, maxResults)
}

// OpenItem shows one item's details, from the home screen or a department's.
func (m *Machine) OpenItem(code string) {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenHome && m.view.Screen != ScreenDepartment || m.catalog == nil {
		m.mu.Unlock()
		return
	}
	it, ok := m.catalog.Item(code)
	if !ok {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	v := m.view
	v.Screen, v.Item, v.Notice = ScreenItem, &it, NoticeNone
	m.setLocked(v)
}

// Home returns to the home screen, keeping the search.
func (m *Machine) Home() {
	m.mu.Lock()
	if m.card == nil || (m.view.Screen != ScreenItem && m.view.Screen != ScreenPrinted && !backHome[m.view.Screen]) {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	v := m.view
	v.Screen, v.Item, v.Notice = ScreenHome, nil, NoticeNone
	m.leaveApplyLocked(&v)
	v.Dept, v.DeptItems, v.Departments = nil, nil, nil
	m.setLocked(v)
}
