package certificate

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// Page geometry, in mm.
const (
	marginX      = 15.0
	marginTop    = 16.0
	marginBottom = 22.0 // room for the page number and the security line
	wideTable    = 8    // a table with more columns than this turns the page to landscape
)

// chinaTime is the time printed on proofs: the city's, UTC+8 all year.
var chinaTime = time.FixedZone("CST", 8*3600)

// Proof renders a proof central issued (POST /v1/certificates) as an A4 PDF: title,
// issuing department, the holder's name and ID number as on the citizen's own paper,
// the labelled fields, the tables (running over as many pages as they need, the header
// row repeated on each), the notes, issue time, data-as-of date, validity, verification
// code, a QR code to the verification URL, a security line and watermark on every page,
// and "第 1 页 共 N 页". Labels are bilingual, Chinese first; lang ("zh" or "en") sets
// the PDF's language and title in its metadata. now is the printing time.
//
// Every text is checked against the font first: a character the font lacks gives an
// error wrapping ErrMissingGlyph that names the field and never its value.
func (r *Renderer) Proof(c *centralapi.Certificate, lang string, now time.Time) ([]byte, error) {
	if c == nil {
		return nil, errors.New("certificate: proof: no certificate")
	}
	if err := r.load(); err != nil {
		return nil, err
	}
	texts, err := r.checkProof(c)
	if err != nil {
		return nil, err
	}
	orientation := "P"
	for _, t := range c.Tables {
		if len(t.Columns) > wideTable {
			orientation = "L"
		}
	}
	d, err := r.newDocument(orientation, append(texts, proofTimes(c, now)...), now)
	if err != nil {
		return nil, err
	}
	p := &proof{document: d, c: c}
	p.setup(lang)
	p.pdf.AddPage()
	p.heading()
	p.holderAndFields()
	for i := range c.Tables {
		p.table(&c.Tables[i])
	}
	p.notes()
	p.closing(now)
	return d.output("proof " + c.ItemCode)
}

// proof is one proof being laid out.
type proof struct {
	*document
	c      *centralapi.Certificate
	pageW  float64
	pageH  float64
	bottom float64 // lowest y content may reach
}

func (p *proof) setup(lang string) {
	pdf := p.pdf
	p.pageW, p.pageH = pdf.GetPageSize()
	p.bottom = p.pageH - marginBottom
	pdf.SetMargins(marginX, marginTop, marginX)
	pdf.SetAutoPageBreak(false, marginBottom)
	if lang == "en" {
		pdf.SetLang("en")
		pdf.SetTitle(p.c.TitleEN, true)
	} else {
		pdf.SetLang("zh-CN")
		pdf.SetTitle(p.c.TitleZH, true)
	}
	pdf.SetSubject(p.c.ItemCode, true)
	pdf.SetHeaderFuncMode(p.pageBackground, true)
	pdf.SetFooterFunc(p.pageFooter)
}

// contentW is the width between the margins.
func (p *proof) contentW() float64 { return p.pageW - 2*marginX }

// ensure starts a new page unless h mm still fit above the bottom margin, and reports
// whether it did.
func (p *proof) ensure(h float64) bool {
	if p.pdf.GetY()+h <= p.bottom {
		return false
	}
	p.pdf.AddPage()
	return true
}

// heading prints the title in both languages and the issuing department.
func (p *proof) heading() {
	pdf, c := p.pdf, p.c
	pdf.SetTextColor(0, 0, 0)
	pdf.SetFont(fontFamily, "", 20)
	for _, l := range p.lines(c.TitleZH, p.contentW()) {
		p.cell(0, 10, l, "", 1, "C", false)
	}
	if c.TitleEN != "" {
		pdf.SetFont(fontFamily, "", 11)
		pdf.SetTextColor(60, 60, 60)
		for _, l := range p.lines(c.TitleEN, p.contentW()) {
			p.cell(0, 6, l, "", 1, "C", false)
		}
	}
	pdf.SetFont(fontFamily, "", 9)
	pdf.SetTextColor(60, 60, 60)
	dept := c.DepartmentZH
	if c.DepartmentEN != "" {
		dept += "  " + c.DepartmentEN
	}
	for _, l := range p.lines(dept, p.contentW()) {
		p.cell(0, 5, l, "", 1, "C", false)
	}
	pdf.SetTextColor(0, 0, 0)
	pdf.Ln(4)
}

// holderAndFields prints the holder's details and the labelled fields as one
// two-column grid, labels shaded.
func (p *proof) holderAndFields() {
	c := p.c
	rows := [][2]string{{lblName, c.Holder.Name}}
	if c.Holder.NameEN != "" {
		rows = append(rows, [2]string{lblNameEN, c.Holder.NameEN})
	}
	rows = append(rows, [2]string{lblID, c.Holder.IDNumber})
	for _, f := range c.Fields {
		rows = append(rows, [2]string{bilingual(f.LabelZH, f.LabelEN), f.Value})
	}
	p.grid(rows)
	p.pdf.Ln(5)
}

