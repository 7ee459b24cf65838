package idcard

import (
	"fmt"
	"strconv"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// CardDataError is a card whose text block is inconsistent: the card is rejected, never
// half-read. Field and Reason name what is wrong without quoting the data. It matches
// devices.ErrCardUnreadable.
type CardDataError struct {
	Field  string
	Reason string
}

func (e *CardDataError) Error() string {
	return fmt.Sprintf("idcard: card data: %s: %s", e.Field, e.Reason)
}

func (e *CardDataError) Is(target error) bool { return target == devices.ErrCardUnreadable }

func bad(field, reason string) error { return &CardDataError{Field: field, Reason: reason} }

// ParseText parses and validates a 256-byte text block of any of the four card types.
// Photo and fingerprint are left empty. An expired card is not an error: see
// devices.Card.Expired.
func ParseText(text []byte) (*devices.Card, error) {
	if len(text) != TextLen {
		return nil, bad("text", fmt.Sprintf("%d bytes, want %d", len(text), TextLen))
	}
	p := textParser{text: text}
	var c *devices.Card
	switch rune(uint16(text[248]) | uint16(text[249])<<8) {
	case markerJ:
		c = p.permit()
	case markerI:
		c = p.foreign2017()
	case markerY:
		c = p.foreign2023()
	default:
		c = p.resident()
	}
	if p.err != nil {
		return nil, p.err
	}
	return c, nil
}

// textParser reads fields and keeps the first error.
type textParser struct {
	text []byte
	err  error
}

func (p *textParser) fail(field, reason string) {
	if p.err == nil {
		p.err = bad(field, reason)
	}
}

func (p *textParser) str(field string, from, to int, required bool) string {
	s, ok := ucs2(p.text, from, to)
	switch {
	case !ok:
		p.fail(field, "invalid characters")
	case required && s == "":
		p.fail(field, "empty")
	}
	return s
}

func (p *textParser) date(field string, from, to int) time.Time {
	s := p.str(field, from, to, true)
	t, ok := parseDate(s)
	if !ok && p.err == nil {
		p.fail(field, "not a real date")
	}
	return t
}

func (p *textParser) sex(from int) string {
	s := p.str("sex", from, from+2, true)
	switch s {
	case "0", "1", "2", "9":
	default:
		p.fail("sex", "unknown sex code")
	}
	return s
}

func (p *textParser) count(field string, from, to int) int {
	s := p.str(field, from, to, true)
	if !allDigits(s) {
		p.fail(field, "not a number")
		return 0
	}
	n, _ := strconv.Atoi(s)
	return n
}

// validity reads valid-from at 188 and valid-to at 204 (a date or 长期).
func (p *textParser) validity(c *devices.Card) {
	c.ValidFrom = p.date("valid from", 188, 204)
	to := p.str("valid to", 204, 220, true)
	if to == longTerm {
		c.LongTerm = true
		return
	}
	t, ok := parseDate(to)
	if !ok {
		p.fail("valid to", "not a real date or long-term")
		return
	}
	c.ValidTo = t
	if p.err == nil && !c.ValidTo.After(c.ValidFrom) {
		p.fail("valid to", "not after valid from")
	}
}

// number18 checks an 18-digit GB 11643 number against the card's birth date and sex.
func (p *textParser) number18(c *devices.Card) {
	n := c.Number
	if len(n) != 18 {
		p.fail("number", "not 18 characters")
		return
	}
	if !ValidNumber(n) {
		p.fail("number", "wrong check character")
		return
	}
	if n[6:14] != c.Birth.Format("20060102") {
		p.fail("number", "birth date differs from the birth date field")
		return
	}
	p.sexParity(c.SexCode, n[16])
}

func (p *textParser) sexParity(sex string, seq byte) {
	odd := (seq-'0')%2 == 1
	if sex == "1" && !odd || sex == "2" && odd {
		p.fail("number", "sequence parity differs from the sex code")
	}
}

// common checks what every card type shares once the fields are read.
func (p *textParser) common(c *devices.Card) {
	if p.err == nil && c.Birth.After(c.ValidFrom) {
		p.fail("birth", "after the card's valid-from date")
	}
}

func (p *textParser) resident() *devices.Card {
	c := &devices.Card{Type: devices.CardResident}
	c.Name = p.str("name", 0, 30, true)
	c.SexCode = p.sex(30)
	c.NationCode = p.str("nation", 32, 36, true)
	c.Birth = p.date("birth", 36, 52)
	c.Address = p.str("address", 52, 122, true)
	c.Number = p.str("number", 122, 158, true)
	c.Issuer = p.str("issuer", 158, 188, true)
	p.validity(c)
	if p.err == nil && c.NationName() == "" {
		p.fail("nation", "unknown nation code")
	}
	if p.err == nil {
		p.number18(c)
	}
	p.common(c)
	return c
}

func (p *textParser) permit() *devices.Card {
	c := &devices.Card{Type: devices.CardHKMOTWPermit}
	c.Name = p.str("name", 0, 30, true)
	c.SexCode = p.sex(30)
	c.Birth = p.date("birth", 36, 52)
	c.Address = p.str("address", 52, 122, true)
	c.Number = p.str("number", 122, 158, true)
	c.Issuer = p.str("issuer", 158, 188, true)
	p.validity(c)
	c.PassNumber = p.str("pass number", 220, 238, true)
	c.IssueCount = p.count("issue count", 238, 242)
	if p.err == nil && !alnum(c.PassNumber) {
		p.fail("pass number", "not letters and digits")
	}
	if p.err == nil {
		p.number18(c)
	}
	if p.err == nil {
		switch c.Number[:6] {
		case "810000", "820000", "830000":
		default:
			p.fail("number", "address code is not 810000, 820000 or 830000")
		}
	}
	p.common(c)
	return c
}

func (p *textParser) foreign2017() *devices.Card {
	c := &devices.Card{Type: devices.CardForeignPermanent2017}
	c.NameEN = p.str("english name", 0, 120, true)
	c.SexCode = p.sex(120)
	c.Number = p.str("number", 122, 152, true)
	c.Nationality = p.str("nationality", 152, 158, true)
	c.Name = p.str("name", 158, 188, false)
	c.ValidFrom = p.date("valid from", 188, 204)
	c.ValidTo = p.date("valid to", 204, 220)
	c.Birth = p.date("birth", 220, 236)
	p.str("card version", 236, 240, false)
	c.Issuer = p.str("authority", 240, 248, false)
	if p.err != nil {
		return c
	}
	if !allUpper(c.Nationality) || len(c.Nationality) != 3 {
		p.fail("nationality", "not a three-letter code")
		return c
	}
	// 15 characters: nationality (3 letters), accepting place (4 digits), birth YYMMDD,
	// sequence, check digit.
	n := c.Number
	if len(n) != 15 || !allUpper(n[:3]) || !allDigits(n[3:]) {
		p.fail("number", "not 3 letters and 12 digits")
		return c
	}
	if n[:3] != c.Nationality {
		p.fail("number", "letters differ from the nationality")
		return c
	}
	if n[7:13] != c.Birth.Format("060102") {
		p.fail("number", "birth date differs from the birth date field")
		return c
	}
	if !c.ValidTo.After(c.ValidFrom) {
		p.fail("valid to", "not after valid from")
		return c
	}
	p.common(c)
	return c
}

func (p *textParser) foreign2023() *devices.Card {
	c := &devices.Card{Type: devices.CardForeignPermanent2023}
	c.Name = p.str("name", 0, 30, false)
	c.SexCode = p.sex(30)
	c.IssueCount = p.count("renewal count", 32, 36)
	c.Birth = p.date("birth", 36, 52)
	en, ok := trimPad(ucs2Raw(p.text, 52, 122) + ucs2Raw(p.text, 220, 242))
	if !ok {
		p.fail("english name", "invalid characters")
	} else if en == "" {
		p.fail("english name", "empty")
	}
	c.NameEN = en
	c.Number = p.str("number", 122, 158, true)
	p.validity(c)
	c.Nationality = p.str("nationality", 242, 248, true)
	if p.err == nil && (!allUpper(c.Nationality) || len(c.Nationality) != 3) {
		p.fail("nationality", "not a three-letter code")
	}
	if p.err == nil && (len(c.Number) != 18 || c.Number[0] != '9') {
		p.fail("number", "not 18 characters starting with 9")
	}
	if p.err == nil {
		p.number18(c)
	}
	p.common(c)
	return c
}
