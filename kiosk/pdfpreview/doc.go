// Package pdfpreview draws the first page of a proof for the print preview with poppler's
// pdftoppm, and counts its pages with pdfinfo. The PDF goes to the tools on a pipe and
// the picture comes back on one: nothing touches a file. Without poppler-utils it says
// so (ErrUnavailable) and the kiosk prints without a preview. docs/certificate.md says
// why poppler rather than a Go renderer.
package pdfpreview
