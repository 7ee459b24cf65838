package outbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/govkiosk/kiosk/kiosk/backoff"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/spool"
)

// Central is the part of central's client the service uses; *centralapi.Client is one.
type Central interface {
	SubmitApplication(ctx context.Context, auth centralapi.Auth, idemKey string, req centralapi.ApplicationRequest) (centralapi.Application, error)
	Rate(ctx context.Context, auth centralapi.Auth, idemKey string, req centralapi.RatingRequest) (centralapi.Rating, error)
}

// Options configure a Service. Spool and Central are required.
type Options struct {
	Spool   *spool.Spool
	Central Central
	// TerminalID makes the local reference numbers: "L-<TerminalID>-000042".
	TerminalID string
	Clock      Clock          // default: the real clock
	Backoff    backoff.Policy // between attempts while central is unreachable; default 2 s doubling to 5 min
	// CallTimeout bounds one delivery call; default 30 s.
	CallTimeout time.Duration
	Logger      *slog.Logger // default slog.Default(); never logs a payload
}

// Service stores submissions in the outbox and delivers them.
type Service struct {
	opts Options
	kick chan struct{}
	now  atomic.Bool          // Kick asked for a pass that does not wait for the backoff
	idle func(next time.Time) // tests: called when Serve starts to wait
}

