package catalog_test

import (
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
	"github.com/govkiosk/kiosk/kiosk/catalog"
	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

var (
	refOnce sync.Once
	refCat  *centralapi.Catalog
	refRaw  []byte
)

// reference returns the reference catalog as the terminal receives it (through JSON).
func reference(t testing.TB) (*centralapi.Catalog, []byte) {
	t.Helper()
	refOnce.Do(func() {
		c, err := refdata.BuildCatalog()
		if err != nil {
			panic(err)
		}
		refRaw, err = json.Marshal(c)
		if err != nil {
			panic(err)
		}
		refCat = new(centralapi.Catalog)
		if err := json.Unmarshal(refRaw, refCat); err != nil {
			panic(err)
		}
	})
	return refCat, refRaw
}

func indexed(t testing.TB) *catalog.Catalog {
	c, _ := reference(t)
	return catalog.New(c, `"ref"`, time.Now())
}

func codeOf(t testing.TB, c *catalog.Catalog, name string) string {
	t.Helper()
	for _, it := range c.Items {
		if it.NameZH == name {
			return it.Code
		}
	}
	t.Fatalf("no item %s", name)
	return ""
}
