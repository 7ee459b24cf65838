package catalog

import (
	"strings"
	"unicode"

	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// name is one indexed Chinese name (an item's, an alias of it, a department's) with,
// per typed character, the ways it can be typed.
type name struct {
	text  string
	runes int        // characters in text, for coverage
	chars [][]string // readings of each character that has some (see readings)
	first []uint64   // per character: the first letters of its readings
	all   uint64     // every letter of every reading
}

func newName(text string, cache map[rune][]string) name {
	n := name{text: text}
	for _, r := range text {
		n.runes++
		rs, ok := cache[r]
		if !ok {
			rs = readings(r)
			cache[r] = rs
		}
		if len(rs) == 0 {
			continue
		}
		var f uint64
		for _, s := range rs {
			f |= letterBit(s[0])
			for i := 0; i < len(s); i++ {
				n.all |= letterBit(s[i])
			}
		}
		n.chars = append(n.chars, rs)
		n.first = append(n.first, f)
	}
	return n
}

// entry is one item in the index.
type entry struct {
	item  *centralapi.Item
	names []name   // [0] the item's name, then its aliases
	words []string // the English name's words, lower case
	code  string   // upper case
	dept  int      // index in index.depts, or -1
}

// deptEntry is one department in the index.
type deptEntry struct {
	code  string
	names []name // [0] the department's name (without 市), then its short names
	words []string
}

// index is built once per catalog version and only read afterwards.
type index struct {
	entries []entry
	depts   []deptEntry
}

func buildIndex(c *centralapi.Catalog) *index {
	cache := map[rune][]string{}
	ix := &index{entries: make([]entry, len(c.Items)), depts: make([]deptEntry, len(c.Departments))}
	deptOf := make(map[string]int, len(c.Departments))
	for i, d := range c.Departments {
		deptOf[d.Code] = i
		full := strings.TrimPrefix(d.NameZH, "市")
		de := deptEntry{code: strings.ToUpper(d.Code), names: []name{newName(full, cache)}, words: words(d.NameEN)}
		for _, a := range deptAliasNames(full) {
			de.names = append(de.names, newName(a, cache))
		}
		ix.depts[i] = de
	}
	for i := range c.Items {
		it := &c.Items[i]
		e := entry{item: it, code: strings.ToUpper(it.Code), words: words(it.NameEN), dept: -1}
		if d, ok := deptOf[it.Department]; ok {
			e.dept = d
		}
		e.names = append(e.names, newName(it.NameZH, cache))
		for _, a := range aliasNames(it.NameZH) {
			e.names = append(e.names, newName(a, cache))
		}
		ix.entries[i] = e
	}
	return ix
}

// words splits English text into lower-case words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
