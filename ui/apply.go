package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/govkiosk/kiosk/kiosk/session"
)

// The application screens: one field at a time, the review, submitting, the result.

// fieldLabel is a field's label in the citizen's language.
func fieldLabel(f session.FieldView, l string) string {
	if l == "en" && f.LabelEN != "" {
		return f.LabelEN
	}
	return f.LabelZH
}

// fieldError is a field's message in the citizen's language.
func fieldError(f session.FieldView, l string) string {
	if l == "en" {
		return f.ErrorEN
	}
	return f.ErrorZH
}

// shownValue is a value as the review shows it: a choice by its option's label.
func shownValue(f session.FieldView, l string) string {
	for _, o := range f.Options {
		if o.Value == f.Shown {
			if l == "en" {
				return o.LabelEN
			}
			return o.LabelZH
		}
	}
	return f.Shown
}

// form shows the field being filled in: its label, what was typed, its message, and the
// keys its type takes (or its options), with Back and Next.
func (u *UI) form(v session.View) fyne.CanvasObject {
	l, a := v.Language, v.Apply
	if a == nil || a.Current < 0 || a.Current >= len(a.Fields) || v.Item == nil {
		return u.attract(v)
	}
	f := a.Fields[a.Current]
	label := fieldLabel(f, l)
	if !f.Required {
		label += tr(l, txtOptional)
	}
	top := container.NewVBox(
		u.heading(itemName(*v.Item, l)+" · "+fmt.Sprintf(tr(l, txtStep), a.Step, a.Steps), 24, false),
		u.heading(label, 36, true),
	)
	var input fyne.CanvasObject
	if f.Type == "choice" {
		opts := container.NewGridWithColumns(2)
		for _, o := range f.Options {
			text := o.LabelZH
			if l == "en" {
				text = o.LabelEN
			}
			if o.Value == f.Shown {
				text = markOK + " " + text
			}
			opts.Add(button(text, o.Value == f.Shown, 480, func() { u.core.FormChoose(o.Value) }))
		}
		top.Add(u.heading(tr(l, txtChooseHint), 24, false))
		input = container.NewCenter(opts)
	} else {
		shown := f.Shown + " " + cursor
		if f.Shown == "" && f.Type == "date" {
			shown = tr(l, txtDateHint)
		}
		size := 32 * u.st.scale
		// A long value shows its end, where the citizen types.
		typed := canvas.NewText(tailThatFits(shown, size, 960-4*theme.Padding()), u.st.primary)
		typed.TextSize = size
		box := canvas.NewRectangle(u.st.button)
		box.CornerRadius = 8
		box.SetMinSize(fyne.NewSize(720, 64))
		// A fixed width: a long value must not widen the screen.
		top.Add(container.NewCenter(container.NewGridWrap(fyne.NewSize(960, 64+2*theme.Padding()),
			container.NewStack(box, container.NewPadded(typed)))))
		input = u.formKeys(l, f.Type)
	}
	if e := fieldError(f, l); e != "" {
		top.Add(u.heading(e, 26, true))
	}
	next := tr(l, txtNext)
	if a.Step == a.Steps {
		next = tr(l, txtToReview)
	}
	nav := container.NewCenter(container.NewHBox(
		bigButton(tr(l, txtBack), false, u.core.FormBack),
		bigButton(next, true, u.core.FormNext),
	))
	// The buttons follow the keys, leaving the bottom of the screen to a notice.
	return container.NewVBox(top, input, nav, layout.NewSpacer())
}

// formKeys is the on-screen keyboard for a field of type typ: digits only for phone
// numbers and dates, digits and a point for amounts, letters too for text and ID numbers.
func (u *UI) formKeys(l, typ string) fyne.CanvasObject {
	rows := container.NewVBox()
	tap := func(k string) func() { return func() { u.core.FormKey(k) } }
	edit := []fyne.CanvasObject{key(tr(l, txtBackspace), 140, u.core.FormBackspace), key(tr(l, txtClear), 140, u.core.FormClear)}
	switch typ {
	case "phone", "date", "amount":
		keys := container.NewHBox()
		for _, r := range keyRows[0] {
			keys.Add(key(string(r), 96, tap(string(r))))
		}
		if typ == "amount" {
			keys.Add(key(".", 96, tap(".")))
		}
		rows.Add(container.NewCenter(keys))
		rows.Add(container.NewCenter(container.NewHBox(edit...)))
		return rows
	}
	for i, row := range keyRows {
		keys := container.NewHBox()
		for _, r := range row {
			keys.Add(key(strings.ToUpper(string(r)), 96, tap(string(r))))
		}
		if i == len(keyRows)-1 {
			if typ == "text" {
				keys.Add(key(tr(l, txtSpace), 120, tap(" ")))
			}
			for _, e := range edit {
				keys.Add(e)
			}
		}
		rows.Add(container.NewCenter(keys))
	}
	return rows
}

