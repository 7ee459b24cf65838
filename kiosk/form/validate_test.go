package form

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

var today = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

func intp(v int) *int { return &v }

func TestCheckMessages(t *testing.T) {
	name := centralapi.Field{Key: "applicant_name", Type: TypeText, LabelZH: "申请人姓名", LabelEN: "Applicant name", Required: true,
		Rules: centralapi.Rules{MinLen: intp(1), MaxLen: intp(4)}}
	date := centralapi.Field{Key: "date", Type: TypeDate, LabelZH: "预约日期", LabelEN: "Appointment date", Required: true,
		Rules: centralapi.Rules{MinDays: intp(1), MaxDays: intp(30)}}
	phone := centralapi.Field{Key: "phone", Type: TypePhone, LabelZH: "联系电话", LabelEN: "Phone"}
	for _, tc := range []struct {
		f      centralapi.Field
		v      string
		zh, en string
	}{
		{name, "", "申请人姓名为必填项", "Applicant name is required"},
		{name, "  ", "申请人姓名为必填项", "Applicant name is required"},
		{name, "ABCDE", "申请人姓名长度不符合要求", "Applicant name has the wrong length"},
		{name, "王建国", "", ""},
		{date, "2026-11-27", "预约日期不在可选范围内", "Appointment date is outside the allowed range"},
		{date, "2026-11-28", "", ""},
		{date, "2026-12-2", "预约日期应为YYYY-MM-DD格式的日期", "Appointment date must be a date as YYYY-MM-DD"},
		{phone, "", "", ""}, // optional
		{phone, "1380013800", "联系电话应为11位手机号码", "Phone must be an 11-digit mobile number"},
		{phone, "13800138000", "", ""},
	} {
		e, bad := Check(tc.f, tc.v, today)
		if bad != (tc.zh != "") || e.MessageZH != tc.zh || e.MessageEN != tc.en || bad && e.Key != tc.f.Key {
			t.Errorf("%s %q: %+v %v, want %q / %q", tc.f.Key, tc.v, e, bad, tc.zh, tc.en)
		}
	}
}

// The terminal agrees with the reference central server on every form field of its
// catalog: the same values pass, and the same messages come back for those that do not.
func TestAgreesWithCentral(t *testing.T) {
	cat, err := refdata.BuildCatalog()
	if err != nil {
		t.Fatal(err)
	}
	values := []string{"", "x", "王建国", "ZHANG SAN WEI", "13800138000", "1380013800", "44030419580315123X",
		"440304195803151231", "ABC123456789012", "2026-11-28", "2026-12-31", "2025-06-30", "2020-01-01", "20261128",
		"100", "100.5", "0", "1.234", "99999999999.99", "lost", "am", "bachelor", "real_estate", "2026",
		"91440300MA5DCRX09B", "6222021234567890123", "12345678", "1234567890"}
	seen := map[string]bool{}
	for _, it := range cat.Items {
		for _, rf := range it.Form {
			if seen[rf.Key+string(rf.Type)] {
				continue
			}
			seen[rf.Key+string(rf.Type)] = true
			b, err := json.Marshal(rf)
			if err != nil {
				t.Fatal(err)
			}
			var f centralapi.Field
			if err := json.Unmarshal(b, &f); err != nil {
				t.Fatal(err)
			}
			for _, v := range values {
				want := refdata.Validate([]refdata.Field{rf}, map[string]string{rf.Key: v}, today)
				got := Validate([]centralapi.Field{f}, map[string]string{f.Key: v}, today)
				if len(want) != len(got) {
					t.Errorf("%s (%s) %q: central says %v, the terminal %v", f.Key, f.Type, v, want, got)
					continue
				}
				for i := range want {
					if w := (centralapi.FieldError{Key: want[i].Key, MessageZH: want[i].MessageZH, MessageEN: want[i].MessageEN}); !reflect.DeepEqual(w, got[i]) {
						t.Errorf("%s %q: central %+v, the terminal %+v", f.Key, v, w, got[i])
					}
				}
			}
		}
	}
	if len(seen) < 10 {
		t.Errorf("only %d distinct fields in the catalog", len(seen))
	}
}

func TestValidIDNumber(t *testing.T) {
	for n, want := range map[string]bool{"44030419580315123X": true, "440304195803151231": false, "4403041958031512": false, "A4030419580315123X": false} {
		if ValidIDNumber(n) != want {
			t.Errorf("%s: %v", n, !want)
		}
	}
}
