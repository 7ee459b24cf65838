package central

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/govkiosk/kiosk/central/refdata"
	"go.yaml.in/yaml/v3"
)

// contract checks recorded answers against the response schemas of openapi.yaml: types,
// required properties, enums, nested objects and arrays.
type contract struct {
	doc map[string]any
}

func loadContract(t *testing.T) *contract {
	var doc map[string]any
	if err := yaml.Unmarshal(OpenAPI, &doc); err != nil {
		t.Fatal(err)
	}
	return &contract{doc}
}

// resolve follows a local $ref such as "#/components/schemas/Item".
func (c *contract) resolve(node map[string]any) map[string]any {
	for {
		ref, ok := node["$ref"].(string)
		if !ok {
			return node
		}
		var cur any = c.doc
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			cur = cur.(map[string]any)[part]
		}
		node = cur.(map[string]any)
	}
}

// responseSchema finds the JSON schema documented for path, method and status.
func (c *contract) responseSchema(path, method string, status int) (map[string]any, error) {
	op, ok := c.doc["paths"].(map[string]any)[path].(map[string]any)[strings.ToLower(method)].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s %s not documented", method, path)
	}
	resp, ok := op["responses"].(map[string]any)[fmt.Sprint(status)].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s %s: status %d not documented", method, path, status)
	}
	resp = c.resolve(resp)
	content, _ := resp["content"].(map[string]any)
	media, ok := content["application/json"].(map[string]any)
	if !ok {
		return nil, nil // documented without a JSON body
	}
	return c.resolve(media["schema"].(map[string]any)), nil
}

// check validates v against schema, reporting problems with their JSON path.
func (c *contract) check(schema map[string]any, v any, at string, errs *[]string) {
	schema = c.resolve(schema)
	bad := func(format string, args ...any) { *errs = append(*errs, at+": "+fmt.Sprintf(format, args...)) }
	switch schema["type"] {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			bad("want an object, got %T", v)
			return
		}
		for _, r := range asList(schema["required"]) {
			if _, ok := obj[r.(string)]; !ok {
				bad("required %q missing", r)
			}
		}
		props, _ := schema["properties"].(map[string]any)
		extra, _ := schema["additionalProperties"].(map[string]any)
		for k, val := range obj {
			switch {
			case props[k] != nil:
				c.check(props[k].(map[string]any), val, at+"."+k, errs)
			case extra != nil:
				c.check(extra, val, at+"."+k, errs)
			default:
				bad("undocumented property %q", k)
			}
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			bad("want an array, got %T", v)
			return
		}
		for i, item := range arr {
			c.check(schema["items"].(map[string]any), item, fmt.Sprintf("%s[%d]", at, i), errs)
		}
	case "string":
		s, ok := v.(string)
		if !ok {
			bad("want a string, got %T", v)
		} else if enum := asList(schema["enum"]); enum != nil && !slices.Contains(enum, any(s)) {
			bad("%q not in %v", s, enum)
		}
	case "integer":
		if f, ok := v.(float64); !ok || f != float64(int64(f)) {
			bad("want an integer, got %v", v)
		}
	case "number":
		if _, ok := v.(float64); !ok {
			bad("want a number, got %T", v)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			bad("want a boolean, got %T", v)
		}
	}
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// conform checks one recorded answer against the contract.
func (c *contract) conform(t *testing.T, path, method string, rec *httptest.ResponseRecorder) {
	t.Helper()
	schema, err := c.responseSchema(path, method, rec.Code)
	if err != nil {
		t.Error(err)
		return
	}
	if schema == nil {
		return
	}
	var v any
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Errorf("%s %s: %d body is not JSON: %v", method, path, rec.Code, err)
		return
	}
	var errs []string
	c.check(schema, v, "$", &errs)
	for _, e := range errs {
		t.Errorf("%s %s %d: %s", method, path, rec.Code, e)
	}
}

