package refdata

import (
	"encoding/json"
	"testing"
)

func TestCatalogSizes(t *testing.T) {
	cat, err := BuildCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Departments) != DepartmentCount {
		t.Errorf("departments = %d, want %d", len(cat.Departments), DepartmentCount)
	}
	if len(cat.Items) != ItemCount {
		t.Errorf("items = %d, want %d", len(cat.Items), ItemCount)
	}
	printable, instant := 0, 0
	perDept := map[string]int{}
	for _, it := range cat.Items {
		perDept[it.Department]++
		if it.Flags.Printable {
			printable++
		}
		if it.Flags.InstantApproval {
			instant++
		}
	}
	if printable != PrintableCount {
		t.Errorf("printable = %d, want %d", printable, PrintableCount)
	}
	if instant != len(instantTable) {
		t.Errorf("instant = %d, want %d", instant, len(instantTable))
	}
	for _, d := range cat.Departments {
		if perDept[d.Code] == 0 {
			t.Errorf("department %s has no items", d.Code)
		}
	}
	for _, name := range []string{"个人参保证明", "五险一金缴纳明细", "无房产证明", "完税证明", "发票真伪查验"} {
		found := false
		for _, it := range cat.Items {
			if it.NameZH == name && it.Flags.Printable {
				found = true
			}
		}
		if !found {
			t.Errorf("printable proof %s missing", name)
		}
	}
}

func TestCatalogUniqueAndComplete(t *testing.T) {
	cat, err := BuildCatalog()
	if err != nil {
		t.Fatal(err)
	}
	codes, zh, en := map[string]bool{}, map[string]bool{}, map[string]bool{}
	depts := map[string]bool{}
	for _, d := range cat.Departments {
		if depts[d.Code] || d.NameZH == "" || d.NameEN == "" {
			t.Errorf("department %q duplicated or unnamed", d.Code)
		}
		depts[d.Code] = true
	}
	for _, it := range cat.Items {
		if codes[it.Code] || zh[it.NameZH] || en[it.NameEN] {
			t.Errorf("item %s %s duplicates a code or name", it.Code, it.NameZH)
		}
		codes[it.Code], zh[it.NameZH], en[it.NameEN] = true, true, true
		if !depts[it.Department] {
			t.Errorf("item %s: unknown department %q", it.Code, it.Department)
		}
		switch it.Kind {
		case KindProof, KindQuery, KindApplication, KindAppointment:
		default:
			t.Errorf("item %s: kind %q", it.Code, it.Kind)
		}
		if it.Flags.InstantApproval && (it.Rule == "" || it.RuleZH == "" || it.RuleEN == "") {
			t.Errorf("item %s: instant approval without a stated rule", it.Code)
		}
		if it.Flags.Printable != (it.Proof != "") {
			t.Errorf("item %s: printable=%v but proof template %q", it.Code, it.Flags.Printable, it.Proof)
		}
		for _, f := range it.Form {
			if f.Type == FieldChoice && len(f.Options) == 0 {
				t.Errorf("item %s field %s: choice without options", it.Code, f.Key)
			}
		}
	}
}

func TestCatalogDeterministic(t *testing.T) {
	a, err := build()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := build()
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Fatal("two builds of the catalog differ")
	}
}
