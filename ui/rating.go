package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/govkiosk/kiosk/kiosk/session"
)

// rate asks how the service was: three large answers, and the reasons when dissatisfied.
func (u *UI) rate(v session.View) fyne.CanvasObject {
	l := v.Language
	if v.AskReasons {
		reasons := container.NewGridWithColumns(2)
		for _, r := range session.Reasons {
			reasons.Add(bigButton(tr(l, "reason_"+r), false, func() { u.core.Rate(session.ScoreDissatisfied, []string{r}) }))
		}
		return centered(u.heading(tr(l, txtWhyDissatisfied), 44, true), container.NewCenter(reasons))
	}
	answers := container.NewHBox(
		bigButton(tr(l, txtSatisfied), true, func() { u.core.Rate(session.ScoreSatisfied, nil) }),
		bigButton(tr(l, txtBasically), false, func() { u.core.Rate(session.ScoreBasically, nil) }),
		bigButton(tr(l, txtDissatisfied), false, func() { u.core.Rate(session.ScoreDissatisfied, nil) }),
	)
	return centered(
		u.heading(tr(l, txtRateTitle), 44, true),
		container.NewCenter(answers),
		container.NewCenter(bigButton(tr(l, txtSkipRating), false, u.core.SkipRating)),
	)
}

// goodbye thanks the citizen and reminds them of their card and papers.
func (u *UI) goodbye(v session.View) fyne.CanvasObject {
	return centered(u.paragraph(tr(v.Language, txtGoodbye)))
}
