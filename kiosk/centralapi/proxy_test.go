package centralapi_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// ctRewriter rewrites the Content-Type of every answer, as a misconfigured proxy does.
type ctRewriter struct {
	http.ResponseWriter
	ct string
}

func (w ctRewriter) WriteHeader(code int) {
	w.Header().Set("Content-Type", w.ct)
	w.ResponseWriter.WriteHeader(code)
}

func (w ctRewriter) Write(b []byte) (int, error) {
	w.Header().Set("Content-Type", w.ct)
	return w.ResponseWriter.Write(b)
}

// TestBadProxy: the real server behind a proxy that spoils answers: a wrong content
// type on a good body, and a proxy's own HTML error page, are server faults, not
// refusals and not panics.
func TestBadProxy(t *testing.T) {
	srv, err := central.New(central.Options{DataDir: t.TempDir(), Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	h := srv.Handler()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1/halls" {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte("<html><body>404 Not Found</body></html>"))
			return
		}
		h.ServeHTTP(ctRewriter{w, "text/html; charset=utf-8"}, r)
	}))
	defer ts.Close()
	c := newClient(t, ts.URL, nil)
	ctx := ctxT(t, 5*time.Second)
	if _, err := c.FetchCatalog(ctx, ""); !errors.Is(err, centralapi.ErrServerFault) {
		t.Errorf("wrong content type: %v", err)
	}
	if _, err := c.Halls(ctx); !errors.Is(err, centralapi.ErrServerFault) {
		t.Errorf("proxy error page: %v", err)
	}
	var re *centralapi.RejectedError
	if _, err := c.Verify(ctx, "NOPE"); errors.As(err, &re) || !errors.Is(err, centralapi.ErrServerFault) {
		t.Errorf("a real refusal behind the proxy has an unreadable body: %v", err)
	}
}
