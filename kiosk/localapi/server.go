package localapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// SimReader is the simulated card reader's control, present only in a sim configuration.
type SimReader interface {
	Insert(fixture string) error
	Remove()
	Fixtures() []string
	Unplug() // as if the reader's cable were pulled
	Replug()
}

// Server serves the local API on a unix socket.
type Server struct {
	Socket string
	Log    *slog.Logger
	// Status reports the agent's state.
	Status func() Status
	// Sim is nil unless the reader is simulated.
	Sim SimReader
	// Spool is nil while printing is off; SpoolFault then says why.
	Spool      Spool
	SpoolFault string
	// TestPage prints or queues a test page on a printer.
	TestPage func(ctx context.Context, printer string) (TestPageResult, error)

	ln net.Listener
}

// Listen binds the socket now, so that the agent fails at start when another agent holds
// it. A stale socket left by a crash is replaced. Serve calls it when it was not called.
func (s *Server) Listen() error {
	ln, err := listen(s.Socket)
	if err != nil {
		return err
	}
	s.ln = ln
	return nil
}

// Serve answers requests until ctx is canceled.
func (s *Server) Serve(ctx context.Context) error {
	if s.ln == nil {
		if err := s.Listen(); err != nil {
			return err
		}
	}
	ln := s.ln
	s.ln = nil // a restart after a failure binds afresh
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 5 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("localapi: %w", err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := srv.Shutdown(shut)
	os.Remove(s.Socket)
	return err
}

func listen(path string) (net.Listener, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("localapi: %w", err)
	}
	if c, err := net.DialTimeout("unix", path, time.Second); err == nil {
		c.Close()
		return nil, fmt.Errorf("localapi: another agent is already serving %s", path)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("localapi: remove stale socket: %w", err)
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("localapi: %w", err)
	}
	if err := os.Chmod(path, 0o660); err != nil {
		ln.Close()
		return nil, fmt.Errorf("localapi: %w", err)
	}
	return ln, nil
}

// Handler returns the API's routes.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/status", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, s.Status())
	})
	mux.HandleFunc("GET /v1/sim/card/fixtures", s.sim(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, Fixtures{Fixtures: s.Sim.Fixtures()})
	}))
	mux.HandleFunc("POST /v1/sim/card/insert", s.sim(func(w http.ResponseWriter, r *http.Request) {
		var req SimCard
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4096)).Decode(&req); err != nil {
			writeError(w, http.StatusBadRequest, "request body is not a JSON SimCard")
			return
		}
		if err := s.Sim.Insert(req.Fixture); err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		writeJSON(w, http.StatusOK, req)
	}))
	mux.HandleFunc("POST /v1/sim/card/remove", s.sim(func(w http.ResponseWriter, r *http.Request) {
		s.Sim.Remove()
		writeJSON(w, http.StatusOK, struct{}{})
	}))
	mux.HandleFunc("POST /v1/sim/reader/unplug", s.sim(func(w http.ResponseWriter, r *http.Request) {
		s.Sim.Unplug()
		writeJSON(w, http.StatusOK, struct{}{})
	}))
	mux.HandleFunc("POST /v1/sim/reader/replug", s.sim(func(w http.ResponseWriter, r *http.Request) {
		s.Sim.Replug()
		writeJSON(w, http.StatusOK, struct{}{})
	}))
	s.spoolRoutes(mux)
	return mux
}

// sim guards a simulator route: without a simulated reader it does not exist.
func (s *Server) sim(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.Sim == nil {
			writeError(w, http.StatusNotFound, "this agent has no simulated card reader (reader.transport is not sim)")
			return
		}
		h(w, r)
	}
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, apiError{Error: msg})
}
