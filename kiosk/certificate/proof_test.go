package certificate

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Every printable proof, issued by the reference server, renders to an A4 PDF under
// 100 KB a page whose text (pdftotext -layout) matches its golden file and shows the
// title, department, holder, ID number, every field and cell, the verification code
// and URL, and "第 i 页 共 N 页" on each page.
func TestProofsText(t *testing.T) {
	r := renderer(t)
	needPoppler(t)
	for _, p := range issueAll(t) {
		t.Run(slug(p.item), func(t *testing.T) {
			pdf, err := r.Proof(p.cert, "zh", printTime)
			if err != nil {
				t.Fatal(err)
			}
			pages := pageCount(t, pdf)
			if len(pdf) > 100_000*pages {
				t.Errorf("%d bytes for %d page(s)", len(pdf), pages)
			}
			text := pdfText(t, pdf, "-layout", "-nodiag")
			golden(t, filepath.Join("testdata", "text", slug(p.item)+".txt"), text)

			// In content order (-raw) the lines of a wrapped cell follow each other.
			flat := flatten(pdfText(t, pdf, "-raw", "-nodiag"))
			want := []string{p.cert.TitleZH, p.cert.TitleEN, p.cert.DepartmentZH, p.cert.Holder.Name,
				p.cert.Holder.IDNumber, p.cert.Code, p.cert.VerifyURL, p.cert.DataAsOf, "2026-11-27 10:00", "2027-02-25"}
			for _, f := range p.cert.Fields {
				want = append(want, f.LabelZH, f.Value)
			}
			for _, tb := range p.cert.Tables {
				want = append(want, tb.TitleZH)
				for _, row := range tb.Rows {
					want = append(want, row...)
				}
			}
			for _, w := range want {
				if !strings.Contains(flat, flatten(w)) {
					t.Errorf("text lacks %q", w)
				}
			}
			for i := 1; i <= pages; i++ {
				if n := fmt.Sprintf("第 %d 页 共 %d 页", i, pages); !strings.Contains(text, n) {
					t.Errorf("no %q", n)
				}
			}
		})
	}
}

// The longest proof runs over several pages: each page repeats the table's header row
// and title, and is numbered "第 i 页 共 N 页"; no row is lost or printed twice.
func TestProofMultiPage(t *testing.T) {
	r := renderer(t)
	needPoppler(t)
	p := byName(t, issueAll(t), "五险一金缴纳明细")
	tb := p.cert.Tables[0]
	if len(tb.Rows) != 36 {
		t.Fatalf("%d rows, want 36 months", len(tb.Rows))
	}
	pdf, err := r.Proof(p.cert, "zh", printTime)
	if err != nil {
		t.Fatal(err)
	}
	pages := pageCount(t, pdf)
	if pages < 3 {
		t.Fatalf("%d pages; 36 months of 15 columns should take more", pages)
	}
	seen := map[string]int{}
	for i := 1; i <= pages; i++ {
		text := pdfText(t, pdf, "-layout", "-nodiag", "-f", fmt.Sprint(i), "-l", fmt.Sprint(i))
		if n := fmt.Sprintf("第 %d 页 共 %d 页", i, pages); !strings.Contains(text, n) {
			t.Errorf("page %d lacks %q", i, n)
		}
		rows := 0
		for _, row := range tb.Rows {
			if strings.Contains(text, row[0]+" ") {
				seen[row[0]]++
				rows++
			}
		}
		if rows == 0 {
			continue // the closing block alone
		}
		flat := flatten(pdfText(t, pdf, "-raw", "-nodiag", "-f", fmt.Sprint(i), "-l", fmt.Sprint(i)))
		for _, h := range []string{"年月", "Month", "缴费基数", "住房公积金(个人)"} {
			if !strings.Contains(flat, h) {
				t.Errorf("page %d has %d rows but no header %q", i, rows, h)
			}
		}
		if i > 1 && !strings.Contains(text, lblContinued) {
			t.Errorf("page %d does not mark the table as continued", i)
		}
	}
	for _, row := range tb.Rows {
		if seen[row[0]] != 1 {
			t.Errorf("month %s printed %d times", row[0], seen[row[0]])
		}
	}
}

// Pages rendered at 40 dpi match reference images: a one-page proof with a table, one
// with fields only, and the first two pages of the multi-page one.
func TestProofImages(t *testing.T) {
	r := renderer(t)
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm is not installed (.ci/run installs poppler-utils)")
	}
	all := issueAll(t)
	for _, name := range []string{"个人参保证明", "无犯罪记录证明", "五险一金缴纳明细"} {
		p := byName(t, all, name)
		pdf, err := r.Proof(p.cert, "zh", printTime)
		if err != nil {
			t.Fatal(err)
		}
		for i, img := range pageImages(t, pdf, 2) {
			compareImage(t, filepath.Join("testdata", "png", fmt.Sprintf("%s-%d.png", slug(p.item), i+1)), img)
		}
	}
}

