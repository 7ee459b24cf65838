package centralapi_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central"
	"github.com/govkiosk/kiosk/central/refdata"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// recorder keeps the method and path of every request the client sends.
type recorder struct {
	mu   sync.Mutex
	seen []string
	next http.RoundTripper
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.seen = append(r.seen, req.Method+" "+req.URL.Path)
	r.mu.Unlock()
	return r.next.RoundTrip(req)
}

// operations reads the documented operations of central/openapi.yaml as
// "METHOD /path/{param}" patterns.
func operations(t *testing.T) map[string]*regexp.Regexp {
	t.Helper()
	ops := map[string]*regexp.Regexp{}
	path := ""
	inPaths := false
	for _, line := range strings.Split(string(central.OpenAPI), "\n") {
		switch {
		case line == "paths:":
			inPaths = true
		case inPaths && len(line) > 0 && line[0] != ' ':
			inPaths = false
		case inPaths && strings.HasPrefix(line, "  /") && strings.HasSuffix(line, ":"):
			path = strings.TrimSuffix(strings.TrimSpace(line), ":")
		case inPaths && path != "":
			for _, m := range []string{"get", "post", "put", "delete", "patch"} {
				if strings.TrimSpace(line) == m+":" && strings.HasPrefix(line, "    "+m) {
					re := regexp.QuoteMeta(regexp.MustCompile(`\{[^}]+\}`).ReplaceAllString(path, "PARAM"))
					re = strings.ReplaceAll(re, "PARAM", `[^/]+`)
					ops[strings.ToUpper(m)+" "+path] = regexp.MustCompile("^" + strings.ToUpper(m) + " " + re + "$")
				}
			}
		}
	}
	if len(ops) < 15 {
		t.Fatalf("read only %d operations from openapi.yaml", len(ops))
	}
	return ops
}

// TestContractPaths: every request the client makes is a documented operation, and the
// client covers every /v1 operation of the contract.
func TestContractPaths(t *testing.T) {
	e := newEnv(t)
	rec := &recorder{next: http.DefaultTransport}
	c := newClient(t, e.ts.URL, func(o *centralapi.Options) { o.Transport = rec })
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := c.FetchCatalog(ctx, "")
	must(err)
	g, err := c.CreateSession(ctx, card(t, refdata.FixtureWang))
	must(err)
	_, err = c.GetSession(ctx, g.Token)
	must(err)
	_, err = c.ChallengeSecondFactor(ctx, g.Token)
	must(err)
	_, err = c.PassSecondFactor(ctx, g.Token, "123456")
	must(err)
	cert, err := c.IssueCertificate(ctx, g.Token, itemCode(t, "个人参保证明"), nil)
	must(err)
	_, err = c.Verify(ctx, cert.Code)
	must(err)
	item := itemCode(t, "老年人优待证办理")
	a, err := c.SubmitApplication(ctx, centralapi.Auth{Token: g.Token}, "c-1", centralapi.ApplicationRequest{ItemCode: item, Form: form(t, refdata.FixtureWang)})
	must(err)
	_, err = c.ListApplications(ctx, g.Token)
	must(err)
	_, err = c.GetApplication(ctx, g.Token, a.ID)
	must(err)
	_, err = c.Rate(ctx, centralapi.Auth{Token: g.Token}, "c-2", centralapi.RatingRequest{ItemCode: item, Score: 3})
	must(err)
	halls, err := c.Halls(ctx)
	must(err)
	tk, err := c.IssueTicket(ctx, "c-3", halls[0].ID, item)
	must(err)
	_, err = c.GetTicket(ctx, tk.ID)
	must(err)
	must(c.EndSession(ctx, g.Token))

	ops := operations(t)
	covered := map[string]bool{}
	for _, s := range rec.seen {
		found := false
		for op, re := range ops {
			if re.MatchString(s) {
				covered[op], found = true, true
			}
		}
		if !found {
			t.Errorf("the client calls %s, which openapi.yaml does not document", s)
		}
	}
	for op := range ops {
		if strings.Contains(op, " /v1/") && !covered[op] {
			t.Errorf("the contract's %s is not called by the client", op)
		}
	}
}
