package outbox

import (
	"context"
	"errors"

	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/spool"
)

// Submitted is the outcome of a submission: central's answer, or, when central could
// not be reached, the outbox record whose LocalRef the citizen is given.
type Submitted struct {
	Application *centralapi.Application // central answered
	Rating      *centralapi.Rating      // central answered
	Queued      *spool.OutboxRecord     // kept for delivery
}

// SubmitApplication sends the application now (with the session in auth) and, when
// central is unreachable or answers out of contract, keeps it in the outbox under the
// same key, so that an attempt that did reach central and the later delivery make one
// application. req.Applicant is needed for the outbox (it is not sent online). A
// refusal (*centralapi.RejectedError) is returned for the citizen to correct.
func (s *Service) SubmitApplication(ctx context.Context, auth centralapi.Auth, key string, req centralapi.ApplicationRequest) (Submitted, error) {
	if key == "" {
		key = centralapi.NewIdempotencyKey()
	}
	online := req
	online.Applicant = nil
	if auth.Token == "" {
		online.Applicant = req.Applicant
	}
	a, err := s.opts.Central.SubmitApplication(ctx, auth, key, online)
	if err == nil {
		return Submitted{Application: &a}, nil
	}
	if !centralapi.Undecided(err) {
		return Submitted{}, err
	}
	r, aerr := s.AddApplication(context.WithoutCancel(ctx), key, req)
	if aerr != nil {
		return Submitted{}, errors.Join(err, aerr)
	}
	return Submitted{Queued: &r}, nil
}

// Rate sends the rating now and keeps it in the outbox when central is unreachable.
func (s *Service) Rate(ctx context.Context, auth centralapi.Auth, key string, req centralapi.RatingRequest) (Submitted, error) {
	if key == "" {
		key = centralapi.NewIdempotencyKey()
	}
	rt, err := s.opts.Central.Rate(ctx, auth, key, req)
	if err == nil {
		return Submitted{Rating: &rt}, nil
	}
	if !centralapi.Undecided(err) {
		return Submitted{}, err
	}
	r, aerr := s.AddRating(context.WithoutCancel(ctx), key, req)
	if aerr != nil {
		return Submitted{}, errors.Join(err, aerr)
	}
	return Submitted{Queued: &r}, nil
}
