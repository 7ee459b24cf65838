package central

import (
	"fmt"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
)

// scopeTypes returns the insurance types a proof covers.
func scopeTypes(scope string) []string {
	if scope == "" {
		return refdata.InsuranceTypes
	}
	return []string{scope}
}

func proofInsuranceParticipation(it *refdata.Item, c *refdata.Citizen, _ map[string]string, now time.Time) (*Certificate, error) {
	cert := &Certificate{}
	t := CertTable{TitleZH: "参保情况", TitleEN: "Participation",
		Columns: []Column{col("险种", "Insurance"), col("参保状态", "Status"), col("首次参保年月", "First month"),
			col("累计缴费月数", "Months paid"), col("当前参保单位", "Current employer")}}
	found := false
	for _, k := range scopeTypes(it.ProofScope) {
		first, months, last := "", 0, refdata.InsuranceMonth{}
		for _, m := range c.Insurance {
			if m.Covers(k) {
				if first == "" {
					first = m.Month
				}
				months++
				last = m
			}
		}
		if months == 0 {
			continue
		}
		found = true
		status, employer := "暂停缴费", "-"
		switch {
		case c.RetiredSince != "" && k == "pension":
			status = "退休(领取养老金)"
		case c.RetiredSince != "" && k == "medical":
			status = "正常参保(退休人员)" // retirees stay insured without paying
		case c.RetiredSince != "":
			status = "终止参保"
		case last.Month == refdata.DataAsOf:
			status, employer = "正常参保", last.Employer
			if last.Flexible {
				employer = "灵活就业"
			}
		}
		t.Rows = append(t.Rows, []string{refdata.InsuranceNames[k][0], status, first, fmt.Sprint(months), employer})
	}
	if !found {
		return nil, errNoRecords("未查询到您的参保记录", "no social insurance records found")
	}
	cert.Fields = []CertField{field("社会保障号码", "Social security number", c.IDNumber),
		field("社会保障卡号", "Social security card", c.SocialCardNo),
		field("查询日期", "Date", dateZH(now))}
	cert.Tables = []CertTable{t}
	return cert, nil
}

func proofInsuranceDetails(it *refdata.Item, c *refdata.Citizen, params map[string]string, _ time.Time) (*Certificate, error) {
	types := scopeTypes(it.ProofScope)
	withFund := it.ProofScope == ""
	cols := []Column{col("年月", "Month"), col("缴费单位", "Employer"), col("缴费基数", "Base")}
	for _, k := range types {
		n := refdata.InsuranceNames[k]
		cols = append(cols, col(n[0]+"(单位)", n[1]+" (employer)"), col(n[0]+"(个人)", n[1]+" (personal)"))
	}
	if withFund {
		cols = append(cols, col("住房公积金(单位)", "Housing fund (employer)"), col("住房公积金(个人)", "Housing fund (personal)"))
	}
	t := CertTable{TitleZH: "缴费明细", TitleEN: "Monthly contributions", Columns: cols}
	var totalPersonal int64
	for _, month := range lastMonths(paramMonths(params)) {
		m, ok := c.InsuranceIn(month)
		if !ok {
			continue
		}
		row := []string{month, m.Employer, yuan(m.BaseFen)}
		for _, k := range types {
			e, p := m.Contribution(k)
			row = append(row, yuan(e), yuan(p))
			totalPersonal += p
		}
		if withFund {
			d, _ := c.FundDepositIn(month)
			row = append(row, yuan(d.EmployerFen), yuan(d.PersonalFen))
			totalPersonal += d.PersonalFen
		}
		t.Rows = append(t.Rows, row)
	}
	if len(t.Rows) == 0 {
		return nil, errNoRecords("所选期间内无缴费记录", "no contributions in the chosen period")
	}
	return &Certificate{
		Fields: []CertField{field("查询期间", "Period", fmt.Sprintf("%s 至 %s", t.Rows[0][0], t.Rows[len(t.Rows)-1][0])),
			field("缴费月数", "Months", fmt.Sprint(len(t.Rows))),
			field("个人缴费合计(元)", "Personal total (yuan)", yuan(totalPersonal))},
		Tables: []CertTable{t},
	}, nil
}

