package session

import (
	"context"
	"image"
)

// The print preview: Print fetches and renders the proof (ScreenPreparing), then shows
// its first page (ScreenPreview); ConfirmPrint hands it to the printer (ScreenPrinting),
// Back drops it. The rendered PDF and its picture are the citizen's: they live only in
// the machine's memory, and are dropped on Back, at the end of the session, and once
// the printer has the PDF.

const (
	ScreenPreparing Screen = "preparing" // fetching and rendering the proof
	ScreenPreview   Screen = "preview"   // the proof's first page, to print or go back
)

// Rasterizer draws the first page of a PDF for the preview screen and counts its pages
// (0 when it cannot tell). It must not write the PDF or the picture to any file.
type Rasterizer interface {
	FirstPage(ctx context.Context, pdf []byte) (page image.Image, pages int, err error)
}

// Preview is what the preview screen shows of a proof. Image is nil when no picture
// could be made ("no preview available"): the proof can be printed all the same. It is
// shared read-only with every subscriber of the View.
type Preview struct {
	Image image.Image
	Pages int // 0: not known
}

// pendingProof is a rendered proof waiting on the preview screen for the citizen.
type pendingProof struct {
	doc   []byte
	title string
}

// wipe overwrites the PDF's bytes.
func (p *pendingProof) wipe() {
	if p == nil {
		return
	}
	clear(p.doc)
	p.doc, p.title = nil, ""
}

// prepared shows the preview of a proof made for session id, unless the session ended
// or left the preparing screen meanwhile: then the proof is wiped and nothing is queued.
func (m *Machine) prepared(id string, proof *pendingProof, pv Preview) {
	m.mu.Lock()
	if m.id != id || m.view.Screen != ScreenPreparing {
		m.mu.Unlock()
		proof.wipe()
		return
	}
	m.proof.wipe()
	m.proof = proof
	v := m.view
	v.Screen, v.Notice, v.Preview = ScreenPreview, NoticeNone, &pv
	m.log.Info("proof ready for preview", "session", id, "pages", pv.Pages, "picture", pv.Image != nil)
	m.armIdleLocked()
	m.setLocked(v)
}

// preview draws the first page of doc, or returns an empty Preview when it cannot.
func (m *Machine) preview(ctx context.Context, id string, doc []byte) Preview {
	if m.raster == nil {
		return Preview{}
	}
	img, pages, err := m.raster.FirstPage(ctx, doc)
	if err != nil {
		m.log.Warn("no preview of the proof", "session", id, "err", err)
		return Preview{Pages: pages}
	}
	return Preview{Image: img, Pages: pages}
}

// ConfirmPrint prints the proof shown on the preview screen. The spool keeps it from
// then on; the machine forgets it once the printer has it.
func (m *Machine) ConfirmPrint() {
	m.mu.Lock()
	if m.card == nil || m.view.Screen != ScreenPreview || m.proof == nil {
		m.mu.Unlock()
		return
	}
	proof := m.proof
	m.proof = nil
	id := m.id
	v := m.view
	v.Screen, v.Notice, v.Countdown, v.Preview = ScreenPrinting, NoticeNone, 0, nil
	m.timers.stop(timerIdle) // nobody is idle while the machine prints for them
	m.work.Add(1)
	m.setLocked(v)

	go func() {
		defer m.work.Done()
		err := m.printer.PrintProof(m.printCtx, PrintRequest{SessionID: id, Title: proof.title, Doc: proof.doc})
		proof.wipe()
		m.printed(id, err)
	}()
}

// dropPreviewLocked forgets the proof waiting on the preview screen and its picture.
func (m *Machine) dropPreviewLocked(v *View) {
	m.proof.wipe()
	m.proof = nil
	v.Preview = nil
}
