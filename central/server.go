package central

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
)

// Options configures a Server. Only DataDir is required.
type Options struct {
	// DataDir holds the server's state file (central.db); it is created if missing.
	DataDir string
	// TestOTP is the one-time code the second-factor step accepts; "123456" if empty.
	TestOTP string
	// SessionTTL bounds a citizen session's life; 30 minutes if zero.
	SessionTTL time.Duration
	// PublicURL is the base of verification URLs printed on proofs, e.g.
	// "https://gov.example.cn"; when empty it is taken from each request's Host.
	PublicURL string
	// Now is the clock; time.Now if nil. Fault injection's clock skew is added to it.
	Now func() time.Time
	// Logger receives one line per request (method, route, status, duration) and
	// never personal data; slog.Default() if nil.
	Logger *slog.Logger
	// Faults is the fault configuration at start; it can be changed with SetFaults.
	Faults Faults
}

// Server is the reference central server. It is safe for concurrent use.
type Server struct {
	opts    Options
	store   *store
	catalog *catalogResponse
	cat     *refdata.Catalog
	faults  *faultInjector
	mux     *http.ServeMux
	handler http.Handler
	log     *slog.Logger
}

// New opens (or creates) the state in opts.DataDir and returns a server ready to serve.
// Close releases the state file.
func New(opts Options) (*Server, error) {
	if opts.DataDir == "" {
		return nil, errors.New("central: options: DataDir is required")
	}
	if opts.TestOTP == "" {
		opts.TestOTP = "123456"
	}
	if opts.SessionTTL <= 0 {
		opts.SessionTTL = 30 * time.Minute
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if err := opts.Faults.validate(); err != nil {
		return nil, err
	}
	cat, err := refdata.BuildCatalog()
	if err != nil {
		return nil, fmt.Errorf("central: %w", err)
	}
	refdata.Citizens() // build the records now, not on the first card read
	cr, err := newCatalogResponse(cat)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(opts.DataDir, 0o750); err != nil {
		return nil, fmt.Errorf("central: data dir: %w", err)
	}
	st, err := openStore(filepath.Join(opts.DataDir, "central.db"))
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, store: st, catalog: cr, cat: cat, faults: newFaultInjector(opts.Faults), log: opts.Logger}
	s.mux = http.NewServeMux()
	for _, rt := range s.routes() {
		s.mux.HandleFunc(rt.pattern(), rt.handler)
	}
	s.handler = s.logRequests(s.faults.wrap(s.mux, s.now))
	return s, nil
}

// Handler returns the server's HTTP handler, to mount in an http.Server or in-process.
func (s *Server) Handler() http.Handler { return s.handler }

// Close closes the state file. Requests still running may fail afterwards.
func (s *Server) Close() error { return s.store.close() }

// now is the server's clock, skewed when the clock-skew fault is on.
func (s *Server) now() time.Time {
	return s.opts.Now().Add(s.faults.skew())
}

// logRequests writes one log line per request, without query strings or bodies.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		s.log.Debug("central: request", "method", r.Method, "route", r.Pattern, "status", rec.status,
			"duration", time.Since(start))
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection (for the dropped-connection fault).
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
