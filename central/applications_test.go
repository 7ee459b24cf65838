package central

import (
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
)

type appEnvelope struct{ Application applicationView }

// formFor fills the common fields of an item's form for a citizen.
func formFor(c *refdata.Citizen, extra map[string]string) map[string]string {
	f := map[string]string{"applicant_name": c.Name, "applicant_id": c.IDNumber, "phone": c.Phone}
	for k, v := range extra {
		f[k] = v
	}
	return f
}

func citizen(t *testing.T, id string) *refdata.Citizen {
	c, ok := refdata.LookupCitizen(id)
	if !ok {
		t.Fatal("fixture missing")
	}
	return c
}

func TestIdempotentSubmission(t *testing.T) {
	s := newTestServer(t, "")
	auth := signIn(t, s, refdata.FixtureWang)
	it := itemByName(t, s, "老年人优待证办理")
	req := submitRequest{ItemCode: it.Code, Form: formFor(citizen(t, refdata.FixtureWang), nil)}
	first := call(t, s, "POST", "/v1/applications", req, "Authorization", auth, "Idempotency-Key", "k-1")
	second := call(t, s, "POST", "/v1/applications", req, "Authorization", auth, "Idempotency-Key", "k-1")
	a := decode[appEnvelope](t, first, http.StatusCreated)
	decode[appEnvelope](t, second, http.StatusCreated)
	if first.Body.String() != second.Body.String() || second.Header().Get("Idempotent-Replayed") != "true" {
		t.Errorf("replay differs or is unmarked:\n%s\n%s", first.Body, second.Body)
	}
	if st, _ := s.Stats(); st.Applications != 1 {
		t.Errorf("server holds %d applications after a repeated key, want 1", st.Applications)
	}
	other := req
	other.ClientRef = "changed"
	if code := errorCode(t, call(t, s, "POST", "/v1/applications", other, "Authorization", auth, "Idempotency-Key", "k-1"), 422); code != "idempotency_key_reused" {
		t.Errorf("same key, other request: %s", code)
	}
	if code := errorCode(t, call(t, s, "POST", "/v1/applications", req, "Authorization", auth), 400); code != "idempotency_key_required" {
		t.Errorf("no key: %s", code)
	}
	decode[appEnvelope](t, call(t, s, "POST", "/v1/applications", req, "Authorization", auth, "Idempotency-Key", "k-2"), 201)
	if st, _ := s.Stats(); st.Applications != 2 || a.Application.Status != statusApproved {
		t.Errorf("after a second key: %d applications, first status %s", st.Applications, a.Application.Status)
	}
}

func TestIdempotentSubmissionConcurrent(t *testing.T) {
	s := newTestServer(t, "")
	auth := signIn(t, s, refdata.FixtureChen)
	it := itemByName(t, s, "居民身份证换领")
	req := submitRequest{ItemCode: it.Code, Form: formFor(citizen(t, refdata.FixtureChen), nil)}
	var wg sync.WaitGroup
	ids := make([]string, 8)
	for i := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := call(t, s, "POST", "/v1/applications", req, "Authorization", auth, "Idempotency-Key", "same")
			if rec.Code == 201 {
				ids[i] = rec.Body.String()
			}
		}()
	}
	wg.Wait()
	for _, b := range ids {
		if b != ids[0] || b == "" {
			t.Fatal("concurrent requests with one key got different answers")
		}
	}
	if st, _ := s.Stats(); st.Applications != 1 {
		t.Errorf("%d applications, want 1", st.Applications)
	}
}

