package ui

import (
	"fmt"
	"image"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/govkiosk/kiosk/kiosk/session"
)

// page is a blank A4-shaped first page at 60 dpi.
var page = func() image.Image {
	img := image.NewGray(image.Rect(0, 0, 496, 702))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	img.SetGray(10, 10, color.Gray{})
	return img
}()

var depts = []session.DepartmentView{
	{Code: "HRSS", NameZH: "市人力资源和社会保障局", NameEN: "Human Resources and Social Security Bureau"},
	{Code: "PSB", NameZH: "市公安局", NameEN: "Public Security Bureau"},
}

// allDepts are 34 departments, each with the longest names of the catalog's.
var allDepts = func() []session.DepartmentView {
	out := make([]session.DepartmentView, 34)
	for i := range out {
		out[i] = session.DepartmentView{Code: fmt.Sprintf("D%02d", i), NameZH: "市人力资源和社会保障局",
			NameEN: "Municipal Taxation Bureau of the State Taxation Administration"}
	}
	return out
}()

func TestPreviewTaps(t *testing.T) {
	core, w := show(t, session.View{Screen: session.ScreenPreview, Language: "zh", Item: &proofs[0], Preview: &session.Preview{Image: page, Pages: 3}})
	got, buttons := content(w)
	if strings.Contains(got, "暂无预览") {
		t.Error("says no preview while it has one")
	}
	test.Tap(buttons["打印"])
	test.Tap(buttons["返回"])
	if got := strings.Join(core.intents, ","); got != "confirm,back" {
		t.Errorf("intents %q", got)
	}
}

func TestDepartmentPages(t *testing.T) {
	core, w := show(t, session.View{Screen: session.ScreenDepartments, Language: "zh", Departments: allDepts})
	got, buttons := content(w)
	if !strings.Contains(got, "第 1 页，共 2 页") {
		t.Errorf("no page 1 of 2 for 34 departments:\n%s", got)
	}
	if !buttons["上一页"].Disabled() || buttons["下一页"].Disabled() {
		t.Error("on the first page, previous should be off and next on")
	}
	test.Tap(buttons["下一页"])
	test.Tap(buttons["市人力资源和社会保障局"]) // the last of the page's 18 of that name

	// The last page: 16 departments, next off.
	core.sub(session.View{Screen: session.ScreenDepartments, Language: "zh", Departments: allDepts, DeptFirst: 18})
	got, buttons = content(w)
	if n := strings.Count(got, "市人力资源和社会保障局"); n != 16 || !strings.Contains(got, "第 2 页，共 2 页") {
		t.Errorf("last page shows %d departments:\n%s", n, got)
	}
	if !buttons["下一页"].Disabled() {
		t.Error("next page on the last page")
	}
	test.Tap(buttons["上一页"])
	test.Tap(buttons["返回"])

	core.sub(session.View{Screen: session.ScreenDepartment, Language: "en", Dept: &depts[0], DeptItems: proofs})
	_, buttons = content(w)
	test.Tap(buttons["Personal social insurance participation proof"])
	test.Tap(buttons["Back"])
	core.sub(session.View{Screen: session.ScreenHome, Language: "en", Greeting: "王**"})
	_, buttons = content(w)
	test.Tap(buttons["Departments"])
	want := "page:18,department:D17,page:0,back,open:HRSS-0001,back,departments"
	if got := strings.Join(core.intents, ","); got != want {
		t.Errorf("intents %q, want %q", got, want)
	}
}
