package session

import (
	"strings"
	"unicode/utf8"

	"github.com/govkiosk/kiosk/kiosk/form"
)

// Typing into a form. There is no IME: the on-screen keyboard types letters, digits, a
// space and a point into the field being filled in (ApplyView.Current); each field takes
// only what its type can hold. Letters are upper case (credit codes, English names,
// pinyin). A date is typed as digits YYYYMMDD and shown as YYYY-MM-DD as it grows. A
// choice field is not typed: the citizen taps one of its options (FormChoose).

// maxText is the length a text field without a max_len rule takes.
const maxText = 60

// FormKey types one key into the field being filled in.
func (m *Machine) FormKey(key string) {
	m.editField(func(f fieldKind, val string) string {
		k := strings.ToUpper(key)
		if utf8.RuneCountInString(k) != 1 || !f.accepts(k[0]) {
			return val
		}
		if f.typ == form.TypeDate {
			digits := strings.ReplaceAll(val, "-", "") + k
			if len(digits) > 8 {
				return val
			}
			return dateShape(digits)
		}
		if utf8.RuneCountInString(val) >= f.max {
			return val
		}
		return val + k
	})
}

// FormBackspace takes the last character off the field; FormClear empties it.
func (m *Machine) FormBackspace() {
	m.editField(func(f fieldKind, val string) string {
		if f.typ == form.TypeDate {
			d := strings.ReplaceAll(val, "-", "")
			if d == "" {
				return ""
			}
			return dateShape(d[:len(d)-1])
		}
		_, n := utf8.DecodeLastRuneInString(val)
		return val[:len(val)-n]
	})
}

// FormClear empties the field being filled in.
func (m *Machine) FormClear() { m.editField(func(fieldKind, string) string { return "" }) }

// FormChoose picks an option of the choice field being filled in.
func (m *Machine) FormChoose(value string) {
	m.editField(func(f fieldKind, val string) string {
		if f.typ != form.TypeChoice {
			return val
		}
		for _, o := range f.options {
			if o == value {
				return value
			}
		}
		return val
	})
}

// fieldKind is what editing needs of a field.
type fieldKind struct {
	typ     string
	max     int
	options []string
}

func (f fieldKind) accepts(c byte) bool {
	digit, letter := c >= '0' && c <= '9', c >= 'A' && c <= 'Z'
	switch f.typ {
	case form.TypePhone, form.TypeDate:
		return digit
	case form.TypeAmount:
		return digit || c == '.'
	case form.TypeIDNumber:
		return digit || letter
	case form.TypeChoice:
		return false
	}
	return digit || letter || c == ' '
}

// editField changes the value of the field being filled in and shows it.
func (m *Machine) editField(edit func(f fieldKind, val string) string) {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenForm || m.apply == nil || m.apply.cur < 0 {
		m.mu.Unlock()
		return
	}
	st := m.apply
	f := st.item.Form[st.cur]
	k := fieldKind{typ: f.Type, max: maxText}
	switch f.Type {
	case form.TypePhone:
		k.max = 11
	case form.TypeIDNumber:
		k.max = 18
	case form.TypeAmount:
		k.max = 15
	}
	if f.Rules.MaxLen != nil && *f.Rules.MaxLen > 0 {
		k.max = min(*f.Rules.MaxLen, k.max)
	}
	for _, o := range f.Options {
		k.options = append(k.options, o.Value)
	}
	val := st.values[f.Key]
	nv := edit(k, val)
	if nv == val {
		m.mu.Unlock()
		return
	}
	m.touchLocked()
	if nv == "" {
		delete(st.values, f.Key)
	} else {
		st.values[f.Key] = nv
	}
	delete(st.errs, f.Key) // the message was for the old value
	v := m.view
	if v.Notice == NoticeFixForm {
		v.Notice = NoticeNone
	}
	v.Apply = m.applyViewLocked(v.Screen)
	m.setLocked(v)
}

// dateShape puts the dashes into up to eight digits: "2026120" → "2026-12-0".
func dateShape(d string) string {
	switch {
	case len(d) > 6:
		return d[:4] + "-" + d[4:6] + "-" + d[6:]
	case len(d) > 4:
		return d[:4] + "-" + d[4:]
	}
	return d
}