func TestInstantApprovalRules(t *testing.T) {
	s := newTestServer(t, "")
	grad := map[string]string{"graduation_date": "2026-07-01", "school": "深圳大学"}
	cases := []struct {
		item, id string
		extra    map[string]string
		reasons  []string // empty: approved
	}{
		{"老年人优待证办理", refdata.FixtureWang, nil, nil},
		{"老年人优待证办理", refdata.FixtureChen, nil, []string{"age_limit"}},
		{"租房提取住房公积金", refdata.FixtureChen, map[string]string{"bank_account": "6222000011112222"}, nil},
		{"租房提取住房公积金", refdata.FixtureWang, map[string]string{"bank_account": "6222000011112222"}, []string{"fund_gap", "has_property"}},
		{"租房提取住房公积金", refdata.FixtureSmith, map[string]string{"bank_account": "6222000011112222"}, []string{"has_property"}},
		{"应届高校毕业生落户", refdata.FixtureGarcia, merge(grad, "degree", "master"), nil},
		{"应届高校毕业生落户", refdata.FixtureGarcia, merge(grad, "degree", "bachelor"), []string{"age_limit"}},
		{"高龄老人津贴申领", refdata.FixtureWang, map[string]string{"bank_account": "6222000011112222"}, []string{"age_limit"}},
		{"灵活就业人员参保登记", refdata.FixtureChen, nil, []string{"employed"}},
		{"异地就医备案", refdata.FixtureChen, map[string]string{"destination": "广州市", "start_date": "2026-12-01"}, nil},
		{"异地就医备案", refdata.FixtureWang, map[string]string{"destination": "广州市", "start_date": "2026-12-01"}, []string{"not_insured"}},
	}
	for i, tc := range cases {
		it := itemByName(t, s, tc.item)
		auth := strongSignIn(t, s, tc.id)
		req := submitRequest{ItemCode: it.Code, Form: formFor(citizen(t, tc.id), tc.extra)}
		a := decode[appEnvelope](t, call(t, s, "POST", "/v1/applications", req, "Authorization", auth, "Idempotency-Key", fmt.Sprint("rule-", i)), 201).Application
		var got []string
		for _, r := range a.Reasons {
			got = append(got, r.Code)
		}
		want := statusApproved
		if len(tc.reasons) > 0 {
			want = statusRejected
		}
		if a.Status != want || fmt.Sprint(got) != fmt.Sprint(tc.reasons) {
			t.Errorf("%s for %s: %s %v, want %s %v", tc.item, refdata.MaskNumber(tc.id), a.Status, got, want, tc.reasons)
		}
	}
}

func TestInvestmentFilingRule(t *testing.T) {
	s := newTestServer(t, "")
	it := itemByName(t, s, "企业投资项目备案")
	auth := signIn(t, s, refdata.FixtureSmith)
	base := map[string]string{"company_name": "深圳市示例科技有限公司", "phone": "13800000003", "project_name": "智能终端研发中心",
		"industry": "software", "total_investment": "5000000.00"}
	for i, tc := range []struct {
		code, industry string
		want           string
	}{{"91350100M000100Y43", "software", statusApproved}, {"91350100M000100Y44", "software", statusRejected},
		{"91350100M000100Y43", "real_estate", statusRejected}} {
		f := merge(merge(base, "credit_code", tc.code), "industry", tc.industry)
		a := decode[appEnvelope](t, call(t, s, "POST", "/v1/applications", submitRequest{ItemCode: it.Code, Form: f},
			"Authorization", auth, "Idempotency-Key", fmt.Sprint("inv-", i)), 201).Application
		if a.Status != tc.want {
			t.Errorf("case %d: %s, want %s (%v)", i, a.Status, tc.want, a.Reasons)
		}
	}
}

func merge(m map[string]string, k, v string) map[string]string {
	out := map[string]string{k: v}
	for kk, vv := range m {
		if kk != k {
			out[kk] = vv
		}
	}
	return out
}

func TestSubmissionChecks(t *testing.T) {
	s := newTestServer(t, "")
	auth := signIn(t, s, refdata.FixtureChen)
	c := citizen(t, refdata.FixtureChen)
	fund := itemByName(t, s, "租房提取住房公积金")
	if code := errorCode(t, call(t, s, "POST", "/v1/applications", submitRequest{ItemCode: fund.Code,
		Form: formFor(c, map[string]string{"bank_account": "6222000011112222"})}, "Authorization", auth, "Idempotency-Key", "a"), 403); code != "second_factor_required" {
		t.Errorf("without the second factor: %s", code)
	}
	renew := itemByName(t, s, "居民身份证换领")
	bad := formFor(c, map[string]string{"phone": "12345", "surprise": "x"})
	rec := call(t, s, "POST", "/v1/applications", submitRequest{ItemCode: renew.Code, Form: bad}, "Authorization", auth, "Idempotency-Key", "b")
	e := decode[struct{ Error apiError }](t, rec, 422).Error
	keys := map[string]bool{}
	for _, f := range e.Fields {
		keys[f.Key] = true
	}
	if e.Code != "invalid_form" || !keys["phone"] || !keys["surprise"] || len(e.Fields) != 2 {
		t.Errorf("invalid form: %+v", e)
	}
	proof := itemByName(t, s, "个人参保证明")
	if code := errorCode(t, call(t, s, "POST", "/v1/applications", submitRequest{ItemCode: proof.Code, Form: map[string]string{}}, "Authorization", auth, "Idempotency-Key", "c"), 422); code != "not_applicable" {
		t.Errorf("a proof as an application: %s", code)
	}
	if st, _ := s.Stats(); st.Applications != 0 {
		t.Errorf("refused submissions created %d applications", st.Applications)
	}
}

