package main

import (
	"path/filepath"
	"testing"

	"github.com/govkiosk/kiosk/kiosk/config"
	"github.com/govkiosk/kiosk/kiosk/localapi"
	"github.com/govkiosk/kiosk/kiosk/session"
)

// The departments come from the real catalog fetched from the reference server: all 34,
// named in both languages, each item under its own department; browsing them from the
// home screen reaches an item and goes back to the department.
func TestSessionCatalogDepartments(t *testing.T) {
	dir := t.TempDir()
	cfg, err := config.Load(demoConfig(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	ta := startAgent(t, cfg, filepath.Join(dir, "kiosk.yaml"))
	cat := sessionCatalog{ta.agent}
	if _, err := ta.catalog.Refresh(ta.ctx); err != nil {
		t.Fatal(err)
	}
	depts := cat.Departments()
	if len(depts) != 34 {
		t.Fatalf("%d departments, want 34", len(depts))
	}
	total := 0
	for _, d := range depts {
		if d.Code == "" || d.NameZH == "" || d.NameEN == "" {
			t.Errorf("department %+v lacks a name", d)
		}
		items := cat.DepartmentItems(d.Code)
		total += len(items)
		for _, it := range items {
			if it.DeptZH != d.NameZH || it.DeptEN != d.NameEN {
				t.Errorf("%s listed under %s but belongs to %s", it.Code, d.Code, it.DeptZH)
			}
		}
	}
	if n := len(ta.catalog.Current().Items); total != n {
		t.Errorf("the departments list %d items, the catalog has %d", total, n)
	}
	if got := cat.DepartmentItems("NOPE"); len(got) != 0 {
		t.Errorf("an unknown department lists %+v", got)
	}

	s := ta.session
	c := localapi.NewClient(filepath.Join(dir, "k.sock"))
	if err := c.SimInsert(ta.ctx, "resident"); err != nil {
		t.Fatal(err)
	}
	ta.waitScreen(t, session.ScreenHome)
	s.OpenDepartments()
	v := s.View()
	if v.Screen != session.ScreenDepartments || len(v.Departments) != 34 {
		t.Fatalf("departments screen: %s, %d departments", v.Screen, len(v.Departments))
	}
	var hrss session.DepartmentView
	for _, d := range v.Departments {
		if d.NameZH == "市人力资源和社会保障局" {
			hrss = d
		}
	}
	s.OpenDepartment(hrss.Code)
	v = s.View()
	if v.Screen != session.ScreenDepartment || len(v.DeptItems) == 0 {
		t.Fatalf("department screen: %+v", v)
	}
	s.OpenItem(v.DeptItems[0].Code)
	if v := s.View(); v.Screen != session.ScreenItem || v.Item.DeptZH != "市人力资源和社会保障局" {
		t.Fatalf("item: %+v", v)
	}
	s.Back()
	if v := s.View(); v.Screen != session.ScreenDepartment || v.Dept.Code != hrss.Code {
		t.Errorf("back from the item: %s", v.Screen)
	}
	if err := c.SimRemove(ta.ctx); err != nil {
		t.Fatal(err)
	}
	ta.waitScreen(t, session.ScreenAttract)
}
