package centralapi

import "time"

// Certificate is a proof's structured data as central issues it (POST /v1/certificates);
// the terminal renders it. It holds personal data: keep it for the session only.
type Certificate struct {
	Code         string      `json:"code"` // verification code printed on the proof
	ItemCode     string      `json:"item_code"`
	TitleZH      string      `json:"title_zh"`
	TitleEN      string      `json:"title_en"`
	DepartmentZH string      `json:"department_zh"`
	DepartmentEN string      `json:"department_en"`
	IssuedAt     time.Time   `json:"issued_at"`
	ValidUntil   time.Time   `json:"valid_until"`
	DataAsOf     string      `json:"data_as_of"` // last month the records cover, YYYY-MM
	Holder       Holder      `json:"holder"`
	Fields       []CertField `json:"fields"`
	Tables       []CertTable `json:"tables"`
	NoteZH       string      `json:"note_zh"`
	NoteEN       string      `json:"note_en"`
	VerifyURL    string      `json:"verify_url"`
	Digest       string      `json:"digest"` // SHA-256 of the content, kept by central for verification
}

// Holder is the person a proof is about, as printed.
type Holder struct {
	Name     string `json:"name"`
	NameEN   string `json:"name_en,omitempty"`
	IDNumber string `json:"id_number"`
}

// CertField is one labelled value.
type CertField struct {
	LabelZH string `json:"label_zh"`
	LabelEN string `json:"label_en"`
	Value   string `json:"value"`
}

// CertTable is a table; every cell is display text.
type CertTable struct {
	TitleZH string     `json:"title_zh"`
	TitleEN string     `json:"title_en"`
	Columns []Column   `json:"columns"`
	Rows    [][]string `json:"rows"`
}

// Column is a table column's header.
type Column struct {
	LabelZH string `json:"label_zh"`
	LabelEN string `json:"label_en"`
}
