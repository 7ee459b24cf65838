// Package spool is the kiosk's durable store and the only owner of its bbolt file. It
// holds print jobs (their states, retries, encrypted documents, recovery after a crash,
// retention and purge) and runs one print worker per printer. A later issue adds the
// outbox of applications as a second set of buckets in the same file.
//
// Every state change is one committed (fsync'd) transaction. A job is never lost and
// never silently printed twice: the printer's job reference is recorded before the
// document is sent, and a job whose fate the printer cannot tell after a crash is held
// as "may have printed" for a technician to release or cancel. See docs/spool.md.
package spool
