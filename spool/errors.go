package spool

import (
	"errors"
	"fmt"
)

// Sentinels that callers test with errors.Is.
var (
	// ErrNotFound: no job with that id.
	ErrNotFound = errors.New("spool: no such job")
	// ErrWrongState: the operation is not allowed in the job's current state. The error
	// is a *StateError that says which state and what is allowed.
	ErrWrongState = errors.New("spool: job is in the wrong state")
	// ErrCorrupt: the spool file failed to open or failed its consistency check. The
	// spool refuses it; docs/spool.md says how to recover.
	ErrCorrupt = errors.New("spool: file is corrupt")
	// ErrLocked: another process holds the spool file (bbolt allows one).
	ErrLocked = errors.New("spool: file is locked by another process")
	// ErrClosed: the spool was closed.
	ErrClosed = errors.New("spool: closed")
	// ErrKey: the document key file is missing, unreadable or not private.
	ErrKey = errors.New("spool: document key")
)

// StateError refuses an operation on a job in a state that does not allow it.
type StateError struct {
	Op      string // "release", "cancel", …
	ID      JobID
	State   State   // the job's state when refused
	Allowed []State // the states the operation accepts
}

func (e *StateError) Error() string {
	return fmt.Sprintf("spool: %s job %s: job is %s; only %s jobs can be %s",
		e.Op, e.ID, e.State, joinStates(e.Allowed), pastTense(e.Op))
}

// Is makes a *StateError match ErrWrongState.
func (e *StateError) Is(target error) bool { return target == ErrWrongState }

func joinStates(ss []State) string {
	out := ""
	for i, s := range ss {
		switch {
		case i == 0:
		case i == len(ss)-1:
			out += " or "
		default:
			out += ", "
		}
		out += string(s)
	}
	return out
}

func pastTense(op string) string {
	switch op {
	case "release":
		return "released"
	case "cancel":
		return "canceled"
	}
	return op + "ed"
}
