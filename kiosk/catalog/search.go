package catalog

import (
	"slices"
	"strings"
	"unicode"

	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// Hit is one search result.
type Hit struct {
	Item  *centralapi.Item
	Score int    // higher ranks first; comparable within one search only
	Match string // what matched: MatchCode, MatchName, MatchPinyin, MatchAlias, MatchEnglish, MatchDepartment
}

// What a hit matched, strongest first.
const (
	MatchCode       = "code"       // the item code, e.g. HRSS-0001
	MatchName       = "name"       // the Chinese name, as typed in hanzi
	MatchPinyin     = "pinyin"     // the Chinese name's full pinyin, initials or a mix
	MatchAlias      = "alias"      // an everyday abbreviation of the name (社保 for 参保…)
	MatchEnglish    = "english"    // words of the English name
	MatchDepartment = "department" // the item's department (name, pinyin, English or code)
)

// Search returns up to limit items matching the query, the obvious answer first. The
// query may be hanzi (社保证明), full pinyin (shebao), initials (sbzm) or a mix, English
// words (pension proof), an item code (HRSS-0001) or a department (人社, renshe, HRSS).
// Ranking: code, then the name itself (an exact or leading match first, then by how
// much of the name the query covers), then aliases, English, and last the department's
// other items; ties go to printable proofs, shorter names, then catalog order.
func (c *Catalog) Search(query string, limit int) []Hit {
	q := normalize(query)
	if q == "" || limit <= 0 {
		return nil
	}
	han := isHan(q)
	typed := typedLetters(q)
	var tmask uint64
	for i := 0; i < len(typed); i++ {
		tmask |= letterBit(typed[i])
	}
	qwords := words(q)
	code := strings.ToUpper(strings.ReplaceAll(q, " ", ""))
	prefix := codeLike(code)

	deptScore := make([]int, len(c.idx.depts))
	for i := range c.idx.depts {
		deptScore[i] = scoreDept(&c.idx.depts[i], q, code, han, typed, tmask, qwords)
	}
	top := topK{limit: limit}
	for i := range c.idx.entries {
		e := &c.idx.entries[i]
		best, why := 0, ""
		consider := func(s int, w string) {
			if s > best {
				best, why = s, w
			}
		}
		if e.code == code {
			consider(1000, MatchCode)
		} else if prefix && strings.HasPrefix(e.code, code) {
			consider(900+len(code), MatchCode)
		}
		for k := range e.names {
			n := &e.names[k]
			w, malus := MatchName, 0
			if k > 0 {
				w, malus = MatchAlias, 60
			}
			if han {
				if at := strings.Index(n.text, q); at >= 0 {
					s := 800 + coverage(len([]rune(q)), n.runes)
					if at == 0 {
						s += 50
					}
					consider(s-malus, w)
				}
				continue
			}
			if start, length, clean, ok := matchPinyin(n, typed, tmask); ok {
				if w == MatchName {
					w = MatchPinyin
				}
				s := 600 + coverage(length, len(n.chars))
				if start == 0 {
					s += 50
				}
				if !clean {
					s -= 250
				}
				consider(s-malus, w)
			}
		}
		if !han { // English names hold no hanzi
			if m, atStart := wordsMatch(e.words, qwords); m > 0 {
				s := 450 + coverage(m, len(e.words))
				if atStart {
					s += 20
				}
				consider(s, MatchEnglish)
			}
		}
		if e.dept >= 0 && deptScore[e.dept] > 0 {
			consider(deptScore[e.dept], MatchDepartment)
		}
		if best > 0 {
			if e.item.Flags.Printable {
				best++
			}
			top.add(ranked{Hit: Hit{Item: e.item, Score: best, Match: why}, order: i})
		}
	}
	out := make([]Hit, len(top.hits))
	for i, h := range top.hits {
		out[i] = h.Hit
	}
	return out
}

// ranked is a hit with its place in the catalog, the last tie-breaker.
type ranked struct {
	Hit
	order int
}

// before orders hits: score, then shorter name, then catalog order.
func (a ranked) before(b ranked) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if la, lb := len(a.Item.NameZH), len(b.Item.NameZH); la != lb {
		return la < lb
	}
	return a.order < b.order
}

// topK keeps the best limit hits in order, without sorting all of them.
type topK struct {
	limit int
	hits  []ranked
}

func (t *topK) add(h ranked) {
	n := len(t.hits)
	if n == t.limit && !h.before(t.hits[n-1]) {
		return
	}
	at, _ := slices.BinarySearchFunc(t.hits, h, func(e, target ranked) int {
		if e.before(target) {
			return -1
		}
		return 1
	})
	if n < t.limit {
		t.hits = append(t.hits, ranked{})
	}
	copy(t.hits[at+1:], t.hits[at:])
	t.hits[at] = h
}

// scoreDept scores a department against the query (0: no match); its items rank below
// every item matched by its own name.
func scoreDept(d *deptEntry, q, code string, han bool, typed string, tmask uint64, qwords []string) int {
	if d.code == code {
		return 300
	}
	best := 0
	for i := range d.names {
		n := &d.names[i]
		switch {
		case han && strings.Contains(n.text, q):
			best = max(best, 250+coverage(len([]rune(q)), n.runes)/2)
		case !han && len(typed) >= 2:
			if _, length, clean, ok := matchPinyin(n, typed, tmask); ok && clean {
				best = max(best, 200+coverage(length, len(n.chars))/2)
			}
		}
	}
	if m, _ := wordsMatch(d.words, qwords); m > 0 {
		best = max(best, 180+coverage(m, len(d.words))/2)
	}
	return best
}

// coverage scores how much of a name the query covers, 0 to 100.
func coverage(matched, total int) int {
	if total == 0 {
		return 0
	}
	return 100 * min(matched, total) / total
}

// normalize folds full-width ASCII, trims and lower-cases the query.
func normalize(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == 0x3000:
			return ' '
		}
		return unicode.ToLower(r)
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// typedLetters keeps the letters and digits of a query for pinyin matching ("she bao",
// "she'bao" → "shebao").
func typedLetters(q string) string {
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		if letterBit(q[i]) != 0 {
			b.WriteByte(q[i])
		}
	}
	return b.String()
}

// codeLike reports whether a query looks like the start of an item code ("HRSS-00",
// "PSB-"): a department code alone ("TAX") is a department, and may be an English word.
func codeLike(q string) bool {
	return len(q) >= 3 && strings.ContainsAny(q, "-0123456789")
}
