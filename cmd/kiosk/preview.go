package main

import (
	"github.com/govkiosk/kiosk/kiosk/pdfpreview"
	"github.com/govkiosk/kiosk/kiosk/session"
)

// rasterizer draws the print preview with poppler; without it the preview screen says
// "no preview available" and printing works all the same.
func (a *agent) rasterizer() session.Rasterizer {
	p := pdfpreview.New()
	if !p.Available() {
		a.log.Warn("print preview off", "err", pdfpreview.ErrUnavailable)
		return nil
	}
	return p
}
