package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/govkiosk/kiosk/kiosk/session"
)

// applications lists the citizen's applications: item, date submitted, stage.
func (u *UI) applications(v session.View) fyne.CanvasObject {
	l, a := v.Language, v.Applications
	parts := []fyne.CanvasObject{u.heading(tr(l, txtAppsTitle), 44, true)}
	switch {
	case a == nil || a.Loading:
		parts = append(parts, u.heading(tr(l, txtAsking), 32, false))
	case a.Failed && len(a.Lines) == 0:
		parts = append(parts, u.paragraph(tr(l, txtAppsFailed)))
	case len(a.Lines) == 0:
		parts = append(parts, u.heading(tr(l, txtNoApps), 32, false))
	default:
		if a.Failed { // central did not answer: these are the ones waiting here
			parts = append(parts, u.paragraph(tr(l, txtAppsFailed)))
		}
		list := container.NewVBox()
		lines := a.Lines
		if u.st.scale > 1 { // large type: the newest four fit
			lines = lines[:min(4, len(lines))]
		}
		for _, line := range lines {
			name, stage := line.ItemZH, line.StageZH
			if l == "en" {
				name, stage = line.ItemEN, line.StageEN
			}
			if line.Waiting {
				stage = tr(l, txtWaitingHere)
			}
			// The name comes last: a long one is cut, never the stage or the reference.
			w := widget.NewLabel(fmt.Sprintf("%s · %s · %s · %s", line.Submitted.Format("2006-01-02"), stage, line.Reference, name))
			w.Truncation = fyne.TextTruncateEllipsis
			list.Add(w)
		}
		parts = append(parts, container.NewCenter(container.NewGridWrap(fyne.NewSize(1160, list.MinSize().Height), list)))
	}
	parts = append(parts, container.NewCenter(bigButton(tr(l, txtHome), true, u.core.Home)))
	return centered(parts...)
}

// ticket shows a queue number for a staffed counter, which can be printed.
func (u *UI) ticket(v session.View) fyne.CanvasObject {
	l, t := v.Language, v.Ticket
	parts := []fyne.CanvasObject{u.heading(tr(l, txtTicketTitle), 44, true)}
	actions := container.NewHBox()
	switch {
	case t == nil || t.Loading:
		parts = append(parts, u.heading(tr(l, txtAsking), 32, false))
	case t.Failed:
		parts = append(parts, u.paragraph(tr(l, txtTicketFailed)))
	default:
		hall := t.HallZH
		if l == "en" && t.HallEN != "" {
			hall = t.HallEN
		}
		number := u.heading(t.Number, 96, true)
		parts = append(parts,
			u.heading(hall, 28, false),
			u.heading(tr(l, txtYourNumber)+" · "+fmt.Sprintf(tr(l, txtCounterGroup), t.Group), 28, false),
			number,
			u.heading(fmt.Sprintf(tr(l, txtAhead), t.Ahead), 28, false),
		)
		if v.Receipts {
			actions.Add(bigButton(tr(l, txtPrintTicket), true, u.core.PrintReceipt))
		}
	}
	actions.Add(bigButton(tr(l, txtHome), t != nil && (t.Failed || !v.Receipts), u.core.Home))
	return centered(append(parts, container.NewCenter(actions))...)
}
