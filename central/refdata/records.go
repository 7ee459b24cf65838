package refdata

import (
	"fmt"
	"time"
)

// job is one employment of a profile; To is empty while it lasts.
type job struct {
	Employer  string
	From, To  string // YYYY-MM
	SalaryFen int64  // monthly salary in the first month; raised 5% each January
	Flexible  bool   // self-paid social insurance, no housing fund, no withholding
}

// profile is the compact description a Citizen's records are computed from.
type profile struct {
	Citizen     // identity fields; the record slices are filled by expand
	Jobs        []job
	FundRate    int    // percent; 0 means no housing fund
	FundAccount string // account number when FundRate > 0
	Properties  []Property
}

// Bounds of the contribution bases, in fen.
const (
	baseMinFen     = 2520_00
	baseMaxFen     = 27501_00
	fundBaseMaxFen = 41190_00
)

func clamp(v, lo, hi int64) int64 { return max(lo, min(v, hi)) }

func parseMonth(s string) time.Time {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		panic(fmt.Sprintf("refdata: bad month %q in a table", s))
	}
	return t
}

// expand computes the monthly records of a profile, month by month up to DataAsOf.
func expand(p profile) Citizen {
	c := p.Citizen
	c.Insurance, c.Tax, c.Properties = []InsuranceMonth{}, []TaxMonth{}, p.Properties
	if c.Properties == nil {
		c.Properties = []Property{}
	}
	c.Fund = HousingFund{Deposits: []FundDeposit{}}
	if p.FundRate > 0 {
		c.Fund.AccountNo, c.Fund.RatePercent, c.Fund.Status = p.FundAccount, p.FundRate, "sealed"
	}
	end := parseMonth(DataAsOf)
	for _, j := range p.Jobs {
		last := end
		if j.To != "" && parseMonth(j.To).Before(end) {
			last = parseMonth(j.To)
		}
		salary := j.SalaryFen
		for m := parseMonth(j.From); !m.After(last); m = m.AddDate(0, 1, 0) {
			if m.Month() == time.January && !m.Equal(parseMonth(j.From)) {
				salary = salary * 105 / 100
			}
			month := m.Format("2006-01")
			base := clamp(salary, baseMinFen, baseMaxFen)
			c.Insurance = append(c.Insurance, InsuranceMonth{Month: month, Employer: j.Employer, BaseFen: base, Flexible: j.Flexible})
			if j.Flexible {
				continue
			}
			var fundPersonal int64
			if p.FundRate > 0 && m.Year() >= 2005 {
				fb := clamp(salary, baseMinFen, fundBaseMaxFen)
				fundPersonal = fb * int64(p.FundRate) / 100
				c.Fund.Deposits = append(c.Fund.Deposits, FundDeposit{month, fundPersonal, fundPersonal})
				c.Fund.BalanceFen += 2 * fundPersonal
				c.Fund.Employer, c.Fund.BaseFen = j.Employer, fb
				c.Fund.Status = map[bool]string{true: "normal", false: "sealed"}[m.Equal(end)]
			}
			if m.Year() >= 2019 {
				var personal int64
				for _, k := range InsuranceTypes {
					_, pp := InsuranceMonth{BaseFen: base}.Contribution(k)
					personal += pp
				}
				c.Tax = append(c.Tax, TaxMonth{month, j.Employer, salary, monthlyTax(salary - personal - fundPersonal), "国家税务总局深圳市" + c.District + "税务局"})
			}
		}
	}
	return c
}

// monthlyTax applies the monthly individual income tax table to income after the
// deductible insurance and fund shares, with the 5000 yuan basic deduction.
func monthlyTax(incomeFen int64) int64 {
	taxable := incomeFen - 5000_00
	if taxable <= 0 {
		return 0
	}
	brackets := []struct{ upTo, rate, quick int64 }{
		{3000_00, 3, 0}, {12000_00, 10, 210_00}, {25000_00, 20, 1410_00}, {35000_00, 25, 2660_00},
		{55000_00, 30, 4410_00}, {80000_00, 35, 7160_00}, {1 << 62, 45, 15160_00},
	}
	for _, b := range brackets {
		if taxable <= b.upTo {
			return taxable*b.rate/100 - b.quick
		}
	}
	return 0
}

// Age returns the person's age in whole years on day t.
func (c *Citizen) Age(t time.Time) int {
	b, err := time.Parse(time.DateOnly, c.Birth)
	if err != nil {
		return 0
	}
	age := t.Year() - b.Year()
	if t.Month() < b.Month() || t.Month() == b.Month() && t.Day() < b.Day() {
		age--
	}
	return age
}

// InsuranceIn returns the insurance month for month (YYYY-MM), if any.
func (c *Citizen) InsuranceIn(month string) (InsuranceMonth, bool) {
	for i := len(c.Insurance) - 1; i >= 0; i-- {
		if c.Insurance[i].Month == month {
			return c.Insurance[i], true
		}
	}
	return InsuranceMonth{}, false
}

// FundDepositIn returns the housing fund deposit of month (YYYY-MM), if any.
func (c *Citizen) FundDepositIn(month string) (FundDeposit, bool) {
	for i := len(c.Fund.Deposits) - 1; i >= 0; i-- {
		if c.Fund.Deposits[i].Month == month {
			return c.Fund.Deposits[i], true
		}
	}
	return FundDeposit{}, false
}
