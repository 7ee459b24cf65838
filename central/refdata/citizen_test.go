package refdata

import (
	"encoding/json"
	"testing"
	"time"
)

func TestFixtures(t *testing.T) {
	cases := []struct {
		id, name, nameEN, sex, birth string
		hasProperty, retired         bool
	}{
		{FixtureWang, "王建国", "", "1", "1958-03-15", true, true},
		{FixtureChen, "陈美玲", "", "2", "1990-06-06", false, false},
		{FixtureSmith, "史密斯", "SMITH JOHN", "1", "1985-07-23", true, false},
		{FixtureGarcia, "玛丽亚", "GARCIA MARIA", "2", "1990-05-12", false, false},
		{FixtureLi, "李秀英", "", "2", "1980-02-29", true, false},
	}
	for _, tc := range cases {
		c, ok := LookupCitizen(tc.id)
		if !ok {
			t.Fatalf("fixture %s missing", MaskNumber(tc.id))
		}
		if c.Name != tc.name || c.NameEN != tc.nameEN || c.Sex != tc.sex || c.Birth != tc.birth {
			t.Errorf("fixture %s: identity %+v", MaskNumber(tc.id), c)
		}
		if (len(c.Properties) > 0) != tc.hasProperty || (c.RetiredSince != "") != tc.retired {
			t.Errorf("fixture %s: property %d, retired %q", MaskNumber(tc.id), len(c.Properties), c.RetiredSince)
		}
		if len(c.Insurance) < 12 || len(c.Fund.Deposits) < 12 {
			t.Errorf("fixture %s: %d insurance months, %d fund deposits", MaskNumber(tc.id), len(c.Insurance), len(c.Fund.Deposits))
		}
		if !tc.retired && len(c.Tax) == 0 {
			t.Errorf("fixture %s: no tax records", MaskNumber(tc.id))
		}
	}
}

func TestFixtureRecordsAddUp(t *testing.T) {
	c, _ := LookupCitizen(FixtureChen)
	var sum int64
	for _, d := range c.Fund.Deposits {
		if d.EmployerFen != d.PersonalFen || d.PersonalFen <= 0 {
			t.Fatalf("deposit %s: employer %d personal %d", d.Month, d.EmployerFen, d.PersonalFen)
		}
		sum += d.EmployerFen + d.PersonalFen
	}
	if sum != c.Fund.BalanceFen {
		t.Errorf("balance %d, deposits sum to %d", c.Fund.BalanceFen, sum)
	}
	if c.Insurance[len(c.Insurance)-1].Month != DataAsOf || c.Fund.Status != "normal" {
		t.Errorf("employed fixture should be paying in %s: last month %s, fund %s", DataAsOf, c.Insurance[len(c.Insurance)-1].Month, c.Fund.Status)
	}
	w, _ := LookupCitizen(FixtureWang)
	if w.Insurance[len(w.Insurance)-1].Month != "2018-03" || w.Fund.Status != "sealed" {
		t.Errorf("retired fixture: last month %s, fund %s", w.Insurance[len(w.Insurance)-1].Month, w.Fund.Status)
	}
	if age := w.Age(time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)); age != 67 {
		t.Errorf("age the day before the birthday = %d, want 67", age)
	}
}

func TestPopulation(t *testing.T) {
	all := Citizens()
	if len(all) != PopulationSize+len(FixtureIDs) {
		t.Fatalf("%d citizens, want %d", len(all), PopulationSize+len(FixtureIDs))
	}
	withProperty, retired, employed := 0, 0, 0
	for id, c := range all {
		if c.CardType == "resident" && !ValidIDNumber(id) {
			t.Errorf("invalid ID number %s", MaskNumber(id))
		}
		if len(c.Properties) > 0 {
			withProperty++
		}
		if c.RetiredSince != "" {
			retired++
		}
		if _, ok := c.InsuranceIn(DataAsOf); ok {
			employed++
		}
	}
	// The population must give every proof something to show, both ways.
	if withProperty == 0 || withProperty == len(all) || retired == 0 || employed == 0 {
		t.Errorf("population lacks variety: %d with property, %d retired, %d paying", withProperty, retired, employed)
	}
	a, _ := json.Marshal(expand(population()[7]))
	b, _ := json.Marshal(expand(population()[7]))
	if string(a) != string(b) {
		t.Error("population is not deterministic")
	}
}

func TestIDNumbers(t *testing.T) {
	for _, id := range []string{FixtureWang, FixtureChen, FixtureGarcia} {
		if !ValidIDNumber(id) {
			t.Errorf("%s should be valid", MaskNumber(id))
		}
	}
	if ValidIDNumber("440304195803151230") || ValidIDNumber("4403") {
		t.Error("wrong check character accepted")
	}
	if got := MaskNumber(FixtureWang); got != "4403**********123X" {
		t.Errorf("MaskNumber = %s", got)
	}
	// The example code of GB 32100-2015, and the same with a wrong check character.
	if !ValidCreditCode("91350100M000100Y43") || ValidCreditCode("91350100M000100Y44") {
		t.Error("credit code check character")
	}
}

func TestPermanentResidence2017(t *testing.T) {
	if !ValidPermanentResidence2017(FixtureSmith) {
		t.Error("the 2017 fixture should be valid")
	}
	for _, n := range []string{"US4440385072311", "USA440385132311", "USA44038507231", "usa440385072311"} {
		if ValidPermanentResidence2017(n) {
			t.Errorf("%s accepted", n)
		}
	}
}

// BenchmarkPopulation measures generating the population and expanding every record,
// which the server does once, on the first look-up.
func BenchmarkPopulation(b *testing.B) {
	for b.Loop() {
		for _, p := range population() {
			expand(p)
		}
	}
}
