package pdfpreview

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// ErrUnavailable is returned when poppler-utils is not installed.
var ErrUnavailable = errors.New("pdfpreview: pdftoppm not installed (Debian package poppler-utils)")

// Limits of one preview.
const (
	// DPI is the preview's resolution: an A4 page is 496×702 pixels, about the height
	// the preview screen gives it.
	DPI = 60
	// MaxPNG bounds what pdftoppm may send back (an A4 page at 60 dpi is about 100 KB).
	MaxPNG = 8 << 20
	// Timeout bounds each tool's run.
	Timeout = 10 * time.Second
)

// Poppler draws previews with pdftoppm and pdfinfo.
type Poppler struct {
	pdftoppm, pdfinfo string // paths; pdfinfo may be empty
}

// New finds the tools on the PATH. When pdftoppm is missing, FirstPage returns
// ErrUnavailable; Available says so in advance.
func New() *Poppler {
	p := &Poppler{}
	p.pdftoppm, _ = exec.LookPath("pdftoppm")
	p.pdfinfo, _ = exec.LookPath("pdfinfo")
	return p
}

// Available says whether previews can be drawn.
func (p *Poppler) Available() bool { return p.pdftoppm != "" }

// FirstPage draws the first page of pdf and counts its pages (0 when pdfinfo is missing
// or fails). Errors say what failed, never what the document holds.
func (p *Poppler) FirstPage(ctx context.Context, pdf []byte) (image.Image, int, error) {
	if !p.Available() {
		return nil, 0, ErrUnavailable
	}
	out, err := run(ctx, p.pdftoppm, pdf, MaxPNG, "-png", "-r", strconv.Itoa(DPI), "-f", "1", "-l", "1", "-singlefile", "-")
	if err != nil {
		return nil, 0, fmt.Errorf("pdfpreview: pdftoppm: %w", err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		return nil, 0, fmt.Errorf("pdfpreview: pdftoppm's picture: %w", err)
	}
	return img, p.pages(ctx, pdf), nil
}

// pages asks pdfinfo how many pages pdf has; 0 when it cannot tell.
func (p *Poppler) pages(ctx context.Context, pdf []byte) int {
	if p.pdfinfo == "" {
		return 0
	}
	out, err := run(ctx, p.pdfinfo, pdf, 64<<10, "-")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(out)) {
		if rest, ok := strings.CutPrefix(line, "Pages:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(rest))
			return n
		}
	}
	return 0
}

// run runs a tool with in on its stdin and returns its stdout, at most limit bytes. The
// tool's messages are dropped: they may quote the document.
func run(ctx context.Context, exe string, in []byte, limit int64, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Stdin = bytes.NewReader(in)
	out := &limited{n: limit}
	cmd.Stdout = out
	if err := cmd.Run(); err != nil {
		return nil, err
	}
	if out.over {
		return nil, fmt.Errorf("more than %d bytes of output", limit)
	}
	return out.buf.Bytes(), nil
}

// limited keeps up to n bytes and drops the rest, noting that it did.
type limited struct {
	buf  bytes.Buffer
	n    int64
	over bool
}

func (l *limited) Write(b []byte) (int, error) {
	keep := b
	if int64(len(keep)) > l.n {
		l.over = true
		keep = keep[:l.n]
	}
	l.buf.Write(keep)
	l.n -= int64(len(keep))
	return len(b), nil
}
