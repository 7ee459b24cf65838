package main

import "github.com/govkiosk/kiosk/kiosk/session"

// Departments lists the catalog's departments in its order; none before there is a catalog.
func (c sessionCatalog) Departments() []session.DepartmentView {
	cur := c.a.catalog.Current()
	if cur == nil {
		return nil
	}
	out := make([]session.DepartmentView, 0, len(cur.Departments))
	for _, d := range cur.Departments {
		out = append(out, session.DepartmentView{Code: d.Code, NameZH: d.NameZH, NameEN: d.NameEN})
	}
	return out
}

// DepartmentItems lists a department's items in catalog order.
func (c sessionCatalog) DepartmentItems(code string) []session.ItemView {
	cur := c.a.catalog.Current()
	if cur == nil {
		return nil
	}
	var out []session.ItemView
	for _, it := range cur.ItemsOf(code) {
		out = append(out, c.view(it))
	}
	return out
}
