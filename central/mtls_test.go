package central

import (
	"bytes"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/govkiosk/kiosk/central/devcerts"
	"github.com/govkiosk/kiosk/central/refdata"
)

// TestMutualTLS serves over TLS requiring client certificates: the certificate's common
// name is the terminal's identity, a terminal claiming another id is refused, and a
// client without a certificate cannot connect.
func TestMutualTLS(t *testing.T) {
	dir := t.TempDir()
	if err := devcerts.Write(dir, []string{"127.0.0.1"}, []string{"T-A", "T-B"}, testNow); err != nil {
		t.Fatal(err)
	}
	p := func(f string) string { return filepath.Join(dir, f) }
	srvCfg, err := devcerts.ServerConfig(p(devcerts.ServerFile), p(devcerts.ServerKeyFile), p(devcerts.CAFile))
	if err != nil {
		t.Fatal(err)
	}
	s := newTestServer(t, "")
	ts := httptest.NewUnstartedServer(s.Handler())
	ts.TLS = srvCfg
	ts.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake is expected
	ts.StartTLS()
	defer ts.Close()
	client := func(term string) *http.Client {
		cf, kf := devcerts.TerminalFiles(term)
		cfg, err := devcerts.ClientConfig(p(devcerts.CAFile), p(cf), p(kf))
		if err != nil {
			t.Fatal(err)
		}
		return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
	}
	post := func(c *http.Client, body any) *http.Response {
		b, _ := json.Marshal(body)
		resp, err := c.Post(ts.URL+"/v1/sessions", "application/json", bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	a := client("T-A")
	if resp := post(a, createSessionRequest{Card: cardOf(t, refdata.FixtureWang)}); resp.StatusCode != 201 {
		t.Errorf("terminal from its certificate: %d", resp.StatusCode)
	}
	if resp := post(a, createSessionRequest{TerminalID: "T-B", Card: cardOf(t, refdata.FixtureWang)}); resp.StatusCode != 403 {
		t.Errorf("claiming another terminal: %d", resp.StatusCode)
	}
	noCert := &http.Client{Transport: &http.Transport{TLSClientConfig: a.Transport.(*http.Transport).TLSClientConfig.Clone()}}
	noCert.Transport.(*http.Transport).TLSClientConfig.Certificates = nil
	if resp, err := noCert.Get(ts.URL + "/healthz"); err == nil {
		resp.Body.Close()
		t.Error("a client without a certificate connected")
	}
}
