package spool

import (
	"slices"
	"sync"

	"github.com/govkiosk/kiosk/devices"
)

// Event is a job's state together with its printer's last known status.
type Event struct {
	Job     Job
	Printer devices.PrinterStatus
}

// Progress is what a citizen is told about a job.
type Progress string

const (
	ProgressWaiting         Progress = "waiting"             // queued behind others or for a retry
	ProgressPrinting        Progress = "printing"            // at the printer
	ProgressWaitsForPrinter Progress = "waiting-for-printer" // paper, jam, door, offline: the job waits safely
	ProgressDone            Progress = "done"
	ProgressNeedsTechnician Progress = "needs-technician"
	ProgressFailed          Progress = "failed"
	ProgressCanceled        Progress = "canceled"
)

// Progress maps the event to what the UI shows: "printing", "printer out of paper, the
// job waits safely" (ProgressWaitsForPrinter with Printer.Reasons), "done", ….
func (e Event) Progress() Progress {
	switch e.Job.State {
	case Completed:
		return ProgressDone
	case Failed:
		return ProgressFailed
	case Canceled:
		return ProgressCanceled
	case Held:
		if e.Job.Reason.NeedsTechnician() {
			return ProgressNeedsTechnician
		}
		return ProgressWaitsForPrinter
	}
	if e.Printer.Blocked() {
		return ProgressWaitsForPrinter
	}
	if e.Job.State == Queued {
		return ProgressWaiting
	}
	return ProgressPrinting
}

type watcher struct {
	ch   chan Event
	once sync.Once
	last Job  // the job as last sent
	got  bool // last is set
}

// send delivers ev, replacing an event the reader has not taken yet: a watcher always
// sees the latest state and never blocks the spool.
func (w *watcher) send(ev Event) {
	for {
		select {
		case w.ch <- ev:
			return
		default:
		}
		select {
		case <-w.ch:
		default:
		}
	}
}

func (w *watcher) close() { w.once.Do(func() { close(w.ch) }) }

// Watch returns a channel that gets the job's current state at once and then each
// change of the job or of its printer's status, latest first (a slow reader skips
// intermediate events, never the last). stop ends the watch and closes the channel; so
// does Close.
func (s *Spool) Watch(id JobID) (events <-chan Event, stop func(), err error) {
	w := &watcher{ch: make(chan Event, 1)}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil, nil, ErrClosed
	}
	if s.watchers[id] == nil {
		s.watchers[id] = map[*watcher]struct{}{}
	}
	s.watchers[id][w] = struct{}{}
	s.mu.Unlock()
	stop = func() {
		s.mu.Lock()
		delete(s.watchers[id], w)
		if len(s.watchers[id]) == 0 {
			delete(s.watchers, id)
		}
		s.mu.Unlock()
		w.close()
	}
	// Registered first, read second: a change committed meanwhile is either in what Get
	// reads or published to w after it, never lost.
	j, err := s.Get(id)
	if err != nil {
		stop()
		return nil, nil, err
	}
	s.mu.Lock()
	if !w.got {
		w.last, w.got = j, true
		w.send(Event{Job: j, Printer: s.status[j.Printer]})
	}
	s.mu.Unlock()
	return w.ch, stop, nil
}

// PrinterStatus returns the last status a worker saw for the printer.
func (s *Spool) PrinterStatus(printer string) devices.PrinterStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status[printer]
}

// publish tells the job's watchers about its new state.
func (s *Spool) publish(j Job) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for w := range s.watchers[j.ID] {
		w.last, w.got = j, true
		w.send(Event{Job: j, Printer: s.status[j.Printer]})
	}
}

// setStatus records a printer's status and, when it changed, tells the watchers of that
// printer's jobs.
func (s *Spool) setStatus(printer string, st devices.PrinterStatus) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if old, seen := s.status[printer]; seen && old.Ready == st.Ready && slices.Equal(old.Reasons, st.Reasons) {
		return
	}
	s.status[printer] = st
	for _, ws := range s.watchers {
		for w := range ws {
			if w.got && w.last.Printer == printer {
				w.send(Event{Job: w.last, Printer: st})
			}
		}
	}
}

// kick wakes the printer's worker.
func (s *Spool) kick(printer string) {
	s.mu.Lock()
	ch := s.wakeChan(printer)
	s.mu.Unlock()
	select {
	case ch <- struct{}{}:
	default:
	}
}

// wakeChan returns the printer's wake-up channel; s.mu is held.
func (s *Spool) wakeChan(printer string) chan struct{} {
	ch := s.wake[printer]
	if ch == nil {
		ch = make(chan struct{}, 1)
		s.wake[printer] = ch
	}
	return ch
}
