package session

import (
	"context"
	"errors"
	"image"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// printConfirmed presses Print, waits for the preview and confirms it.
func printConfirmed(t *testing.T, m *Machine) {
	t.Helper()
	m.Print()
	if err := m.Wait(t.Context()); err != nil {
		t.Fatal(err)
	}
	if v := m.View(); v.Screen != ScreenPreview {
		t.Fatalf("no preview after Print: %+v", v)
	}
	m.ConfirmPrint()
}

// fakeRaster draws a small grey page, or fails.
type fakeRaster struct {
	got chan []byte
	err error
}

func (r fakeRaster) FirstPage(_ context.Context, pdf []byte) (image.Image, int, error) {
	if r.got != nil {
		r.got <- append([]byte(nil), pdf...)
	}
	if r.err != nil {
		return nil, 0, r.err
	}
	return image.NewGray(image.Rect(0, 0, 21, 30)), 2, nil
}

// previewMachine's renderer waits for release (when not nil) and keeps the PDF it made
// in docs, for the test to check that it was overwritten.
type previewRig struct {
	m       *Machine
	p       *fakePrinter
	views   chan View
	clock   *fakeClock
	release chan struct{}
	docs    chan []byte
}

func previewMachine(t *testing.T, raster Rasterizer, blocking bool) *previewRig {
	t.Helper()
	r := &previewRig{
		p:     &fakePrinter{jobs: make(chan PrintRequest, 1), answers: make(chan error, 1)},
		views: make(chan View, 64), clock: newFakeClock(today), docs: make(chan []byte, 1),
	}
	if blocking {
		r.release = make(chan struct{})
	}
	r.m = New(Options{
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Printer: r.p,
		Render: func(_ context.Context, _ string, c *devices.Card, item, lang string, now time.Time) ([]byte, string, error) {
			if r.release != nil {
				<-r.release
			}
			doc := []byte("%PDF " + c.Number + " " + item)
			r.docs <- doc
			return doc, "proof-" + item, nil
		},
		Rasterizer: raster,
		Catalog:    fakeCatalog{},
		Clock:      r.clock,
		Timing:     timing,
		Language:   "zh",
	})
	t.Cleanup(r.m.Subscribe(func(v View) { r.views <- v }))
	r.m.CardPresented(testCard())
	r.m.OpenItem("HRSS-0001")
	drain(r.views)
	return r
}

func wiped(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return len(b) > 0
}

func noJob(t *testing.T, p *fakePrinter) {
	t.Helper()
	select {
	case j := <-p.jobs:
		t.Errorf("a job was queued: %+v", j.Title)
	default:
	}
}

func TestPreviewThenConfirmPrints(t *testing.T) {
	raster := fakeRaster{got: make(chan []byte, 1)}
	r := previewMachine(t, raster, true)
	m := r.m
	m.Print()
	if v := m.View(); v.Screen != ScreenPreparing || v.Countdown != 0 || v.Preview != nil {
		t.Fatalf("after Print: %+v", v)
	}
	r.clock.Advance(5 * time.Minute) // central is slow: nobody is idle while it answers
	if !m.Status().Active || m.View().Countdown != 0 {
		t.Fatal("the session timed out while the proof was being fetched")
	}
	m.ConfirmPrint() // not yet: nothing to confirm
	close(r.release)
	if err := m.Wait(t.Context()); err != nil {
		t.Fatal(err)
	}
	doc := <-r.docs
	v := m.View()
	if v.Screen != ScreenPreview || v.Preview == nil || v.Preview.Image == nil || v.Preview.Pages != 2 || v.Item == nil {
		t.Fatalf("preview view %+v", v)
	}
	if got := <-raster.got; string(got) != string(doc) {
		t.Errorf("the rasterizer got %q, want the rendered proof", got)
	}
	noJob(t, r.p)
	r.clock.Advance(timing.Idle - timing.Countdown) // the citizen thinks: the idle time runs
	if v := m.View(); v.Countdown == 0 {
		t.Error("no countdown on an untouched preview")
	}

	m.ConfirmPrint()
	if v := m.View(); v.Screen != ScreenPrinting || v.Preview != nil || v.Countdown != 0 {
		t.Fatalf("after confirming: %+v", v)
	}
	job := <-r.p.jobs
	if job.Title != "proof-HRSS-0001" || string(job.Doc) != "%PDF 44030419580315123X HRSS-0001" {
		t.Errorf("job %q %q", job.Title, job.Doc)
	}
	r.p.answers <- nil
	if err := m.Wait(t.Context()); err != nil {
		t.Fatal(err)
	}
	if v := m.View(); v.Screen != ScreenPrinted {
		t.Fatalf("after printing: %+v", v)
	}
	if !wiped(doc) || m.proof != nil {
		t.Error("the machine kept the proof after the printer took it")
	}
	m.ConfirmPrint() // a second tap prints nothing more
	noJob(t, r.p)
}

func TestBackWipesThePreview(t *testing.T) {
	r := previewMachine(t, fakeRaster{}, false)
	m := r.m
	m.Print()
	if err := m.Wait(t.Context()); err != nil {
		t.Fatal(err)
	}
	doc := <-r.docs
	if v := m.View(); v.Screen != ScreenPreview {
		t.Fatalf("view %+v", v)
	}
	m.Back()
	if v := m.View(); v.Screen != ScreenItem || v.Preview != nil || v.Item == nil || v.Item.Code != "HRSS-0001" {
		t.Fatalf("after Back: %+v", v)
	}
	if !wiped(doc) || m.proof != nil {
		t.Error("Back left the proof in memory")
	}
	m.ConfirmPrint()
	noJob(t, r.p)
	if m.View().Screen != ScreenItem {
		t.Error("ConfirmPrint after Back did something")
	}
}

func TestCardPulledBeforePrintingLeavesNothing(t *testing.T) {
	t.Run("preparing", func(t *testing.T) {
		r := previewMachine(t, fakeRaster{}, true)
		r.m.Print()
		r.m.CardRemoved()
		close(r.release)
		if err := r.m.Wait(t.Context()); err != nil {
			t.Fatal(err)
		}
		doc := <-r.docs
		if v := r.m.View(); v.Screen != ScreenAttract || v.Preview != nil {
			t.Errorf("view %+v", v)
		}
		if !wiped(doc) || r.m.proof != nil {
			t.Error("the proof made for a gone citizen was kept")
		}
		noJob(t, r.p)
	})
	t.Run("preview", func(t *testing.T) {
		r := previewMachine(t, fakeRaster{}, false)
		r.m.Print()
		if err := r.m.Wait(t.Context()); err != nil {
			t.Fatal(err)
		}
		doc := <-r.docs
		r.m.CardRemoved()
		if v := r.m.View(); v.Screen != ScreenAttract || v.Preview != nil {
			t.Errorf("view %+v", v)
		}
		if !wiped(doc) || r.m.proof != nil {
			t.Error("the session's end did not wipe the proof")
		}
		r.m.ConfirmPrint()
		noJob(t, r.p)
	})
}

func TestNoPreviewStillPrints(t *testing.T) {
	for name, raster := range map[string]Rasterizer{"no rasterizer": nil, "rasterizer fails": fakeRaster{err: errors.New("exec: pdftoppm: not found")}} {
		t.Run(name, func(t *testing.T) {
			r := previewMachine(t, raster, false)
			printConfirmed(t, r.m)
			<-r.p.jobs
			r.p.answers <- nil
			if err := r.m.Wait(t.Context()); err != nil {
				t.Fatal(err)
			}
			views := drain(r.views)
			var saw bool
			for _, v := range views {
				if v.Screen == ScreenPreview {
					saw = true
					if v.Preview == nil || v.Preview.Image != nil {
						t.Errorf("preview without a picture: %+v", v.Preview)
					}
				}
			}
			if !saw || r.m.View().Screen != ScreenPrinted {
				t.Errorf("screens %+v", views)
			}
		})
	}
}

// A citizen who walks away from the preview: the idle time ends the session and the
// proof goes with it.
func TestIdlePreviewEndsAndWipes(t *testing.T) {
	r := previewMachine(t, fakeRaster{}, false)
	r.m.Print()
	if err := r.m.Wait(t.Context()); err != nil {
		t.Fatal(err)
	}
	doc := <-r.docs
	r.clock.Advance(timing.Idle - timing.Countdown)
	for range int(timing.Countdown / time.Second) {
		r.clock.Advance(time.Second)
	}
	if v := r.m.View(); v.Screen != ScreenTakeCard || v.Preview != nil {
		t.Fatalf("after the idle time: %+v", v)
	}
	if !wiped(doc) || r.m.proof != nil {
		t.Error("the idle end did not wipe the proof")
	}
	noJob(t, r.p)
}
