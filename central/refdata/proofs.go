package refdata

// Proof templates: each names how the server builds a printable item's structured data.
const (
	ProofInsuranceParticipation = "insurance_participation" // participation per insurance type
	ProofInsuranceDetails       = "insurance_details"       // monthly contributions
	ProofPensionRights          = "pension_rights"          // pension rights statement
	ProofRetirement             = "retirement"              // pension receipt
	ProofEmployment             = "employment"              // employment registrations
	ProofFundDeposit            = "fund_deposit"            // housing fund deposit proof
	ProofFundDetails            = "fund_details"            // housing fund monthly deposits
	ProofFundAccount            = "fund_account"            // housing fund account
	ProofMedicalAccount         = "medical_account"         // medical insurance account
	ProofTaxPaid                = "tax_paid"                // tax payment proof
	ProofTaxRecords             = "tax_records"             // individual income tax records
	ProofInvoiceCheck           = "invoice_check"           // invoice authenticity
	ProofPropertyNone           = "property_none"           // no housing property
	ProofPropertyRecords        = "property_records"        // real estate held
	ProofHousehold              = "household"               // household registration
	ProofNoRecord               = "no_record"               // no criminal record
	ProofMarriage               = "marriage"                // marriage registration record
	ProofSocialSecurityCard     = "social_security_card"    // card status
	ProofResidencePermit        = "residence_permit"        // residence permit status
)

// proofSpec is one of the 31 printable items, written by hand.
type proofSpec struct {
	Dept, ZH, EN string
	Kind         Kind
	Proof        string
	Form         []Field
	Scope        string // insurance scope for the insurance templates; "" means all
}

// proofTable lists the 31 printable proofs and queries (自助打印), the five named in the
// domain brief first.
var proofTable = []proofSpec{
	{"HRSS", "个人参保证明", "Personal social insurance participation proof", KindProof, ProofInsuranceParticipation, nil, ""},
	{"HRSS", "五险一金缴纳明细", "Five insurances and housing fund payment details", KindProof, ProofInsuranceDetails, []Field{fieldMonths}, ""},
	{"PNR", "无房产证明", "No housing property proof", KindProof, ProofPropertyNone, nil, ""},
	{"TAX", "完税证明", "Tax payment proof", KindProof, ProofTaxPaid, []Field{fieldYear}, ""},
	{"TAX", "发票真伪查验", "Invoice authenticity check", KindQuery, ProofInvoiceCheck, []Field{fieldInvoiceCode, fieldInvoiceNo, fieldInvoiceDate, fieldInvoiceSum}, ""},
	{"HRSS", "养老保险参保证明", "Pension insurance participation proof", KindProof, ProofInsuranceParticipation, nil, "pension"},
	{"HRSS", "工伤保险参保证明", "Work injury insurance participation proof", KindProof, ProofInsuranceParticipation, nil, "injury"},
	{"HRSS", "失业保险参保证明", "Unemployment insurance participation proof", KindProof, ProofInsuranceParticipation, nil, "unemployment"},
	{"HRSS", "灵活就业人员参保缴费证明", "Flexible employment insurance payment proof", KindProof, ProofInsuranceParticipation, nil, "pension"},
	{"HRSS", "养老保险个人缴费明细", "Personal pension contribution details", KindProof, ProofInsuranceDetails, []Field{fieldMonths}, "pension"},
	{"HRSS", "失业保险缴费明细", "Unemployment insurance contribution details", KindProof, ProofInsuranceDetails, []Field{fieldMonths}, "unemployment"},
	{"HRSS", "养老保险个人权益记录单", "Pension insurance personal rights statement", KindProof, ProofPensionRights, nil, ""},
	{"HRSS", "退休人员养老金领取证明", "Retiree pension receipt proof", KindProof, ProofRetirement, nil, ""},
	{"HRSS", "养老保险待遇领取资格认证结果查询", "Pension eligibility certification result", KindQuery, ProofRetirement, nil, ""},
	{"HRSS", "就业登记信息查询", "Employment registration record", KindQuery, ProofEmployment, nil, ""},
	{"HRSS", "社会保障卡信息查询", "Social security card status", KindQuery, ProofSocialSecurityCard, nil, ""},
	{"HSA", "医疗保险参保证明", "Medical insurance participation proof", KindProof, ProofInsuranceParticipation, nil, "medical"},
	{"HSA", "生育保险参保证明", "Maternity insurance participation proof", KindProof, ProofInsuranceParticipation, nil, "maternity"},
	{"HSA", "医疗保险缴费明细", "Medical insurance contribution details", KindProof, ProofInsuranceDetails, []Field{fieldMonths}, "medical"},
	{"HSA", "医保个人账户信息查询", "Medical insurance personal account", KindQuery, ProofMedicalAccount, nil, ""},
	{"HPF", "住房公积金缴存证明", "Housing provident fund deposit proof", KindProof, ProofFundDeposit, nil, ""},
	{"HPF", "住房公积金缴存明细", "Housing provident fund deposit details", KindProof, ProofFundDetails, []Field{fieldMonths}, ""},
	{"HPF", "住房公积金个人账户信息查询", "Housing provident fund personal account", KindQuery, ProofFundAccount, nil, ""},
	{"HPF", "住房公积金缴存基数及比例查询", "Housing provident fund deposit base and rate", KindQuery, ProofFundAccount, nil, ""},
	{"TAX", "个人所得税纳税记录", "Individual income tax payment record", KindProof, ProofTaxRecords, []Field{fieldYear}, ""},
	{"PNR", "不动产权属信息查询", "Real estate ownership record", KindQuery, ProofPropertyRecords, nil, ""},
	{"PSB", "户籍证明", "Household registration proof", KindProof, ProofHousehold, nil, ""},
	{"PSB", "无犯罪记录证明", "No criminal record proof", KindProof, ProofNoRecord, nil, ""},
	{"PSB", "居住证信息查询", "Residence permit record", KindQuery, ProofResidencePermit, nil, ""},
	{"CAB", "婚姻登记记录证明", "Marriage registration record proof", KindProof, ProofMarriage, nil, ""},
	{"HRSS", "企业职工基本养老保险缴费年限证明", "Pension contribution years proof", KindProof, ProofPensionRights, nil, ""},
}
