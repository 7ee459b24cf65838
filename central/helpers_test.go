package central

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
)

// testNow is the tests' clock: Friday 27 November 2026, 10:00 in the city.
var testNow = time.Date(2026, 11, 27, 10, 0, 0, 0, chinaTime)

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// newTestServer opens a server on a fresh data directory; it is closed with the test.
func newTestServer(t testing.TB, dir string) *Server {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	s, err := New(Options{DataDir: dir, Now: func() time.Time { return testNow }, Logger: quietLogger(), Faults: Faults{Seed: 1}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// call sends one request to the handler; hdr holds extra headers as name, value pairs.
func call(t testing.TB, s *Server, method, path string, body any, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	req := httptest.NewRequest(method, path, rd)
	req.RemoteAddr = "127.0.0.1:40000"
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	return rec
}

// decode decodes a recorded JSON answer, failing on a status other than want.
func decode[T any](t testing.TB, rec *httptest.ResponseRecorder, want int) T {
	t.Helper()
	var v T
	if rec.Code != want {
		t.Fatalf("status %d, want %d: %s", rec.Code, want, rec.Body.String())
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode: %v: %s", err, rec.Body.String())
	}
	return v
}

func errorCode(t testing.TB, rec *httptest.ResponseRecorder, want int) string {
	t.Helper()
	v := decode[struct{ Error apiError }](t, rec, want)
	return v.Error.Code
}

// cardOf builds the card data the terminal would send for a citizen on record.
func cardOf(t testing.TB, id string) cardData {
	t.Helper()
	c, ok := refdata.LookupCitizen(id)
	if !ok {
		t.Fatalf("no citizen %s", refdata.MaskNumber(id))
	}
	return cardData{Type: c.CardType, Number: c.IDNumber, Name: c.Name, NameEN: c.NameEN, SexCode: c.Sex, Birth: c.Birth}
}

// signIn opens a session for a citizen and returns the Authorization header value.
func signIn(t testing.TB, s *Server, id string) string {
	t.Helper()
	rec := call(t, s, "POST", "/v1/sessions", createSessionRequest{TerminalID: "T-TEST-01", Card: cardOf(t, id)})
	r := decode[createSessionResponse](t, rec, http.StatusCreated)
	return "Bearer " + r.Token
}

// strongSignIn signs in and passes the second factor.
func strongSignIn(t testing.TB, s *Server, id string) string {
	t.Helper()
	auth := signIn(t, s, id)
	decode[challengeResponse](t, call(t, s, "POST", "/v1/session/second-factor/challenge", challengeRequest{methodSMS}, "Authorization", auth), 200)
	decode[map[string]any](t, call(t, s, "POST", "/v1/session/second-factor", secondFactorRequest{methodSMS, "123456"}, "Authorization", auth), 200)
	return auth
}

// itemByName finds a catalog item by its Chinese name.
func itemByName(t testing.TB, s *Server, name string) *refdata.Item {
	t.Helper()
	for i := range s.cat.Items {
		if s.cat.Items[i].NameZH == name {
			return &s.cat.Items[i]
		}
	}
	t.Fatalf("no item %s", name)
	return nil
}
