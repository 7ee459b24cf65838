package sim

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/idcard"
)

// errUnplugged is what a transport of an unplugged simulated reader returns.
var errUnplugged = fmt.Errorf("sim: reader unplugged: %w", devices.ErrDeviceGone)

// Pipe plugs a new in-process transport into the reader and serves it until ctx ends or
// the transport is closed: the host end runs the real idcard driver, as the demo does.
// Writes never block; Close and Unplug wake a blocked Read. It fails while the reader is
// unplugged.
func (r *IDCardReader) Pipe(ctx context.Context) (io.ReadWriteCloser, error) {
	r.mu.Lock()
	if !r.plugged {
		r.mu.Unlock()
		return nil, errUnplugged
	}
	toSim, toHost := newQueue(), newQueue()
	host := &pipeEnd{rd: toHost, wr: toSim}
	dev := &pipeEnd{rd: toSim, wr: toHost}
	r.conns[host] = func() { host.breakWith(errUnplugged) }
	r.mu.Unlock()
	go func() {
		err := r.Serve(ctx, dev)
		if err != nil {
			r.log.Warn("sim: pipe", "err", err)
		}
		dev.Close()
		r.mu.Lock()
		delete(r.conns, host)
		r.mu.Unlock()
	}()
	return host, nil
}

// Unplug simulates pulling the reader's cable: every transport fails with an error
// matching devices.ErrDeviceGone, Pipe fails, and a PTY disappears, until Replug.
func (r *IDCardReader) Unplug() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.plugged {
		return
	}
	r.plugged = false
	for _, unplug := range r.conns {
		unplug()
	}
	r.log.Info("sim: reader unplugged")
}

// Replug plugs the reader back in.
func (r *IDCardReader) Replug() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.plugged {
		return
	}
	r.plugged = true
	close(r.replug)
	r.replug = make(chan struct{})
	r.log.Info("sim: reader plugged in")
}

// Plugged reports whether the reader is plugged in.
func (r *IDCardReader) Plugged() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.plugged
}

// queue is one direction of a pipe: an unbounded byte buffer.
type queue struct {
	mu     sync.Mutex
	buf    []byte
	err    error         // set once: reads drain buf, then fail with err
	notify chan struct{} // a byte arrived or err was set
}

func newQueue() *queue { return &queue{notify: make(chan struct{}, 1)} }

func (q *queue) signal() {
	select {
	case q.notify <- struct{}{}:
	default:
	}
}

func (q *queue) write(p []byte) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.err != nil {
		return 0, q.err
	}
	q.buf = append(q.buf, p...)
	q.signal()
	return len(p), nil
}

func (q *queue) read(p []byte) (int, error) {
	for {
		q.mu.Lock()
		if len(q.buf) > 0 {
			n := copy(p, q.buf)
			q.buf = q.buf[n:]
			q.mu.Unlock()
			return n, nil
		}
		if q.err != nil {
			err := q.err
			q.mu.Unlock()
			return 0, err
		}
		q.mu.Unlock()
		<-q.notify
	}
}

func (q *queue) fail(err error, dropBuffered bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.err == nil {
		q.err = err
	}
	if dropBuffered {
		q.buf = nil
	}
	q.signal()
}

// pipeEnd is one end of an in-process transport.
type pipeEnd struct {
	rd, wr *queue
}

func (e *pipeEnd) Read(p []byte) (int, error)  { return e.rd.read(p) }
func (e *pipeEnd) Write(p []byte) (int, error) { return e.wr.write(p) }

// Close ends both directions: the peer reads what was already sent, then EOF.
func (e *pipeEnd) Close() error {
	e.wr.fail(io.EOF, false)
	e.rd.fail(io.ErrClosedPipe, true)
	return nil
}

// breakWith fails both directions at once, bytes in flight lost: a pulled cable.
func (e *pipeEnd) breakWith(err error) {
	e.rd.fail(err, true)
	e.wr.fail(err, true)
}

// Opener returns an open function for the card watcher: each call plugs a new pipe into
// the simulator and puts the real idcard driver on it, as the demo runs.
func (r *IDCardReader) Opener(opts idcard.Options) func(ctx context.Context) (devices.CardReader, error) {
	return func(ctx context.Context) (devices.CardReader, error) {
		rw, err := r.Pipe(ctx)
		if err != nil {
			return nil, err
		}
		return idcard.New(rw, opts), nil
	}
}
