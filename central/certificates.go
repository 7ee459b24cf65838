package central

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
	bolt "go.etcd.io/bbolt"
)

// certificateValidity is how long a printed proof can be verified as valid.
const certificateValidity = 90 * 24 * time.Hour

// Certificate is a proof's structured data: the terminal renders it (PDF, screen); the
// server never makes a document.
type Certificate struct {
	Code         string      `json:"code"` // verification code printed on the proof
	ItemCode     string      `json:"item_code"`
	TitleZH      string      `json:"title_zh"`
	TitleEN      string      `json:"title_en"`
	DepartmentZH string      `json:"department_zh"`
	DepartmentEN string      `json:"department_en"`
	IssuedAt     time.Time   `json:"issued_at"`
	ValidUntil   time.Time   `json:"valid_until"`
	DataAsOf     string      `json:"data_as_of"` // last month the records cover
	Holder       Holder      `json:"holder"`
	Fields       []CertField `json:"fields"`
	Tables       []CertTable `json:"tables"`
	NoteZH       string      `json:"note_zh"`
	NoteEN       string      `json:"note_en"`
	VerifyURL    string      `json:"verify_url"`
	// Digest is the SHA-256 of the proof's content (everything above but the URL),
	// kept by the server so a verification can tell a printed proof was not altered.
	Digest string `json:"digest"`
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

// CertTable is a table of rows; every cell is display text.
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

// certificateRecord is what the server keeps of an issued proof: enough to verify it,
// with the holder masked.
type certificateRecord struct {
	Code         string    `json:"code"`
	ItemCode     string    `json:"item_code"`
	TitleZH      string    `json:"title_zh"`
	TitleEN      string    `json:"title_en"`
	IssuedAt     time.Time `json:"issued_at"`
	ValidUntil   time.Time `json:"valid_until"`
	HolderMasked string    `json:"holder_masked"`
	IDMasked     string    `json:"id_masked"`
	Digest       string    `json:"digest"`
	TerminalID   string    `json:"terminal_id"`
}

type issueRequest struct {
	ItemCode string            `json:"item_code"`
	Params   map[string]string `json:"params"`
}

// verifyAlphabet leaves out 0/O and 1/I/L, which citizens misread.
const verifyAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

func newVerifyCode() string {
	b := make([]byte, 12)
	rand.Read(b)
	var sb strings.Builder
	for i, v := range b {
		if i > 0 && i%4 == 0 {
			sb.WriteByte('-')
		}
		sb.WriteByte(verifyAlphabet[int(v)%len(verifyAlphabet)])
	}
	return sb.String()
}

func (s *Server) publicURL(r *http.Request) string {
	if s.opts.PublicURL != "" {
		return strings.TrimRight(s.opts.PublicURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// handleIssueCertificate issues a printable proof of the signed-in citizen.
func (s *Server) handleIssueCertificate(w http.ResponseWriter, r *http.Request) {
	var req issueRequest
	if err := readJSON(r, &req); err != nil {
		writeError(w, err)
		return
	}
	se, c, err := s.sessionOf(r)
	if err != nil {
		writeError(w, err)
		return
	}
	it, ok := s.cat.Item(req.ItemCode)
	if !ok {
		writeError(w, errNotFound("item"))
		return
	}
	if !it.Flags.Printable {
		writeError(w, newError(http.StatusUnprocessableEntity, "not_printable", "该事项不能自助打印", "this item is not printable"))
		return
	}
	now := s.now().UTC()
	if errs := refdata.Validate(it.Form, req.Params, now.In(chinaTime)); errs != nil {
		e := newError(http.StatusUnprocessableEntity, "invalid_form", "查询条件填写有误", "the parameters have errors")
		e.Fields = errs
		writeError(w, e)
		return
	}
	cert, err := buildProof(it, c, req.Params, now)
	if err != nil {
		writeError(w, err)
		return
	}
	dept := s.department(it.Department)
	cert.ItemCode, cert.TitleZH, cert.TitleEN = it.Code, it.NameZH, it.NameEN
	cert.DepartmentZH, cert.DepartmentEN = dept.NameZH, dept.NameEN
	cert.IssuedAt, cert.ValidUntil, cert.DataAsOf = now, now.Add(certificateValidity), refdata.DataAsOf
	cert.Holder = Holder{Name: c.Name, NameEN: c.NameEN, IDNumber: c.IDNumber}
	cert.Code = newVerifyCode()
	content, _ := json.Marshal(cert)
	sum := sha256.Sum256(content)
	cert.Digest = hex.EncodeToString(sum[:])
	cert.VerifyURL = s.publicURL(r) + "/v1/verify/" + cert.Code
	rec := certificateRecord{Code: cert.Code, ItemCode: it.Code, TitleZH: it.NameZH, TitleEN: it.NameEN, IssuedAt: now,
		ValidUntil: cert.ValidUntil, HolderMasked: refdata.MaskName(c.Name), IDMasked: refdata.MaskNumber(c.IDNumber),
		Digest: cert.Digest, TerminalID: se.TerminalID}
	if err := s.store.db.Update(func(tx *bolt.Tx) error { return put(tx, bucketCertificates, rec.Code, rec) }); err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"certificate": cert})
}

func (s *Server) department(code string) refdata.Department {
	for _, d := range s.cat.Departments {
		if d.Code == code {
			return d
		}
	}
	return refdata.Department{Code: code}
}

// verification is the public answer about a printed proof: masked, never the content.
type verification struct {
	Code         string    `json:"code"`
	Status       string    `json:"status"` // valid or expired
	ItemCode     string    `json:"item_code"`
	TitleZH      string    `json:"title_zh"`
	TitleEN      string    `json:"title_en"`
	IssuedAt     time.Time `json:"issued_at"`
	ValidUntil   time.Time `json:"valid_until"`
	HolderMasked string    `json:"holder_masked"`
	IDMasked     string    `json:"id_masked"`
	Digest       string    `json:"digest"`
}

// handleVerify lets anyone check a printed proof by its verification code.
func (s *Server) handleVerify(w http.ResponseWriter, r *http.Request) {
	code := strings.ToUpper(strings.TrimSpace(r.PathValue("code")))
	var rec certificateRecord
	err := s.store.db.View(func(tx *bolt.Tx) error { return get(tx, bucketCertificates, code, &rec) })
	if errors.Is(err, errNoRecord) {
		writeError(w, newError(http.StatusNotFound, "not_found", "查无此证明,请核对验证码", "no proof with this code"))
		return
	}
	if err != nil {
		writeError(w, err)
		return
	}
	status := "valid"
	if s.now().After(rec.ValidUntil) {
		status = "expired"
	}
	writeJSON(w, http.StatusOK, map[string]any{"verification": verification{Code: rec.Code, Status: status,
		ItemCode: rec.ItemCode, TitleZH: rec.TitleZH, TitleEN: rec.TitleEN, IssuedAt: rec.IssuedAt,
		ValidUntil: rec.ValidUntil, HolderMasked: rec.HolderMasked, IDMasked: rec.IDMasked, Digest: rec.Digest}})
}
