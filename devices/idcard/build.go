package idcard

import (
	"fmt"
	"strconv"

	"github.com/govkiosk/kiosk/devices"
)

// BuildText lays a card out as a 256-byte text block: the inverse of ParseText, for the
// simulator and for tests. It does not validate; an English name too long for a field is
// cut.
func BuildText(c *devices.Card) ([]byte, error) {
	t := make([]byte, TextLen)
	putUCS2(t, 0, TextLen, "")
	date := func(from int, v interface{ Format(string) string }) {
		putUCS2(t, from, from+16, v.Format("20060102"))
	}
	validTo := func() {
		if c.LongTerm {
			putUCS2(t, 204, 220, longTerm)
		} else {
			date(204, c.ValidTo)
		}
	}
	switch c.Type {
	case devices.CardResident, devices.CardHKMOTWPermit:
		putUCS2(t, 0, 30, c.Name)
		putUCS2(t, 30, 32, c.SexCode)
		if c.Type == devices.CardResident {
			putUCS2(t, 32, 36, c.NationCode)
		}
		date(36, c.Birth)
		putUCS2(t, 52, 122, c.Address)
		putUCS2(t, 122, 158, c.Number)
		putUCS2(t, 158, 188, c.Issuer)
		date(188, c.ValidFrom)
		validTo()
		if c.Type == devices.CardHKMOTWPermit {
			putUCS2(t, 220, 238, c.PassNumber)
			putUCS2(t, 238, 242, fmt.Sprintf("%02d", c.IssueCount))
			putUCS2(t, 248, 250, string(markerJ))
		}
	case devices.CardForeignPermanent2017:
		putUCS2(t, 0, 120, c.NameEN)
		putUCS2(t, 120, 122, c.SexCode)
		putUCS2(t, 122, 152, c.Number)
		putUCS2(t, 152, 158, c.Nationality)
		putUCS2(t, 158, 188, c.Name)
		date(188, c.ValidFrom)
		date(204, c.ValidTo)
		date(220, c.Birth)
		putUCS2(t, 236, 240, "02")
		putUCS2(t, 240, 248, c.Issuer)
		putUCS2(t, 248, 250, string(markerI))
	case devices.CardForeignPermanent2023:
		putUCS2(t, 0, 30, c.Name)
		putUCS2(t, 30, 32, c.SexCode)
		putUCS2(t, 32, 36, fmt.Sprintf("%02d", c.IssueCount))
		date(36, c.Birth)
		en := []rune(c.NameEN)
		first, rest := en, []rune(nil)
		if len(en) > 35 {
			first, rest = en[:35], en[35:]
		}
		putUCS2(t, 52, 122, string(first))
		putUCS2(t, 220, 242, string(rest))
		putUCS2(t, 122, 158, c.Number)
		date(188, c.ValidFrom)
		validTo()
		putUCS2(t, 242, 248, c.Nationality)
		putUCS2(t, 248, 250, string(markerY))
	default:
		return nil, fmt.Errorf("idcard: build text: unknown card type %s", strconv.Quote(string(c.Type)))
	}
	return t, nil
}
