package centralapi

import (
	"errors"
	"fmt"
)

// Sentinels that callers test with errors.Is. Every error a call returns matches exactly
// one of ErrUnreachable, ErrServerFault, or is a *RejectedError.
var (
	// ErrUnreachable: central could not be reached or did not answer in time: a network
	// error, the context's deadline, or a 5xx answer after the retries that were safe.
	// What was asked may or may not have happened; a call carrying an idempotency key can
	// be repeated with the same key.
	ErrUnreachable = errors.New("centralapi: central unreachable")
	// ErrServerFault: central answered, but not in the contract's terms: a body that is
	// not JSON or not of the documented shape, a wrong content type, an unexpected
	// status.
	ErrServerFault = errors.New("centralapi: central answered out of contract")
)

// Undecided says whether err leaves the request undecided by central: it could not be
// reached (ErrUnreachable) or answered out of contract (ErrServerFault), so the request
// can be tried again later, where a *RejectedError is central's answer.
func Undecided(err error) bool {
	return errors.Is(err, ErrUnreachable) || errors.Is(err, ErrServerFault)
}

// RejectedError is central's refusal of a request (a 4xx answer with the contract's error
// body). The messages are central's, written for the citizen, and carry no personal data.
type RejectedError struct {
	Status    int    // HTTP status, e.g. 422
	Code      string // stable machine code, e.g. "invalid_form", "no_records"
	MessageZH string
	MessageEN string
	Fields    []FieldError // per-field problems of a form, if any
	Route     string       // the route called, e.g. "POST /v1/applications"
}

// FieldError is one form field's problem.
type FieldError struct {
	Key       string `json:"key"`
	MessageZH string `json:"message_zh"`
	MessageEN string `json:"message_en"`
}

func (e *RejectedError) Error() string {
	return fmt.Sprintf("centralapi: %s: rejected (%d %s): %s", e.Route, e.Status, e.Code, e.MessageEN)
}

// Message returns the refusal in the language asked for ("zh" or "en"), falling back to
// the other language when one is empty.
func (e *RejectedError) Message(lang string) string {
	if lang == "zh" && e.MessageZH != "" || e.MessageEN == "" {
		return e.MessageZH
	}
	return e.MessageEN
}

// errorBody is the contract's error answer: {"error": {...}}.
type errorBody struct {
	Error *struct {
		Code      string       `json:"code"`
		MessageZH string       `json:"message_zh"`
		MessageEN string       `json:"message_en"`
		Fields    []FieldError `json:"fields"`
	} `json:"error"`
}
