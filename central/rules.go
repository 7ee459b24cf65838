package central

import (
	"fmt"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
)

// Reason explains a decision to the citizen in both languages.
type Reason struct {
	Code string `json:"code"`
	ZH   string `json:"zh"`
	EN   string `json:"en"`
}

// decide applies an instant-approval item's stated rule (refdata.Item.RuleZH/RuleEN) to
// the citizen's records and the form. It returns the reasons for a rejection; none means
// approved.
func decide(it *refdata.Item, c *refdata.Citizen, form map[string]string, now time.Time) []Reason {
	age := c.Age(now)
	lastMonth := now.AddDate(0, -1, 0).Format("2006-01")
	if lastMonth > refdata.DataAsOf {
		lastMonth = refdata.DataAsOf // the records end there
	}
	var rs []Reason
	fail := func(code, zh, en string) { rs = append(rs, Reason{code, zh, en}) }
	switch it.Rule {
	case refdata.RuleGraduateSettlement:
		limit := map[string]int{"bachelor": 35, "master": 40, "doctor": 45}[form["degree"]]
		if age >= limit {
			fail("age_limit", fmt.Sprintf("申请人年龄应在%d周岁以下", limit), fmt.Sprintf("the applicant must be under %d", limit))
		}
		if c.HukouInCity {
			fail("already_registered", "申请人已登记本市户籍", "the applicant already has a household registration in the city")
		}
	case refdata.RuleSeniorCard:
		if age < 60 {
			fail("age_limit", "申请人未满60周岁", "the applicant is under 60")
		}
	case refdata.RuleVeryOldAllowance:
		if age < 80 {
			fail("age_limit", "申请人未满80周岁", "the applicant is under 80")
		}
		if !c.HukouInCity {
			fail("no_hukou", "申请人无本市户籍", "the applicant has no household registration in the city")
		}
	case refdata.RuleInvestmentFiling:
		if !refdata.ValidCreditCode(form["credit_code"]) {
			fail("credit_code", "统一社会信用代码校验不通过", "the unified social credit code does not check")
		}
		if fen, err := refdata.ParseAmount(form["total_investment"]); err != nil || fen > 100_0000_0000_00 {
			fail("investment_limit", "总投资超过100亿元,须办理核准", "investments over 10 billion yuan need an approval, not a filing")
		}
		if form["industry"] == "real_estate" {
			fail("industry", "房地产项目不适用即时备案", "real estate projects cannot be filed instantly")
		}
	case refdata.RuleFundRentWithdrawal:
		m, _ := time.Parse("2006-01", lastMonth)
		for i := range 3 {
			if _, ok := c.FundDepositIn(m.AddDate(0, -i, 0).Format("2006-01")); !ok {
				fail("fund_gap", "近3个月未连续缴存住房公积金", "the fund was not paid in each of the last 3 months")
				break
			}
		}
		if len(c.Properties) > 0 {
			fail("has_property", "申请人在本市有房产登记", "the applicant holds housing property in the city")
		}
	case refdata.RuleFlexibleInsurance:
		limit := 60
		if c.Sex == "2" {
			limit = 55
		}
		if age >= limit {
			fail("retirement_age", "申请人已达法定退休年龄", "the applicant has reached retirement age")
		}
		if m, ok := c.InsuranceIn(lastMonth); ok && !m.Flexible {
			fail("employed", "上月有单位参保记录", "an employer paid social insurance last month")
		}
	case refdata.RuleMedicalRemote:
		if m, ok := c.InsuranceIn(lastMonth); !ok || !m.Covers("medical") {
			fail("not_insured", "上月未缴纳基本医疗保险", "no basic medical insurance was paid last month")
		}
	default:
		fail("no_rule", "该事项暂不能即时审批", "this item has no instant rule")
	}
	return rs
}
