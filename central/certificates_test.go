package central

import (
	"net/http"
	"strings"
	"testing"

	"github.com/govkiosk/kiosk/central/refdata"
)

type certEnvelope struct{ Certificate Certificate }

// paramsFor fills a printable item's parameters.
func paramsFor(it *refdata.Item) map[string]string {
	p := map[string]string{}
	for _, f := range it.Form {
		switch f.Key {
		case "months":
			p[f.Key] = "24"
		case "year":
			p[f.Key] = "2025"
		case "invoice_code":
			p[f.Key] = "044031900111"
		case "invoice_number":
			p[f.Key] = "12345678"
		case "invoice_date":
			p[f.Key] = "2026-10-08"
		case "invoice_amount":
			p[f.Key] = "1280.00"
		}
	}
	return p
}

// TestEveryProofIssues issues each of the 31 printable items for the fixtures: each must
// work for at least one of them, and a refusal must be a no_records answer.
func TestEveryProofIssues(t *testing.T) {
	s := newTestServer(t, "")
	auths := map[string]string{}
	for _, id := range refdata.FixtureIDs {
		auths[id] = signIn(t, s, id)
	}
	issued := 0
	for i := range s.cat.Items {
		it := &s.cat.Items[i]
		if !it.Flags.Printable {
			continue
		}
		ok := 0
		for _, id := range refdata.FixtureIDs {
			rec := call(t, s, "POST", "/v1/certificates", issueRequest{ItemCode: it.Code, Params: paramsFor(it)}, "Authorization", auths[id])
			if rec.Code == http.StatusUnprocessableEntity {
				if code := errorCode(t, rec, 422); code != "no_records" {
					t.Errorf("%s: refused with %s", it.NameZH, code)
				}
				continue
			}
			c := decode[certEnvelope](t, rec, http.StatusCreated).Certificate
			if c.Holder.IDNumber != id || c.TitleZH != it.NameZH || len(c.Fields)+len(c.Tables) == 0 || c.Digest == "" {
				t.Errorf("%s: certificate %+v", it.NameZH, c)
			}
			for _, tb := range c.Tables {
				for _, row := range tb.Rows {
					if len(row) != len(tb.Columns) {
						t.Errorf("%s: row of %d cells under %d columns", it.NameZH, len(row), len(tb.Columns))
					}
				}
			}
			ok++
		}
		if ok == 0 {
			t.Errorf("%s (%s) issues for none of the fixtures", it.NameZH, it.Proof)
		}
		issued++
	}
	if issued != refdata.PrintableCount {
		t.Errorf("%d printable items, want %d", issued, refdata.PrintableCount)
	}
}

func TestProofContent(t *testing.T) {
	s := newTestServer(t, "")
	chen := signIn(t, s, refdata.FixtureChen)
	it := itemByName(t, s, "五险一金缴纳明细")
	c := decode[certEnvelope](t, call(t, s, "POST", "/v1/certificates", issueRequest{it.Code, map[string]string{"months": "12"}},
		"Authorization", chen), 201).Certificate
	rows := c.Tables[0].Rows
	if len(rows) != 12 || rows[11][0] != refdata.DataAsOf || len(c.Tables[0].Columns) != 3+2*5+2 {
		t.Fatalf("details: %d rows, last %v, %d columns", len(rows), rows[len(rows)-1], len(c.Tables[0].Columns))
	}
	// The base of the last month, computed from the record, and its 8% pension share.
	rec, _ := citizen(t, refdata.FixtureChen).InsuranceIn(refdata.DataAsOf)
	if rows[11][2] != yuan(rec.BaseFen) || rows[11][4] != yuan(rec.BaseFen*8/100) {
		t.Errorf("last row %v, base %d", rows[11], rec.BaseFen)
	}

	none := itemByName(t, s, "无房产证明")
	if code := errorCode(t, call(t, s, "POST", "/v1/certificates", issueRequest{none.Code, nil}, "Authorization", signIn(t, s, refdata.FixtureWang)), 422); code != "no_records" {
		t.Errorf("no-property proof for an owner: %s", code)
	}
	decode[certEnvelope](t, call(t, s, "POST", "/v1/certificates", issueRequest{none.Code, nil}, "Authorization", chen), 201)

	tax := itemByName(t, s, "完税证明")
	if code := errorCode(t, call(t, s, "POST", "/v1/certificates", issueRequest{tax.Code, nil}, "Authorization", chen), 422); code != "invalid_form" {
		t.Errorf("tax proof without a year: %s", code)
	}
	apply := itemByName(t, s, "居民身份证换领")
	if code := errorCode(t, call(t, s, "POST", "/v1/certificates", issueRequest{apply.Code, nil}, "Authorization", chen), 422); code != "not_printable" {
		t.Errorf("an application as a proof: %s", code)
	}
	if rec := call(t, s, "POST", "/v1/certificates", issueRequest{none.Code, nil}); rec.Code != 401 {
		t.Errorf("without a session: %d", rec.Code)
	}
}

func TestVerify(t *testing.T) {
	s := newTestServer(t, "")
	it := itemByName(t, s, "个人参保证明")
	c := decode[certEnvelope](t, call(t, s, "POST", "/v1/certificates", issueRequest{it.Code, nil},
		"Authorization", signIn(t, s, refdata.FixtureWang)), 201).Certificate
	if !strings.HasSuffix(c.VerifyURL, "/v1/verify/"+c.Code) || len(c.Code) != 14 {
		t.Fatalf("code %q, url %q", c.Code, c.VerifyURL)
	}
	v := decode[struct{ Verification verification }](t, call(t, s, "GET", "/v1/verify/"+strings.ToLower(c.Code), nil), 200).Verification
	if v.Status != "valid" || v.Digest != c.Digest || v.HolderMasked != "王**" || v.IDMasked != "4403**********123X" {
		t.Errorf("verification %+v", v)
	}
	s.SetFaults(Faults{ClockSkewSeconds: 91 * 86400})
	if v := decode[struct{ Verification verification }](t, call(t, s, "GET", "/v1/verify/"+c.Code, nil), 200).Verification; v.Status != "expired" {
		t.Errorf("after 91 days: %s", v.Status)
	}
	if rec := call(t, s, "GET", "/v1/verify/AAAA-BBBB-CCCC", nil); rec.Code != 404 {
		t.Errorf("unknown code: %d", rec.Code)
	}
}
