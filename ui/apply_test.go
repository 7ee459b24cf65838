package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/kiosk/session"
)

func ip(v int) *int { return &v }

var applyFields = []centralapi.Field{
	{Key: "applicant_name", Type: "text", LabelZH: "申请人姓名", LabelEN: "Applicant name", Required: true},
	{Key: "applicant_id", Type: "id_number", LabelZH: "证件号码", LabelEN: "ID number", Required: true},
	{Key: "phone", Type: "phone", LabelZH: "联系电话", LabelEN: "Phone", Required: true},
	{Key: "loss_reason", Type: "choice", LabelZH: "补领原因", LabelEN: "Reason for replacement", Required: true,
		Options: []centralapi.Option{{Value: "lost", LabelZH: "遗失", LabelEN: "Lost"}, {Value: "damaged", LabelZH: "损坏", LabelEN: "Damaged"}, {Value: "stolen", LabelZH: "被盗", LabelEN: "Stolen"}}},
}

var applyItem = session.ItemView{Code: "PSB-0007", NameZH: "居民身份证补领", NameEN: "Replacement of resident ID card", Kind: "application",
	DeptZH: "市公安局", DeptEN: "Public Security Bureau", Form: applyFields, MaterialsZH: []string{"居民身份证"}, MaterialsEN: []string{"Resident ID card"}}

// formAt is the replacement form with field cur being filled in (-1: the review).
func formAt(cur int, phone, phoneErr, reason string) *session.ApplyView {
	a := &session.ApplyView{Current: cur, Steps: 2, Step: 1}
	if cur == 3 {
		a.Step = 2
	}
	for _, f := range applyFields {
		fv := session.FieldView{Field: f}
		switch f.Key {
		case "applicant_name":
			fv.Shown, fv.FromCard = "王**", true
		case "applicant_id":
			fv.Shown, fv.FromCard = "4403**********123X", true
		case "phone":
			fv.Shown, fv.ErrorZH = phone, phoneErr
		case "loss_reason":
			fv.Shown = reason
		}
		a.Fields = append(a.Fields, fv)
	}
	return a
}

// longForm is the largest form screen: a text field with the whole keyboard and a
// message, or, for the review, six long fields each with a message.
func longForm(screen session.Screen) *session.ApplyView {
	if screen == session.ScreenResult {
		return &session.ApplyView{Result: &session.ApplyResult{Status: session.StatusQueued, Reference: "L-DEMO0001-000042",
			ReasonsZH: []string{"未满60周岁的，不予办理老年人优待证", "近3个月未连续缴存住房公积金"}, ReasonsEN: []string{"Applicants younger than 60 cannot get the senior citizen card", "The fund was not paid in each of the last 3 months"}}}
	}
	a := &session.ApplyView{Current: 0, Step: 6, Steps: 6}
	for i := range 6 {
		a.Fields = append(a.Fields, session.FieldView{
			Field: centralapi.Field{Key: "k" + string(rune('a'+i)), Type: "text", LabelZH: "统一社会信用代码", LabelEN: "Unified social credit code", Rules: centralapi.Rules{MaxLen: ip(60)}},
			Shown: strings.Repeat("W", 40), ErrorZH: "统一社会信用代码长度不符合要求", ErrorEN: "Unified social credit code has the wrong length"})
	}
	return a
}

func longApplications() *session.ApplicationsView {
	a := &session.ApplicationsView{}
	for i := range 6 {
		a.Lines = append(a.Lines, session.ApplicationLine{Reference: "SQ20261127000001", ItemZH: "五险一金缴纳明细（个人权益记录单）补领",
			ItemEN: "Replacement of five insurances and housing fund payment details (personal record)", StageZH: "已批准", StageEN: "Approved",
			Submitted: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC), Waiting: i == 5})
	}
	return a
}

var longTicket = session.TicketView{HallZH: "深圳市民中心行政服务大厅", HallEN: "City Administrative Service Hall", Group: "E", Number: "E023", Ahead: 4}

