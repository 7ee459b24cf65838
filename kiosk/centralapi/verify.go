package centralapi

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// IssueCertificate issues one of the printable proofs for the signed-in citizen; params
// are the item's form fields. Not retried: issuing twice makes two verification codes.
// A proof the records cannot support is a *RejectedError (422 no_records).
func (c *Client) IssueCertificate(ctx context.Context, token, itemCode string, params map[string]string) (*Certificate, error) {
	body := struct {
		ItemCode string            `json:"item_code"`
		Params   map[string]string `json:"params,omitempty"`
	}{itemCode, params}
	var env struct {
		Certificate *Certificate `json:"certificate"`
	}
	const name = "POST /v1/certificates"
	if _, err := c.do(ctx, call{method: http.MethodPost, route: "/v1/certificates", path: "/v1/certificates",
		token: token, body: body, want: http.StatusCreated, out: &env}); err != nil {
		return nil, err
	}
	if env.Certificate == nil || env.Certificate.Code == "" {
		return nil, fmt.Errorf("%w: %s: no certificate in the answer", ErrServerFault, name)
	}
	return env.Certificate, nil
}

// Verification is the public check of a printed proof; the holder is masked.
type Verification struct {
	Code         string    `json:"code"`
	Status       string    `json:"status"` // valid, expired
	ItemCode     string    `json:"item_code"`
	TitleZH      string    `json:"title_zh"`
	TitleEN      string    `json:"title_en"`
	IssuedAt     time.Time `json:"issued_at"`
	ValidUntil   time.Time `json:"valid_until"`
	HolderMasked string    `json:"holder_masked"`
	IDMasked     string    `json:"id_masked"`
	Digest       string    `json:"digest"`
}

// Verify checks a printed proof by its verification code. An unknown code is a
// *RejectedError (404 not_found).
func (c *Client) Verify(ctx context.Context, code string) (Verification, error) {
	var env struct {
		Verification *Verification `json:"verification"`
	}
	if _, err := c.do(ctx, call{method: http.MethodGet, route: "/v1/verify/{code}",
		path: "/v1/verify/" + url.PathEscape(code), want: http.StatusOK, out: &env}); err != nil {
		return Verification{}, err
	}
	if env.Verification == nil {
		return Verification{}, fmt.Errorf("%w: GET /v1/verify/{code}: no verification in the answer", ErrServerFault)
	}
	return *env.Verification, nil
}
