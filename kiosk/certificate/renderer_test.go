package certificate

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
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

var card = &devices.Card{Type: devices.CardResident, Name: "王建国", Number: "44030419580315123X"}

// The PDF's text, extracted by pdftotext, is the Chinese we wrote, masked.
func TestPlaceholderText(t *testing.T) {
	r := renderer(t)
	pdf, err := r.Placeholder(card, "zh", time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"个人参保证明（示例）", "王**", "4403**********123X", "2026-11-27 09:30", "示例文件"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
	for _, secret := range []string{"王建国", "44030419580315123X"} {
		if strings.Contains(text, secret) {
			t.Errorf("PDF holds unmasked %q", secret)
		}
	}
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

func BenchmarkPlaceholder(b *testing.B) {
	r := renderer(b)
	now := time.Now()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Placeholder(card, "zh", now); err != nil {
			b.Fatal(err)
		}
	}
}
