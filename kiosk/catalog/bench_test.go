package catalog_test

import (
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/kiosk/catalog"
)

// benchQueries are what citizens type, keystroke by keystroke included.
var benchQueries = []string{
	"s", "sb", "sbz", "sbzm", "shebao", "gerencanbaozhengming", "grcbzm",
	"h", "hj", "hjzm", "户", "户籍", "户籍证明", "社保证明", "公积金",
	"gjj", "gongjijin", "yibao", "pension", "housing provident fund", "no criminal record",
	"HRSS-0001", "PSB-00", "txz", "wanglaigangaotongxingzheng", "zhongdianjianshe",
	"营业执照", "yyzz", "x", "zzzzzzzz",
}

// BenchmarkSearch measures one search over the 1488 items per query, and reports the
// 50th and 99th percentiles of the single-query latency.
func BenchmarkSearch(b *testing.B) {
	c := indexed(b)
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		q := benchQueries[i%len(benchQueries)]
		start := time.Now()
		c.Search(q, 20)
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Nanoseconds()) / 1e3 }
	b.ReportMetric(pct(0.50), "p50-µs")
	b.ReportMetric(pct(0.99), "p99-µs")
	b.ReportMetric(pct(1.0), "max-µs")
}

// BenchmarkIndex measures building the index of one catalog version and the heap it
// keeps.
func BenchmarkIndex(b *testing.B) {
	cat, _ := reference(b)
	var keep *catalog.Catalog
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for b.Loop() {
		keep = catalog.New(cat, `"x"`, time.Time{})
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	keep.Search("x", 1) // keep alive through the measurement
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "index-MiB")
}

// BenchmarkRefreshUnchanged measures a refresh of an unchanged catalog against the real
// reference server over loopback: one 304, nothing decoded, indexed or written.
func BenchmarkRefreshUnchanged(b *testing.B) {
	_, _, client := centralUp(b)
	s, err := catalog.Open(b.TempDir(), client, catalog.Options{Logger: quiet()})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Refresh(ctx(b)); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if r, err := s.Refresh(ctx(b)); err != nil || r.Changed {
			b.Fatal(r, err)
		}
	}
}

// BenchmarkRefreshChanged measures the first fetch: download, decode, index, cache.
func BenchmarkRefreshChanged(b *testing.B) {
	_, _, client := centralUp(b)
	for b.Loop() {
		s, err := catalog.Open(b.TempDir(), client, catalog.Options{Logger: quiet()})
		if err != nil {
			b.Fatal(err)
		}
		if r, err := s.Refresh(ctx(b)); err != nil || !r.Changed {
			b.Fatal(r, err)
		}
	}
}

// BenchmarkSearchEach measures single queries: a keystroke's first letter (most hits),
// initials, full pinyin, hanzi, English, a code, and a query that matches nothing.
func BenchmarkSearchEach(b *testing.B) {
	c := indexed(b)
	for _, q := range []string{"s", "sbzm", "shebao", "户籍证明", "housing provident fund", "HRSS-0001", "zzzzzzzz"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				c.Search(q, 20)
			}
		})
	}
}
