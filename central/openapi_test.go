package central

import (
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/govkiosk/kiosk/central/refdata"
	"go.yaml.in/yaml/v3"
)

type openAPIDoc struct {
	OpenAPI    string                               `yaml:"openapi"`
	Paths      map[string]map[string]map[string]any `yaml:"paths"`
	Components struct {
		Schemas map[string]struct {
			Required   []string       `yaml:"required"`
			Properties map[string]any `yaml:"properties"`
		} `yaml:"schemas"`
	} `yaml:"components"`
}

func loadOpenAPI(t *testing.T) openAPIDoc {
	t.Helper()
	var doc openAPIDoc
	if err := yaml.Unmarshal(OpenAPI, &doc); err != nil {
		t.Fatalf("openapi.yaml: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi version %q", doc.OpenAPI)
	}
	return doc
}

// TestOpenAPICoversRoutes checks that every route the server registers is in the
// document and every operation of the document is served.
func TestOpenAPICoversRoutes(t *testing.T) {
	doc := loadOpenAPI(t)
	var documented, served []string
	for path, ops := range doc.Paths {
		for method := range ops {
			if method == "parameters" {
				continue
			}
			documented = append(documented, strings.ToUpper(method)+" "+path)
		}
	}
	for _, r := range newTestServer(t, "").routes() {
		served = append(served, r.pattern())
	}
	sort.Strings(documented)
	sort.Strings(served)
	for _, s := range served {
		if !slices.Contains(documented, s) {
			t.Errorf("served but not documented: %s", s)
		}
	}
	for _, d := range documented {
		if !slices.Contains(served, d) {
			t.Errorf("documented but not served: %s", d)
		}
	}
}

// TestOpenAPISchemasMatchTypes checks that each schema lists exactly the JSON fields of
// the Go type the server encodes or decodes for it, and requires only fields it has.
func TestOpenAPISchemasMatchTypes(t *testing.T) {
	doc := loadOpenAPI(t)
	types := map[string]any{
		"Error": apiError{}, "FieldError": refdata.FieldError{}, "Catalog": refdata.Catalog{},
		"Department": refdata.Department{}, "Item": refdata.Item{}, "Flags": refdata.Flags{},
		"Material": refdata.Material{}, "Field": refdata.Field{}, "Option": refdata.Option{}, "Rules": refdata.Rules{},
		"Hall": refdata.Hall{}, "CardData": cardData{}, "CreateSessionRequest": createSessionRequest{},
		"CreateSessionResponse": createSessionResponse{}, "Session": sessionView{}, "CitizenView": citizenView{},
		"Challenge": challengeResponse{}, "Certificate": Certificate{}, "Holder": Holder{}, "CertField": CertField{},
		"CertTable": CertTable{}, "Column": Column{}, "Verification": verification{}, "Applicant": applicant{},
		"SubmitApplicationRequest": submitRequest{}, "Application": applicationView{}, "Reason": Reason{},
		"Stage": stage{}, "RateRequest": rateRequest{}, "Rating": rating{}, "Ticket": ticket{}, "Stats": Stats{},
		"Faults": Faults{},
	}
	for name, v := range types {
		sch, ok := doc.Components.Schemas[name]
		if !ok {
			t.Errorf("schema %s missing", name)
			continue
		}
		want := jsonFields(reflect.TypeOf(v))
		var got []string
		for p := range sch.Properties {
			got = append(got, p)
		}
		sort.Strings(got)
		if !slices.Equal(got, want) {
			t.Errorf("schema %s has %v, type has %v", name, got, want)
		}
		for _, r := range sch.Required {
			if !slices.Contains(want, r) {
				t.Errorf("schema %s requires unknown %s", name, r)
			}
		}
	}
}

func jsonFields(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

func TestOpenAPIServed(t *testing.T) {
	rec := call(t, newTestServer(t, ""), "GET", "/openapi.yaml", nil)
	if rec.Code != 200 || rec.Body.String() != string(OpenAPI) {
		t.Errorf("status %d", rec.Code)
	}
}
