// Package pdfdir is a DocPrinter that writes each document as a PDF file into a folder:
// the demo's printer, and a stand-in wherever no printer is attached.
package pdfdir

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// Printer writes documents into Dir. A job's reference is unique across restarts (a time
// and a random part) and starts the file's name, so JobState still answers after the
// kiosk restarts.
type Printer struct {
	name string
	dir  string

	mu   sync.Mutex
	jobs map[string]job // by reference: the jobs created by this process
}

type job struct{ title, file string }

// New returns a printer writing into dir, creating the folder if needed.
func New(name, dir string) (*Printer, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("pdfdir: %w", err)
	}
	return &Printer{name: name, dir: dir, jobs: map[string]job{}}, nil
}

// Name returns the printer's configured name.
func (p *Printer) Name() string { return p.name }

// CreateJob reserves a job reference and the file name the document will take.
func (p *Printer) CreateJob(ctx context.Context, title string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	var r [6]byte
	if _, err := rand.Read(r[:]); err != nil {
		return "", fmt.Errorf("pdfdir: %w", err)
	}
	id := time.Now().UTC().Format("20060102T150405") + "-" + hex.EncodeToString(r[:])
	p.mu.Lock()
	defer p.mu.Unlock()
	p.jobs[id] = job{title: title, file: id + "-" + safeName(title) + ".pdf"}
	return id, nil
}

// SendDocument writes the document atomically: a reader of the folder never sees half a file.
func (p *Printer) SendDocument(ctx context.Context, jobID string, pdf []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	p.mu.Lock()
	j, ok := p.jobs[jobID]
	p.mu.Unlock()
	if !ok {
		return fmt.Errorf("pdfdir: unknown job %q", jobID)
	}
	name := j.file
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
	if d, err := os.Open(p.dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// JobState is completed once the file exists; pending for a job of this process without
// its file yet; unknown otherwise (including a job canceled here).
func (p *Printer) JobState(ctx context.Context, jobID string) (devices.JobState, error) {
	if !validRef(jobID) {
		return devices.JobUnknown, fmt.Errorf("pdfdir: bad job reference %q", jobID)
	}
	matches, err := filepath.Glob(filepath.Join(p.dir, jobID+"-*.pdf"))
	if err != nil {
		return devices.JobUnknown, fmt.Errorf("pdfdir: %w", err)
	}
	if len(matches) > 0 {
		return devices.JobCompleted, nil
	}
	p.mu.Lock()
	_, ok := p.jobs[jobID]
	p.mu.Unlock()
	if ok {
		return devices.JobPending, nil
	}
	return devices.JobUnknown, nil
}

// CancelJob forgets a job whose document has not been written.
func (p *Printer) CancelJob(ctx context.Context, jobID string) error {
	st, err := p.JobState(ctx, jobID)
	if err != nil {
		return err
	}
	if st != devices.JobPending {
		return fmt.Errorf("pdfdir: cancel job %q: job is %s", jobID, st)
	}
	p.mu.Lock()
	delete(p.jobs, jobID)
	p.mu.Unlock()
	return nil
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

// validRef reports whether ref has the shape CreateJob gives, so it is safe in a glob.
func validRef(ref string) bool {
	if ref == "" {
		return false
	}
	for _, r := range ref {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r == 'T' || r == '-') {
			return false
		}
	}
	return true
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

var _ devices.DocPrinter = (*Printer)(nil)

// Jobs lists the jobs of this process whose document has not been written.
func (p *Printer) Jobs(ctx context.Context) ([]devices.PrinterJob, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []devices.PrinterJob
	for ref, j := range p.jobs {
		if _, err := os.Stat(filepath.Join(p.dir, j.file)); err != nil {
			out = append(out, devices.PrinterJob{Ref: ref, Title: j.title, State: devices.JobPending})
		}
	}
	return out, nil
}