// The form's keys type into the field, its options choose, and the screens' buttons
// become the session's intents.
func TestApplyTapsBecomeIntents(t *testing.T) {
	core, w := show(t, session.View{Screen: session.ScreenItem, Language: "zh", Item: &applyItem})
	_, buttons := content(w)
	test.Tap(buttons["申请办理"])
	core.sub(session.View{Screen: session.ScreenForm, Language: "zh", Item: &applyItem, Apply: formAt(2, "", "", "")})
	_, buttons = content(w)
	if _, ok := buttons["Q"]; ok {
		t.Error("letters offered for a phone number")
	}
	test.Tap(buttons["1"])
	test.Tap(buttons["退格"])
	test.Tap(buttons["清除"])
	test.Tap(buttons["下一步"])
	core.sub(session.View{Screen: session.ScreenForm, Language: "en", Item: &applyItem, Apply: formAt(3, "", "", "")})
	_, buttons = content(w)
	test.Tap(buttons["Damaged"])
	test.Tap(buttons["Back"])
	core.sub(session.View{Screen: session.ScreenReview, Language: "en", Item: &applyItem, Apply: formAt(-1, "138****8000", "", "damaged")})
	_, buttons = content(w)
	test.Tap(buttons["Change"])
	test.Tap(buttons["Submit"])
	core.sub(session.View{Screen: session.ScreenResult, Language: "en", Receipts: true, Item: &applyItem, Apply: &session.ApplyView{Result: &session.ApplyResult{Status: "accepted", Reference: "SQ1"}}})
	_, buttons = content(w)
	test.Tap(buttons["Print a receipt"])
	core.sub(session.View{Screen: session.ScreenHome, Language: "en"})
	_, buttons = content(w)
	test.Tap(buttons["My applications"])
	core.sub(session.View{Screen: session.ScreenItem, Language: "en", Item: &proofs[0], Notice: session.NoticeNone})
	if _, buttons = content(w); buttons["Queue number for a counter"] != nil {
		t.Error("a queue number offered for a printable proof")
	}
	core.sub(session.View{Screen: session.ScreenTicket, Language: "en", Receipts: true, Ticket: &longTicket})
	_, buttons = content(w)
	test.Tap(buttons["Print the ticket"])
	test.Tap(buttons["Home"])
	// Two fields have a Change button; the walk keeps the last one's, the reason's.
	want := "apply,fkey:1,fbackspace,fclear,next,choose:damaged,fback,edit:loss_reason,submit,receipt,my-apps,receipt,home"
	if got := strings.Join(core.intents, ","); got != want {
		t.Errorf("intents %q, want %q", got, want)
	}
}

// A terminal without a receipt printer offers no receipt and no printed ticket: the
// reference and the number are on the screen.
func TestNoReceiptPrinterNoPrintButtons(t *testing.T) {
	for _, v := range []session.View{
		{Screen: session.ScreenResult, Language: "en", Item: &applyItem, Apply: &session.ApplyView{Result: &session.ApplyResult{Status: session.StatusAccepted, Reference: "SQ1"}}},
		{Screen: session.ScreenTicket, Language: "en", Ticket: &longTicket},
	} {
		_, w := show(t, v)
		got, buttons := content(w)
		if buttons["Print a receipt"] != nil || buttons["Print the ticket"] != nil {
			t.Errorf("%s offers to print without a receipt printer:\n%s", v.Screen, got)
		}
		if !strings.Contains(got, "SQ1") && !strings.Contains(got, longTicket.Number) {
			t.Errorf("%s lost its reference or number:\n%s", v.Screen, got)
		}
		if buttons["Home"] == nil && buttons["Another service"] == nil {
			t.Errorf("%s has no way on:\n%s", v.Screen, got)
		}
	}
}

// A text field gets the letters and a space; a choice field's buttons and the review's
// are large.
func TestApplyTouchTargets(t *testing.T) {
	for _, v := range []session.View{
		{Screen: session.ScreenForm, Language: "zh", Item: &applyItem, Apply: longForm(session.ScreenForm)},
		{Screen: session.ScreenForm, Language: "en", Item: &applyItem, Apply: formAt(3, "", "", "")},
		{Screen: session.ScreenReview, Language: "zh", Item: &applyItem, Apply: formAt(-1, "138****8000", "", "lost")},
		{Screen: session.ScreenTicket, Language: "zh", Ticket: &longTicket},
	} {
		_, w := show(t, v)
		_, buttons := content(w)
		if v.Apply != nil && v.Apply.Current == 0 && (buttons["Q"] == nil || buttons["空格"] == nil) {
			t.Errorf("%s: no letters or space for a text field", v.Screen)
		}
		for label, b := range buttons {
			if h := b.Size().Height; h < 60 {
				t.Errorf("%s: button %q is %.0f high", v.Screen, label, h)
			}
		}
	}
}

// The item screen with its three buttons and the choice form fit too.
func TestApplyScreensFit(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for _, large := range []bool{false, true} {
			for _, v := range []session.View{
				{Screen: session.ScreenItem, Item: &applyItem, Notice: session.NoticeNotHere},
				{Screen: session.ScreenForm, Item: &applyItem, Apply: formAt(3, "", "", ""), Notice: session.NoticeFixForm},
				{Screen: session.ScreenForm, Item: &applyItem, Apply: formAt(2, "13800138000", "联系电话应为11位手机号码", "")},
			} {
				v.Language, v.LargeText, v.Countdown = lang, large, 9
				_, w := show(t, v)
				if min := w.Content().MinSize(); min.Width > 1280 || min.Height > 800 {
					t.Errorf("%s, %s, large %v: the screen needs %.0f×%.0f", v.Screen, lang, large, min.Width, min.Height)
				}
			}
		}
	}
}

// A value longer than the box shows its end, where the citizen types, and never widens
// the screen.
func TestLongValueShowsItsEnd(t *testing.T) {
	a := longForm(session.ScreenForm)
	a.Fields[0].Shown = strings.Repeat("W", 59) + "Z"
	_, w := show(t, session.View{Screen: session.ScreenForm, Language: "zh", Item: &applyItem, Apply: a})
	got, _ := content(w)
	if !strings.Contains(got, "…") || !strings.Contains(got, "WZ "+cursor) || strings.Contains(got, strings.Repeat("W", 59)) {
		t.Errorf("the long value as shown:\n%s", got)
	}
	if min := w.Content().MinSize(); min.Width > 1280 {
		t.Errorf("a long value widens the screen to %.0f", min.Width)
	}
}
