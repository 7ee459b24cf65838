package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/govkiosk/kiosk/kiosk/session"
)

// listLayout is how many entries of a paged list fit a screen, in how many columns of
// what width: Chinese names are short, English names and large type need the whole line.
type listLayout struct {
	cols, rows int
	width      float32
}

func (l listLayout) perPage() int { return l.cols * l.rows }

// deptLayout lays out the departments: the longest English name is 62 letters.
func (u *UI) deptLayout(lang string) listLayout {
	switch {
	case lang == "en" && u.st.scale > 1:
		return listLayout{1, 6, 1200}
	case lang == "en":
		return listLayout{1, 6, 1120}
	case u.st.scale > 1:
		return listLayout{2, 6, 560}
	}
	return listLayout{3, 6, 380}
}

// itemLayout lays out a department's items, whose names are longer.
func (u *UI) itemLayout(lang string) listLayout {
	switch {
	case lang == "en" && u.st.scale > 1: // the department's name may take two lines
		return listLayout{1, 5, 1200}
	case lang == "en" || u.st.scale > 1:
		return listLayout{1, 6, 1120}
	}
	return listLayout{2, 6, 560}
}

// departments lists the departments, a page at a time.
func (u *UI) departments(v session.View) fyne.CanvasObject {
	l := v.Language
	lay := u.deptLayout(l)
	grid := container.NewGridWithColumns(lay.cols)
	first, last := pageBounds(v.DeptFirst, lay.perPage(), len(v.Departments))
	for _, d := range v.Departments[first:last] {
		name := d.NameZH
		if l == "en" && d.NameEN != "" {
			name = d.NameEN
		}
		grid.Add(button(name, false, lay.width, func() { u.core.OpenDepartment(d.Code) }))
	}
	return u.pagedList(l, u.heading(tr(l, txtChooseDept), 40, true), grid, first, lay.perPage(), len(v.Departments))
}

// department lists one department's items, a page at a time.
func (u *UI) department(v session.View) fyne.CanvasObject {
	l := v.Language
	title := ""
	if v.Dept != nil {
		title = v.Dept.NameZH
		if l == "en" && v.Dept.NameEN != "" {
			title = v.Dept.NameEN
		}
	}
	lay := u.itemLayout(l)
	first, last := pageBounds(v.ItemFirst, lay.perPage(), len(v.DeptItems))
	var list fyne.CanvasObject = message(tr(l, txtNoItems))
	if len(v.DeptItems) > 0 {
		grid := container.NewGridWithColumns(lay.cols)
		for _, it := range v.DeptItems[first:last] {
			grid.Add(button(itemName(it, l), false, lay.width, func() { u.core.OpenItem(it.Code) }))
		}
		list = grid
	}
	return u.pagedList(l, u.paragraph(title), list, first, lay.perPage(), len(v.DeptItems))
}

// pageBounds is the part of a list of n shown from first, per a page.
func pageBounds(first, per, n int) (int, int) {
	first = max(0, min(first, n-1))
	return first, min(n, first+per)
}

// pagedList puts a title over a page of a list, and Back, the previous and next page
// buttons and where the page is under it.
func (u *UI) pagedList(l string, title, list fyne.CanvasObject, first, per, n int) fyne.CanvasObject {
	prev := pageButton(tr(l, txtPrevPage), first > 0, func() { u.core.PageTo(max(0, first-per)) })
	next := pageButton(tr(l, txtNextPage), first+per < n, func() { u.core.PageTo(first + per) })
	pages := max(1, (n+per-1)/per)
	where := u.heading(fmt.Sprintf(tr(l, txtPageOf), min(pages, first/per+1), pages), 24, false)
	nav := container.NewHBox(button(tr(l, txtBack), false, 240, u.core.Back), prev, where, next)
	return container.NewBorder(title, container.NewCenter(nav), nil, nil,
		container.NewVBox(container.NewCenter(list)))
}

// pageButton is a previous or next page button, greyed out at either end of the list.
func pageButton(label string, enabled bool, tap func()) fyne.CanvasObject {
	b := widget.NewButton(label, tap)
	if !enabled {
		b.Disable()
	}
	pad := canvas.NewRectangle(color.Transparent)
	pad.SetMinSize(fyne.NewSize(260, minTouch))
	return container.NewStack(pad, b)
}
