package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/kiosk/session"
)

// cursor follows what the citizen typed.
const cursor = "▏"

// keyRows is the on-screen keyboard: digits and letters for pinyin, initials and codes.
// There is no system keyboard or IME at a kiosk; the keys type into the session's query.
var keyRows = []string{"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"}

// keyboard is the on-screen keyboard; every key is at least 64 high.
func (u *UI) keyboard(l string) fyne.CanvasObject {
	rows := container.NewVBox()
	for i, row := range keyRows {
		keys := container.NewHBox()
		for _, r := range row {
			k := string(r)
			keys.Add(key(strings.ToUpper(k), 96, func() { u.core.TypeKey(k) }))
		}
		if i == len(keyRows)-1 {
			keys.Add(key(tr(l, txtBackspace), 140, u.core.Backspace))
			keys.Add(key(tr(l, txtClear), 140, u.core.ClearQuery))
		}
		rows.Add(container.NewCenter(keys))
	}
	return rows
}

// key is one key of the on-screen keyboard, or a search result: 64 high.
func key(label string, width float32, tap func()) fyne.CanvasObject {
	b := widget.NewButton(label, tap)
	pad := canvas.NewRectangle(color.Transparent)
	pad.SetMinSize(fyne.NewSize(width, 64))
	return container.NewStack(pad, b)
}

// home greets the citizen and lets them find a service: what they typed, what it finds
// (the most used proofs before they type), and the keyboard.
func (u *UI) home(v session.View) fyne.CanvasObject {
	l := v.Language
	line := container.NewHBox(u.heading(tr(l, txtSearchHint), 26, false))
	if v.Query != "" {
		typed := canvas.NewText(strings.ToUpper(v.Query)+" "+cursor, u.st.primary)
		typed.TextSize = 32 * u.st.scale
		line = container.NewHBox(u.heading(tr(l, txtSearch), 28, false), typed)
	}
	box := canvas.NewRectangle(u.st.button)
	box.CornerRadius = 8
	box.SetMinSize(fyne.NewSize(640, 64))
	search := container.NewHBox(container.NewStack(box, container.NewPadded(line)),
		button(tr(l, txtMyApps), false, 200, u.core.MyApplications))

	var caption string
	switch {
	case v.Query == "":
		caption = tr(l, txtPopular)
	case len(v.Results) == 0:
		caption = tr(l, txtNoResults)
	}
	// Two columns of Chinese names; English names and large type need the whole width,
	// so they get one column, of fewer rows to keep the keyboard on the screen.
	cols, shown, width := 2, len(v.Results), float32(560)
	switch {
	case u.st.scale > 1:
		cols, shown, width = 1, min(2, len(v.Results)), 1120
	case l == "en":
		cols, shown, width = 1, min(3, len(v.Results)), 1120
	}
	results := container.NewGridWithColumns(cols)
	for _, it := range v.Results[:shown] {
		code := it.Code
		results.Add(key(itemName(it, l), width, func() { u.core.OpenItem(code) }))
	}
	top := container.NewVBox(
		u.heading(fmt.Sprintf(tr(l, txtHello), v.Greeting), 36, true),
		container.NewCenter(container.NewHBox(search, button(tr(l, txtDepartments), false, 200, u.core.OpenDepartments))),
	)
	if caption != "" {
		top.Add(u.heading(caption, 24, false))
	}
	return container.NewBorder(top, u.keyboard(l), nil, nil,
		container.NewVBox(container.NewCenter(results), layout.NewSpacer()))
}

// itemName is an item's name in the citizen's language.
func itemName(it session.ItemView, lang string) string {
	if lang == "en" && it.NameEN != "" {
		return it.NameEN
	}
	return it.NameZH
}

// item shows one service: what it is, what to bring, fee and time limit, what next.
func (u *UI) item(v session.View) fyne.CanvasObject {
	l, it := v.Language, v.Item
	if it == nil {
		return u.attract(v)
	}
	dept, materials := it.DeptZH, it.MaterialsZH
	if l == "en" {
		dept, materials = it.DeptEN, it.MaterialsEN
	}
	fee := tr(l, txtFree)
	if it.FeeFen > 0 {
		fee = fmt.Sprintf(tr(l, txtFee), float64(it.FeeFen)/100)
	}
	limit := tr(l, txtInstant)
	if it.TimeLimitDays > 0 {
		limit = fmt.Sprintf(tr(l, txtTimeLimit), it.TimeLimitDays)
	}
	details := container.NewVBox(
		u.heading(dept+" · "+it.Code, 26, false),
		u.heading(fee+" · "+limit, 26, false),
	)
	if len(materials) > 0 {
		details.Add(message(fmt.Sprintf(tr(l, txtMaterials), strings.Join(materials[:min(3, len(materials))], tr(l, txtListSep)))))
	}
	next := tr(l, txtNextApply)
	switch {
	case it.Printable:
		next = tr(l, txtNextPrint)
	case it.Applicable():
		next = tr(l, txtNextForm)
	}
	details.Add(message(next))
	if it.SecondFactor && (it.Printable || it.Applicable()) {
		details.Add(message(tr(l, txtNeedsCode)))
	}
	actions := container.NewHBox(bigButton(tr(l, txtBack), false, u.core.Back))
	switch {
	case it.Printable:
		actions.Add(bigButton(tr(l, txtPrint), true, u.core.Print))
	case it.Applicable():
		apply := txtApply
		if it.Kind == centralapi.KindAppointment {
			apply = txtBook
		}
		actions.Add(bigButton(tr(l, apply), true, u.core.Apply))
	}
	// What this terminal cannot do is done at a staffed counter: a queue number.
	if !it.Printable && (!it.Applicable() || v.Notice == session.NoticeNotHere) {
		actions.Add(bigButton(tr(l, txtTakeTicket), !it.Applicable(), u.core.TakeTicket))
	}
	return centered(
		u.heading(itemName(*it, l), 48, true),
		details,
		container.NewCenter(actions),
	)
}
