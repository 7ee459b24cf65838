package session

import "testing"

var fakeDepts = []DepartmentView{
	{Code: "HRSS", NameZH: "市人力资源和社会保障局", NameEN: "Human Resources and Social Security Bureau"},
	{Code: "PSB", NameZH: "市公安局", NameEN: "Public Security Bureau"},
	{Code: "TAX", NameZH: "国家税务总局市税务局", NameEN: "Municipal Taxation Bureau"},
}

func (fakeCatalog) Departments() []DepartmentView { return fakeDepts }

func (fakeCatalog) DepartmentItems(code string) []ItemView {
	switch code {
	case "HRSS":
		return fakeItems[:1]
	case "PSB":
		return fakeItems[1:]
	}
	return nil
}

func TestBrowseDepartmentsAndBack(t *testing.T) {
	m, _, _ := newMachine(t)
	m.CardPresented(testCard())
	m.OpenDepartment("HRSS") // not from home
	m.OpenDepartments()
	v := m.View()
	if v.Screen != ScreenDepartments || len(v.Departments) != 3 || v.DeptFirst != 0 {
		t.Fatalf("departments: %+v", v)
	}
	m.PageTo(3) // past the end
	m.PageTo(-1)
	if m.View().DeptFirst != 0 {
		t.Error("paged out of the list")
	}
	m.PageTo(1)
	m.OpenDepartment("NOPE")
	if v := m.View(); v.DeptFirst != 1 || v.Screen != ScreenDepartments {
		t.Fatalf("after paging: %+v", v)
	}
	m.OpenDepartment("HRSS")
	v = m.View()
	if v.Screen != ScreenDepartment || v.Dept == nil || v.Dept.Code != "HRSS" || len(v.DeptItems) != 1 {
		t.Fatalf("department: %+v", v)
	}
	m.OpenItem("HRSS-0001")
	if v := m.View(); v.Screen != ScreenItem || v.Item.Code != "HRSS-0001" {
		t.Fatalf("item: %+v", v)
	}
	m.Back()
	if v := m.View(); v.Screen != ScreenDepartment || v.Dept.Code != "HRSS" || v.Item != nil {
		t.Fatalf("back from an item opened from a department: %+v", v)
	}
	m.Back()
	if v := m.View(); v.Screen != ScreenDepartments || v.DeptFirst != 1 || v.Dept != nil {
		t.Fatalf("back from the department: %+v", v)
	}
	m.Back()
	if v := m.View(); v.Screen != ScreenHome || v.Departments != nil {
		t.Fatalf("back from the departments: %+v", v)
	}
	m.OpenItem("HRSS-0001")
	m.Back()
	if v := m.View(); v.Screen != ScreenHome {
		t.Fatalf("back from an item opened from home: %+v", v)
	}
}

func TestPrintFromADepartmentReturnsHome(t *testing.T) {
	m, p, _ := newMachine(t)
	m.CardPresented(testCard())
	m.OpenDepartments()
	m.OpenDepartment("HRSS")
	m.OpenItem("HRSS-0001")
	printConfirmed(t, m)
	<-p.jobs
	p.answers <- nil
	if err := m.Wait(t.Context()); err != nil {
		t.Fatal(err)
	}
	m.Home() // another service
	if v := m.View(); v.Screen != ScreenHome || v.Dept != nil || v.DeptItems != nil {
		t.Fatalf("home: %+v", v)
	}
	m.OpenItem("HRSS-0001")
	m.Back()
	if v := m.View(); v.Screen != ScreenHome {
		t.Errorf("an item opened from home after a department goes back to %s", v.Screen)
	}
}
