package refdata

// Rule keys of the instant-approval (秒批) items; the server decides each by the rule of
// the same key against the citizen's records.
const (
	RuleGraduateSettlement = "graduate_settlement"
	RuleSeniorCard         = "senior_card"
	RuleVeryOldAllowance   = "very_old_allowance"
	RuleInvestmentFiling   = "investment_filing"
	RuleFundRentWithdrawal = "fund_rent_withdrawal"
	RuleFlexibleInsurance  = "flexible_insurance"
	RuleMedicalRemote      = "medical_remote"
)

// instantSpec is one hand-written instant-approval item.
type instantSpec struct {
	Dept, ZH, EN   string
	Rule           string
	RuleZH, RuleEN string
	Form           []Field
	SecondFactor   bool
	Materials      []Material
	FeeFen         int64
	TimeLimitDays  int
}

var (
	fieldDegree = Field{Key: "degree", Type: FieldChoice, LabelZH: "学历学位", LabelEN: "Degree", Required: true,
		Options: []Option{opt("bachelor", "本科", "Bachelor"), opt("master", "硕士研究生", "Master"), opt("doctor", "博士研究生", "Doctor")}}
	fieldGradDate = Field{Key: "graduation_date", Type: FieldDate, LabelZH: "毕业日期", LabelEN: "Graduation date", Required: true,
		Rules: Rules{MinDays: intp(-730), MaxDays: intp(0)}}
	fieldSchool   = Field{Key: "school", Type: FieldText, LabelZH: "毕业院校", LabelEN: "University", Required: true, Rules: Rules{MinLen: 2, MaxLen: 60}}
	fieldProject  = Field{Key: "project_name", Type: FieldText, LabelZH: "项目名称", LabelEN: "Project name", Required: true, Rules: Rules{MinLen: 2, MaxLen: 100}}
	fieldIndustry = Field{Key: "industry", Type: FieldChoice, LabelZH: "所属行业", LabelEN: "Industry", Required: true,
		Options: []Option{opt("manufacturing", "制造业", "Manufacturing"), opt("software", "软件和信息技术服务业", "Software and IT services"),
			opt("services", "商务服务业", "Business services"), opt("real_estate", "房地产业", "Real estate")}}
	fieldInvestment = Field{Key: "total_investment", Type: FieldAmount, LabelZH: "总投资(元)", LabelEN: "Total investment (yuan)", Required: true,
		Rules: Rules{MinFen: fenp(1_00), MaxFen: fenp(100_000_000_000_00)}}
	fieldDestination = Field{Key: "destination", Type: FieldText, LabelZH: "就医地", LabelEN: "City of treatment", Required: true, Rules: Rules{MinLen: 2, MaxLen: 30}}
	fieldStartDate   = Field{Key: "start_date", Type: FieldDate, LabelZH: "开始日期", LabelEN: "Start date", Required: true, Rules: Rules{MinDays: intp(0), MaxDays: intp(90)}}
)

// instantTable lists the instant-approval items with the rule each is decided by.
var instantTable = []instantSpec{
	{"PSB", "应届高校毕业生落户", "Residence registration for new graduates", RuleGraduateSettlement,
		"本科35周岁以下、硕士40周岁以下、博士45周岁以下,毕业两年内,且尚未登记本市户籍的,即时准予落户。",
		"Approved at once for a bachelor under 35, master under 40 or doctor under 45, graduated within two years, without a household registration in the city yet.",
		[]Field{fieldName, fieldID, fieldPhone, fieldDegree, fieldGradDate, fieldSchool}, false,
		[]Material{matIDCard, {"毕业证书", "Graduation certificate", true}}, 0, 0},
	{"CAB", "老年人优待证办理", "Senior citizen preferential card", RuleSeniorCard,
		"年满60周岁的,即时办理。", "Approved at once for a person aged 60 or over.",
		[]Field{fieldName, fieldID, fieldPhone}, false, []Material{matIDCard, matPhoto}, 0, 0},
	{"CAB", "高龄老人津贴申领", "Application for allowance for the very old", RuleVeryOldAllowance,
		"年满80周岁且具有本市户籍的,即时核准发放。", "Approved at once for a person aged 80 or over with a household registration in the city.",
		[]Field{fieldName, fieldID, fieldPhone, fieldBank}, true, []Material{matIDCard, matBank}, 0, 0},
	{"DRC", "企业投资项目备案", "Enterprise investment project filing", RuleInvestmentFiling,
		"统一社会信用代码校验正确、总投资不超过100亿元且不属于房地产业的项目,即时备案。",
		"Filed at once when the credit code is valid, the total investment is at most 10 billion yuan and the industry is not real estate.",
		[]Field{fieldCompany, fieldUSCC, fieldPhone, fieldProject, fieldIndustry, fieldInvestment}, false,
		[]Material{matLicence, matPlan}, 0, 0},
	{"HPF", "租房提取住房公积金", "Housing provident fund withdrawal for rent", RuleFundRentWithdrawal,
		"近3个月连续缴存住房公积金且本人在本市无房产的,即时准予提取。",
		"Approved at once when the fund was paid in each of the last 3 months and the applicant holds no housing property in the city.",
		[]Field{fieldName, fieldID, fieldPhone, fieldBank}, true, []Material{matIDCard, matBank}, 0, 0},
	{"HRSS", "灵活就业人员参保登记", "Social insurance registration for the flexibly employed", RuleFlexibleInsurance,
		"未达法定退休年龄(男60周岁、女55周岁)且上月无单位参保记录的,即时登记。",
		"Registered at once when under retirement age (men 60, women 55) and with no employer contribution last month.",
		[]Field{fieldName, fieldID, fieldPhone}, false, []Material{matIDCard}, 0, 0},
	{"HSA", "异地就医备案", "Registration for medical treatment in another city", RuleMedicalRemote,
		"上月已缴纳基本医疗保险的,即时备案。", "Registered at once when basic medical insurance was paid last month.",
		[]Field{fieldName, fieldID, fieldPhone, fieldDestination, fieldStartDate}, false, []Material{matIDCard}, 0, 0},
}
