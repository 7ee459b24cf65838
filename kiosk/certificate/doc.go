// Package certificate renders the printable proofs to A4 PDFs with gofpdf
// (codeberg.org/go-pdf/fpdf) and the shared CJK font: the 31 proof types from central's
// structured data (Renderer.Proof), the technician's test page and the sample proof.
//
// It owns the proofs' layout (proof*.go), Chinese line breaking (linebreak.go), the
// glyph coverage check that refuses text the font cannot show (glyphs.go), the QR code
// (qr.go) and the font subsetting that spares gofpdf from parsing the whole CJK font for
// every document (sfnt.go, subset.go). See docs/certificate.md.
package certificate
