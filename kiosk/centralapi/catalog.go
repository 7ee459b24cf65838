package centralapi

import (
	"context"
	"fmt"
	"net/http"
)

// Catalog is every department and item (GET /v1/catalog).
type Catalog struct {
	Departments []Department `json:"departments"`
	Items       []Item       `json:"items"`
}

// Department is one of the city's departments.
type Department struct {
	Code   string `json:"code"` // e.g. "HRSS"
	NameZH string `json:"name_zh"`
	NameEN string `json:"name_en"`
}

// Item is one service of the catalog.
type Item struct {
	Code          string     `json:"code"` // e.g. "HRSS-0001"
	NameZH        string     `json:"name_zh"`
	NameEN        string     `json:"name_en"`
	Department    string     `json:"department"` // department code
	Kind          string     `json:"kind"`       // proof, query, application, appointment
	Flags         Flags      `json:"flags"`
	Materials     []Material `json:"materials"`
	Form          []Field    `json:"form"`
	TimeLimitDays int        `json:"time_limit_days"`
	FeeFen        int64      `json:"fee_fen"`
	Rule          string     `json:"rule,omitempty"`
	RuleZH        string     `json:"rule_zh,omitempty"`
	RuleEN        string     `json:"rule_en,omitempty"`
	Proof         string     `json:"proof,omitempty"`
	ProofScope    string     `json:"proof_scope,omitempty"`
}

// Item kinds.
const (
	KindProof       = "proof"
	KindQuery       = "query"
	KindApplication = "application"
	KindAppointment = "appointment"
)

// Flags are an item's properties.
type Flags struct {
	InstantApproval bool `json:"instant_approval"`
	Citywide        bool `json:"citywide"`
	NoMeeting       bool `json:"no_meeting"`
	Printable       bool `json:"printable"`
	SecondFactor    bool `json:"second_factor"`
}

// Material is a document the citizen brings.
type Material struct {
	NameZH   string `json:"name_zh"`
	NameEN   string `json:"name_en"`
	Original bool   `json:"original"`
}

// Field is one typed field of an item's form.
type Field struct {
	Key      string   `json:"key"`
	Type     string   `json:"type"` // text, id_number, phone, date, choice, amount
	LabelZH  string   `json:"label_zh"`
	LabelEN  string   `json:"label_en"`
	Required bool     `json:"required"`
	Options  []Option `json:"options,omitempty"`
	Rules    Rules    `json:"rules"`
}

// Option is a choice field's option.
type Option struct {
	Value   string `json:"value"`
	LabelZH string `json:"label_zh"`
	LabelEN string `json:"label_en"`
}

// Rules bound a field's value; every value travels as a string.
type Rules struct {
	MinLen  *int   `json:"min_len,omitempty"`
	MaxLen  *int   `json:"max_len,omitempty"`
	Pattern string `json:"pattern,omitempty"`
	MinDays *int   `json:"min_days,omitempty"`
	MaxDays *int   `json:"max_days,omitempty"`
	MinFen  *int64 `json:"min_fen,omitempty"`
	MaxFen  *int64 `json:"max_fen,omitempty"`
}

// CatalogAnswer is the outcome of FetchCatalog.
type CatalogAnswer struct {
	NotModified bool     // the catalog has the ETag that was sent: nothing else is set
	ETag        string   // the catalog's entity tag
	Catalog     *Catalog // the decoded catalog, when modified
	Raw         []byte   // the JSON as central sent it (decompressed), when modified
}

// FetchCatalog gets the catalog. With the ETag of a copy already held, central answers
// 304 when nothing changed and the answer has NotModified set.
func (c *Client) FetchCatalog(ctx context.Context, etag string) (CatalogAnswer, error) {
	h := http.Header{}
	if etag != "" {
		h.Set("If-None-Match", etag)
	}
	var cat Catalog
	a, err := c.do(ctx, call{method: http.MethodGet, route: "/v1/catalog", path: "/v1/catalog",
		header: h, want: http.StatusOK, out: &cat})
	if err != nil {
		return CatalogAnswer{}, err
	}
	if a.status == http.StatusNotModified {
		return CatalogAnswer{NotModified: true, ETag: etag}, nil
	}
	if len(cat.Departments) == 0 || len(cat.Items) == 0 {
		return CatalogAnswer{}, fmt.Errorf("%w: GET /v1/catalog: empty catalog", ErrServerFault)
	}
	return CatalogAnswer{ETag: a.header.Get("ETag"), Catalog: &cat, Raw: a.body}, nil
}
