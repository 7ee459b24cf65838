package refdata

import (
	"testing"
	"time"
)

var today = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

func TestValidateFields(t *testing.T) {
	cases := []struct {
		field Field
		value string
		ok    bool
	}{
		{fieldID, FixtureWang, true},
		{fieldID, "44030419580315123x", true},
		{fieldID, "440304195803151230", false},
		{fieldID, FixtureSmith, true},
		{fieldPhone, "13800000001", true},
		{fieldPhone, "12800000001", false},
		{fieldPhone, "1380000000", false},
		{fieldApptDate, "2026-11-28", true},
		{fieldApptDate, "2026-11-27", false}, // today: appointments start tomorrow
		{fieldApptDate, "2026-12-28", false}, // 31 days ahead
		{fieldApptDate, "2026/11/28", false},
		{fieldApptSlot, "am", true},
		{fieldApptSlot, "noon", false},
		{fieldInvoiceSum, "1200.5", true},
		{fieldInvoiceSum, "0.00", false},
		{fieldInvoiceSum, "12.345", false},
		{fieldInvoiceSum, "-3", false},
		{fieldUSCC, "91350100M000100Y43", true},
		{fieldUSCC, "91350100M000100Y4", false},
		{fieldUSCC, "91350100M000100I43", false}, // I is not in the alphabet
		{fieldName, "王建国", true},
		{fieldName, string(make([]rune, 41)), false},
	}
	for _, tc := range cases {
		errs := Validate([]Field{tc.field}, map[string]string{tc.field.Key: tc.value}, today)
		if (errs == nil) != tc.ok {
			t.Errorf("%s=%q: errors %v, want ok=%v", tc.field.Key, tc.value, errs, tc.ok)
		}
	}
}

func TestValidateRequiredAndUnknown(t *testing.T) {
	errs := Validate([]Field{fieldName, fieldReason}, map[string]string{"reason": "", "extra": "x"}, today)
	if len(errs) != 2 || errs[0].Key != "applicant_name" || errs[1].Key != "extra" {
		t.Errorf("errors %+v", errs)
	}
}

func TestParseAmount(t *testing.T) {
	for in, want := range map[string]int64{"0.01": 1, "12": 1200, "12.3": 1230, "1200.50": 120050} {
		if got, err := ParseAmount(in); err != nil || got != want {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
}

// FuzzValidate feeds arbitrary values to every field type: an error, never a panic.
func FuzzValidate(f *testing.F) {
	for _, s := range []string{FixtureWang, "13800000001", "2026-11-28", "am", "1200.50", "91350100M000100Y43", "", "\xff"} {
		f.Add(s)
	}
	fields := []Field{fieldID, fieldPhone, fieldApptDate, fieldApptSlot, fieldInvoiceSum, fieldUSCC, fieldName, fieldInvoiceDate}
	f.Fuzz(func(t *testing.T, v string) {
		for _, fl := range fields {
			Validate([]Field{fl}, map[string]string{fl.Key: v}, today)
		}
	})
}
