package spool

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// fakeClock moves only when told to.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// After is never waited on in step-driven tests; it fires at once so that a Serve-level
// test with a fake clock does not hang.
func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	ch := make(chan time.Time, 1)
	ch <- c.Now()
	return ch
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// fakePrinter is a DocPrinter in memory whose faults the test sets.
type fakePrinter struct {
	name string

	mu        sync.Mutex
	status    devices.PrinterStatus
	statusErr error
	createErr error
	sendErr   error // returned by SendDocument (after keeping the document when sendKeeps)
	sendKeeps bool
	stateErr  error
	autoDone  bool // a delivered document completes at once
	next      int
	jobs      map[string]*fakeJob
	printed   map[string]int // spool title (before " #") → completed documents
	canceled  int
}

type fakeJob struct {
	title string
	state devices.JobState
	doc   []byte
}

func newFakePrinter(name string) *fakePrinter {
	return &fakePrinter{name: name, status: devices.PrinterStatus{Ready: true}, autoDone: true,
		jobs: map[string]*fakeJob{}, printed: map[string]int{}}
}

func (p *fakePrinter) Name() string { return p.name }

func (p *fakePrinter) CreateJob(ctx context.Context, title string) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.createErr != nil {
		return "", p.createErr
	}
	p.next++
	ref := fmt.Sprintf("fake-%d", p.next)
	p.jobs[ref] = &fakeJob{title: title, state: devices.JobPending}
	return ref, nil
}

func (p *fakePrinter) SendDocument(ctx context.Context, ref string, pdf []byte) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	j := p.jobs[ref]
	if j == nil {
		return errors.New("fake: no such job")
	}
	if p.sendErr != nil && !p.sendKeeps {
		return p.sendErr
	}
	j.doc = append([]byte(nil), pdf...)
	if p.autoDone {
		j.state = devices.JobCompleted
		p.printed[baseTitle(j.title)]++
	} else {
		j.state = devices.JobProcessing
	}
	return p.sendErr
}

// complete makes the printer finish a job it is processing.
func (p *fakePrinter) complete(ref string, state devices.JobState) {
	p.mu.Lock()
	defer p.mu.Unlock()
	j := p.jobs[ref]
	j.state = state
	if state == devices.JobCompleted {
		p.printed[baseTitle(j.title)]++
	}
}

func (p *fakePrinter) JobState(ctx context.Context, ref string) (devices.JobState, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stateErr != nil {
		return devices.JobUnknown, p.stateErr
	}
	j := p.jobs[ref]
	if j == nil {
		return devices.JobUnknown, nil
	}
	return j.state, nil
}

func (p *fakePrinter) CancelJob(ctx context.Context, ref string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	j := p.jobs[ref]
	if j == nil || j.state != devices.JobPending {
		return errors.New("fake: not cancelable")
	}
	j.state = devices.JobCanceled
	p.canceled++
	return nil
}

func (p *fakePrinter) Status(ctx context.Context) (devices.PrinterStatus, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.status, p.statusErr
}

func (p *fakePrinter) set(f func(p *fakePrinter)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f(p)
}

// baseTitle strips the " #ID-INSTANCE" the spool adds to a printer job's title.
func baseTitle(t string) string {
	if i := strings.LastIndex(t, " #"); i >= 0 {
		return t[:i]
	}
	return t
}

func (p *fakePrinter) printedCount(title string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.printed[title]
}

func (p *fakePrinter) Jobs(ctx context.Context) ([]devices.PrinterJob, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []devices.PrinterJob
	for ref, j := range p.jobs {
		if j.state == devices.JobPending || j.state == devices.JobProcessing {
			out = append(out, devices.PrinterJob{Ref: ref, Title: j.title, State: j.state})
		}
	}
	return out, nil
}
