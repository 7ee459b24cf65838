package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/govkiosk/kiosk/kiosk/session"
)

func TestCodePadTapsBecomeIntents(t *testing.T) {
	core, w := show(t, session.View{Screen: session.ScreenSecondFactor, Language: "en", MaskedPhone: "138****1234"})
	_, buttons := content(w)
	for _, k := range []string{"1", "2", "0", "Clear", "9", "OK", "Cancel"} {
		b, ok := buttons[k]
		if !ok {
			t.Fatalf("no %q key", k)
		}
		if h := b.Size().Height; h < 60 {
			t.Errorf("key %q is %.0f high, want at least 60", k, h)
		}
		test.Tap(b)
	}
	if got := strings.Join(core.intents, ","); got != "code:1,code:2,code:0,code-clear,code:9,submit-code,cancel-code" {
		t.Errorf("intents %q", got)
	}
}
