package certificate

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central"
	"github.com/govkiosk/kiosk/central/refdata"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// The reference server's clock in these tests, and the time the proofs are printed.
var (
	issueTime = time.Date(2026, 11, 27, 10, 0, 0, 0, chinaTime)
	printTime = time.Date(2026, 11, 27, 10, 5, 0, 0, chinaTime)
)

// testCode replaces the random verification code central gives each proof, so that
// goldens stay the same from run to run.
const (
	testCode = "7KQM-2HXA-9PRT"
	testURL  = "https://gov.example.cn"
)

// issuedProof is one printable item issued for a fixture citizen.
type issuedProof struct {
	item *refdata.Item
	cert *centralapi.Certificate
}

// issueAll issues every printable item of the reference catalog from a real reference
// server over HTTP, each for the first card fixture it can be issued for, with 36
// months where the item asks for a period (so the long tables run over pages).
func issueAll(t testing.TB) []issuedProof {
	t.Helper()
	srv, err := central.New(central.Options{DataDir: t.TempDir(), PublicURL: testURL,
		Now: func() time.Time { return issueTime }, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	cat, err := refdata.BuildCatalog()
	if err != nil {
		t.Fatal(err)
	}
	tokens := map[string]string{}
	for _, id := range refdata.FixtureIDs {
		tokens[id] = signIn(t, hs.URL, id)
	}
	var out []issuedProof
	for i := range cat.Items {
		it := &cat.Items[i]
		if !it.Flags.Printable {
			continue
		}
		var cert *centralapi.Certificate
		for _, id := range refdata.FixtureIDs {
			if cert = issue(t, hs.URL, tokens[id], it); cert != nil {
				break
			}
		}
		if cert == nil {
			t.Fatalf("%s: no fixture citizen can get it", it.Code)
		}
		cert.Code = testCode
		cert.VerifyURL = testURL + "/v1/verify/" + testCode
		out = append(out, issuedProof{it, cert})
	}
	if len(out) != refdata.PrintableCount {
		t.Fatalf("%d printable items, want %d", len(out), refdata.PrintableCount)
	}
	return out
}

// post sends a JSON request and decodes the answer into v when the status is want.
func post(t testing.TB, url, token string, body, v any) int {
	t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest("POST", url, bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 == 2 {
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatal(err)
		}
	}
	return resp.StatusCode
}

// signIn opens a session with a fixture's card data, as the terminal would.
func signIn(t testing.TB, base, id string) string {
	t.Helper()
	c, ok := refdata.LookupCitizen(id)
	if !ok {
		t.Fatalf("no fixture %s", refdata.MaskNumber(id))
	}
	card := map[string]string{"type": c.CardType, "number": c.IDNumber, "name": c.Name, "name_en": c.NameEN,
		"sex_code": c.Sex, "birth": c.Birth}
	var out struct{ Token string }
	if st := post(t, base+"/v1/sessions", "", map[string]any{"terminal_id": "T-TEST-01", "card": card}, &out); st != http.StatusCreated {
		t.Fatalf("sign in %s: status %d", refdata.MaskNumber(id), st)
	}
	return out.Token
}

// issue asks for a proof; nil when the citizen's records cannot support it (422).
func issue(t testing.TB, base, token string, it *refdata.Item) *centralapi.Certificate {
	t.Helper()
	params := map[string]string{}
	for _, f := range it.Form {
		switch f.Key {
		case "months":
			params[f.Key] = "36"
		case "year":
			params[f.Key] = "2025"
		case "invoice_code":
			params[f.Key] = "044031900111"
		case "invoice_number":
			params[f.Key] = "12345678"
		case "invoice_date":
			params[f.Key] = "2026-10-08"
		case "invoice_amount":
			params[f.Key] = "1280.00"
		}
	}
	var out struct{ Certificate centralapi.Certificate }
	switch st := post(t, base+"/v1/certificates", token, map[string]any{"item_code": it.Code, "params": params}, &out); st {
	case http.StatusCreated:
		return &out.Certificate
	case http.StatusUnprocessableEntity:
		return nil
	default:
		t.Fatalf("%s: status %d", it.Code, st)
		return nil
	}
}

// byName finds an issued proof by its Chinese title.
func byName(t testing.TB, all []issuedProof, name string) issuedProof {
	t.Helper()
	for _, p := range all {
		if p.item.NameZH == name {
			return p
		}
	}
	t.Fatalf("no proof %s", name)
	return issuedProof{}
}

// slug names an item's golden files.
func slug(it *refdata.Item) string { return strings.ToLower(it.Code) }
