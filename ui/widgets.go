package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// minTouch is the smallest height of anything a citizen taps, in Fyne units (pixels at
// scale 1); DOMAIN.md and the issue ask for at least 60.
const minTouch = 80

// bigButton is a touch target at least minTouch high and 360 wide.
func bigButton(label string, important bool, tap func()) fyne.CanvasObject {
	return button(label, important, 360, tap)
}

// button is a touch target at least minTouch high and width wide.
func button(label string, important bool, width float32, tap func()) fyne.CanvasObject {
	b := widget.NewButton(label, tap)
	if important {
		b.Importance = widget.HighImportance
	}
	pad := canvas.NewRectangle(color.Transparent)
	pad.SetMinSize(fyne.NewSize(width, minTouch))
	return container.NewStack(pad, b)
}

// gap is vertical space between the parts of a screen.
func gap() fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(1, 32))
	return r
}

// heading is large centered text, in the primary colour when strong. In the large mode
// text grows, except headings already 40 or larger, which would no longer fit a line.
func (u *UI) heading(s string, size float32, strong bool) *canvas.Text {
	c := u.st.text
	if strong {
		c = u.st.primary
	}
	t := canvas.NewText(s, c)
	t.TextSize = size
	if size < 40 {
		t.TextSize = size * u.st.scale
	}
	t.Alignment = fyne.TextAlignCenter
	return t
}

// paragraph is a centered sub-heading in the primary colour that wraps.
func (u *UI) paragraph(s string) *widget.RichText {
	r := widget.NewRichText(&widget.TextSegment{Text: s, Style: widget.RichTextStyle{
		Alignment: fyne.TextAlignCenter,
		ColorName: theme.ColorNamePrimary,
		SizeName:  theme.SizeNameSubHeadingText,
	}})
	r.Wrapping = fyne.TextWrapWord
	return r
}

// message is a centered, wrapping paragraph.
func message(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.Alignment = fyne.TextAlignCenter
	return l
}

// notice is a message on a tinted band, for warnings the citizen must read.
func (u *UI) notice(s string) fyne.CanvasObject {
	bg := canvas.NewRectangle(u.st.band)
	return container.NewStack(bg, container.NewPadded(message(s)))
}

// progressBar is the waiting screens' bar: it moves without saying how far it is.
func progressBar() fyne.CanvasObject {
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(600, 40), widget.NewProgressBarInfinite()))
}

// centered stacks objects in the middle of the screen, with a gap between each.
func centered(objs ...fyne.CanvasObject) fyne.CanvasObject {
	all := []fyne.CanvasObject{layout.NewSpacer()}
	for i, o := range objs {
		if i > 0 {
			all = append(all, gap())
		}
		all = append(all, o)
	}
	return container.NewVBox(append(all, layout.NewSpacer())...)
}
