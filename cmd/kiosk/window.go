package main

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/govkiosk/kiosk/ui"
)

// runWindow shows the citizen's window until ctx ends. It must run on the main goroutine.
func runWindow(ctx context.Context, a *agent) {
	fa := app.NewWithID("org.govkiosk.kiosk")
	fa.Settings().SetTheme(ui.NewTheme(a.font))
	w := fa.NewWindow("政务服务自助终端")
	w.SetPadded(false)
	if a.cfg.UI.Fullscreen {
		w.SetFullScreen(true)
		// No way out for the public: closing the window does nothing.
		w.SetCloseIntercept(func() {})
	} else {
		w.Resize(fyne.NewSize(1280, 800))
	}
	stopUI := ui.New(w, a.session, ui.Options{Animate: true}).Start()
	defer stopUI()
	fa.Lifecycle().SetOnStarted(func() {
		a.log.Info("window shown", "since_start", time.Since(a.started).Round(time.Millisecond))
	})
	go func() {
		<-ctx.Done()
		fyne.Do(fa.Quit)
	}()
	w.ShowAndRun()
}
