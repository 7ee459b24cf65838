package centralapi_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central"
	"github.com/govkiosk/kiosk/central/refdata"
	"github.com/govkiosk/kiosk/kiosk/backoff"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// env is a real reference server on a loopback listener and a client of it.
type env struct {
	srv      *central.Server
	ts       *httptest.Server
	client   *centralapi.Client
	requests atomic.Int64 // /v1 requests that reached the server
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// newEnv starts central (faults off) and a client with short backoffs.
func newEnv(t *testing.T) *env {
	t.Helper()
	srv, err := central.New(central.Options{DataDir: t.TempDir(), Logger: quiet(), Faults: central.Faults{Seed: 1}})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{srv: srv}
	h := srv.Handler()
	e.ts = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.URL.Path) > 4 && r.URL.Path[:4] == "/v1/" {
			e.requests.Add(1)
		}
		h.ServeHTTP(w, r)
	}))
	e.ts.Config.ErrorLog = nil
	t.Cleanup(func() {
		e.ts.CloseClientConnections()
		e.ts.Close()
		srv.Close()
	})
	e.client = newClient(t, e.ts.URL, nil)
	return e
}

func newClient(t *testing.T, url string, edit func(*centralapi.Options)) *centralapi.Client {
	t.Helper()
	o := centralapi.Options{BaseURL: url, TerminalID: "T-TEST-01", Logger: quiet(),
		Backoff: backoff.Policy{Min: time.Millisecond, Max: 4 * time.Millisecond}}
	if edit != nil {
		edit(&o)
	}
	c, err := centralapi.New(o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (e *env) faults(t *testing.T, f central.Faults) {
	t.Helper()
	if err := e.srv.SetFaults(f); err != nil {
		t.Fatal(err)
	}
}

func (e *env) stats(t *testing.T) central.Stats {
	t.Helper()
	st, err := e.srv.Stats()
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func ctxT(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

func card(t *testing.T, id string) centralapi.CardData {
	t.Helper()
	c, ok := refdata.LookupCitizen(id)
	if !ok {
		t.Fatal("fixture missing")
	}
	return centralapi.CardData{Type: c.CardType, Number: c.IDNumber, Name: c.Name, NameEN: c.NameEN, SexCode: c.Sex, Birth: c.Birth}
}

func form(t *testing.T, id string) map[string]string {
	c, _ := refdata.LookupCitizen(id)
	return map[string]string{"applicant_name": c.Name, "applicant_id": c.IDNumber, "phone": c.Phone}
}

// itemCode finds a catalog item by its Chinese name in the reference catalog.
func itemCode(t *testing.T, name string) string {
	t.Helper()
	cat, err := refdata.BuildCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range cat.Items {
		if it.NameZH == name {
			return it.Code
		}
	}
	t.Fatalf("no item %s", name)
	return ""
}
