package certificate

import (
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// Placeholder renders the sample proof for a card: the citizen's masked name and number,
// the card type and the time, marked as a sample with no legal value.
func (r *Renderer) Placeholder(card *devices.Card, lang string, now time.Time) ([]byte, error) {
	name := card.Name
	if name == "" {
		name = card.NameEN
	}
	rows := [][2]string{
		{"姓名 Name", devices.MaskName(name)},
		{"证件号码 ID number", devices.MaskNumber(card.Number)},
		{"证件类型 Card type", string(card.Type)},
		{"打印时间 Printed", now.Format("2006-01-02 15:04")},
	}
	const (
		title   = "个人参保证明（示例）"
		titleEN = "Personal social insurance participation proof (sample)"
		warning = "示例文件，不具证明效力。Sample only: this document proves nothing."
	)
	if err := r.load(); err != nil {
		return nil, err
	}
	g := glyphCheck{r: r}
	g.check("name", rows[0][1])
	g.check("card type", rows[2][1])
	if g.err != nil {
		return nil, g.err
	}
	texts := []string{title, titleEN, warning}
	for _, row := range rows {
		texts = append(texts, row[0], row[1])
	}
	d, err := r.newDocument("P", texts, now)
	if err != nil {
		return nil, err
	}
	pdf := d.pdf
	pdf.SetTitle("placeholder proof", true)
	pdf.AddPage()
	pdf.SetFont(fontFamily, "", 22)
	d.cell(0, 14, title, "", 1, "C", false)
	pdf.SetFont(fontFamily, "", 12)
	d.cell(0, 8, titleEN, "", 1, "C", false)
	pdf.Ln(10)
	pdf.SetFont(fontFamily, "", 14)
	for _, row := range rows {
		d.cell(60, 10, row[0], "1", 0, "L", false)
		d.cell(0, 10, row[1], "1", 1, "L", false)
	}
	pdf.Ln(12)
	pdf.SetTextColor(180, 0, 0)
	for _, l := range d.lines(warning, 180) {
		d.cell(0, 8, l, "", 1, "C", false)
	}
	return d.output("placeholder")
}
