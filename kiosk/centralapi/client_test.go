package centralapi_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// TestCitizenJourney walks every endpoint of the client against the reference server.
func TestCitizenJourney(t *testing.T) {
	e := newEnv(t)
	ctx := ctxT(t, 20*time.Second)
	c := e.client

	cat, err := c.FetchCatalog(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Catalog.Departments) != 34 || len(cat.Catalog.Items) != 1488 || cat.ETag == "" || len(cat.Raw) == 0 {
		t.Fatalf("catalog: %d departments, %d items, etag %q", len(cat.Catalog.Departments), len(cat.Catalog.Items), cat.ETag)
	}
	again, err := c.FetchCatalog(ctx, cat.ETag)
	if err != nil || !again.NotModified || again.Catalog != nil {
		t.Fatalf("refresh with the etag: %+v, %v", again, err)
	}
	stale, err := c.FetchCatalog(ctx, `"stale"`)
	if err != nil || stale.NotModified || stale.ETag != cat.ETag {
		t.Fatalf("refresh with a stale etag: notModified=%v etag=%q err=%v", stale.NotModified, stale.ETag, err)
	}

	g, err := c.CreateSession(ctx, card(t, refdata.FixtureWang))
	if err != nil {
		t.Fatal(err)
	}
	if g.Session.Level != centralapi.LevelCard || g.Session.Citizen.Name != "王建国" {
		t.Errorf("session: %+v", g.Session)
	}
	if s, err := c.GetSession(ctx, g.Token); err != nil || s.ID != g.Session.ID {
		t.Errorf("get session: %+v %v", s, err)
	}
	if ch, err := c.ChallengeSecondFactor(ctx, g.Token); err != nil || ch.Method != centralapi.MethodSMS || ch.SentTo == "" {
		t.Errorf("challenge: %+v %v", ch, err)
	}
	_, err = c.PassSecondFactor(ctx, g.Token, "000000")
	var re *centralapi.RejectedError
	if !errors.As(err, &re) || re.Code != "otp_wrong" || re.MessageZH == "" || re.MessageEN == "" {
		t.Errorf("wrong code: %v", err)
	}
	if s, err := c.PassSecondFactor(ctx, g.Token, "123456"); err != nil || s.Level != centralapi.LevelSecond {
		t.Errorf("second factor: %+v %v", s, err)
	}

	cert, err := c.IssueCertificate(ctx, g.Token, itemCode(t, "个人参保证明"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if cert.Holder.Name != "王建国" || cert.Code == "" || len(cert.Tables)+len(cert.Fields) == 0 {
		t.Errorf("certificate: %+v", cert)
	}
	v, err := c.Verify(ctx, cert.Code)
	if err != nil || v.Status != "valid" || v.Digest != cert.Digest {
		t.Errorf("verify: %+v %v", v, err)
	}
	if _, err := c.Verify(ctx, "NOPE-NOPE-NOPE"); !errors.As(err, &re) || re.Status != http.StatusNotFound {
		t.Errorf("verify unknown: %v", err)
	}

	key := centralapi.NewIdempotencyKey()
	req := centralapi.ApplicationRequest{ItemCode: itemCode(t, "老年人优待证办理"), Form: form(t, refdata.FixtureWang)}
	a1, err := c.SubmitApplication(ctx, centralapi.Auth{Token: g.Token}, key, req)
	if err != nil {
		t.Fatal(err)
	}
	a2, err := c.SubmitApplication(ctx, centralapi.Auth{Token: g.Token}, key, req)
	if err != nil || a2.ID != a1.ID || a1.Status != "approved" {
		t.Errorf("submit twice: %+v / %+v %v", a1, a2, err)
	}
	if n := e.stats(t).Applications; n != 1 {
		t.Errorf("server holds %d applications, want 1", n)
	}
	list, err := c.ListApplications(ctx, g.Token)
	if err != nil || len(list) != 1 || list[0].ID != a1.ID {
		t.Errorf("list: %+v %v", list, err)
	}
	if got, err := c.GetApplication(ctx, g.Token, a1.ID); err != nil || got.ID != a1.ID || len(got.Progress) == 0 {
		t.Errorf("get: %+v %v", got, err)
	}
	r, err := c.Rate(ctx, centralapi.Auth{Token: g.Token}, centralapi.NewIdempotencyKey(),
		centralapi.RatingRequest{ItemCode: req.ItemCode, Ref: a1.ID, Score: 5, Tags: []string{"fast"}})
	if err != nil || r.Score != 5 || r.TerminalID != "T-TEST-01" {
		t.Errorf("rate: %+v %v", r, err)
	}

	halls, err := c.Halls(ctx)
	if err != nil || len(halls) == 0 {
		t.Fatalf("halls: %v %v", halls, err)
	}
	tk, err := c.IssueTicket(ctx, centralapi.NewIdempotencyKey(), halls[0].ID, req.ItemCode)
	if err != nil || tk.Number == "" {
		t.Fatalf("ticket: %+v %v", tk, err)
	}
	if got, err := c.GetTicket(ctx, tk.ID); err != nil || got.Number != tk.Number {
		t.Errorf("get ticket: %+v %v", got, err)
	}

	for range 2 {
		if err := c.EndSession(ctx, g.Token); err != nil {
			t.Errorf("end session: %v", err)
		}
	}
	if _, err := c.GetSession(ctx, g.Token); !errors.As(err, &re) || re.Status != http.StatusUnauthorized {
		t.Errorf("ended session still answers: %v", err)
	}
}

// TestOutboxDeliveryWithoutSession delivers an application as the terminal, with the
// applicant in the body, after the session is gone.
func TestOutboxDeliveryWithoutSession(t *testing.T) {
	e := newEnv(t)
	ctx := ctxT(t, 10*time.Second)
	c, _ := refdata.LookupCitizen(refdata.FixtureGarcia)
	at := time.Now().Add(-time.Hour).UTC().Truncate(time.Second)
	a, err := e.client.SubmitApplication(ctx, centralapi.Auth{}, "ob-1", centralapi.ApplicationRequest{
		ItemCode: itemCode(t, "居民身份证换领"), Form: form(t, refdata.FixtureGarcia),
		Applicant: &centralapi.Applicant{IDNumber: c.IDNumber, Name: c.NameEN}, ClientRef: "L-T-000001", MadeOfflineAt: &at})
	if err != nil {
		t.Fatal(err)
	}
	if a.Channel != "terminal" || a.TerminalID != "T-TEST-01" || a.ClientRef != "L-T-000001" || a.MadeOfflineAt == nil || !a.MadeOfflineAt.Equal(at) {
		t.Errorf("delivered: %+v", a)
	}
	if _, err := e.client.Rate(ctx, centralapi.Auth{}, "ob-r1", centralapi.RatingRequest{ItemCode: a.ItemCode, Score: 4}); err != nil {
		t.Errorf("rating as the terminal: %v", err)
	}
}

// TestRefusalsCarryNoPersonalData: refusals give central's readable reason and never the
// number, the name or the body that was sent.
func TestRefusalsCarryNoPersonalData(t *testing.T) {
	e := newEnv(t)
	ctx := ctxT(t, 10*time.Second)
	cd := card(t, refdata.FixtureChen)
	cd.Name = "陈某某"
	_, err1 := e.client.CreateSession(ctx, cd)
	var re *centralapi.RejectedError
	if !errors.As(err1, &re) || re.Status != http.StatusUnauthorized || re.MessageZH == "" {
		t.Fatalf("wrong name: %v", err1)
	}
	g, err := e.client.CreateSession(ctx, card(t, refdata.FixtureChen))
	if err != nil {
		t.Fatal(err)
	}
	f := form(t, refdata.FixtureChen)
	f["phone"] = "not-a-phone-" + refdata.FixtureChen
	_, err2 := e.client.SubmitApplication(ctx, centralapi.Auth{Token: g.Token}, "k", centralapi.ApplicationRequest{
		ItemCode: itemCode(t, "居民身份证换领"), Form: f})
	if !errors.As(err2, &re) || re.Code != "invalid_form" || len(re.Fields) == 0 {
		t.Fatalf("bad form: %v", err2)
	}
	if re.Message("zh") != re.MessageZH || re.Message("en") != re.MessageEN {
		t.Errorf("Message: %q %q", re.Message("zh"), re.Message("en"))
	}
	for _, err := range []error{err1, err2} {
		for _, secret := range []string{refdata.FixtureChen, "陈美玲", "陈某某", g.Token, "not-a-phone"} {
			if strings.Contains(err.Error(), secret) {
				t.Errorf("error %q repeats personal data", err)
			}
		}
	}
}

func TestNewRefusesBadURL(t *testing.T) {
	for _, u := range []string{"", "central:8080", "ftp://x", "http://"} {
		if _, err := centralapi.New(centralapi.Options{BaseURL: u}); err == nil {
			t.Errorf("New(%q) accepted", u)
		}
	}
}

func TestIdempotencyKeysDiffer(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		k := centralapi.NewIdempotencyKey()
		if len(k) != 36 || seen[k] {
			t.Fatalf("key %q repeated or malformed", k)
		}
		seen[k] = true
	}
}

// Undecided tells a request central did not decide (to try again) from its refusal.
func TestUndecided(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{errors.Join(errors.New("POST /v1/applications"), centralapi.ErrUnreachable), true},
		{errors.Join(errors.New("GET /v1/halls"), centralapi.ErrServerFault), true},
		{&centralapi.RejectedError{Status: 422, Code: "invalid_form"}, false},
		{errors.New("keep the application: spool closed"), false},
		{nil, false},
	} {
		if got := centralapi.Undecided(tc.err); got != tc.want {
			t.Errorf("Undecided(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}
