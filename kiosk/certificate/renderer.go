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
