package certificate

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Image comparison: a pixel differs when a grey level moves by more than pixelTolerance
// (anti-aliasing differs a little between builds of poppler and FreeType); a page
// differs when more than pageTolerance of its pixels do.
const (
	pixelTolerance = 48
	pageTolerance  = 0.005
)

// pageImages renders up to max pages at 40 dpi in grey with pdftoppm, as PNG files.
func pageImages(t *testing.T, pdf []byte, max int) [][]byte {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "p.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftoppm", "-r", "40", "-gray", "-png", "-f", "1", "-l", fmt.Sprint(max), path, filepath.Join(dir, "page")).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	files, err := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if err != nil || len(files) == 0 {
		t.Fatalf("pdftoppm made no page: %v", err)
	}
	var pages [][]byte
	for _, f := range files { // Glob sorts: page-1, page-2 (fewer than 10 pages)
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, b)
	}
	return pages
}

// compareImage compares a rendered page with its reference image; -update rewrites it.
// On a difference the rendered page is kept next to the reference as *.got.png.
func compareImage(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	wantPNG, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	want, err := png.Decode(bytes.NewReader(wantPNG))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	img, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		t.Fatalf("rendered page: %v", err)
	}
	n, total := differing(want, img)
	if n < 0 || float64(n) > pageTolerance*float64(total) {
		keep := path[:len(path)-len(".png")] + ".got.png"
		_ = os.WriteFile(keep, got, 0o644)
		t.Errorf("%s: %d of %d pixels differ (size %v vs %v); rendered page kept as %s",
			path, n, total, want.Bounds().Size(), img.Bounds().Size(), keep)
	}
}

// differing counts the pixels whose grey level differs by more than pixelTolerance;
// -1 when the sizes differ.
func differing(a, b image.Image) (n, total int) {
	ab, bb := a.Bounds(), b.Bounds()
	if ab.Size() != bb.Size() {
		return -1, ab.Dx() * ab.Dy()
	}
	for y := range ab.Dy() {
		for x := range ab.Dx() {
			if d := grey(a, ab.Min.X+x, ab.Min.Y+y) - grey(b, bb.Min.X+x, bb.Min.Y+y); d > pixelTolerance || d < -pixelTolerance {
				n++
			}
		}
	}
	return n, ab.Dx() * ab.Dy()
}

func grey(img image.Image, x, y int) int {
	r, g, b, _ := img.At(x, y).RGBA()
	return int((r + g + b) / 3 >> 8)
}
