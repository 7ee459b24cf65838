package ui

import (
	"fyne.io/fyne/v2"

	"github.com/govkiosk/kiosk/kiosk/session"
)

// Core is what the screens need of the session: its view-model and its intents.
type Core interface {
	View() session.View
	Subscribe(func(session.View)) (cancel func())
	Print()
	Home()
	TypeKey(key string)
	Backspace()
	ClearQuery()
	OpenItem(code string)
	ToRating()
	Rate(score int, reasons []string)
	SkipRating()
	Continue()
	SetLanguage(lang string)
	ToggleLargeText()
	TechGesture()
	TechPIN(pin string)
	TechRefresh()
	TechExit()
	Apply()
	FormKey(key string)
	FormBackspace()
	FormClear()
	FormChoose(value string)
	FormNext()
	FormBack()
	FormEdit(key string)
	Submit()
	PrintReceipt()
	MyApplications()
	TakeTicket()
	CodeKey(digit string)
	CodeClear()
	SubmitCode()
	CancelSecondFactor()
	ConfirmPrint()
	Back()
	OpenDepartments()
	OpenDepartment(code string)
	PageTo(first int)
}

// Options tune the window.
type Options struct {
	// Animate runs the attract screen's animation (off in golden tests).
	Animate bool
}

// UI draws the session's screens into a window.
type UI struct {
	win  fyne.Window
	core Core
	opts Options
	// stopPulse stops the attract screen's pulse; nil when none runs.
	stopPulse func()
	st        style // the mode being drawn
}

// New returns the UI of core in win. Call Start to draw.
func New(win fyne.Window, core Core, opts Options) *UI {
	return &UI{win: win, core: core, opts: opts}
}

// Start draws the current view and redraws on every change until stop is called.
func (u *UI) Start() (stop func()) {
	u.render(u.core.View())
	return u.core.Subscribe(func(v session.View) {
		fyne.Do(func() { u.render(v) })
	})
}

// render replaces the window's content with the screen for v. It runs on Fyne's goroutine.
func (u *UI) render(v session.View) {
	if u.stopPulse != nil {
		u.stopPulse()
		u.stopPulse = nil
	}
	u.setMode(v.LargeText)
	var body fyne.CanvasObject
	switch v.Screen {
	case session.ScreenHome:
		body = u.home(v)
	case session.ScreenItem:
		body = u.item(v)
	case session.ScreenPrinting:
		body = u.printing(v)
	case session.ScreenPrinted:
		body = u.printed(v)
	case session.ScreenRate:
		body = u.rate(v)
	case session.ScreenGoodbye:
		body = u.goodbye(v)
	case session.ScreenTakeCard:
		body = u.takeCard(v)
	case session.ScreenTechPIN:
		body = u.pinPad(v)
	case session.ScreenTechStatus:
		body = u.techStatus(v)
	case session.ScreenForm:
		body = u.form(v)
	case session.ScreenReview:
		body = u.review(v)
	case session.ScreenSubmitting:
		body = u.submitting(v)
	case session.ScreenResult:
		body = u.result(v)
	case session.ScreenApplications:
		body = u.applications(v)
	case session.ScreenTicket:
		body = u.ticket(v)
	case session.ScreenReading:
		body = u.reading(v)
	case session.ScreenAuthenticating:
		body = u.authenticating(v)
	case session.ScreenSecondFactor:
		body = u.secondFactor(v)
	case session.ScreenPreparing:
		body = u.preparing(v)
	case session.ScreenPreview:
		body = u.preview(v)
	case session.ScreenDepartments:
		body = u.departments(v)
	case session.ScreenDepartment:
		body = u.department(v)
	default:
		body = u.attract(v)
	}
	u.win.SetContent(u.frame(v, body))
}

// setMode switches the theme between the standard and the large, high-contrast mode.
func (u *UI) setMode(large bool) {
	u.st = styleFor(large)
	settings := fyne.CurrentApp().Settings()
	if t, ok := settings.Theme().(*kioskTheme); ok && t.large != large {
		settings.SetTheme(t.withLarge(large))
	}
}
