package certificate

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// pageBackground draws what lies under every page's content: a faint diagonal watermark
// and the security line of micro-text along the top edge. gofpdf calls it at each
// AddPage, before the page's content.
func (p *proof) pageBackground() {
	pdf := p.pdf
	pdf.SetFont(fontFamily, "", 44)
	pdf.SetTextColor(238, 238, 238)
	cx, cy := p.pageW/2, p.pageH/2
	w := p.width(lblWatermark)
	pdf.TransformBegin()
	pdf.TransformRotate(30, cx, cy)
	p.text(cx-w/2, cy, lblWatermark)
	pdf.TransformEnd()
	p.securityLine(7)
	pdf.SetTextColor(0, 0, 0)
	pdf.SetFont(fontFamily, "", 10)
	if pdf.PageNo() > 1 {
		pdf.SetFont(fontFamily, "", 8)
		pdf.SetTextColor(90, 90, 90)
		pdf.SetXY(marginX, 9.5)
		p.cell(p.contentW()/2, 4, p.c.TitleZH+" "+lblContinued, "", 0, "L", false)
		p.cell(p.contentW()/2, 4, p.c.Code, "", 0, "R", false)
		pdf.SetTextColor(0, 0, 0)
		pdf.SetFont(fontFamily, "", 10)
		pdf.SetXY(marginX, marginTop)
	}
}

// pageFooter prints the page number and a second security line.
func (p *proof) pageFooter() {
	pdf := p.pdf
	pdf.SetFont(fontFamily, "", 9)
	pdf.SetTextColor(0, 0, 0)
	pdf.SetXY(marginX, p.pageH-16)
	n := pdf.PageNo()
	p.cell(p.contentW(), 5, fmt.Sprintf(lblPage, n, n), "", 0, "C", false)
	p.securityLine(p.pageH - 8)
}

// securityLine prints one line of micro-text across the page at y: the security
// phrase and the verification code repeated, in grey 3.6-point type. A copy or a scan
// turns it into a grey rule; altering it shows.
func (p *proof) securityLine(y float64) {
	pdf := p.pdf
	pdf.SetFont(fontFamily, "", 3.6)
	pdf.SetTextColor(150, 150, 150)
	unit := lblSecurity + p.c.Code + " · "
	n := int(p.contentW()/p.width(unit)) + 1
	line := strings.Repeat(unit, n)
	for p.width(line) > p.contentW() {
		_, size := utf8.DecodeLastRuneInString(line)
		line = line[:len(line)-size]
	}
	p.text(marginX, y, line)
	pdf.SetDrawColor(170, 170, 170)
	pdf.SetLineWidth(0.1)
	pdf.Line(marginX, y+0.8, p.pageW-marginX, y+0.8)
}
