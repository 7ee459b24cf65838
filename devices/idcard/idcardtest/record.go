package idcardtest

import (
	"io"
	"sync"
)

// Record passes bytes through to a transport and keeps them.
type Record struct {
	rw io.ReadWriter
	mu sync.Mutex
	t  Transcript
}

// NewRecord records everything that crosses rw.
func NewRecord(rw io.ReadWriter) *Record { return &Record{rw: rw} }

func (r *Record) Read(p []byte) (int, error) {
	n, err := r.rw.Read(p)
	if n > 0 {
		r.mu.Lock()
		r.t = r.t.add(false, p[:n])
		r.mu.Unlock()
	}
	return n, err
}

func (r *Record) Write(p []byte) (int, error) {
	r.mu.Lock()
	r.t = r.t.add(true, p)
	r.mu.Unlock()
	return r.rw.Write(p)
}

// Close closes the transport if it can be closed.
func (r *Record) Close() error {
	if c, ok := r.rw.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// Transcript returns what crossed so far.
func (r *Record) Transcript() Transcript {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(Transcript, len(r.t))
	copy(out, r.t)
	return out
}