// A character the font lacks stops the rendering with an error that names the field
// and holds neither the text nor the holder's name or number.
func TestProofMissingGlyph(t *testing.T) {
	r := renderer(t)
	if err := r.load(); err != nil {
		t.Fatal(err)
	}
	const absent = "\U0001F600" // an emoji: not in a CJK text font
	if r.missing(absent) == 0 {
		t.Fatal("the font has the test's absent character; pick another")
	}
	base := byName(t, issueAll(t), "五险一金缴纳明细").cert
	cases := []struct {
		field string
		edit  func(c *centralapi.Certificate)
	}{
		{"holder.name", func(c *centralapi.Certificate) { c.Holder.Name = "陈" + absent + "玲" }},
		{"holder.id_number", func(c *centralapi.Certificate) { c.Holder.IDNumber += absent }},
		{"fields[0].value (查询期间)", func(c *centralapi.Certificate) { c.Fields[0].Value += absent }},
		{"tables[0].rows[3][1]", func(c *centralapi.Certificate) { c.Tables[0].Rows[3][1] += absent }},
		{"tables[0].columns[2].label_en", func(c *centralapi.Certificate) { c.Tables[0].Columns[2].LabelEN += absent }},
		{"note_zh", func(c *centralapi.Certificate) { c.NoteZH += absent }},
		{"title_zh", func(c *centralapi.Certificate) { c.TitleZH = absent }},
	}
	for _, tc := range cases {
		c := cloneCert(base)
		tc.edit(c)
		_, err := r.Proof(c, "zh", printTime)
		if !errors.Is(err, ErrMissingGlyph) {
			t.Errorf("%s: err = %v, want ErrMissingGlyph", tc.field, err)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, tc.field+":") {
			t.Errorf("%s: error %q does not name the field", tc.field, msg)
		}
		for _, secret := range []string{absent, base.Holder.Name, base.Holder.IDNumber, "陈", "深圳"} {
			if strings.Contains(msg, secret) {
				t.Errorf("%s: error %q holds %q", tc.field, msg, secret)
			}
		}
	}
}

// A text the layout draws that was left out of the document's font subset is an
// error, not a blank.
func TestDrawOutsideSubset(t *testing.T) {
	r := renderer(t)
	d, err := r.newDocument("P", []string{"甲"}, printTime)
	if err != nil {
		t.Fatal(err)
	}
	d.pdf.AddPage()
	d.cell(0, 5, "甲", "", 1, "L", false)
	if d.err != nil {
		t.Fatalf("a character in the subset refused: %v", d.err)
	}
	d.cell(0, 5, "乙", "", 1, "L", false)
	if _, err := d.output("test"); !errors.Is(err, errNotInSubset) {
		t.Errorf("err = %v, want errNotInSubset", err)
	}
}

func cloneCert(c *centralapi.Certificate) *centralapi.Certificate {
	n := *c
	n.Fields = append([]centralapi.CertField(nil), c.Fields...)
	n.Tables = append([]centralapi.CertTable(nil), c.Tables...)
	for i := range n.Tables {
		n.Tables[i].Columns = append([]centralapi.Column(nil), c.Tables[i].Columns...)
		n.Tables[i].Rows = make([][]string, len(c.Tables[i].Rows))
		for j, row := range c.Tables[i].Rows {
			n.Tables[i].Rows[j] = append([]string(nil), row...)
		}
	}
	return &n
}

// flatten drops every space, so that text wrapped over lines or spread over columns
// can be searched.
func flatten(s string) string { return strings.Join(strings.Fields(s), "") }

var blanks = regexp.MustCompile(`[ \t]+`)

// normalise collapses runs of blanks and drops empty lines: pdftotext -layout spaces
// columns a little differently from one poppler version to the next.
func normalise(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(blanks.ReplaceAllString(l, " ")); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// golden compares text with a golden file, normalised; -update rewrites the file.
func golden(t *testing.T, path, text string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if normalise(string(want)) != normalise(text) {
		t.Errorf("text differs from %s (go test -update rewrites it):\n--- got\n%s", path, text)
	}
}

func needPoppler(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (.ci/run installs poppler-utils)", tool)
		}
	}
}

func writeTemp(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`)

func pageCount(t *testing.T, pdf []byte) int {
	t.Helper()
	out, err := exec.Command("pdfinfo", writeTemp(t, pdf)).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := pagesLine.FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", out)
	}
	n := 0
	fmt.Sscan(string(m[1]), &n)
	return n
}

// pdfText extracts a PDF's text with pdftotext and the given options.
func pdfText(t *testing.T, pdf []byte, opts ...string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (.ci/run installs poppler-utils)")
	}
	var stderr bytes.Buffer
	cmd := exec.Command("pdftotext", append(opts, writeTemp(t, pdf), "-")...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("pdftotext: %v %s", err, stderr.String())
	}
	return string(out)
}

// One Renderer serves concurrent sessions: the font is parsed once and shared, and
// the same certificate renders to the same bytes every time.
func TestProofConcurrent(t *testing.T) {
	r := renderer(t)
	c := byName(t, issueAll(t), "个人参保证明").cert
	want, err := r.Proof(c, "zh", printTime)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			got, err := r.Proof(c, "zh", printTime)
			if err == nil && !bytes.Equal(got, want) {
				err = errors.New("different bytes for the same certificate")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// lang sets the document's title and language in its metadata; the page is the same
// bilingual proof.
func TestProofLanguage(t *testing.T) {
	r := renderer(t)
	needPoppler(t)
	c := byName(t, issueAll(t), "无犯罪记录证明").cert
	for lang, title := range map[string]string{"zh": c.TitleZH, "en": c.TitleEN} {
		pdf, err := r.Proof(c, lang, printTime)
		if err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdfinfo", writeTemp(t, pdf)).Output()
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`(?m)^Title:\s+` + regexp.QuoteMeta(title) + `$`).Match(out) {
			t.Errorf("%s: pdfinfo:\n%s", lang, out)
		}
		if !strings.Contains(flatten(pdfText(t, pdf, "-raw")), flatten(c.TitleZH+c.TitleEN)) {
			t.Errorf("%s: the page is not the bilingual proof", lang)
		}
	}
}
