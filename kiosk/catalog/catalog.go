package catalog

import (
	"time"

	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// Catalog is one version of the catalog with its search index. It is never modified
// after New: share it freely.
type Catalog struct {
	ETag        string    // central's entity tag of this version
	FetchedAt   time.Time // when this version was fetched from central
	Departments []centralapi.Department
	Items       []centralapi.Item

	byCode map[string]int
	deptOf map[string]int
	idx    *index
}

// New indexes a catalog. etag and fetched describe where it came from.
func New(c *centralapi.Catalog, etag string, fetched time.Time) *Catalog {
	out := &Catalog{ETag: etag, FetchedAt: fetched, Departments: c.Departments, Items: c.Items,
		byCode: make(map[string]int, len(c.Items)), deptOf: make(map[string]int, len(c.Departments))}
	for i, it := range c.Items {
		out.byCode[it.Code] = i
	}
	for i, d := range c.Departments {
		out.deptOf[d.Code] = i
	}
	out.idx = buildIndex(c)
	return out
}

// Item returns the item with the code.
func (c *Catalog) Item(code string) (*centralapi.Item, bool) {
	i, ok := c.byCode[code]
	if !ok {
		return nil, false
	}
	return &c.Items[i], true
}

// Department returns the department with the code.
func (c *Catalog) Department(code string) (*centralapi.Department, bool) {
	i, ok := c.deptOf[code]
	if !ok {
		return nil, false
	}
	return &c.Departments[i], true
}

// ItemsOf returns a department's items in catalog order.
func (c *Catalog) ItemsOf(dept string) []*centralapi.Item {
	var out []*centralapi.Item
	for i := range c.Items {
		if c.Items[i].Department == dept {
			out = append(out, &c.Items[i])
		}
	}
	return out
}
