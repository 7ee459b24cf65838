package certificate

import (
	"fmt"

	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// checkProof checks every text of a certificate against the font before anything is
// drawn and returns them all (for the font subset). An error names the field by its
// JSON path, and by its label for a value, never by the value.
func (r *Renderer) checkProof(c *centralapi.Certificate) ([]string, error) {
	g := glyphCheck{r: r}
	texts := make([]string, 0, 64)
	add := func(field, s string) {
		g.check(field, s)
		texts = append(texts, s)
	}
	add("title_zh", c.TitleZH)
	add("title_en", c.TitleEN)
	add("department_zh", c.DepartmentZH)
	add("department_en", c.DepartmentEN)
	add("data_as_of", c.DataAsOf)
	add("holder.name", c.Holder.Name)
	add("holder.name_en", c.Holder.NameEN)
	add("holder.id_number", c.Holder.IDNumber)
	for i, f := range c.Fields {
		add(fmt.Sprintf("fields[%d].label_zh", i), f.LabelZH)
		add(fmt.Sprintf("fields[%d].label_en", i), f.LabelEN)
		add(fmt.Sprintf("fields[%d].value (%s)", i, f.LabelZH), f.Value)
	}
	for i, t := range c.Tables {
		add(fmt.Sprintf("tables[%d].title_zh", i), t.TitleZH)
		add(fmt.Sprintf("tables[%d].title_en", i), t.TitleEN)
		for j, col := range t.Columns {
			add(fmt.Sprintf("tables[%d].columns[%d].label_zh", i, j), col.LabelZH)
			add(fmt.Sprintf("tables[%d].columns[%d].label_en", i, j), col.LabelEN)
		}
		for k, row := range t.Rows {
			for j, cell := range row {
				add(fmt.Sprintf("tables[%d].rows[%d][%d]", i, k, j), cell)
			}
		}
	}
	add("note_zh", c.NoteZH)
	add("note_en", c.NoteEN)
	add("code", c.Code)
	add("verify_url", c.VerifyURL)
	return texts, g.err
}
