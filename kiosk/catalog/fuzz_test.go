package catalog_test

import (
	"testing"
	"unicode/utf8"
)

// FuzzSearch: any query, valid UTF-8 or not, gives at most limit hits in rank order and
// never a panic. Seeded from the table tests' queries.
func FuzzSearch(f *testing.F) {
	for _, q := range benchQueries {
		f.Add(q)
	}
	for _, q := range []string{"ＨＲＳＳ－０００１", "ge'ren", "\xff\xfe", "行行行行行行行行", "a-1", "lü", "lv"} {
		f.Add(q)
	}
	c := indexed(f)
	f.Fuzz(func(t *testing.T, q string) {
		hits := c.Search(q, 7)
		if len(hits) > 7 {
			t.Fatalf("%d hits for limit 7", len(hits))
		}
		for i := 1; i < len(hits); i++ {
			if hits[i].Score > hits[i-1].Score {
				t.Fatalf("%q: hit %d outranks hit %d", q, i, i-1)
			}
		}
		if !utf8.ValidString(q) {
			return
		}
		for _, h := range hits {
			if h.Item == nil || h.Match == "" {
				t.Fatalf("%q: empty hit %+v", q, h)
			}
		}
	})
}
