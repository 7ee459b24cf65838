package session

// Department browsing: home → the departments → one department's items → an item, whose
// Back returns to that department.

const (
	ScreenDepartments Screen = "departments" // every department, paged
	ScreenDepartment  Screen = "department"  // one department's items, paged
)

// DepartmentView is a department as the screens show it.
type DepartmentView struct {
	Code           string
	NameZH, NameEN string
}

// OpenDepartments shows the list of departments from the home screen.
func (m *Machine) OpenDepartments() {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenHome || m.catalog == nil {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	v := m.view
	v.Screen, v.Notice = ScreenDepartments, NoticeNone
	v.Departments, v.DeptFirst = m.catalog.Departments(), 0
	v.Dept, v.DeptItems, v.ItemFirst = nil, nil, 0
	m.setLocked(v)
}

// OpenDepartment shows one department's items.
func (m *Machine) OpenDepartment(code string) {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenDepartments || m.catalog == nil {
		m.mu.Unlock()
		return
	}
	var dept *DepartmentView
	for _, d := range m.view.Departments {
		if d.Code == code {
			dept = &d
			break
		}
	}
	if dept == nil {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	v := m.view
	v.Screen, v.Notice = ScreenDepartment, NoticeNone
	v.Dept, v.DeptItems, v.ItemFirst = dept, m.catalog.DepartmentItems(code), 0
	m.setLocked(v)
}

// PageTo shows the list of the departments screen, or of the department screen, from
// its entry first on (the screens know how many fit a page).
func (m *Machine) PageTo(first int) {
	m.mu.Lock()
	if m.card == nil || first < 0 {
		m.mu.Unlock()
		return
	}
	v := m.view
	switch {
	case v.Screen == ScreenDepartments && first < len(v.Departments):
		v.DeptFirst = first
	case v.Screen == ScreenDepartment && first < len(v.DeptItems):
		v.ItemFirst = first
	default:
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	v.Countdown = 0
	m.setLocked(v)
}

// Back returns to where the citizen came from: from the preview to the item (dropping
// the proof), from an item to the department it was opened from or home, from a
// department to the departments, from the departments home.
func (m *Machine) Back() {
	m.mu.Lock()
	if m.card == nil {
		m.mu.Unlock()
		return
	}
	v := m.view
	switch v.Screen {
	case ScreenPreview:
		m.dropPreviewLocked(&v)
		v.Screen = ScreenItem
	case ScreenItem:
		v.Screen, v.Item = ScreenHome, nil
		if v.Dept != nil {
			v.Screen = ScreenDepartment
		}
	case ScreenDepartment:
		v.Screen, v.Dept, v.DeptItems, v.ItemFirst = ScreenDepartments, nil, nil, 0
	case ScreenDepartments:
		v.Screen, v.Departments, v.DeptFirst = ScreenHome, nil, 0
	default:
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	v.Notice, v.Countdown = NoticeNone, 0
	m.setLocked(v)
}
