package certificate

import (
	"bytes"
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/govkiosk/kiosk/devices"
)

const fontFamily = "cjk"

// Renderer renders proofs with one CJK TrueType font.
type Renderer struct {
	font []byte
}

// NewRenderer returns a renderer using ttf, a standalone TrueType font (see package fonts).
func NewRenderer(ttf []byte) *Renderer { return &Renderer{font: ttf} }

// Placeholder renders the sample proof for a card: the citizen's masked name and number,
// the card type and the time, marked as a sample with no legal value.
func (r *Renderer) Placeholder(card *devices.Card, lang string, now time.Time) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetTitle("placeholder proof", true)
	pdf.SetCreator("kiosk", true)
	pdf.SetCreationDate(now)
	pdf.SetModificationDate(now)
	pdf.AddUTF8FontFromBytes(fontFamily, "", r.font)
	pdf.AddPage()

	pdf.SetFont(fontFamily, "", 22)
	pdf.CellFormat(0, 14, "个人参保证明（示例）", "", 1, "C", false, 0, "")
	pdf.SetFont(fontFamily, "", 12)
	pdf.CellFormat(0, 8, "Personal social insurance participation proof (sample)", "", 1, "C", false, 0, "")
	pdf.Ln(10)

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
	pdf.SetFont(fontFamily, "", 14)
	for _, row := range rows {
		pdf.CellFormat(60, 10, row[0], "1", 0, "L", false, 0, "")
		pdf.CellFormat(0, 10, row[1], "1", 1, "L", false, 0, "")
	}
	pdf.Ln(12)
	pdf.SetTextColor(180, 0, 0)
	pdf.MultiCell(0, 8, "示例文件，不具证明效力。Sample only: this document proves nothing.", "", "C", false)

	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("certificate: render placeholder: %w", err)
	}
	return buf.Bytes(), nil
}

// TestPage renders the A4 test page a technician prints from kioskctl: the printer's
// name, the time, Chinese and Latin text in the CJK font, and alignment marks.
func (r *Renderer) TestPage(printer string, now time.Time) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetTitle("test page", true)
	pdf.SetCreationDate(now)
	pdf.SetModificationDate(now)
	pdf.AddUTF8FontFromBytes(fontFamily, "", r.font)
	pdf.AddPage()
	pdf.SetFont(fontFamily, "", 22)
	pdf.CellFormat(0, 14, "打印机测试页 Printer test page", "", 1, "C", false, 0, "")
	pdf.SetFont(fontFamily, "", 14)
	pdf.CellFormat(0, 10, "打印机 Printer: "+printer, "", 1, "L", false, 0, "")
	pdf.CellFormat(0, 10, "时间 Time: "+now.Format("2006-01-02 15:04:05"), "", 1, "L", false, 0, "")
	pdf.CellFormat(0, 10, "中文字体：政务服务自助终端 喆堃赟燊 0123456789", "", 1, "L", false, 0, "")
	// Corner marks 10 mm from each edge show the printable area and alignment.
	w, h := pdf.GetPageSize()
	for _, c := range [][2]float64{{10, 10}, {w - 10, 10}, {10, h - 10}, {w - 10, h - 10}} {
		pdf.Line(c[0]-5, c[1], c[0]+5, c[1])
		pdf.Line(c[0], c[1]-5, c[0], c[1]+5)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("certificate: render test page: %w", err)
	}
	return buf.Bytes(), nil
}
