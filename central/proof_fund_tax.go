package central

import (
	"fmt"
	"hash/fnv"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
)

func proofFundAccount(_ *refdata.Item, c *refdata.Citizen, _ map[string]string, _ time.Time) (*Certificate, error) {
	f := c.Fund
	if f.AccountNo == "" || len(f.Deposits) == 0 {
		return nil, errNoRecords("未查询到您的住房公积金账户", "no housing provident fund account found")
	}
	last := f.Deposits[len(f.Deposits)-1]
	status := map[string]string{"normal": "正常缴存", "sealed": "封存"}[f.Status]
	return &Certificate{Fields: []CertField{
		field("公积金账号", "Account number", f.AccountNo),
		field("缴存单位", "Employer", f.Employer),
		field("账户状态", "Status", status),
		field("缴存基数(元)", "Deposit base (yuan)", yuan(f.BaseFen)),
		field("缴存比例", "Rate (employer / personal)", fmt.Sprintf("%d%% / %d%%", f.RatePercent, f.RatePercent)),
		field("月缴存额(元)", "Monthly deposit (yuan)", yuan(last.EmployerFen+last.PersonalFen)),
		field("最近缴存年月", "Last month paid", last.Month),
		field("累计缴存月数", "Months paid", fmt.Sprint(len(f.Deposits))),
		field("账户余额(元)", "Balance (yuan)", yuan(f.BalanceFen)),
	}}, nil
}

func proofFundDetails(_ *refdata.Item, c *refdata.Citizen, params map[string]string, _ time.Time) (*Certificate, error) {
	t := CertTable{TitleZH: "缴存明细", TitleEN: "Monthly deposits",
		Columns: []Column{col("年月", "Month"), col("单位缴存", "Employer"), col("个人缴存", "Personal"), col("合计", "Total")}}
	var total int64
	for _, month := range lastMonths(paramMonths(params)) {
		if d, ok := c.FundDepositIn(month); ok {
			t.Rows = append(t.Rows, []string{month, yuan(d.EmployerFen), yuan(d.PersonalFen), yuan(d.EmployerFen + d.PersonalFen)})
			total += d.EmployerFen + d.PersonalFen
		}
	}
	if len(t.Rows) == 0 {
		return nil, errNoRecords("所选期间内无住房公积金缴存记录", "no housing fund deposits in the chosen period")
	}
	return &Certificate{
		Fields: []CertField{field("公积金账号", "Account number", c.Fund.AccountNo),
			field("期间缴存合计(元)", "Total in period (yuan)", yuan(total))},
		Tables: []CertTable{t},
	}, nil
}

// proofTax lists the year's withheld individual income tax (完税证明, 纳税记录).
func proofTax(_ *refdata.Item, c *refdata.Citizen, params map[string]string, _ time.Time) (*Certificate, error) {
	year := params["year"]
	t := CertTable{TitleZH: "税款明细", TitleEN: "Tax withheld",
		Columns: []Column{col("所属期", "Period"), col("扣缴义务人", "Withholding agent"), col("收入额", "Income"),
			col("实缴税额", "Tax paid"), col("入库税务机关", "Tax office")}}
	var income, tax int64
	for _, m := range c.Tax {
		if m.Month[:4] != year {
			continue
		}
		t.Rows = append(t.Rows, []string{m.Month, m.Withholder, yuan(m.IncomeFen), yuan(m.TaxFen), m.TaxOffice})
		income += m.IncomeFen
		tax += m.TaxFen
	}
	if len(t.Rows) == 0 {
		return nil, errNoRecords("所选年度无个人所得税记录", "no individual income tax records in the chosen year")
	}
	return &Certificate{
		Fields: []CertField{field("年度", "Year", year), field("税种", "Tax", "个人所得税"),
			field("收入合计(元)", "Total income (yuan)", yuan(income)), field("实缴税额合计(元)", "Total tax paid (yuan)", yuan(tax))},
		Tables: []CertTable{t},
	}, nil
}

// proofInvoiceCheck answers an invoice check. The reference server has no invoice
// register: an invoice is "found" unless its number hashes into the one-in-five bucket
// of unknown invoices, so the same invoice always gets the same answer.
func proofInvoiceCheck(_ *refdata.Item, _ *refdata.Citizen, p map[string]string, _ time.Time) (*Certificate, error) {
	h := fnv.New32a()
	fmt.Fprint(h, p["invoice_code"], "|", p["invoice_number"], "|", p["invoice_date"], "|", p["invoice_amount"])
	result, resultEN := "查验一致:该发票信息与税务机关记录相符", "Consistent: the invoice matches the tax office's records"
	if h.Sum32()%5 == 0 {
		result, resultEN = "查无此票:请核对发票信息", "Not found: check the invoice details"
	}
	return &Certificate{Fields: []CertField{
		field("发票代码", "Invoice code", p["invoice_code"]),
		field("发票号码", "Invoice number", p["invoice_number"]),
		field("开票日期", "Invoice date", p["invoice_date"]),
		field("开具金额(元)", "Amount (yuan)", p["invoice_amount"]),
		field("查验结果", "Result", result),
		field("Result", "Result (English)", resultEN),
	}}, nil
}