// review shows every value, masked where personal, each with Change, and Submit.
func (u *UI) review(v session.View) fyne.CanvasObject {
	l, a := v.Language, v.Apply
	if a == nil || v.Item == nil {
		return u.attract(v)
	}
	list := container.NewVBox()
	for _, f := range a.Fields {
		text := fmt.Sprintf(tr(l, txtReviewLine), fieldLabel(f, l), shownValue(f, l))
		if f.FromCard {
			text += tr(l, txtFromCard)
		}
		if e := fieldError(f, l); e != "" {
			text += "  " + markFault + " " + e
		}
		line := widget.NewLabel(text)
		line.Truncation = fyne.TextTruncateEllipsis
		// Every row as high as a button, so that the lines keep one spacing.
		row := canvas.NewRectangle(color.Transparent)
		row.SetMinSize(fyne.NewSize(180, minTouch))
		var edit fyne.CanvasObject = row
		if !f.FromCard {
			edit = button(tr(l, txtEdit), false, 180, func() { u.core.FormEdit(f.Key) })
		}
		list.Add(container.NewBorder(nil, nil, nil, edit, line))
	}
	actions := container.NewCenter(container.NewHBox(
		bigButton(tr(l, txtCancelApply), false, u.core.Home),
		bigButton(tr(l, txtSubmit), true, u.core.Submit),
	))
	top := container.NewVBox(u.heading(tr(l, txtReviewTitle), 36, true))
	if u.st.scale == 1 { // large type needs the line for the fields
		top.Add(u.heading(itemName(*v.Item, l), 24, false))
	}
	return container.NewVBox(top, container.NewCenter(container.NewGridWrap(fyne.NewSize(1080, list.MinSize().Height), list)),
		actions, layout.NewSpacer())
}

func (u *UI) submitting(v session.View) fyne.CanvasObject {
	return centered(
		u.heading(tr(v.Language, txtSubmitting), 48, false),
		progressBar(),
	)
}

// result shows the outcome: approved or not with central's reasons, accepted with the
// reference, or kept here with the local reference; a receipt can be printed.
func (u *UI) result(v session.View) fyne.CanvasObject {
	l := v.Language
	if v.Apply == nil || v.Apply.Result == nil || v.Item == nil {
		return u.attract(v)
	}
	r := v.Apply.Result
	title, ok := texts[l]["result_"+r.Status]
	if !ok {
		title = tr(l, "result_other")
	}
	parts := []fyne.CanvasObject{u.heading(itemName(*v.Item, l), 28, false), u.paragraph(title)}
	if r.Reference != "" {
		ref := txtReference
		if r.Status == session.StatusQueued {
			ref = txtLocalReference
		}
		parts = append(parts, u.heading(fmt.Sprintf(tr(l, ref), r.Reference), 36, true))
	}
	reasons := r.ReasonsZH
	if l == "en" {
		reasons = r.ReasonsEN
	}
	if len(reasons) > 0 {
		parts = append(parts, message(strings.Join(reasons[:min(3, len(reasons))], "\n")))
	}
	actions := container.NewHBox()
	if r.Reference != "" && v.Receipts {
		actions.Add(bigButton(tr(l, txtPrintReceipt), false, u.core.PrintReceipt))
	}
	actions.Add(bigButton(tr(l, txtOtherService), false, u.core.Home))
	actions.Add(bigButton(tr(l, txtRateAndFinish), true, u.core.ToRating))
	parts = append(parts, container.NewCenter(actions))
	return centered(parts...)
}

// tailThatFits is s, or "…" and as much of its end as fits width at the text size.
func tailThatFits(s string, size, width float32) string {
	if fyne.MeasureText(s, size, fyne.TextStyle{}).Width <= width {
		return s
	}
	r := []rune(s)
	for i := 1; i < len(r); i++ {
		if t := "…" + string(r[i:]); fyne.MeasureText(t, size, fyne.TextStyle{}).Width <= width {
			return t
		}
	}
	return "…"
}
