// Package supervisor runs the agent's long-running services, each a Service with
// Serve(ctx) error, restarts one that fails (returns an error or panics) after a backoff,
// and reports each service's state for kioskctl status. A service that returns nil has
// finished and is not restarted; all of them stop when the context is canceled.
package supervisor

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/govkiosk/kiosk/kiosk/backoff"
)

// Service is a long-running part of the agent.
type Service interface {
	Serve(ctx context.Context) error
}

// Func adapts a function to a Service.
type Func func(ctx context.Context) error

// Serve calls f.
func (f Func) Serve(ctx context.Context) error { return f(ctx) }

// State is a service's state.
type State string

const (
	Running  State = "running"
	Backoff  State = "restarting" // failed, waiting to restart
	Finished State = "finished"
	Stopped  State = "stopped"
)

// Status is one service's state as kioskctl shows it.
type Status struct {
	Name      string    `json:"name"`
	State     State     `json:"state"`
	Restarts  int       `json:"restarts"`
	LastError string    `json:"last_error,omitempty"`
	Since     time.Time `json:"since"`
}

// Supervisor runs services. Add every service before Serve.
type Supervisor struct {
	Log     *slog.Logger
	Backoff backoff.Policy
	// StableAfter is how long a service must run for its backoff to start over.
	StableAfter time.Duration
	// After and Now are the clock; nil means the real one. Tests inject their own.
	After func(time.Duration) <-chan time.Time
	Now   func() time.Time

	mu       sync.Mutex
	services []*entry
}

type entry struct {
	name string
	svc  Service
	st   Status
}

// Add registers a service under a name.
func (s *Supervisor) Add(name string, svc Service) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.services = append(s.services, &entry{name: name, svc: svc, st: Status{Name: name, State: Stopped}})
}

// Statuses returns every service's state, in the order they were added.
func (s *Supervisor) Statuses() []Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Status, len(s.services))
	for i, e := range s.services {
		out[i] = e.st
	}
	return out
}

// Serve runs every service until ctx is canceled, then waits for all of them to return.
func (s *Supervisor) Serve(ctx context.Context) error {
	s.mu.Lock()
	entries := append([]*entry(nil), s.services...)
	s.mu.Unlock()
	var wg sync.WaitGroup
	for _, e := range entries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.run(ctx, e)
		}()
	}
	wg.Wait()
	return ctx.Err()
}

func (s *Supervisor) run(ctx context.Context, e *entry) {
	attempt := 0
	for {
		start := s.now()
		s.set(e, func(st *Status) { st.State, st.Since = Running, start })
		err := s.serveOnce(ctx, e)
		if ctx.Err() != nil {
			s.set(e, func(st *Status) { st.State, st.Since = Stopped, s.now() })
			return
		}
		if err == nil {
			s.log().Info("service finished", "service", e.name)
			s.set(e, func(st *Status) { st.State, st.Since = Finished, s.now() })
			return
		}
		if s.now().Sub(start) >= s.stableAfter() {
			attempt = 0
		}
		delay := s.Backoff.Delay(attempt)
		attempt++
		s.log().Error("service failed; restarting", "service", e.name, "err", err, "in", delay)
		s.set(e, func(st *Status) {
			st.State, st.Since, st.LastError = Backoff, s.now(), err.Error()
			st.Restarts++
		})
		select {
		case <-ctx.Done():
			s.set(e, func(st *Status) { st.State, st.Since = Stopped, s.now() })
			return
		case <-s.after(delay):
		}
	}
}

// serveOnce runs the service once, turning a panic into an error.
func (s *Supervisor) serveOnce(ctx context.Context, e *entry) (err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log().Error("service panicked", "service", e.name, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			err = fmt.Errorf("supervisor: %s panicked: %v", e.name, r)
		}
	}()
	return e.svc.Serve(ctx)
}

func (s *Supervisor) set(e *entry, f func(*Status)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(&e.st)
}

func (s *Supervisor) log() *slog.Logger {
	if s.Log == nil {
		return slog.Default()
	}
	return s.Log
}

func (s *Supervisor) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

func (s *Supervisor) after(d time.Duration) <-chan time.Time {
	if s.After == nil {
		return time.After(d)
	}
	return s.After(d)
}

func (s *Supervisor) stableAfter() time.Duration {
	if s.StableAfter <= 0 {
		return time.Minute
	}
	return s.StableAfter
}
