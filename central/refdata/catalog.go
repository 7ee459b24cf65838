package refdata

import (
	"fmt"
	"hash/fnv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The catalog's sizes, from the city's published figures.
const (
	DepartmentCount = 34
	ItemCount       = 1488
	PrintableCount  = 31
)

// Catalog is the whole service catalog.
type Catalog struct {
	Departments []Department `json:"departments"`
	Items       []Item       `json:"items"`
}

var (
	catalogOnce sync.Once
	catalogData Catalog
	catalogErr  error
)

// BuildCatalog returns the catalog. It is built once and shared: callers must not modify
// it. The error reports a broken table (a size that does not add up), never a runtime
// condition.
func BuildCatalog() (*Catalog, error) {
	catalogOnce.Do(func() { catalogData, catalogErr = build() })
	return &catalogData, catalogErr
}

// Item finds an item by code.
func (c *Catalog) Item(code string) (*Item, bool) {
	for i := range c.Items {
		if c.Items[i].Code == code {
			return &c.Items[i], true
		}
	}
	return nil, false
}

// NewCatalog builds a fresh copy of the catalog from the tables; BuildCatalog shares one.
func NewCatalog() (*Catalog, error) {
	c, err := build()
	return &c, err
}

func build() (Catalog, error) {
	depts := Departments()
	if len(depts) != DepartmentCount {
		return Catalog{}, fmt.Errorf("refdata: %d departments, want %d", len(depts), DepartmentCount)
	}
	seen := map[string]bool{}
	fixed := map[string][]Item{}
	for _, p := range proofTable {
		fixed[p.Dept] = append(fixed[p.Dept], proofItem(p))
	}
	for _, s := range instantTable {
		fixed[s.Dept] = append(fixed[s.Dept], instantItem(s))
	}
	nFixed := 0
	for _, d := range depts {
		for _, it := range fixed[d.Code] {
			seen[it.NameZH] = true
			nFixed++
		}
	}
	gen := map[string][]Item{}
	nGen := 0
	for _, d := range depts {
		for _, it := range generate(d.Code) {
			if !seen[it.NameZH] {
				seen[it.NameZH] = true
				gen[d.Code] = append(gen[d.Code], it)
			}
		}
		nGen += len(gen[d.Code])
	}
	want := ItemCount - nFixed
	if want > nGen {
		return Catalog{}, fmt.Errorf("refdata: %d generated items, need %d", nGen, want)
	}
	quota := apportion(depts, gen, want, nGen)
	cat := Catalog{Departments: depts}
	for _, d := range depts {
		items := append([]Item(nil), fixed[d.Code]...)
		items = append(items, spread(gen[d.Code], quota[d.Code])...)
		for i := range items {
			items[i].Code = fmt.Sprintf("%s-%04d", d.Code, i+1)
			items[i].Department = d.Code
		}
		cat.Items = append(cat.Items, items...)
	}
	return cat, nil
}

// apportion shares want generated items among the departments in proportion to how many
// each has, by the largest-remainder method; ties go to the earlier department.
func apportion(depts []Department, gen map[string][]Item, want, total int) map[string]int {
	quota := map[string]int{}
	given := 0
	type rem struct {
		code string
		r    int
	}
	var rems []rem
	for _, d := range depts {
		n := len(gen[d.Code])
		quota[d.Code] = want * n / total
		given += quota[d.Code]
		rems = append(rems, rem{d.Code, want * n % total})
	}
	for given < want {
		best := -1
		for i, r := range rems {
			if r.r >= 0 && (best < 0 || r.r > rems[best].r) {
				best = i
			}
		}
		quota[rems[best].code]++
		rems[best].r = -1
		given++
	}
	return quota
}

// spread keeps q of the items, evenly spaced, so no subject or action loses all its items.
func spread(items []Item, q int) []Item {
	n := len(items)
	out := make([]Item, 0, q)
	for i := 0; i < n; i++ {
		if (i+1)*q/n > i*q/n {
			out = append(out, items[i])
		}
	}
	return out
}

func proofItem(p proofSpec) Item {
	return Item{
		NameZH: p.ZH, NameEN: p.EN, Kind: p.Kind,
		Flags:     Flags{Citywide: true, NoMeeting: true, Printable: true},
		Materials: []Material{matIDCard},
		Form:      append([]Field{}, p.Form...),
		Proof:     p.Proof, ProofScope: p.Scope,
	}
}

func instantItem(s instantSpec) Item {
	return Item{
		NameZH: s.ZH, NameEN: s.EN, Kind: KindApplication,
		Flags:     Flags{InstantApproval: true, Citywide: true, NoMeeting: true, SecondFactor: s.SecondFactor},
		Materials: s.Materials, Form: s.Form, FeeFen: s.FeeFen, TimeLimitDays: s.TimeLimitDays,
		Rule: s.Rule, RuleZH: s.RuleZH, RuleEN: s.RuleEN,
	}
}

// generate combines a department's subjects with their category's actions.
func generate(dept string) []Item {
	var out []Item
	for _, s := range subjectsByDept[dept] {
		for _, a := range actionsByCategory[s.Cat] {
			name := s.ZH + a.SuffixZH
			h := fnv.New32a()
			h.Write([]byte(name))
			hv := h.Sum32()
			it := Item{
				NameZH: name, NameEN: capitalize(fmt.Sprintf(a.PatternEN, s.EN)), Kind: a.Kind,
				Materials:     a.Materials,
				Form:          formTemplates[a.Form],
				TimeLimitDays: a.Days,
			}
			if it.Materials == nil {
				it.Materials = []Material{}
			}
			switch a.Kind {
			case KindQuery:
				it.Flags = Flags{Citywide: true, NoMeeting: true}
			case KindAppointment:
				it.Flags = Flags{Citywide: hv%10 < 8}
			default:
				it.Flags = Flags{Citywide: hv%10 < 7, NoMeeting: hv%10 < 4, SecondFactor: a.Form == "benefit"}
			}
			if s.FeeFen > 0 && (a.SuffixZH == "申领" || a.SuffixZH == "换领" || a.SuffixZH == "补领") {
				it.FeeFen = s.FeeFen
			}
			out = append(out, it)
		}
	}
	return out
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + strings.TrimSpace(s[n:])
}
