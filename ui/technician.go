package ui

import (
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/govkiosk/kiosk/kiosk/session"
)

// Technician mode's hidden gesture: gestureTaps taps on the attract screen's bottom right
// corner within gestureWindow.
const (
	gestureTaps   = 5
	gestureWindow = 3 * time.Second
	maxPINDigits  = 8
)

// Marks drawn outside the texts table; TestTextsAreCompleteAndCovered checks the font has them.
const (
	markOK    = "✓"
	markFault = "×"
	pinDot    = "●"
)

func statusText(l session.StatusLine) string {
	mark := markOK
	if !l.OK {
		mark = markFault
	}
	return mark + " " + l.Label + ": " + l.Value
}

// hiddenCorner is an invisible tap target; it counts taps and calls open on the fifth
// within the window.
type hiddenCorner struct {
	widget.BaseWidget
	now  func() time.Time
	taps []time.Time
	open func()
}

func newHiddenCorner(open func()) *hiddenCorner {
	h := &hiddenCorner{open: open, now: time.Now}
	h.ExtendBaseWidget(h)
	return h
}

func (h *hiddenCorner) Tapped(*fyne.PointEvent) {
	now := h.now()
	keep := h.taps[:0]
	for _, t := range h.taps {
		if now.Sub(t) < gestureWindow {
			keep = append(keep, t)
		}
	}
	h.taps = append(keep, now)
	if len(h.taps) >= gestureTaps {
		h.taps = nil
		h.open()
	}
}

func (h *hiddenCorner) MinSize() fyne.Size { return fyne.NewSize(minTouch, minTouch) }

func (h *hiddenCorner) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// pinPad is the technician's PIN pad. The digits typed stay in the UI until OK.
func (u *UI) pinPad(v session.View) fyne.CanvasObject {
	l := v.Language
	pin := ""
	shown := u.heading("", 36, false)
	show := func() {
		shown.Text = strings.Repeat(pinDot, len(pin))
		if pin == "" {
			shown.Text = tr(l, txtEnterPIN)
		}
		shown.Refresh()
	}
	show()
	key := func(label string, tap func()) fyne.CanvasObject { return button(label, false, 160, tap) }
	var keys []fyne.CanvasObject
	for _, d := range "123456789" {
		keys = append(keys, key(string(d), func() {
			if len(pin) < maxPINDigits {
				pin += string(d)
				show()
			}
		}))
	}
	keys = append(keys,
		key(tr(l, txtClear), func() { pin = ""; show() }),
		key("0", func() {
			if len(pin) < maxPINDigits {
				pin += "0"
				show()
			}
		}),
		button(tr(l, txtOK), true, 160, func() { p := pin; pin = ""; show(); u.core.TechPIN(p) }),
	)
	return centered(
		u.heading(tr(l, txtTechTitle), 44, true),
		shown,
		container.NewCenter(container.NewGridWithColumns(3, keys...)),
		container.NewCenter(bigButton(tr(l, txtCancel), false, u.core.TechExit)),
	)
}

// techStatus is the minimal status screen a correct PIN opens.
func (u *UI) techStatus(v session.View) fyne.CanvasObject {
	l := v.Language
	rows := container.NewVBox()
	for _, line := range v.Status {
		c := u.st.text
		if !line.OK {
			c = u.st.primary
		}
		t := canvas.NewText(statusText(line), c)
		t.TextSize = 24 // for technicians: the same in every mode
		rows.Add(t)
	}
	return centered(
		u.heading(tr(l, txtTechStatusTitle), 44, true),
		container.NewCenter(rows),
		container.NewCenter(container.NewHBox(
			bigButton(tr(l, txtRefresh), false, u.core.TechRefresh),
			bigButton(tr(l, txtExit), true, u.core.TechExit),
		)),
	)
}
