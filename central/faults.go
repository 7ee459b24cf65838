package central

import (
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Faults are the failures the server injects into /v1 requests, for testing clients.
// The zero value injects nothing. Each request draws its fate once: dropped, failed,
// garbage or dropped-after-handling, in that order of precedence, after the latency.
type Faults struct {
	// LatencyMS delays every /v1 request (up to 60000 ms); the delay ends early when
	// the client gives up.
	LatencyMS int `json:"latency_ms"`
	// ErrorRate answers this share of requests with 503 and an error body, unhandled.
	ErrorRate float64 `json:"error_rate"`
	// DropRate closes the connection of this share of requests without an answer,
	// unhandled.
	DropRate float64 `json:"drop_rate"`
	// DropAfterRate handles this share of requests, then closes the connection without
	// the answer: the effect happened but the client cannot know.
	DropAfterRate float64 `json:"drop_after_rate"`
	// GarbageRate answers this share with 200 and a body that is not JSON, unhandled.
	GarbageRate float64 `json:"garbage_rate"`
	// ClockSkewSeconds moves the server's clock (timestamps, Date header, expiries).
	ClockSkewSeconds int `json:"clock_skew_seconds"`
	// Seed makes the draws repeatable; 0 seeds from the time.
	Seed uint64 `json:"seed"`
}

func (f Faults) validate() error {
	for _, r := range []float64{f.ErrorRate, f.DropRate, f.DropAfterRate, f.GarbageRate} {
		if r < 0 || r > 1 {
			return errors.New("central: faults: rates must be between 0 and 1")
		}
	}
	if f.LatencyMS < 0 || f.LatencyMS > 60000 {
		return errors.New("central: faults: latency_ms must be between 0 and 60000")
	}
	return nil
}

type faultInjector struct {
	mu  sync.Mutex
	f   Faults
	rnd *rand.Rand
}

func newFaultInjector(f Faults) *faultInjector {
	fi := &faultInjector{}
	fi.set(f)
	return fi
}

func (fi *faultInjector) set(f Faults) {
	seed := f.Seed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	fi.mu.Lock()
	fi.f, fi.rnd = f, rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	fi.mu.Unlock()
}

func (fi *faultInjector) get() Faults {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	return fi.f
}

func (fi *faultInjector) skew() time.Duration {
	return time.Duration(fi.get().ClockSkewSeconds) * time.Second
}

type fate int

const (
	fateNone fate = iota
	fateDrop
	fateError
	fateGarbage
	fateDropAfter
)

// draw picks one request's fate.
func (fi *faultInjector) draw() (fate, time.Duration) {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	f := fi.f
	lat := time.Duration(f.LatencyMS) * time.Millisecond
	x := fi.rnd.Float64()
	for _, c := range []struct {
		rate float64
		fate fate
	}{{f.DropRate, fateDrop}, {f.ErrorRate, fateError}, {f.GarbageRate, fateGarbage}, {f.DropAfterRate, fateDropAfter}} {
		if x < c.rate {
			return c.fate, lat
		}
		x -= c.rate
	}
	return fateNone, lat
}

// SetFaults switches fault injection at run time; the zero Faults switches it off.
func (s *Server) SetFaults(f Faults) error {
	if err := f.validate(); err != nil {
		return err
	}
	s.faults.set(f)
	return nil
}

// wrap injects the faults into /v1 requests; health, contract and admin routes are
// never disturbed.
func (fi *faultInjector) wrap(next http.Handler, now func() time.Time) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/v1/") {
			next.ServeHTTP(w, r)
			return
		}
		fate, lat := fi.draw()
		if lat > 0 {
			t := time.NewTimer(lat)
			select {
			case <-t.C:
			case <-r.Context().Done():
				t.Stop()
				return
			}
		}
		w.Header().Set("Date", now().UTC().Format(http.TimeFormat))
		switch fate {
		case fateDrop:
			dropConnection(w)
		case fateError:
			writeError(w, errUnavailable("injected fault"))
		case fateGarbage:
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.WriteHeader(http.StatusOK)
			w.Write([]byte("\x00\xff<html>garbage{\"not json"))
		case fateDropAfter:
			next.ServeHTTP(&discardWriter{h: http.Header{}}, r)
			dropConnection(w)
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// dropConnection closes the client's connection without an answer: by hijacking it
// when the server allows, else by aborting the handler (which net/http turns into a
// closed connection or a reset stream).
func dropConnection(w http.ResponseWriter) {
	if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
		if tc, ok := conn.(*net.TCPConn); ok {
			tc.SetLinger(0)
		}
		conn.Close()
		return
	}
	panic(http.ErrAbortHandler)
}

// discardWriter swallows an answer.
type discardWriter struct{ h http.Header }

func (d *discardWriter) Header() http.Header         { return d.h }
func (d *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (d *discardWriter) WriteHeader(int)             {}
