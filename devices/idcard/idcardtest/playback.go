package idcardtest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"
)

// Playback is a transport that replays a transcript. Each write must match the next
// bytes the host wrote in the transcript; the replies recorded after them become
// readable once they have been written. Read blocks until then or Close.
type Playback struct {
	mu      sync.Mutex
	ops     Transcript
	readBuf []byte
	err     error // the first mismatch
	closed  bool
	wake    chan struct{}
}

// NewPlayback replays t.
func NewPlayback(t Transcript) *Playback {
	ops := make(Transcript, len(t))
	for i, op := range t {
		ops[i] = Op{Write: op.Write, Data: bytes.Clone(op.Data)}
	}
	p := &Playback{ops: ops, wake: make(chan struct{}, 1)}
	p.release()
	return p
}

// release moves leading reply ops into the read buffer. p.mu must be held (or p unshared).
func (p *Playback) release() {
	for len(p.ops) > 0 && !p.ops[0].Write {
		p.readBuf = append(p.readBuf, p.ops[0].Data...)
		p.ops = p.ops[1:]
	}
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

func (p *Playback) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.err != nil {
		return 0, p.err
	}
	if p.closed {
		return 0, io.ErrClosedPipe
	}
	rest := b
	for len(rest) > 0 {
		if len(p.ops) == 0 {
			p.err = fmt.Errorf("idcardtest: write % X after the end of the transcript", rest)
			return 0, p.err
		}
		want := p.ops[0].Data
		n := min(len(want), len(rest))
		if !bytes.Equal(want[:n], rest[:n]) {
			p.err = fmt.Errorf("idcardtest: wrote % X, transcript expects % X", rest[:n], want[:n])
			return 0, p.err
		}
		rest = rest[n:]
		if p.ops[0].Data = want[n:]; len(p.ops[0].Data) == 0 {
			p.ops = p.ops[1:]
			p.release()
		}
	}
	return len(b), nil
}

func (p *Playback) Read(b []byte) (int, error) {
	for {
		p.mu.Lock()
		if len(p.readBuf) > 0 {
			n := copy(b, p.readBuf)
			p.readBuf = p.readBuf[n:]
			p.mu.Unlock()
			return n, nil
		}
		if p.closed {
			p.mu.Unlock()
			return 0, io.EOF
		}
		p.mu.Unlock()
		<-p.wake
	}
}

// Close ends the playback. It fails if a write did not match or if the transcript was
// not used up.
func (p *Playback) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.closed {
		p.closed = true
		close(p.wake)
	}
	switch {
	case p.err != nil:
		return p.err
	case len(p.ops) > 0 || len(p.readBuf) > 0:
		return errors.New("idcardtest: transcript not used up")
	}
	return nil
}
