package refdata

// Kind is what a service item does for the citizen.
type Kind string

const (
	KindProof       Kind = "proof"       // a proof or certificate printed at the terminal
	KindQuery       Kind = "query"       // a look-up, answered at once
	KindApplication Kind = "application" // an application decided by the department
	KindAppointment Kind = "appointment" // booking a time at a service hall
)

// Flags are the properties a terminal shows as badges and filters on.
type Flags struct {
	InstantApproval bool `json:"instant_approval"` // 秒批: decided at once by ApprovalRule
	Citywide        bool `json:"citywide"`         // 全城通办: any hall, any terminal
	NoMeeting       bool `json:"no_meeting"`       // 不见面审批: no visit to a counter needed
	Printable       bool `json:"printable"`        // printable at the terminal
	SecondFactor    bool `json:"second_factor"`    // needs the second authentication factor
}

// Material is a document the applicant must provide.
type Material struct {
	NameZH   string `json:"name_zh"`
	NameEN   string `json:"name_en"`
	Original bool   `json:"original"` // the original, not a copy
}

// Item is one approval or service item of the catalog.
type Item struct {
	Code       string     `json:"code"`
	NameZH     string     `json:"name_zh"`
	NameEN     string     `json:"name_en"`
	Department string     `json:"department"` // Department.Code
	Kind       Kind       `json:"kind"`
	Flags      Flags      `json:"flags"`
	Materials  []Material `json:"materials"`
	Form       []Field    `json:"form"`
	// TimeLimitDays is the legal time limit in working days; 0 means answered at once.
	TimeLimitDays int `json:"time_limit_days"`
	// FeeFen is the fee in fen (1/100 yuan); most items are free.
	FeeFen int64 `json:"fee_fen"`
	// Rule keys, for instant-approval items, the rule the decision follows; RuleZH and
	// RuleEN state it for the citizen.
	Rule   string `json:"rule,omitempty"`
	RuleZH string `json:"rule_zh,omitempty"`
	RuleEN string `json:"rule_en,omitempty"`
	// Proof names, for printable items, the template of the structured certificate data;
	// ProofScope narrows the insurance templates to one insurance type.
	Proof      string `json:"proof,omitempty"`
	ProofScope string `json:"proof_scope,omitempty"`
}
