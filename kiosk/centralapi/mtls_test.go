package centralapi_test

import (
	"errors"
	"io"
	"log"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central"
	"github.com/govkiosk/kiosk/central/devcerts"
	"github.com/govkiosk/kiosk/central/refdata"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// TestMutualTLS: with TLSConfig's client certificate the terminal is known by its
// certificate; without one the call is unreachable (no handshake), never a panic.
func TestMutualTLS(t *testing.T) {
	dir := t.TempDir()
	if err := devcerts.Write(dir, []string{"127.0.0.1"}, []string{"T-MTLS-01"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	p := func(f string) string { return filepath.Join(dir, f) }
	srvCfg, err := devcerts.ServerConfig(p(devcerts.ServerFile), p(devcerts.ServerKeyFile), p(devcerts.CAFile))
	if err != nil {
		t.Fatal(err)
	}
	srv, err := central.New(central.Options{DataDir: t.TempDir(), Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ts := httptest.NewUnstartedServer(srv.Handler())
	ts.TLS = srvCfg
	ts.Config.ErrorLog = log.New(io.Discard, "", 0)
	ts.StartTLS()
	defer ts.Close()

	cf, kf := devcerts.TerminalFiles("T-MTLS-01")
	cfg, err := centralapi.TLSConfig(p(cf), p(kf), p(devcerts.CAFile))
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(t, ts.URL, func(o *centralapi.Options) { o.TLS = cfg; o.TerminalID = "" })
	ctx := ctxT(t, 10*time.Second)
	if _, err := c.FetchCatalog(ctx, ""); err != nil {
		t.Fatal(err)
	}
	a, err := c.SubmitApplication(ctx, centralapi.Auth{}, "m-1", centralapi.ApplicationRequest{
		ItemCode: itemCode(t, "居民身份证换领"), Form: form(t, refdata.FixtureChen),
		Applicant: &centralapi.Applicant{IDNumber: refdata.FixtureChen, Name: "陈美玲"}})
	if err != nil || a.TerminalID != "T-MTLS-01" {
		t.Errorf("delivery under mTLS: %+v %v", a, err)
	}
	wrong := newClient(t, ts.URL, func(o *centralapi.Options) { o.TLS = cfg; o.TerminalID = "T-OTHER" })
	_, err = wrong.SubmitApplication(ctx, centralapi.Auth{}, "m-2", centralapi.ApplicationRequest{
		ItemCode: itemCode(t, "居民身份证换领"), Form: form(t, refdata.FixtureChen),
		Applicant: &centralapi.Applicant{IDNumber: refdata.FixtureChen, Name: "陈美玲"}})
	var re *centralapi.RejectedError
	if !errors.As(err, &re) || re.Code != "terminal_mismatch" {
		t.Errorf("claimed another terminal: %v", err)
	}
	noCert, err := centralapi.TLSConfig("", "", p(devcerts.CAFile))
	if err != nil {
		t.Fatal(err)
	}
	anon := newClient(t, ts.URL, func(o *centralapi.Options) { o.TLS = noCert })
	if _, err := anon.FetchCatalog(ctx, ""); !errors.Is(err, centralapi.ErrUnreachable) {
		t.Errorf("without a client certificate: %v", err)
	}
	if _, err := centralapi.TLSConfig(p(cf), p(kf), p("missing.pem")); err == nil {
		t.Error("a missing CA file was accepted")
	}
}
