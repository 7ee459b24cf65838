package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"github.com/govkiosk/kiosk/kiosk/session"
)

// pageHeight is the height of the preview's page on screen: an A4 page 424 wide.
const pageHeight = 600

// preparing says the proof is being fetched.
func (u *UI) preparing(v session.View) fyne.CanvasObject {
	objs := []fyne.CanvasObject{u.heading(tr(v.Language, txtPreparing), 40, false)}
	if v.Item != nil {
		objs = append(objs, u.paragraph(itemName(*v.Item, v.Language)))
	}
	objs = append(objs, progressBar())
	return centered(objs...)
}

// preview shows the proof's first page on the left, its name, page count and the two
// choices on the right.
func (u *UI) preview(v session.View) fyne.CanvasObject {
	l := v.Language
	paper := canvas.NewRectangle(color.White)
	paper.StrokeColor = color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}
	paper.StrokeWidth = 1
	paper.SetMinSize(fyne.NewSize(pageHeight*210/297, pageHeight))
	var page fyne.CanvasObject
	if v.Preview != nil && v.Preview.Image != nil {
		img := canvas.NewImageFromImage(v.Preview.Image)
		img.FillMode = canvas.ImageFillContain
		img.ScaleMode = canvas.ImageScaleSmooth
		page = container.NewStack(paper, img)
	} else {
		none := canvas.NewText(tr(l, txtNoPreview), color.NRGBA{R: 0x55, G: 0x55, B: 0x55, A: 0xff})
		none.TextSize = 28
		page = container.NewStack(paper, container.NewCenter(none))
	}
	var side []fyne.CanvasObject
	if v.Item != nil {
		side = append(side, u.paragraph(itemName(*v.Item, l)))
	}
	if v.Preview != nil && v.Preview.Pages > 0 {
		side = append(side, u.heading(fmt.Sprintf(tr(l, txtPages), v.Preview.Pages), 28, false))
	}
	side = append(side, message(tr(l, txtPreviewHint)), container.NewCenter(container.NewVBox(
		bigButton(tr(l, txtPrint), true, u.core.ConfirmPrint),
		bigButton(tr(l, txtBack), false, u.core.Back),
	)))
	return container.NewBorder(nil, nil, container.NewCenter(container.NewPadded(page)), nil, centered(side...))
}
