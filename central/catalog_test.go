package central

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/govkiosk/kiosk/central/refdata"
)

func TestCatalogCounts(t *testing.T) {
	s := newTestServer(t, "")
	rec := call(t, s, "GET", "/v1/catalog", nil)
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(rec.Body.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	if _, ok := raw["departments"]; !ok || len(raw) != 2 {
		t.Fatalf("top-level keys: want departments and items, got %d keys", len(raw))
	}
	cat := decode[refdata.Catalog](t, rec, http.StatusOK)
	printable := 0
	for _, it := range cat.Items {
		if it.Flags.Printable {
			printable++
		}
	}
	if len(cat.Departments) != 34 || len(cat.Items) != 1488 || printable != 31 {
		t.Errorf("catalog: %d departments, %d items, %d printable; want 34, 1488, 31",
			len(cat.Departments), len(cat.Items), printable)
	}
}

func TestCatalogETag(t *testing.T) {
	s := newTestServer(t, "")
	first := call(t, s, "GET", "/v1/catalog", nil)
	etag := first.Header().Get("ETag")
	if first.Code != 200 || len(etag) < 10 {
		t.Fatalf("status %d, etag %q", first.Code, etag)
	}
	again := call(t, s, "GET", "/v1/catalog", nil, "If-None-Match", etag)
	if again.Code != http.StatusNotModified || again.Body.Len() != 0 {
		t.Errorf("with the ETag: status %d, %d body bytes; want 304 and none", again.Code, again.Body.Len())
	}
	stale := call(t, s, "GET", "/v1/catalog", nil, "If-None-Match", `"0000"`)
	if stale.Code != 200 || stale.Body.Len() != first.Body.Len() {
		t.Errorf("with a stale ETag: status %d, want 200 and the catalog", stale.Code)
	}
	// A second server over other data directories serves the same tag: it is the content's.
	if other := call(t, newTestServer(t, ""), "GET", "/v1/catalog", nil); other.Header().Get("ETag") != etag {
		t.Error("ETag differs between two servers with the same catalog")
	}
}

func TestCatalogGzip(t *testing.T) {
	s := newTestServer(t, "")
	plain := call(t, s, "GET", "/v1/catalog", nil)
	gz := call(t, s, "GET", "/v1/catalog", nil, "Accept-Encoding", "gzip")
	if gz.Header().Get("Content-Encoding") != "gzip" || gz.Body.Len() >= plain.Body.Len()/3 {
		t.Fatalf("gzip: encoding %q, %d bytes vs %d plain", gz.Header().Get("Content-Encoding"), gz.Body.Len(), plain.Body.Len())
	}
	zr, err := gzip.NewReader(gz.Body)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil || string(b) != plain.Body.String() {
		t.Fatalf("gunzipped catalog differs from the plain one (err %v)", err)
	}
}

// BenchmarkCatalog measures one full catalog answer through the handler.
func BenchmarkCatalog(b *testing.B) {
	for _, enc := range []string{"identity", "gzip"} {
		b.Run(enc, func(b *testing.B) {
			s := newTestServer(b, "")
			var n int
			for b.Loop() {
				rec := call(b, s, "GET", "/v1/catalog", nil, "Accept-Encoding", enc)
				n = rec.Body.Len()
			}
			b.ReportMetric(float64(n), "bytes/response")
		})
	}
	b.Run("not-modified", func(b *testing.B) {
		s := newTestServer(b, "")
		etag := call(b, s, "GET", "/v1/catalog", nil).Header().Get("ETag")
		for b.Loop() {
			if rec := call(b, s, "GET", "/v1/catalog", nil, "If-None-Match", etag); rec.Code != 304 {
				b.Fatal(rec.Code)
			}
		}
	})
}

// BenchmarkCatalogBuild measures building and encoding the catalog from the tables, which
// the server does once at start.
func BenchmarkCatalogBuild(b *testing.B) {
	for b.Loop() {
		cat, err := refdata.NewCatalog()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := newCatalogResponse(cat); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCatalogLoopback fetches the catalog over a real loopback connection, as a
// terminal would, with and without gzip, reading the whole body.
func BenchmarkCatalogLoopback(b *testing.B) {
	s := newTestServer(b, "")
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	for _, enc := range []string{"identity", "gzip"} {
		b.Run(enc, func(b *testing.B) {
			var n int64
			for b.Loop() {
				req, _ := http.NewRequest("GET", ts.URL+"/v1/catalog", nil)
				req.Header.Set("Accept-Encoding", enc)
				resp, err := client.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				n, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			b.ReportMetric(float64(n), "bytes/response")
		})
	}
}