func TestTerminalDeliversWithoutSession(t *testing.T) {
	s := newTestServer(t, "")
	c := citizen(t, refdata.FixtureGarcia)
	it := itemByName(t, s, "居民身份证换领")
	offline := testNow.Add(-2 * time.Hour).UTC()
	req := submitRequest{ItemCode: it.Code, Form: formFor(c, nil), Applicant: &applicant{c.IDNumber, "garcia maria"},
		ClientRef: "LOCAL-0001", MadeOfflineAt: &offline}
	a := decode[appEnvelope](t, call(t, s, "POST", "/v1/applications", req, "X-Terminal-Id", "T-OUTBOX", "Idempotency-Key", "ob-1"), 201).Application
	if a.Channel != "terminal" || a.TerminalID != "T-OUTBOX" || a.ClientRef != "LOCAL-0001" || !a.MadeOfflineAt.Equal(offline) {
		t.Errorf("delivered application: %+v", a)
	}
	req.Applicant = &applicant{c.IDNumber, "SOMEONE ELSE"}
	if code := errorCode(t, call(t, s, "POST", "/v1/applications", req, "X-Terminal-Id", "T-OUTBOX", "Idempotency-Key", "ob-2"), 403); code != "applicant_unknown" {
		t.Errorf("wrong applicant name: %s", code)
	}
	req.Applicant = nil
	if code := errorCode(t, call(t, s, "POST", "/v1/applications", req, "Idempotency-Key", "ob-3"), 401); code != "unauthenticated" {
		t.Errorf("no session, no terminal: %s", code)
	}
}

func TestProgressLookup(t *testing.T) {
	s := newTestServer(t, "")
	auth := signIn(t, s, refdata.FixtureChen)
	it := itemByName(t, s, "居民身份证换领") // 7 working days
	a := decode[appEnvelope](t, call(t, s, "POST", "/v1/applications", submitRequest{ItemCode: it.Code,
		Form: formFor(citizen(t, refdata.FixtureChen), nil)}, "Authorization", auth, "Idempotency-Key", "p1"), 201).Application
	// Submitted on a Friday: 7 working days end on the Tuesday after next.
	if a.Status != statusAccepted || !a.DueAt.Equal(time.Date(2026, 12, 8, 10, 0, 0, 0, chinaTime)) {
		t.Fatalf("fresh: %s due %s", a.Status, a.DueAt)
	}
	for _, tc := range []struct {
		days int
		want string
	}{{2, statusAccepted}, {3, statusInReview}, {11, statusCompleted}} {
		s.SetFaults(Faults{ClockSkewSeconds: tc.days * 86400})
		later := signIn(t, s, refdata.FixtureChen) // the first session has expired by then
		got := decode[appEnvelope](t, call(t, s, "GET", "/v1/applications/"+a.ID, nil, "Authorization", later), 200).Application
		if got.Status != tc.want {
			t.Errorf("after %d days: %s, want %s", tc.days, got.Status, tc.want)
		}
	}
	s.SetFaults(Faults{})
	auth = signIn(t, s, refdata.FixtureChen) // the sign-ins days later purged the first session
	list := decode[struct{ Applications []applicationView }](t, call(t, s, "GET", "/v1/applications", nil, "Authorization", auth), 200)
	if len(list.Applications) != 1 || list.Applications[0].ID != a.ID {
		t.Errorf("list: %+v", list)
	}
	other := signIn(t, s, refdata.FixtureWang)
	if rec := call(t, s, "GET", "/v1/applications/"+a.ID, nil, "Authorization", other); rec.Code != 404 {
		t.Errorf("another citizen sees the application: %d", rec.Code)
	}
	if l := decode[struct{ Applications []applicationView }](t, call(t, s, "GET", "/v1/applications", nil, "Authorization", other), 200); len(l.Applications) != 0 {
		t.Errorf("another citizen's list has %d", len(l.Applications))
	}
}
