// Package outbox delivers what citizens submitted while central was unreachable:
// applications and ratings kept durably in the spool's outbox (encrypted, one committed
// transaction per change), sent to central with their idempotency keys once it answers
// again, so each arrives exactly once, across restarts and crashes. The Service is the
// agent's outbox flusher (Serve(ctx) error).
package outbox
