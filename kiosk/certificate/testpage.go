package certificate

import "time"

// TestPage renders the A4 test page a technician prints from kioskctl: the printer's
// name, the time, Chinese and Latin text in the CJK font, and alignment marks.
func (r *Renderer) TestPage(printer string, now time.Time) ([]byte, error) {
	lines := []string{
		"打印机 Printer: " + printer,
		"时间 Time: " + now.Format("2006-01-02 15:04:05"),
		"中文字体：政务服务自助终端 喆堃赟燊 0123456789",
	}
	const title = "打印机测试页 Printer test page"
	if err := r.load(); err != nil {
		return nil, err
	}
	g := glyphCheck{r: r}
	g.check("printer name", printer)
	if g.err != nil {
		return nil, g.err
	}
	d, err := r.newDocument("P", append(lines, title), now)
	if err != nil {
		return nil, err
	}
	pdf := d.pdf
	pdf.SetTitle("test page", true)
	pdf.AddPage()
	pdf.SetFont(fontFamily, "", 22)
	d.cell(0, 14, title, "", 1, "C", false)
	pdf.SetFont(fontFamily, "", 14)
	for _, l := range lines {
		d.cell(0, 10, l, "", 1, "L", false)
	}
	// Corner marks 10 mm from each edge show the printable area and alignment.
	w, h := pdf.GetPageSize()
	for _, c := range [][2]float64{{10, 10}, {w - 10, 10}, {10, h - 10}, {w - 10, h - 10}} {
		pdf.Line(c[0]-5, c[1], c[0]+5, c[1])
		pdf.Line(c[0], c[1]-5, c[0], c[1]+5)
	}
	return d.output("test page")
}
