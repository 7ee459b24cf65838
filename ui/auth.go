package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/govkiosk/kiosk/kiosk/session"
)

// The screens between the card and the home screen, the second factor's code pad, and
// the offline band.

// reading asks the citizen to leave the card on the reader while it is read.
func (u *UI) reading(v session.View) fyne.CanvasObject {
	return u.waiting(tr(v.Language, txtReading), tr(v.Language, txtKeepCard))
}

// authenticating shows that central checks the card.
func (u *UI) authenticating(v session.View) fyne.CanvasObject {
	return u.waiting(tr(v.Language, txtAuthenticating), tr(v.Language, txtKeepCard))
}

func (u *UI) waiting(title, hint string) fyne.CanvasObject {
	return centered(
		u.heading(title, 48, true),
		progressBar(),
		u.heading(hint, 32, false),
	)
}

// secondFactor is the pad for the code sent to the citizen's phone. The digits are the
// session's (each key is a touch that keeps the session alive), shown as typed.
func (u *UI) secondFactor(v session.View) fyne.CanvasObject {
	l := v.Language
	sent := tr(l, txtCodeSending)
	if v.MaskedPhone != "" {
		sent = fmt.Sprintf(tr(l, txtCodeSentTo), v.MaskedPhone)
	}
	shown := tr(l, txtEnterCode)
	switch {
	case v.Checking:
		shown = tr(l, txtCodeChecking)
	case v.Code != "":
		shown = v.Code
	}
	keyb := func(label string, tap func()) fyne.CanvasObject { return button(label, false, 160, tap) }
	var keys []fyne.CanvasObject
	for _, d := range "123456789" {
		keys = append(keys, keyb(string(d), func() { u.core.CodeKey(string(d)) }))
	}
	keys = append(keys,
		keyb(tr(l, txtClear), u.core.CodeClear),
		keyb("0", func() { u.core.CodeKey("0") }),
		button(tr(l, txtOK), true, 160, u.core.SubmitCode),
	)
	pad := container.NewGridWithColumns(3, keys...)
	side := container.NewVBox(
		u.heading(sent, 28, false),
		u.heading(shown, 40, true),
		container.NewCenter(bigButton(tr(l, txtCancel), false, u.core.CancelSecondFactor)),
	)
	return centered(
		u.heading(tr(l, txtCodeTitle), 44, true),
		container.NewCenter(container.NewHBox(container.NewCenter(side), gapWide(), pad)),
	)
}

// gapWide is horizontal space between side-by-side parts.
func gapWide() fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(48, 1))
}

// offlineBand says, on every citizen screen of an offline session, what still works. It
// sits in the top bar between the two buttons (see topBand).
func (u *UI) offlineBand(v session.View) fyne.CanvasObject {
	return u.topBand(tr(v.Language, txtOffline))
}
