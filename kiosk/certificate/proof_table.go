package certificate

import (
	"strings"

	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// Table type sizes, in points, and spacing, in mm.
const (
	tableSize   = 8.5
	tableSizeEN = 6.5
	tableLH     = 4.0
	tableLHEN   = 3.0
	tablePad    = 1.2
)

// table prints a data table under its title. Rows never split; a row that does not fit
// goes to a new page, where the title (marked as continued) and the header row are
// printed again.
func (p *proof) table(t *centralapi.CertTable) {
	pdf := p.pdf
	widths := p.columnWidths(t)
	header := p.headerCells(t, widths)
	headerH := cellsHeight(header)
	rows := make([][]cellText, len(t.Rows))
	for i, row := range t.Rows {
		rows[i] = p.rowCells(row, widths)
	}
	first := headerH
	if len(rows) > 0 {
		first += cellsHeight(rows[0])
	}
	p.ensure(7 + first)
	p.tableTitle(t, false)
	p.tableRow(header, widths, true)
	if len(rows) == 0 {
		pdf.SetFont(fontFamily, "", tableSize)
		p.cell(p.contentW(), tableLH+2*tablePad, lblNoRows, "1", 1, "C", false)
	}
	for _, row := range rows {
		if p.ensure(cellsHeight(row)) {
			p.tableTitle(t, true)
			p.tableRow(header, widths, true)
		}
		p.tableRow(row, widths, false)
	}
	pdf.Ln(5)
}

func (p *proof) tableTitle(t *centralapi.CertTable, continued bool) {
	pdf := p.pdf
	pdf.SetFont(fontFamily, "", 11)
	title := bilingual(t.TitleZH, t.TitleEN)
	if continued {
		title += " " + lblContinued
	}
	p.cell(0, 7, title, "", 1, "L", false)
}

// cellText is a cell's wrapped lines: Chinese (or the value) and, in a header, English.
type cellText struct {
	zh, en []string
	right  bool // numbers are right-aligned
}

func (c cellText) height() float64 {
	return float64(len(c.zh))*tableLH + float64(len(c.en))*tableLHEN + 2*tablePad
}

func cellsHeight(cells []cellText) float64 {
	h := 0.0
	for _, c := range cells {
		h = max(h, c.height())
	}
	return h
}

func (p *proof) headerCells(t *centralapi.CertTable, widths []float64) []cellText {
	cells := make([]cellText, len(t.Columns))
	for i, col := range t.Columns {
		w := widths[i] - 2*tablePad
		p.pdf.SetFont(fontFamily, "", tableSize)
		cells[i].zh = p.lines(col.LabelZH, w)
		if col.LabelEN != "" && col.LabelEN != col.LabelZH {
			p.pdf.SetFont(fontFamily, "", tableSizeEN)
			cells[i].en = p.lines(col.LabelEN, w)
		}
	}
	return cells
}

func (p *proof) rowCells(row []string, widths []float64) []cellText {
	p.pdf.SetFont(fontFamily, "", tableSize)
	cells := make([]cellText, len(widths))
	for i := range widths {
		v := ""
		if i < len(row) {
			v = row[i]
		}
		cells[i] = cellText{zh: p.lines(v, widths[i]-2*tablePad), right: numeric(v)}
	}
	return cells
}

// tableRow draws one row of cells, header rows shaded and centred.
func (p *proof) tableRow(cells []cellText, widths []float64, header bool) {
	pdf := p.pdf
	h := cellsHeight(cells)
	x0, y := marginX, pdf.GetY()
	pdf.SetDrawColor(120, 120, 120)
	pdf.SetLineWidth(0.2)
	pdf.SetFillColor(236, 240, 245)
	x := x0
	for i, c := range cells {
		style := "D"
		if header {
			style = "FD"
		}
		pdf.Rect(x, y, widths[i], h, style)
		align := "L"
		switch {
		case header:
			align = "C"
		case c.right:
			align = "R"
		}
		w := widths[i] - 2*tablePad
		pdf.SetFont(fontFamily, "", tableSize)
		p.column(x+tablePad, y+tablePad, w, tableLH, c.zh, align)
		if len(c.en) > 0 {
			pdf.SetFont(fontFamily, "", tableSizeEN)
			pdf.SetTextColor(70, 70, 70)
			p.column(x+tablePad, y+tablePad+float64(len(c.zh))*tableLH, w, tableLHEN, c.en, align)
			pdf.SetTextColor(0, 0, 0)
		}
		x += widths[i]
	}
	pdf.SetXY(x0, y+h)
}

// columnWidths shares the page width among the columns: each gets its natural width
// (its widest cell or label on one line) when they all fit, stretched to fill the
// line; otherwise each keeps at least its longest unbreakable piece (and room for five
// Chinese characters, if it has that much text) and the rest of the room is shared in proportion to what each would still need.
func (p *proof) columnWidths(t *centralapi.CertTable) []float64 {
	n := len(t.Columns)
	natural := make([]float64, n)
	least := make([]float64, n)
	body := make([]float64, n) // natural width of the cells alone, without the header
	measure := func(i int, s string, size float64) {
		p.pdf.SetFont(fontFamily, "", size)
		natural[i] = max(natural[i], p.width(s)+2*tablePad)
		if size == tableSize {
			body[i] = max(body[i], p.width(s)+2*tablePad)
		}
		for _, a := range atoms(s) {
			least[i] = max(least[i], p.width(a.text)+2*tablePad)
		}
	}
	for i, col := range t.Columns {
		measure(i, col.LabelZH, tableSize)
		measure(i, col.LabelEN, tableSizeEN)
		body[i] = 0
		for _, row := range t.Rows {
			if i < len(row) {
				measure(i, row[i], tableSize)
			}
		}
	}
	// Text columns (names of employers, addresses) keep room for a few characters a
	// line rather than wrapping into a tall column of one or two.
	p.pdf.SetFont(fontFamily, "", tableSize)
	few := 5*p.width("国") + 2*tablePad
	for i := range least {
		least[i] = max(least[i], min(body[i], few))
	}
	avail := p.contentW()
	sumNat, sumLeast := sum(natural), sum(least)
	widths := make([]float64, n)
	for i := range widths {
		switch {
		case sumNat <= avail:
			widths[i] = natural[i] * avail / sumNat
		case sumLeast < avail:
			widths[i] = least[i] + (natural[i]-least[i])*(avail-sumLeast)/(sumNat-sumLeast)
		default:
			widths[i] = least[i] * avail / sumLeast
		}
	}
	return widths
}

func sum(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}

// numeric reports a cell holding an amount, a count or a percentage ("-12.50",
// "303", "12%"), printed right-aligned; dates and codes are not.
func numeric(s string) bool {
	s = strings.TrimSuffix(strings.TrimPrefix(s, "-"), "%")
	if s == "" || strings.Count(s, ".") > 1 {
		return false
	}
	return strings.Trim(s, "0123456789.") == "" && s[0] != '.'
}
