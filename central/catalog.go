package central

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/govkiosk/kiosk/central/refdata"
)

// catalogResponse is the catalog encoded once at start: plain and gzipped bytes and
// the strong ETag of the plain bytes.
type catalogResponse struct {
	plain, gz []byte
	etag      string
}

func newCatalogResponse(c *refdata.Catalog) (*catalogResponse, error) {
	plain, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("central: encode catalog: %w", err)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(plain)
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("central: gzip catalog: %w", err)
	}
	sum := sha256.Sum256(plain)
	return &catalogResponse{plain: plain, gz: buf.Bytes(), etag: `"` + hex.EncodeToString(sum[:16]) + `"`}, nil
}

// handleCatalog serves every department and item in one response. If-None-Match with
// the current ETag (or "*") gives 304 without a body.
func (s *Server) handleCatalog(w http.ResponseWriter, r *http.Request) {
	c := s.catalog
	h := w.Header()
	h.Set("ETag", c.etag)
	h.Set("Cache-Control", "no-cache")
	h.Set("Vary", "Accept-Encoding")
	if etagMatches(r.Header.Get("If-None-Match"), c.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", "application/json; charset=utf-8")
	body := c.plain
	if acceptsGzip(r.Header.Get("Accept-Encoding")) {
		h.Set("Content-Encoding", "gzip")
		body = c.gz
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// etagMatches implements If-None-Match's weak comparison over a list of tags.
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}

func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(name) == "gzip" && strings.ReplaceAll(params, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

func (s *Server) handleHalls(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"halls": refdata.Halls()})
}