func proofPensionRights(_ *refdata.Item, c *refdata.Citizen, _ map[string]string, _ time.Time) (*Certificate, error) {
	type year struct {
		months             int
		base, pers, employ int64
	}
	years := map[string]*year{}
	var order []string
	var account int64
	total := 0
	for _, m := range c.Insurance {
		y := m.Month[:4]
		if years[y] == nil {
			years[y] = &year{}
			order = append(order, y)
		}
		e, p := m.Contribution("pension")
		yr := years[y]
		yr.months++
		yr.base += m.BaseFen
		yr.pers += p
		yr.employ += e
		account += p
		total++
	}
	if total == 0 {
		return nil, errNoRecords("未查询到您的养老保险缴费记录", "no pension contributions found")
	}
	t := CertTable{TitleZH: "历年缴费", TitleEN: "Contributions by year",
		Columns: []Column{col("年度", "Year"), col("缴费月数", "Months"), col("平均缴费基数", "Average base"),
			col("个人缴纳", "Personal"), col("单位缴纳", "Employer")}}
	for _, y := range order {
		yr := years[y]
		t.Rows = append(t.Rows, []string{y, fmt.Sprint(yr.months), yuan(yr.base / int64(yr.months)), yuan(yr.pers), yuan(yr.employ)})
	}
	return &Certificate{
		Fields: []CertField{field("首次参保年月", "First month", c.Insurance[0].Month),
			field("累计缴费年限", "Years paid", fmt.Sprintf("%d年%d个月", total/12, total%12)),
			field("个人账户累计储存额(元)", "Personal account (yuan)", yuan(account))},
		Tables: []CertTable{t},
	}, nil
}

func proofRetirement(_ *refdata.Item, c *refdata.Citizen, _ map[string]string, now time.Time) (*Certificate, error) {
	if c.RetiredSince == "" {
		return nil, errNoRecords("未查询到您的退休及养老金领取记录", "no retirement or pension on record")
	}
	return &Certificate{Fields: []CertField{
		field("退休时间", "Retired since", c.RetiredSince),
		field("基本养老金月发放额(元)", "Monthly pension (yuan)", yuan(c.PensionFen)),
		field("发放状态", "Payment status", "正常发放"),
		field("领取资格认证", "Eligibility certification", fmt.Sprintf("%d年度已认证", now.Year())),
	}}, nil
}

func proofEmployment(_ *refdata.Item, c *refdata.Citizen, _ map[string]string, _ time.Time) (*Certificate, error) {
	t := CertTable{TitleZH: "就业登记记录", TitleEN: "Employment registrations",
		Columns: []Column{col("用人单位", "Employer"), col("起始年月", "From"), col("终止年月", "To")}}
	for i, m := range c.Insurance {
		if m.Flexible {
			continue
		}
		if i == 0 || c.Insurance[i-1].Employer != m.Employer {
			t.Rows = append(t.Rows, []string{m.Employer, m.Month, ""})
		}
		to := m.Month
		if m.Month == refdata.DataAsOf {
			to = "至今"
		}
		t.Rows[len(t.Rows)-1][2] = to
	}
	if len(t.Rows) == 0 {
		return nil, errNoRecords("未查询到您的就业登记记录", "no employment registrations found")
	}
	return &Certificate{Tables: []CertTable{t}}, nil
}

func proofMedicalAccount(_ *refdata.Item, c *refdata.Citizen, _ map[string]string, now time.Time) (*Certificate, error) {
	var balance, thisYear int64
	last := ""
	for _, m := range c.Insurance {
		_, p := m.Contribution("medical")
		balance += p
		if m.Month[:4] == fmt.Sprint(now.Year()) {
			thisYear += p
		}
		if p > 0 {
			last = m.Month
		}
	}
	if last == "" {
		return nil, errNoRecords("未查询到您的医疗保险记录", "no medical insurance found")
	}
	status := "暂停缴费"
	if last == refdata.DataAsOf {
		status = "正常参保"
	}
	return &Certificate{Fields: []CertField{
		field("参保状态", "Status", status), field("最近缴费年月", "Last month paid", last),
		field("本年度个人账户划入(元)", "Credited this year (yuan)", yuan(thisYear)),
		field("个人账户余额(元)", "Account balance (yuan)", yuan(balance)),
	}}, nil
}
