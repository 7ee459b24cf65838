// Package centralapi is the agent's client of the central service platform: the wire
// types of the contract in central/openapi.yaml, and calls with deadlines from context,
// retries only where they are safe, and typed errors that carry no personal data.
//
// Every call takes its deadline from ctx. GETs, DELETEs and POSTs carrying an
// Idempotency-Key are retried with jittered backoff (Options.Attempts tries); other
// calls are tried once. Errors match ErrUnreachable (network, timeout, 5xx), are a
// *RejectedError (central refused, with its zh/en message for the citizen), or match
// ErrServerFault (an answer out of contract). Error strings name the route, never a
// body, an id number, a token or a concrete path.
package centralapi
