package idcard

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// Options tune a Reader. The zero value is the usual setup.
type Options struct {
	// Fingerprint reads text, photo and fingerprint (30 10) instead of text and photo (30 01).
	Fingerprint bool
	// CommandTimeout bounds find, select and SAM commands when ctx has no deadline
	// (default 500 ms).
	CommandTimeout time.Duration
	// ReadTimeout bounds a card read when ctx has no deadline (default 3 s).
	ReadTimeout time.Duration
	// Retries is how many times a command whose reply came back corrupt (or that the
	// reader says arrived corrupt, SW3 0x10/0x11) is sent again, for the commands where
	// that is safe (all but reset and baud changes). Default 1; negative means none.
	Retries int
}

// ErrClosed is returned by a Reader after Close.
var ErrClosed = fmt.Errorf("idcard: reader closed: %w", devices.ErrDeviceGone)

// Reader drives a SAM reader over a transport. It implements devices.CardReader. Its
// methods are safe for concurrent use; commands are serialised.
type Reader struct {
	rw   io.ReadWriter
	opts Options

	mu      sync.Mutex // one exchange at a time; guards dec, out
	dec     Decoder
	out     []byte
	in      chan []byte
	free    chan []byte // read buffers back to the pump
	done    chan struct{}
	closing sync.Once

	gone     chan struct{}
	goneOnce sync.Once
	goneErr  error
}

var _ devices.CardReader = (*Reader)(nil)

// New returns a driver speaking the protocol over rw, which it reads from a goroutine of
// its own until Close. Close closes rw if it is an io.Closer.
func New(rw io.ReadWriter, opts Options) *Reader {
	if opts.CommandTimeout <= 0 {
		opts.CommandTimeout = 500 * time.Millisecond
	}
	if opts.ReadTimeout <= 0 {
		opts.ReadTimeout = 3 * time.Second
	}
	if opts.Retries == 0 {
		opts.Retries = 1
	}
	r := &Reader{
		rw:   rw,
		opts: opts,
		in:   make(chan []byte, 64),
		free: make(chan []byte, 64),
		done: make(chan struct{}),
		gone: make(chan struct{}),
	}
	go r.pump()
	return r
}

// Close stops the driver and closes the transport if it can be closed.
func (r *Reader) Close() error {
	var err error
	r.closing.Do(func() {
		close(r.done)
		if c, ok := r.rw.(io.Closer); ok {
			err = c.Close()
		}
	})
	return err
}

// spec describes one command: its frame, whether it may be sent again, and the shape of
// its success reply.
type spec struct {
	op    string
	cmd   Command
	safe  bool                 // may be repeated after a corrupt reply
	read  bool                 // a card read: the longer default timeout
	shape func(rep Reply) bool // a success reply of the right shape
	ok    func(sw3 byte) bool  // success codes (default 0x90)
}

// exchange sends the command and waits for its reply, retrying where safe. It returns the
// reply (its Data copied) or an error prefixed with the operation.
func (r *Reader) exchange(ctx context.Context, s spec) (Reply, error) {
	if _, ok := ctx.Deadline(); !ok {
		d := r.opts.CommandTimeout
		if s.read {
			d = r.opts.ReadTimeout
		}
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	tries := 1
	if s.safe && r.opts.Retries > 0 {
		tries += r.opts.Retries
	}
	var err error
	for range tries {
		var rep Reply
		rep, err = r.once(ctx, s)
		if err == nil {
			okCode := s.ok
			if okCode == nil {
				okCode = func(b byte) bool { return b == SW3OK }
			}
			if okCode(rep.SW3) {
				return rep, nil
			}
			se := &StatusError{SW3: rep.SW3}
			err = se
			if se.Temporary() {
				continue
			}
			break
		}
		var fe *FrameError
		if !errors.As(err, &fe) {
			break
		}
	}
	return Reply{}, fmt.Errorf("idcard: %s: %w", s.op, err)
}

// once sends the command and returns the first reply of the right shape, a *FrameError
// for a corrupt reply, or a transport or deadline error.
func (r *Reader) once(ctx context.Context, s spec) (Reply, error) {
	select {
	case <-r.done:
		return Reply{}, ErrClosed
	case <-r.gone:
		return Reply{}, &transportError{r.goneErr}
	default:
	}
	// Whatever is buffered belongs to an earlier, abandoned exchange.
	r.drain()
	r.out = s.cmd.AppendEncode(r.out[:0])
	if err := r.write(ctx, r.out); err != nil {
		return Reply{}, err
	}
	var corrupt error // a bad frame seen: the answer unless a good one is buffered behind it
	for {
		body, err := r.dec.Next()
		if err != nil {
			corrupt = err
			continue
		}
		if body == nil && corrupt != nil {
			return Reply{}, corrupt
		}
		if body != nil {
			rep, err := ParseReply(body)
			if err != nil {
				return Reply{}, err
			}
			if rep.OK() && s.shape != nil && !s.shape(rep) {
				continue // a late reply to an abandoned command
			}
			rep.Data = append([]byte(nil), rep.Data...)
			return rep, nil
		}
		select {
		case chunk := <-r.in:
			r.dec.Write(chunk)
			r.recycle(chunk)
		case <-r.gone:
			return Reply{}, &transportError{r.goneErr}
		case <-r.done:
			return Reply{}, ErrClosed
		case <-ctx.Done():
			if errors.Is(ctx.Err(), context.Canceled) {
				return Reply{}, ctx.Err()
			}
			return Reply{}, &noReplyError{ctxErr: ctx.Err()}
		}
	}
}

func (r *Reader) drain() {
	for {
		select {
		case b := <-r.in:
			r.recycle(b)
		default:
			r.dec.Reset()
			return
		}
	}
}

func (r *Reader) write(ctx context.Context, b []byte) error {
	if dw, ok := r.rw.(deadlineWriter); ok {
		dl, _ := ctx.Deadline()
		_ = dw.SetWriteDeadline(dl)
	}
	if _, err := r.rw.Write(b); err != nil {
		if isTimeout(err) {
			return &noReplyError{ctxErr: context.DeadlineExceeded}
		}
		r.fail(err)
		return &transportError{err}
	}
	return nil
}
