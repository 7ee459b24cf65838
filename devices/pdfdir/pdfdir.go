// Package pdfdir is a DocPrinter that writes each document as a PDF file into a folder:
// the demo's printer, and a stand-in wherever no printer is attached.
package pdfdir

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// Printer writes documents into Dir. Job ids are unique within the folder.
type Printer struct {
	name string
	dir  string

	mu    sync.Mutex
	jobs  map[string]string // job id → file name
	count int
}

// New returns a printer writing into dir, creating the folder if needed.
func New(name, dir string) (*Printer, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("pdfdir: %w", err)
	}
	return &Printer{name: name, dir: dir, jobs: map[string]string{}}, nil
}

// Name returns the printer's configured name.
func (p *Printer) Name() string { return p.name }

// CreateJob reserves a job id and the file name the document will take.
func (p *Printer) CreateJob(ctx context.Context, title string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.count++
	id := fmt.Sprintf("%s-%d", time.Now().UTC().Format("20060102T150405"), p.count)
	p.jobs[id] = id + "-" + safeName(title) + ".pdf"
	return id, nil
}

// SendDocument writes the document atomically: a reader of the folder never sees half a file.
func (p *Printer) SendDocument(ctx context.Context, jobID string, pdf []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	p.mu.Lock()
	name, ok := p.jobs[jobID]
	p.mu.Unlock()
	if !ok {
		return fmt.Errorf("pdfdir: unknown job %q", jobID)
	}
	tmp, err := os.CreateTemp(p.dir, ".partial-*")
	if err != nil {
		return fmt.Errorf("pdfdir: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(pdf); err != nil {
		tmp.Close()
		return fmt.Errorf("pdfdir: write %s: %w", name, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("pdfdir: sync %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("pdfdir: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(p.dir, name)); err != nil {
		return fmt.Errorf("pdfdir: %w", err)
	}
	return nil
}

// JobState is completed once the file exists, pending before.
func (p *Printer) JobState(ctx context.Context, jobID string) (devices.JobState, error) {
	p.mu.Lock()
	name, ok := p.jobs[jobID]
	p.mu.Unlock()
	if !ok {
		return devices.JobUnknown, nil
	}
	if _, err := os.Stat(filepath.Join(p.dir, name)); err == nil {
		return devices.JobCompleted, nil
	}
	return devices.JobPending, nil
}

// Status is ready while the folder is writable.
func (p *Printer) Status(ctx context.Context) (devices.PrinterStatus, error) {
	f, err := os.CreateTemp(p.dir, ".probe-*")
	if err != nil {
		return devices.PrinterStatus{Reasons: []devices.PrinterReason{devices.ReasonOffline}}, nil
	}
	f.Close()
	os.Remove(f.Name())
	return devices.PrinterStatus{Ready: true}, nil
}

// safeName keeps letters, digits and dashes of a title for use in a file name.
func safeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r > 0x7f:
			b.WriteRune(r)
		default:
			b.WriteRune('_')
		}
	}
	if b.Len() == 0 {
		return "document"
	}
	return b.String()
}
