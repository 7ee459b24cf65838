package ui

import (
	"fmt"
	"image/color"
	"time"

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
	top := container.NewBorder(nil, nil, nil, lang)
	bottom := container.NewVBox()
	if v.Notice != session.NoticeNone {
		bottom.Add(notice(tr(v.Language, string(v.Notice))))
	}
	if v.Countdown > 0 {
		bottom.Add(notice(fmt.Sprintf(tr(v.Language, txtCountdown), v.Countdown)))
		bottom.Add(container.NewCenter(bigButton(tr(v.Language, txtContinue), true, u.core.Continue)))
	}
	return container.NewBorder(top, bottom, nil, nil, body)
}

func (u *UI) attract(v session.View) fyne.CanvasObject {
	l := v.Language
	hint := heading(tr(l, txtPlaceCard), 40, colorText)
	band := canvas.NewRectangle(color.NRGBA{R: 0xfd, G: 0xe8, B: 0xeb, A: 0xff})
	band.SetMinSize(fyne.NewSize(720, 140))
	band.CornerRadius = 16
	if u.opts.Animate {
		// A gentle pulse of the band behind the instruction.
		lo, hi := color.NRGBA{R: 0xfd, G: 0xe8, B: 0xeb, A: 0xff}, color.NRGBA{R: 0xf6, G: 0xb8, B: 0xc0, A: 0xff}
		u.anim = canvas.NewColorRGBAAnimation(lo, hi, 1500*time.Millisecond, func(c color.Color) {
			band.FillColor = c
			band.Refresh()
		})
		u.anim.AutoReverse = true
		u.anim.RepeatCount = fyne.AnimationRepeatForever
		u.anim.Start()
	}
	return centered(
		heading(tr(l, txtTitle), 64, colorPrimary),
		heading(tr(l, txtSubtitle), 32, colorText),
		container.NewCenter(container.NewStack(band, container.NewCenter(hint))),
	)
}

func (u *UI) home(v session.View) fyne.CanvasObject {
	l := v.Language
	return centered(
		heading(fmt.Sprintf(tr(l, txtHello), v.Greeting), 56, colorPrimary),
		container.NewCenter(bigButton(tr(l, txtPrintProof), true, u.core.Print)),
		message(tr(l, txtTakeCardEnds)),
	)
}

func (u *UI) printing(v session.View) fyne.CanvasObject {
	bar := widget.NewProgressBarInfinite()
	return centered(
		heading(tr(v.Language, txtPrinting), 48, colorText),
		container.NewCenter(container.NewGridWrap(fyne.NewSize(600, 40), bar)),
	)
}

func (u *UI) printed(v session.View) fyne.CanvasObject {
	l := v.Language
	return centered(
		heading(tr(l, txtPrinted), 48, colorPrimary),
		container.NewCenter(bigButton(tr(l, txtBack), false, u.core.Back)),
		message(tr(l, txtTakeCardEnds)),
	)
}

func (u *UI) takeCard(v session.View) fyne.CanvasObject {
	return centered(heading(tr(v.Language, txtTakeCard), 44, colorPrimary))
}
