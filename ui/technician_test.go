package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/govkiosk/kiosk/kiosk/session"
)

// findCorner returns the hidden corner of the attract screen.
func findCorner(o fyne.CanvasObject) *hiddenCorner {
	if h, ok := o.(*hiddenCorner); ok {
		return h
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, ch := range c.Objects {
			if h := findCorner(ch); h != nil {
				return h
			}
		}
	}
	return nil
}

func TestHiddenGestureNeedsFiveQuickTaps(t *testing.T) {
	core, w := show(t, session.View{Screen: session.ScreenAttract, Language: "zh"})
	h := findCorner(w.Content())
	if h == nil {
		t.Fatal("no hidden corner on the attract screen")
	}
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	h.now = func() time.Time { return now }
	for range 4 {
		test.Tap(h)
		now = now.Add(time.Second) // too slow: the window slides past the first taps
	}
	if len(core.intents) != 0 {
		t.Fatalf("gesture fired on slow taps: %v", core.intents)
	}
	for range 5 {
		test.Tap(h)
		now = now.Add(200 * time.Millisecond)
	}
	if got := strings.Join(core.intents, ","); got != "gesture" {
		t.Errorf("intents %q", got)
	}
}

func TestPINPadSendsTheDigits(t *testing.T) {
	core, w := show(t, session.View{Screen: session.ScreenTechPIN, Language: "en"})
	_, buttons := content(w)
	for _, d := range []string{"2", "4", "6", "8"} {
		test.Tap(buttons[d])
	}
	got, _ := content(w)
	if !strings.Contains(got, "●●●●") || strings.Contains(got, "2468") {
		t.Errorf("the pad shows:\n%s", got)
	}
	test.Tap(buttons["OK"])
	test.Tap(buttons["Cancel"])
	if got := strings.Join(core.intents, ","); got != "pin:2468,exit" {
		t.Errorf("intents %q", got)
	}
}

func TestTechStatusScreen(t *testing.T) {
	core, w := show(t, session.View{Screen: session.ScreenTechStatus, Language: "zh", Status: []session.StatusLine{
		{Label: "读卡器 Reader", Value: "ok", OK: true},
		{Label: "打印机 Printer a4", Value: "media-empty; 1 jobs waiting"},
	}})
	got, buttons := content(w)
	for _, want := range []string{"终端状态", "✓ 读卡器 Reader: ok", "× 打印机 Printer a4: media-empty; 1 jobs waiting"} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	test.Tap(buttons["刷新"])
	test.Tap(buttons["退出"])
	if got := strings.Join(core.intents, ","); got != "refresh,exit" {
		t.Errorf("intents %q", got)
	}
}
