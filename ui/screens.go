package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/govkiosk/kiosk/kiosk/session"
)

// frame puts the text size and language switches at the top of every screen, the
// offline band between them, and the notice, if any, at the bottom.
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
	if v.Notice == session.NoticeNone && v.Countdown == 0 {
		return container.NewBorder(container.NewBorder(nil, nil, size, lang, offline), nil, nil, nil, body)
	}
	if v.Countdown > 0 {
		// The countdown lies over the bottom of the screen with the notice, if any: its
		// Continue is what the citizen needs, and tapping it brings the screen back.
		band := container.NewVBox()
		if v.Notice != session.NoticeNone {
			band.Add(u.notice(tr(v.Language, string(v.Notice))))
		}
		band.Add(u.notice(fmt.Sprintf(tr(v.Language, txtCountdown), v.Countdown)))
		band.Add(container.NewCenter(bigButton(tr(v.Language, txtContinue), true, u.core.Continue)))
		solid := container.NewStack(canvas.NewRectangle(u.st.band), band)
		screen := container.NewBorder(container.NewBorder(nil, nil, size, lang, offline), nil, nil, nil, body)
		return container.NewStack(screen, container.NewBorder(nil, solid, nil, nil))
	}
	text := tr(v.Language, string(v.Notice))
	l := &noticeLayout{band: u.notice(text), slot: u.topBand(text), offline: offline}
	l.slot.Hide()
	middle := container.NewStack(l.slot)
	if offline != nil {
		middle.Add(offline)
	}
	l.screen = container.NewBorder(container.NewBorder(nil, nil, size, lang, middle), nil, nil, nil, body)
	return container.New(l, l.screen, l.band)
}

// noticeLayout shows a notice without covering anything: as a band at the bottom with
// the screen above it where the screen fits there, and otherwise in the top bar between
// the two switches (in place of the offline band, if any, while it shows), the screen
// keeping the whole window.
type noticeLayout struct {
	screen, band, slot, offline fyne.CanvasObject
}

func (l *noticeLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	bh := l.band.MinSize().Height
	below := l.screen.MinSize().Height+bh <= size.Height
	setVisible(l.band, below)
	setVisible(l.slot, !below)
	if l.offline != nil {
		setVisible(l.offline, below)
	}
	if below {
		l.screen.Move(fyne.NewPos(0, 0))
		l.screen.Resize(fyne.NewSize(size.Width, size.Height-bh))
		l.band.Move(fyne.NewPos(0, size.Height-bh))
		l.band.Resize(fyne.NewSize(size.Width, bh))
		return
	}
	l.screen.Move(fyne.NewPos(0, 0))
	l.screen.Resize(size)
}

func (l *noticeLayout) MinSize([]fyne.CanvasObject) fyne.Size { return l.screen.MinSize() }

// setVisible shows or hides o, touching it only when that changes.
func setVisible(o fyne.CanvasObject, visible bool) {
	switch {
	case visible && !o.Visible():
		o.Show()
	case !visible && o.Visible():
		o.Hide()
	}
}

// topBand is a message in the top bar between the two buttons, in the standard mode's
// small type even in the large mode, so that no screen loses room to it.
func (u *UI) topBand(text string) fyne.CanvasObject {
	r := widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		Alignment: fyne.TextAlignCenter,
		ColorName: theme.ColorNamePrimary,
		SizeName:  theme.SizeNameCaptionText,
		TextStyle: fyne.TextStyle{Bold: true},
	}})
	r.Wrapping = fyne.TextWrapWord
	bg := canvas.NewRectangle(u.st.band)
	bg.CornerRadius = 8
	// Centred in the bar: a one-line message as well as a three-line one.
	box := container.NewVBox(layout.NewSpacer(), r, layout.NewSpacer())
	return container.NewStack(bg, container.NewThemeOverride(box, bandTheme{fyne.CurrentApp().Settings().Theme()}))
}

// bandTheme keeps the top bar's messages' type at the standard mode's caption size.
type bandTheme struct{ fyne.Theme }

func (t bandTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameCaptionText {
		return 20
	}
	return t.Theme.Size(n)
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
	return centered(
		u.heading(tr(v.Language, txtPrinting), 48, false),
		progressBar(),
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