// bilingual joins a Chinese and an English label, Chinese first. Where the "Chinese"
// label is the start of the English one (central labels the English version of a
// result "Result" / "Result (English)"), the English label alone is printed.
func bilingual(zh, en string) string {
	switch {
	case en == "" || en == zh:
		return zh
	case zh == "" || strings.HasPrefix(en, zh):
		return en
	}
	return zh + " " + en
}

// grid prints label and value rows, each as tall as its wrapped text.
func (p *proof) grid(rows [][2]string) {
	const lh, pad = 5.0, 1.5
	pdf := p.pdf
	pdf.SetFont(fontFamily, "", 10)
	labelW := 0.34 * p.contentW()
	valueW := p.contentW() - labelW
	pdf.SetDrawColor(120, 120, 120)
	pdf.SetLineWidth(0.2)
	for _, row := range rows {
		label := p.lines(row[0], labelW-2*pad)
		value := p.lines(row[1], valueW-2*pad)
		h := float64(max(len(label), len(value)))*lh + 2*pad
		p.ensure(h)
		x, y := pdf.GetX(), pdf.GetY()
		pdf.SetFillColor(236, 240, 245)
		pdf.Rect(x, y, labelW, h, "FD")
		pdf.Rect(x+labelW, y, valueW, h, "D")
		p.column(x+pad, y+pad, labelW-2*pad, lh, label, "L")
		p.column(x+labelW+pad, y+pad, valueW-2*pad, lh, value, "L")
		pdf.SetXY(x, y+h)
	}
}

// column prints lines one under the other from (x, y).
func (p *proof) column(x, y, w, lh float64, lines []string, align string) {
	for i, l := range lines {
		p.pdf.SetXY(x, y+float64(i)*lh)
		p.cell(w, lh, l, "", 0, align, false)
	}
}

// notes prints the notes, Chinese then English, wrapped with the Chinese rules.
func (p *proof) notes() {
	c := p.c
	if c.NoteZH == "" && c.NoteEN == "" {
		return
	}
	const lh = 4.6
	pdf := p.pdf
	pdf.SetFont(fontFamily, "", 9)
	var lines []string
	for _, n := range []string{c.NoteZH, c.NoteEN} {
		if n != "" {
			lines = append(lines, p.lines(n, p.contentW()-4)...)
		}
	}
	p.ensure(lh * float64(len(lines)+1))
	p.cell(0, lh, lblNote, "", 1, "L", false)
	pdf.SetTextColor(40, 40, 40)
	for _, l := range lines {
		pdf.SetX(marginX + 4)
		p.cell(0, lh, l, "", 1, "L", false)
	}
	pdf.SetTextColor(0, 0, 0)
	pdf.Ln(3)
}

// proofTimes formats the dates and times a proof prints.
func proofTimes(c *centralapi.Certificate, now time.Time) []string {
	return []string{
		c.IssuedAt.In(chinaTime).Format("2006-01-02 15:04") + " " + lblZone,
		c.ValidUntil.In(chinaTime).Format("2006-01-02"),
		now.In(chinaTime).Format("2006-01-02 15:04") + " " + lblZone,
	}
}

// closing prints the block that ends every proof: issuer, times, verification code
// and URL beside the QR code. It is kept on one page.
func (p *proof) closing(now time.Time) {
	const lh, qrSize = 5.2, 34.0
	c := p.c
	pdf := p.pdf
	times := proofTimes(c, now)
	rows := [][2]string{
		{lblIssuedBy, bilingual(c.DepartmentZH, c.DepartmentEN)},
		{lblIssuedAt, times[0]},
		{lblDataAsOf, c.DataAsOf},
		{lblValid, times[1]},
		{lblPrinted, times[2]},
		{lblCode, c.Code},
		{lblVerifyAt, c.VerifyURL},
	}
	pdf.SetFont(fontFamily, "", 9.5)
	textW := p.contentW() - qrSize - 8
	labelW := 42.0
	var lines [][]string
	n := 0
	for _, row := range rows {
		l := p.lines(row[1], textW-labelW)
		lines = append(lines, l)
		n += len(l)
	}
	h := max(float64(n)*lh, qrSize+6) + 4
	p.ensure(h)
	x, y := marginX, pdf.GetY()
	pdf.SetDrawColor(120, 120, 120)
	pdf.Line(x, y, x+p.contentW(), y)
	y += 3
	ty := y
	for i, row := range rows {
		p.column(x, ty, labelW, lh, []string{row[0]}, "L")
		if row[0] == lblCode {
			pdf.SetFont(fontFamily, "", 12)
		}
		p.column(x+labelW, ty, textW-labelW, lh, lines[i], "L")
		pdf.SetFont(fontFamily, "", 9.5)
		ty += float64(len(lines[i])) * lh
	}
	qx := x + p.contentW() - qrSize
	if err := p.qr(c.VerifyURL, qx, y, qrSize); err != nil && p.err == nil {
		p.err = fmt.Errorf("qr code: %w", err)
	}
	pdf.SetFont(fontFamily, "", 8)
	pdf.SetXY(qx-4, y+qrSize+0.5)
	p.cell(qrSize+8, 4, lblScan, "", 1, "C", false)
	pdf.SetXY(x, y+h)
}
