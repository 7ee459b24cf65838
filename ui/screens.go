package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/govkiosk/kiosk/kiosk/session"
)

// frame puts the language switch at the top right of every screen and the notice, if
// any, at the bottom.
func (u *UI) frame(v session.View, body fyne.CanvasObject) fyne.CanvasObject {
	other := "en"
	if v.Language == "en" {
		other = "zh"
	}
	lang := button(tr(v.Language, txtSwitchLang), false, 200, func() { u.core.SetLanguage(other) })
	sizeKey := txtLargeText
	if v.LargeText {
		sizeKey = txtStandardText
	}
	size := button(tr(v.Language, sizeKey), false, 260, u.core.ToggleLargeText)
	var offline fyne.CanvasObject
	if v.Offline && v.Screen != session.ScreenTechPIN && v.Screen != session.ScreenTechStatus {
		offline = u.offlineBand(v)
	}
	top := container.NewBorder(nil, nil, size, lang, offline)
	screen := container.NewBorder(top, nil, nil, nil, body)
	if v.Notice == session.NoticeNone && v.Countdown == 0 {
		return screen
	}
	// The notice and the countdown lie over the bottom of the screen, so that they never
	// push the screen's own content off it.
	band := container.NewVBox()
	if v.Notice != session.NoticeNone {
		band.Add(u.notice(tr(v.Language, string(v.Notice))))
	}
	if v.Countdown > 0 {
		band.Add(u.notice(fmt.Sprintf(tr(v.Language, txtCountdown), v.Countdown)))
		band.Add(container.NewCenter(bigButton(tr(v.Language, txtContinue), true, u.core.Continue)))
	}
	solid := container.NewStack(canvas.NewRectangle(u.st.band), band)
	return container.NewStack(screen, container.NewBorder(nil, solid, nil, nil))
}

func (u *UI) attract(v session.View) fyne.CanvasObject {
	l := v.Language
	hint := u.heading(tr(l, txtPlaceCard), 40, false)
	band := canvas.NewRectangle(u.st.pulseLow)
	band.SetMinSize(fyne.NewSize(720*u.st.scale, 140*u.st.scale))
	band.CornerRadius = 16
	if u.opts.Animate {
		// A gentle pulse of the band behind the instruction.
		u.stopPulse = startPulse(band, u.st.pulseLow, u.st.pulseHigh)
	}
	body := centered(
		u.heading(tr(l, txtTitle), 64, true),
		u.heading(tr(l, txtSubtitle), 32, false),
		container.NewCenter(container.NewStack(band, container.NewCenter(hint))),
	)
	// The hidden corner for technicians, at the bottom right.
	corner := container.NewBorder(nil, container.NewBorder(nil, nil, nil, newHiddenCorner(u.core.TechGesture)), nil, nil)
	return container.NewStack(body, corner)
}

func (u *UI) printing(v session.View) fyne.CanvasObject {
	bar := widget.NewProgressBarInfinite()
	return centered(
		u.heading(tr(v.Language, txtPrinting), 48, false),
		container.NewCenter(container.NewGridWrap(fyne.NewSize(600, 40), bar)),
	)
}

func (u *UI) printed(v session.View) fyne.CanvasObject {
	l := v.Language
	return centered(
		u.heading(tr(l, txtPrinted), 48, true),
		container.NewCenter(container.NewHBox(
			bigButton(tr(l, txtOtherService), false, u.core.Home),
			bigButton(tr(l, txtRateAndFinish), true, u.core.ToRating),
		)),
		message(tr(l, txtTakeCardEnds)),
	)
}

func (u *UI) takeCard(v session.View) fyne.CanvasObject {
	return centered(u.paragraph(tr(v.Language, txtTakeCard)))
}
