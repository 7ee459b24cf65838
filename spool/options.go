package spool

import (
	"log/slog"
	"time"
)

// Options tune a spool. The zero value gives the production defaults.
type Options struct {
	// KeyFile holds the AES-256 key of the documents; empty means the spool path plus
	// ".key". It is made (mode 0600) on first start.
	KeyFile string
	// OpenTimeout bounds the wait for the file lock; default 2 s.
	OpenTimeout time.Duration

	Clock   Clock   // default: the real clock
	Backoff Backoff // between attempts after a transient error; default ExpBackoff(2s, 5m)
	// PollInterval paces asking the printer about a sent job and about a fault; default 2 s.
	PollInterval time.Duration
	// PrinterTimeout bounds each call to the printer (a whole Send-Document included);
	// default 2 min.
	PrinterTimeout time.Duration
	// MaxAttempts counts transient failures before a job fails; default 5.
	MaxAttempts int
	// ResolveWindow is how long a worker keeps asking an unreachable printer about a job
	// in flight before holding it as may-have-printed; default 2 min. Zero after
	// defaults cannot be asked for: use a negative value to hold at once.
	ResolveWindow time.Duration
	// Retention bounds how long a document is kept; a job not printed by then fails as
	// expired. Default 24 h.
	Retention time.Duration
	// KeepRecords is how long the record of a finished job stays listed; default 30 days.
	KeepRecords time.Duration
	// MaxDocSize refuses larger documents at Enqueue; default 64 MiB.
	MaxDocSize int

	Logger *slog.Logger // default: slog.Default()
}

func (o Options) withDefaults(path string) Options {
	if o.KeyFile == "" {
		o.KeyFile = path + ".key"
	}
	if o.OpenTimeout == 0 {
		o.OpenTimeout = 2 * time.Second
	}
	if o.Clock == nil {
		o.Clock = realClock{}
	}
	if o.Backoff == nil {
		o.Backoff = ExpBackoff(2*time.Second, 5*time.Minute)
	}
	if o.PollInterval == 0 {
		o.PollInterval = 2 * time.Second
	}
	if o.PrinterTimeout == 0 {
		o.PrinterTimeout = 2 * time.Minute
	}
	if o.MaxAttempts == 0 {
		o.MaxAttempts = 5
	}
	if o.ResolveWindow == 0 {
		o.ResolveWindow = 2 * time.Minute
	}
	if o.Retention == 0 {
		o.Retention = 24 * time.Hour
	}
	if o.KeepRecords == 0 {
		o.KeepRecords = 30 * 24 * time.Hour
	}
	if o.MaxDocSize == 0 {
		o.MaxDocSize = 64 << 20
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}