// New makes a service; Serve runs its delivery loop.
func New(opts Options) (*Service, error) {
	if opts.Spool == nil || opts.Central == nil {
		return nil, errors.New("outbox: spool and central client are required")
	}
	if opts.Clock == nil {
		opts.Clock = realClock{}
	}
	if opts.Backoff.Min == 0 && opts.Backoff.Max == 0 {
		opts.Backoff = backoff.Policy{Min: 2 * time.Second, Max: 5 * time.Minute, Rand: opts.Backoff.Rand}
	}
	if opts.CallTimeout <= 0 {
		opts.CallTimeout = 30 * time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	return &Service{opts: opts, kick: make(chan struct{}, 1)}, nil
}

// AddApplication keeps an application for delivery and returns its record (LocalRef is
// the number to give the citizen). req.Applicant is required: delivery happens after
// the session ended. idemKey should be the key of the attempt that could not reach
// central, so the two can never make two applications.
func (s *Service) AddApplication(ctx context.Context, idemKey string, req centralapi.ApplicationRequest) (spool.OutboxRecord, error) {
	if req.Applicant == nil || req.Applicant.IDNumber == "" || req.Applicant.Name == "" {
		return spool.OutboxRecord{}, errors.New("outbox: an application needs its applicant for delivery without a session")
	}
	req.ClientRef, req.MadeOfflineAt = "", nil
	return s.add(ctx, KindApplication, idemKey, req.ItemCode, payload{Application: &req})
}

// AddRating keeps a rating for delivery.
func (s *Service) AddRating(ctx context.Context, idemKey string, req centralapi.RatingRequest) (spool.OutboxRecord, error) {
	return s.add(ctx, KindRating, idemKey, req.ItemCode, payload{Rating: &req})
}

func (s *Service) add(ctx context.Context, kind, key, summary string, p payload) (spool.OutboxRecord, error) {
	if key == "" {
		key = centralapi.NewIdempotencyKey()
	}
	b, err := json.Marshal(p)
	if err != nil {
		return spool.OutboxRecord{}, fmt.Errorf("outbox: encode %s: %w", kind, err)
	}
	r, err := s.opts.Spool.OutboxAdd(ctx, spool.OutboxItem{Kind: kind, IdempotencyKey: key,
		RefPrefix: "L-" + s.opts.TerminalID + "-", Summary: summary, Payload: b})
	if err != nil {
		return spool.OutboxRecord{}, fmt.Errorf("outbox: add %s: %w", kind, err)
	}
	s.Kick()
	return r, nil
}

// Kick makes Serve try the waiting items now, before their backoff ends (e.g. when
// central answered another call).
func (s *Service) Kick() {
	s.now.Store(true)
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

// Serve delivers until ctx ends: a pass over the waiting items, then a wait for the next
// attempt's time, a Kick or a new item. It returns nil when ctx ends, and an error only
// when the spool is closed under it.
func (s *Service) Serve(ctx context.Context) error {
	for {
		next, err := s.flush(ctx, s.now.Swap(false))
		if errors.Is(err, spool.ErrClosed) {
			return err
		}
		if err != nil && ctx.Err() == nil {
			s.opts.Logger.Error("outbox: pass failed", "err", err)
			if next.IsZero() {
				next = s.opts.Clock.Now().Add(s.opts.Backoff.Delay(0))
			}
		}
		var timer <-chan time.Time
		if !next.IsZero() {
			timer = s.opts.Clock.After(max(0, next.Sub(s.opts.Clock.Now())))
		}
		if s.idle != nil {
			s.idle(next)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-s.kick:
		case <-timer:
		}
	}
}

// Flush makes one pass: the waiting items, oldest first, each delivered or refused, until
// central is unreachable (the item that found it so waits with a backoff, and the rest
// behind it). It returns when the next attempt is due (zero: nothing waits).
func (s *Service) Flush(ctx context.Context) (next time.Time, err error) {
	return s.flush(ctx, false)
}

// FlushNow makes one pass like Flush, but tries the first waiting item now even if its
// backoff has not ended.
func (s *Service) FlushNow(ctx context.Context) (next time.Time, err error) {
	return s.flush(ctx, true)
}

func (s *Service) flush(ctx context.Context, now bool) (next time.Time, err error) {
	items, err := s.opts.Spool.OutboxWaitingList()
	if err != nil {
		return time.Time{}, fmt.Errorf("outbox: %w", err)
	}
	for _, r := range items {
		if ctx.Err() != nil {
			return time.Time{}, nil
		}
		if !now && r.NextAttempt.After(s.opts.Clock.Now()) {
			return r.NextAttempt, nil
		}
		now = false // the rest wait behind it as usual
		wait, err := s.deliver(ctx, r)
		if err != nil {
			return time.Time{}, err
		}
		if !wait.IsZero() {
			return wait, nil
		}
	}
	return time.Time{}, nil
}

// deliver sends one item and records the outcome. A non-zero wait means central is
// unreachable and the pass stops.
func (s *Service) deliver(ctx context.Context, r spool.OutboxRecord) (wait time.Time, err error) {
	raw, err := s.opts.Spool.OutboxPayload(r.ID)
	if err != nil {
		return time.Time{}, fmt.Errorf("outbox: item %s: %w", r.ID, err)
	}
	var p payload
	if err := json.Unmarshal(raw, &p); err != nil || (p.Application == nil) == (p.Rating == nil) {
		_, ferr := s.opts.Spool.OutboxFailed(r.ID, "payload does not decode")
		return time.Time{}, ferr
	}
	cctx, cancel := context.WithTimeout(ctx, s.opts.CallTimeout)
	defer cancel()
	var remote string
	if a := p.Application; a != nil {
		made := r.Created
		a.ClientRef, a.MadeOfflineAt = r.LocalRef, &made
		var got centralapi.Application
		got, err = s.opts.Central.SubmitApplication(cctx, centralapi.Auth{}, r.IdempotencyKey, *a)
		remote = got.ID
	} else {
		var got centralapi.Rating
		got, err = s.opts.Central.Rate(cctx, centralapi.Auth{}, r.IdempotencyKey, *p.Rating)
		remote = got.ID
	}
	var re *centralapi.RejectedError
	switch {
	case err == nil:
		_, err = s.opts.Spool.OutboxDone(r.ID, remote)
		s.opts.Logger.Info("outbox: delivered", "id", r.ID, "kind", r.Kind, "local_ref", r.LocalRef)
		return time.Time{}, err
	case errors.As(err, &re) && re.Code == "idempotency_key_reused":
		// Central holds a different body under this key: the online attempt that could not
		// be answered went through after all. It is there once; nothing to send.
		_, err = s.opts.Spool.OutboxDone(r.ID, "")
		s.opts.Logger.Warn("outbox: already recorded by central under its key", "id", r.ID, "local_ref", r.LocalRef)
		return time.Time{}, err
	case errors.As(err, &re) && re.Status != 401 && re.Status != 408 && re.Status != 429:
		_, ferr := s.opts.Spool.OutboxFailed(r.ID, fmt.Sprintf("refused by central: %d %s: %s", re.Status, re.Code, re.MessageEN))
		s.opts.Logger.Warn("outbox: refused by central", "id", r.ID, "local_ref", r.LocalRef, "code", re.Code)
		return time.Time{}, ferr
	case ctx.Err() != nil:
		return time.Time{}, nil // shutting down: the item waits as it was
	default:
		wait = s.opts.Clock.Now().Add(s.opts.Backoff.Delay(r.Attempts))
		if _, rerr := s.opts.Spool.OutboxRetry(r.ID, err.Error(), wait); rerr != nil {
			return time.Time{}, rerr
		}
		s.opts.Logger.Debug("outbox: central unreachable; waiting", "id", r.ID, "attempts", r.Attempts+1, "until", wait)
		return wait, nil
	}
}
