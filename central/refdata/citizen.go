package refdata

// DataAsOf is the last month the synthetic records cover; the records never depend on
// the wall clock, so every build holds the same data.
const DataAsOf = "2026-10"

// Citizen is one synthetic person's identity and records, keyed by ID number. It is
// personal data in form (never log it) though invented in content.
type Citizen struct {
	IDNumber    string `json:"id_number"`
	Name        string `json:"name"`
	NameEN      string `json:"name_en,omitempty"`
	Sex         string `json:"sex"` // GB/T 2261.1: "1" male, "2" female
	Birth       string `json:"birth"`
	CardType    string `json:"card_type"` // as the card reader reports it
	Nationality string `json:"nationality"`
	Phone       string `json:"phone"`
	District    string `json:"district"`
	Address     string `json:"address"`
	HukouInCity bool   `json:"hukou_in_city"`
	// ResidencePermit is the residence permit number of a resident without a household
	// registration in the city; empty when none.
	ResidencePermit string `json:"residence_permit,omitempty"`
	Marital         string `json:"marital"` // unmarried, married, divorced, widowed
	MarriedOn       string `json:"married_on,omitempty"`
	SocialCardNo    string `json:"social_card_no"`

	Insurance    []InsuranceMonth `json:"insurance"`
	RetiredSince string           `json:"retired_since,omitempty"` // month; empty when not retired
	PensionFen   int64            `json:"pension_fen,omitempty"`   // monthly pension
	Fund         HousingFund      `json:"fund"`
	Tax          []TaxMonth       `json:"tax"`
	Properties   []Property       `json:"properties"`
}

// InsuranceMonth is one month of social insurance contributions on a base.
type InsuranceMonth struct {
	Month    string `json:"month"` // YYYY-MM
	Employer string `json:"employer"`
	BaseFen  int64  `json:"base_fen"`
	// Flexible marks a self-paid month (灵活就业): pension and medical only.
	Flexible bool `json:"flexible,omitempty"`
}

// Contribution rates in basis points (1/100 percent): employer, personal.
var insuranceRates = map[string][2]int64{
	"pension":      {1500, 800},
	"medical":      {600, 200},
	"unemployment": {70, 30},
	"injury":       {20, 0},
	"maternity":    {50, 0},
}

// InsuranceTypes lists the five insurances in their usual order.
var InsuranceTypes = []string{"pension", "medical", "unemployment", "injury", "maternity"}

// InsuranceNames gives each insurance type's Chinese and English name.
var InsuranceNames = map[string][2]string{
	"pension":      {"养老保险", "Pension"},
	"medical":      {"医疗保险", "Medical"},
	"unemployment": {"失业保险", "Unemployment"},
	"injury":       {"工伤保险", "Work injury"},
	"maternity":    {"生育保险", "Maternity"},
}

// Covers reports whether the month includes the insurance type.
func (m InsuranceMonth) Covers(kind string) bool {
	return !m.Flexible || kind == "pension" || kind == "medical"
}

// Contribution returns the employer's and the person's contribution in fen for one type;
// a flexibly employed person pays both shares.
func (m InsuranceMonth) Contribution(kind string) (employer, personal int64) {
	if !m.Covers(kind) {
		return 0, 0
	}
	r := insuranceRates[kind]
	employer, personal = m.BaseFen*r[0]/10000, m.BaseFen*r[1]/10000
	if m.Flexible {
		return 0, employer + personal
	}
	return employer, personal
}

// HousingFund is a housing provident fund account.
type HousingFund struct {
	AccountNo   string        `json:"account_no,omitempty"` // empty when the person has none
	Employer    string        `json:"employer,omitempty"`
	Status      string        `json:"status,omitempty"` // normal, sealed
	BaseFen     int64         `json:"base_fen,omitempty"`
	RatePercent int           `json:"rate_percent,omitempty"` // each of employer and person
	Deposits    []FundDeposit `json:"deposits"`
	BalanceFen  int64         `json:"balance_fen"`
}

// FundDeposit is one month's deposit, employer and personal shares.
type FundDeposit struct {
	Month       string `json:"month"`
	EmployerFen int64  `json:"employer_fen"`
	PersonalFen int64  `json:"personal_fen"`
}

// TaxMonth is one month of individual income tax withheld.
type TaxMonth struct {
	Month      string `json:"month"`
	Withholder string `json:"withholder"`
	IncomeFen  int64  `json:"income_fen"`
	TaxFen     int64  `json:"tax_fen"`
	TaxOffice  string `json:"tax_office"`
}

// Property is one registered real estate right.
type Property struct {
	CertNo       string `json:"cert_no"`
	Address      string `json:"address"`
	AreaDM2      int64  `json:"area_dm2"` // floor area in 1/100 m²
	Usage        string `json:"usage"`
	RegisteredOn string `json:"registered_on"`
}
