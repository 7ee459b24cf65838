package certificate

import (
	"testing"
)

// Benchmarks: time, allocations and size of a one-page proof (个人参保证明, a 5-row
// table) and a multi-page one (五险一金缴纳明细 over 36 months, 15 columns, landscape),
// with the per-document font subset and, for comparison, with the whole font handed to
// gofpdf as before (it parses all 49 531 glyphs' cmap, hmtx and loca for every
// document). go test -run '^$' -bench Proof -benchmem ./kiosk/certificate/
func BenchmarkProof(b *testing.B) {
	r := renderer(b)
	whole := NewRenderer(r.ttf)
	whole.wholeFont = true
	all := issueAll(b)
	for _, tc := range []struct {
		name, proof string
		r           *Renderer
	}{
		{"one-page", "个人参保证明", r},
		{"multi-page", "五险一金缴纳明细", r},
		{"one-page/whole-font", "个人参保证明", whole},
		{"multi-page/whole-font", "五险一金缴纳明细", whole},
	} {
		c := byName(b, all, tc.proof).cert
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			size := 0
			for b.Loop() {
				pdf, err := tc.r.Proof(c, "zh", printTime)
				if err != nil {
					b.Fatal(err)
				}
				size = len(pdf)
			}
			b.ReportMetric(float64(size), "pdf-bytes")
		})
	}
}

// BenchmarkLoad is the one-off cost of a Renderer's first document: parsing the font's
// coverage and the tables subsets are made from.
func BenchmarkLoad(b *testing.B) {
	ttf := renderer(b).ttf
	b.ReportAllocs()
	for b.Loop() {
		if err := NewRenderer(ttf).load(); err != nil {
			b.Fatal(err)
		}
	}
}
