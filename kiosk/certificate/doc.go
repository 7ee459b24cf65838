// Package certificate renders the printable proofs to A4 PDFs with gofpdf
// (codeberg.org/go-pdf/fpdf) and the shared CJK font.
//
// For now it renders one placeholder proof that shows the journey works end to end; the
// 31 proof types rendered from central's data replace it.
package certificate
