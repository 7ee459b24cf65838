package certificate

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/boombuler/barcode/qr"
)

// The QR code drawn on the page is the encoder's matrix: rendered at 200 dpi, the
// centre of every module is dark exactly where the encoder's module is, and the quiet
// zone around it is white. (The encoder itself is boombuler/barcode's, tested there.)
func TestQRDrawn(t *testing.T) {
	r := renderer(t)
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm is not installed (.ci/run installs poppler-utils)")
	}
	const (
		url      = testURL + "/v1/verify/" + testCode
		x, y, mm = 20.0, 30.0, 40.0
		dpi      = 200
	)
	d, err := r.newDocument("P", nil, printTime)
	if err != nil {
		t.Fatal(err)
	}
	p := &proof{document: d}
	d.pdf.AddPage()
	if err := p.qr(url, x, y, mm); err != nil {
		t.Fatal(err)
	}
	pdf, err := d.output("qr test")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "q.pdf"), pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "200", "-gray", "-png", "-singlefile", filepath.Join(dir, "q.pdf"), filepath.Join(dir, "q")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "q.png"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	code, err := qr.Encode(url, qr.M, qr.Auto)
	if err != nil {
		t.Fatal(err)
	}
	n := code.Bounds().Dx()
	module := mm / float64(n+8)
	px := func(v float64) int { return int(v / 25.4 * dpi) }
	wrong := 0
	for j := -4; j < n+4; j++ {
		for i := -4; i < n+4; i++ {
			want := false
			if i >= 0 && j >= 0 && i < n && j < n {
				cr, _, _, _ := code.At(i, j).RGBA()
				want = cr < 0x8000
			}
			cx, cy := x+(float64(4+i)+0.5)*module, y+(float64(4+j)+0.5)*module
			if got := grey(img, px(cx), px(cy)) < 128; got != want {
				wrong++
			}
		}
	}
	if wrong > 0 {
		t.Errorf("%d of %d modules (quiet zone included) drawn wrong", wrong, (n+8)*(n+8))
	}
}
