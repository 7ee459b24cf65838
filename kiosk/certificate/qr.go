package certificate

import (
	"github.com/boombuler/barcode/qr"
)

// qr draws a QR code of text (error correction level M) as filled vector rectangles,
// size mm square with its quiet zone of four modules included, at (x, y). Drawing
// runs of dark modules keeps it sharp at any printer resolution and small in the PDF.
func (p *proof) qr(text string, x, y, size float64) error {
	code, err := qr.Encode(text, qr.M, qr.Auto)
	if err != nil {
		return err
	}
	n := code.Bounds().Dx()
	m := size / float64(n+8)
	pdf := p.pdf
	pdf.SetFillColor(0, 0, 0)
	row := make([]bool, n)
	for j := range n {
		for i := range row {
			r, _, _, _ := code.At(i, j).RGBA()
			row[i] = r < 0x8000
		}
		for i := 0; i < n; {
			if !row[i] {
				i++
				continue
			}
			k := i
			for k < n && row[k] {
				k++
			}
			pdf.Rect(x+float64(4+i)*m, y+float64(4+j)*m, float64(k-i)*m, m, "F")
			i = k
		}
	}
	return nil
}
