package certificate

import (
	"strings"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/kiosk/fonts"
)

const wqy = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

func renderer(t testing.TB) *Renderer {
	t.Helper()
	ttf, err := fonts.Load(wqy)
	if err != nil {
		t.Skipf("the CJK font is not installed (.ci/run installs fonts-wqy-microhei): %v", err)
	}
	return NewRenderer(ttf)
}

func TestTestPageText(t *testing.T) {
	r := renderer(t)
	pdf, err := r.TestPage("a4", time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"打印机测试页 Printer test page", "Printer: a4", "2026-11-27 09:30:00", "喆堃赟燊"} {
		if !strings.Contains(text, want) {
			t.Errorf("test page lacks %q:\n%s", want, text)
		}
	}
}
