package refdata

// FieldType is the type of one form field; it decides how a terminal renders the field
// and how the server validates the value. Every value travels as a JSON string.
type FieldType string

const (
	FieldText     FieldType = "text"
	FieldIDNumber FieldType = "id_number" // GB 11643 number with its check character
	FieldPhone    FieldType = "phone"     // mainland mobile number, 11 digits
	FieldDate     FieldType = "date"      // YYYY-MM-DD
	FieldChoice   FieldType = "choice"
	FieldAmount   FieldType = "amount" // yuan with at most two decimals, e.g. "1200.50"
)

// Option is one value of a choice field.
type Option struct {
	Value   string `json:"value"`
	LabelZH string `json:"label_zh"`
	LabelEN string `json:"label_en"`
}

// Rules are the validation rules of a field; zero values mean "no rule".
type Rules struct {
	MinLen  int    `json:"min_len,omitempty"`
	MaxLen  int    `json:"max_len,omitempty"`
	Pattern string `json:"pattern,omitempty"` // Go RE2 syntax, anchored by the validator
	// MinDays and MaxDays bound a date relative to today (e.g. 1..30 for an appointment).
	MinDays *int `json:"min_days,omitempty"`
	MaxDays *int `json:"max_days,omitempty"`
	// MinFen and MaxFen bound an amount, in fen.
	MinFen *int64 `json:"min_fen,omitempty"`
	MaxFen *int64 `json:"max_fen,omitempty"`
}

// Field is one typed field of an item's form.
type Field struct {
	Key      string    `json:"key"`
	Type     FieldType `json:"type"`
	LabelZH  string    `json:"label_zh"`
	LabelEN  string    `json:"label_en"`
	Required bool      `json:"required"`
	Options  []Option  `json:"options,omitempty"`
	Rules    Rules     `json:"rules"`
}

func intp(v int) *int             { return &v }
func fenp(v int64) *int64         { return &v }
func opt(v, zh, en string) Option { return Option{Value: v, LabelZH: zh, LabelEN: en} }

// Common fields, shared by many forms.
var (
	fieldName  = Field{Key: "applicant_name", Type: FieldText, LabelZH: "申请人姓名", LabelEN: "Applicant name", Required: true, Rules: Rules{MinLen: 1, MaxLen: 40}}
	fieldID    = Field{Key: "applicant_id", Type: FieldIDNumber, LabelZH: "证件号码", LabelEN: "ID number", Required: true}
	fieldPhone = Field{Key: "phone", Type: FieldPhone, LabelZH: "联系电话", LabelEN: "Phone", Required: true}
	fieldUSCC  = Field{Key: "credit_code", Type: FieldText, LabelZH: "统一社会信用代码", LabelEN: "Unified social credit code", Required: true,
		Rules: Rules{Pattern: `[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}`}}
	fieldCompany = Field{Key: "company_name", Type: FieldText, LabelZH: "单位名称", LabelEN: "Company name", Required: true, Rules: Rules{MinLen: 2, MaxLen: 100}}
	fieldReason  = Field{Key: "reason", Type: FieldText, LabelZH: "申请事由", LabelEN: "Reason", Required: false, Rules: Rules{MaxLen: 200}}
	fieldBank    = Field{Key: "bank_account", Type: FieldText, LabelZH: "银行账号", LabelEN: "Bank account number", Required: true, Rules: Rules{Pattern: `[0-9]{12,19}`}}
	fieldLoss    = Field{Key: "loss_reason", Type: FieldChoice, LabelZH: "补领原因", LabelEN: "Reason for replacement", Required: true,
		Options: []Option{opt("lost", "遗失", "Lost"), opt("damaged", "损坏", "Damaged"), opt("stolen", "被盗", "Stolen")}}
	fieldChange = Field{Key: "change_item", Type: FieldChoice, LabelZH: "变更事项", LabelEN: "What changes", Required: true,
		Options: []Option{opt("name", "名称", "Name"), opt("address", "地址", "Address"), opt("contact", "联系人", "Contact person"), opt("other", "其他", "Other")}}
	fieldApptDate = Field{Key: "date", Type: FieldDate, LabelZH: "预约日期", LabelEN: "Appointment date", Required: true,
		Rules: Rules{MinDays: intp(1), MaxDays: intp(30)}}
	fieldApptSlot = Field{Key: "slot", Type: FieldChoice, LabelZH: "预约时段", LabelEN: "Time slot", Required: true,
		Options: []Option{opt("am", "上午 9:00-12:00", "Morning 9:00-12:00"), opt("pm", "下午 14:00-18:00", "Afternoon 14:00-18:00")}}
	fieldYear = Field{Key: "year", Type: FieldChoice, LabelZH: "年度", LabelEN: "Year", Required: true,
		Options: []Option{opt("2026", "2026年", "2026"), opt("2025", "2025年", "2025"), opt("2024", "2024年", "2024")}}
	fieldMonths = Field{Key: "months", Type: FieldChoice, LabelZH: "查询期间", LabelEN: "Period", Required: true,
		Options: []Option{opt("12", "近12个月", "Last 12 months"), opt("24", "近24个月", "Last 24 months"), opt("36", "近36个月", "Last 36 months")}}
	fieldInvoiceCode = Field{Key: "invoice_code", Type: FieldText, LabelZH: "发票代码", LabelEN: "Invoice code", Required: false, Rules: Rules{Pattern: `[0-9]{10}|[0-9]{12}`}}
	fieldInvoiceNo   = Field{Key: "invoice_number", Type: FieldText, LabelZH: "发票号码", LabelEN: "Invoice number", Required: true, Rules: Rules{Pattern: `[0-9]{8}|[0-9]{20}`}}
	fieldInvoiceDate = Field{Key: "invoice_date", Type: FieldDate, LabelZH: "开票日期", LabelEN: "Invoice date", Required: true, Rules: Rules{MinDays: intp(-1825), MaxDays: intp(0)}}
	fieldInvoiceSum  = Field{Key: "invoice_amount", Type: FieldAmount, LabelZH: "开具金额(不含税)", LabelEN: "Amount before tax", Required: true, Rules: Rules{MinFen: fenp(1), MaxFen: fenp(100_000_000_00)}}
)