// TestAnswersKeepToContract drives a citizen's visit through every endpoint, including
// refusals, and checks each answer against the documented schema.
func TestAnswersKeepToContract(t *testing.T) {
	c := loadContract(t)
	s := newTestServer(t, "")
	type step struct {
		path, method, url string
		body              any
		hdr               []string
	}
	run := func(st step) *httptest.ResponseRecorder {
		rec := call(t, s, st.method, st.url, st.body, st.hdr...)
		c.conform(t, st.path, st.method, rec)
		return rec
	}
	run(step{"/healthz", "GET", "/healthz", nil, nil})
	run(step{"/v1/catalog", "GET", "/v1/catalog", nil, nil})
	run(step{"/v1/halls", "GET", "/v1/halls", nil, nil})
	run(step{"/v1/sessions", "POST", "/v1/sessions", createSessionRequest{TerminalID: "T1", Card: cardData{Number: "X"}}, nil})
	sess := run(step{"/v1/sessions", "POST", "/v1/sessions", createSessionRequest{TerminalID: "T1", Card: cardOf(t, refdata.FixtureChen)}, nil})
	var cs createSessionResponse
	json.Unmarshal(sess.Body.Bytes(), &cs)
	auth := []string{"Authorization", "Bearer " + cs.Token}
	run(step{"/v1/session", "GET", "/v1/session", nil, auth})
	run(step{"/v1/session/second-factor/challenge", "POST", "/v1/session/second-factor/challenge", challengeRequest{methodSMS}, auth})
	run(step{"/v1/session/second-factor", "POST", "/v1/session/second-factor", secondFactorRequest{methodSMS, "000000"}, auth})
	run(step{"/v1/session/second-factor", "POST", "/v1/session/second-factor", secondFactorRequest{methodSMS, "123456"}, auth})
	for _, name := range []string{"五险一金缴纳明细", "无房产证明", "发票真伪查验", "户籍证明"} {
		it := itemByName(t, s, name)
		rec := run(step{"/v1/certificates", "POST", "/v1/certificates", issueRequest{it.Code, paramsFor(it)}, auth})
		var ce certEnvelope
		if json.Unmarshal(rec.Body.Bytes(), &ce) == nil && ce.Certificate.Code != "" {
			run(step{"/v1/verify/{code}", "GET", "/v1/verify/" + ce.Certificate.Code, nil, nil})
		}
	}
	run(step{"/v1/verify/{code}", "GET", "/v1/verify/NONE", nil, nil})
	chen := citizen(t, refdata.FixtureChen)
	for i, name := range []string{"租房提取住房公积金", "老年人优待证办理", "居民身份证换领", "居民身份证办理预约"} {
		it := itemByName(t, s, name)
		form := formFor(chen, map[string]string{"bank_account": "6222000011112222", "date": "2026-11-30", "slot": "am"})
		for _, f := range []string{"bank_account", "date", "slot"} {
			if !slices.ContainsFunc(it.Form, func(x refdata.Field) bool { return x.Key == f }) {
				delete(form, f)
			}
		}
		key := []string{"Idempotency-Key", fmt.Sprint("c", i)}
		run(step{"/v1/applications", "POST", "/v1/applications", submitRequest{ItemCode: it.Code, Form: form}, append(auth, key...)})
	}
	run(step{"/v1/applications", "POST", "/v1/applications", submitRequest{ItemCode: "HRSS-0001", Form: map[string]string{"x": ""}}, append(auth, "Idempotency-Key", "bad")})
	list := run(step{"/v1/applications", "GET", "/v1/applications", nil, auth})
	var l struct{ Applications []applicationView }
	json.Unmarshal(list.Body.Bytes(), &l)
	if len(l.Applications) != 4 {
		t.Fatalf("%d applications", len(l.Applications))
	}
	run(step{"/v1/applications/{id}", "GET", "/v1/applications/" + l.Applications[0].ID, nil, auth})
	run(step{"/v1/ratings", "POST", "/v1/ratings", rateRequest{ItemCode: "HRSS-0001", Score: 5, Tags: []string{"fast"}}, append(auth, "Idempotency-Key", "r")})
	tk := run(step{"/v1/queue-tickets", "POST", "/v1/queue-tickets", ticketRequest{"SZ-FT", "HRSS-0001"}, []string{"X-Terminal-Id", "T1"}})
	var tv struct{ Ticket ticket }
	json.Unmarshal(tk.Body.Bytes(), &tv)
	run(step{"/v1/queue-tickets/{id}", "GET", "/v1/queue-tickets/" + tv.Ticket.ID, nil, nil})
	run(step{"/_admin/stats", "GET", "/_admin/stats", nil, nil})
	run(step{"/_faults", "PUT", "/_faults", Faults{LatencyMS: 0}, nil})
	run(step{"/_faults", "GET", "/_faults", nil, nil})
	run(step{"/v1/session", "DELETE", "/v1/session", nil, auth})
	run(step{"/v1/session", "GET", "/v1/session", nil, auth})
}
