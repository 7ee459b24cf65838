package idcard

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func testCards() map[string]*devices.Card {
	return map[string]*devices.Card{
		"resident": {Type: devices.CardResident, Name: "王建国", SexCode: "1", NationCode: "01",
			Birth: day("1958-03-15"), Address: "广东省深圳市福田区福中三路2012号",
			Number: "44030419580315123X", Issuer: "深圳市公安局福田分局",
			ValidFrom: day("2018-06-01"), LongTerm: true},
		"permit": {Type: devices.CardHKMOTWPermit, Name: "陈美玲", SexCode: "2",
			Birth: day("1990-06-06"), Address: "广东省深圳市南山区科技园路1号",
			Number: "810000199006060023", Issuer: "深圳市公安局",
			ValidFrom: day("2024-03-01"), ValidTo: day("2029-03-01"), PassNumber: "H60123456", IssueCount: 1},
		"foreign2017": {Type: devices.CardForeignPermanent2017, NameEN: "SMITH JOHN", Name: "史密斯",
			SexCode: "1", Number: "USA440385072311", Nationality: "USA", Birth: day("1985-07-23"),
			ValidFrom: day("2017-08-01"), ValidTo: day("2027-08-01"), Issuer: "4403"},
		"foreign2023": {Type: devices.CardForeignPermanent2023, Name: "玛丽亚", NameEN: "GARCIA MARIA",
			SexCode: "2", Birth: day("1990-05-12"), Number: "944030199005120021", Nationality: "ESP",
			ValidFrom: day("2024-01-15"), ValidTo: day("2034-01-15"), IssueCount: 0},
		"long english name": {Type: devices.CardForeignPermanent2023, NameEN: "MONTGOMERY-WORTHINGTON ALEXANDRA KATHERINE",
			SexCode: "2", Birth: day("1990-05-12"), Number: "944030199005120021", Nationality: "GBR",
			ValidFrom: day("2024-01-15"), ValidTo: day("2034-01-15"), IssueCount: 2},
		"expired": {Type: devices.CardResident, Name: "李秀英", SexCode: "2", NationCode: "01",
			Birth: day("1980-02-29"), Address: "广东省深圳市南山区南山大道1号", Number: "440305198002290045",
			Issuer: "深圳市公安局南山分局", ValidFrom: day("2006-01-01"), ValidTo: day("2026-01-01")},
	}
}

func TestCheckChar(t *testing.T) {
	for first, want := range map[string]byte{"11010519491231002": 'X', "44030519800229004": '5',
		"81000019900606002": '3', "94403019900512002": '1'} {
		if got, ok := CheckChar(first); !ok || got != want {
			t.Errorf("CheckChar(%s) = %c, %v; want %c", first, got, ok, want)
		}
	}
	if _, ok := CheckChar("1101051949123100A"); ok {
		t.Error("a letter among the digits must fail")
	}
}

func TestParseRoundTrip(t *testing.T) {
	for name, want := range testCards() {
		text, err := BuildText(want)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ParseText(text)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", name, got, want)
		}
	}
}

func TestParseExpiredIsNotAnError(t *testing.T) {
	c := testCards()["expired"]
	text, _ := BuildText(c)
	got, err := ParseText(text)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Expired(day("2026-11-27")) || got.Expired(day("2025-12-31")) {
		t.Error("expiry is wrong")
	}
	if got.NationName() != "汉" {
		t.Errorf("nation %q", got.NationName())
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		card  string
		field string
		// edit changes the card before it is laid out, or the text block after.
		edit func(c *devices.Card, text []byte)
	}{
		{"resident", "number", func(c *devices.Card, _ []byte) { c.Number = "440304195803151231" }},
		{"resident", "number", func(c *devices.Card, _ []byte) { c.Birth = day("1958-03-16") }},
		{"resident", "number", func(c *devices.Card, _ []byte) { c.SexCode = "2" }},
		{"resident", "sex", func(c *devices.Card, _ []byte) { c.SexCode = "3" }},
		{"resident", "nation", func(c *devices.Card, _ []byte) { c.NationCode = "57" }},
		{"resident", "name", func(c *devices.Card, _ []byte) { c.Name = "" }},
		{"resident", "birth", func(_ *devices.Card, text []byte) { putUCS2(text, 36, 52, "19580230") }},
		{"resident", "valid to", func(_ *devices.Card, text []byte) { putUCS2(text, 204, 220, "永久") }},
		{"resident", "valid from", func(_ *devices.Card, text []byte) { putUCS2(text, 188, 204, "2018-6-1") }},
		{"resident", "address", func(_ *devices.Card, text []byte) { text[60], text[61] = 0x00, 0xD8 }},
		{"resident", "issuer", func(_ *devices.Card, text []byte) { text[158], text[159] = 0x07, 0 }},
		{"resident", "birth", func(c *devices.Card, _ []byte) { c.ValidFrom = day("1950-01-01") }},
		{"permit", "number", func(c *devices.Card, _ []byte) {
			c.Number = "440304199006060028"
		}},
		{"permit", "valid to", func(c *devices.Card, _ []byte) { c.ValidTo = day("2020-01-01") }},
		{"permit", "pass number", func(c *devices.Card, _ []byte) { c.PassNumber = "H6-12345" }},
		{"permit", "issue count", func(_ *devices.Card, text []byte) { putUCS2(text, 238, 242, "x1") }},
		{"foreign2017", "number", func(c *devices.Card, _ []byte) { c.Number = "GBR440385072311" }},
		{"foreign2017", "number", func(c *devices.Card, _ []byte) { c.Birth = day("1985-07-24") }},
		{"foreign2017", "nationality", func(c *devices.Card, _ []byte) { c.Nationality = "us" }},
		{"foreign2017", "english name", func(c *devices.Card, _ []byte) { c.NameEN = "" }},
		{"foreign2023", "number", func(c *devices.Card, _ []byte) { c.Number = "440304199005120027" }},
		{"foreign2023", "number", func(c *devices.Card, _ []byte) { c.Number = "944030199005120022" }},
		{"foreign2023", "renewal count", func(_ *devices.Card, text []byte) { putUCS2(text, 32, 36, "") }},
		{"foreign2023", "english name", func(c *devices.Card, _ []byte) { c.NameEN = "" }},
	}
	for i, tc := range tests {
		c := testCards()[tc.card]
		secret := c.Number
		tc.edit(c, make([]byte, TextLen)) // card edits land here; text edits go to a scratch block
		text, err := BuildText(c)
		if err != nil {
			t.Fatal(err)
		}
		tc.edit(&devices.Card{}, text) // text edits land here; card edits go to a scratch card
		_, err = ParseText(text)
		var de *CardDataError
		if !errors.As(err, &de) || de.Field != tc.field {
			t.Errorf("%d %s: error %v, want one on field %q", i, tc.card, err, tc.field)
			continue
		}
		if !errors.Is(err, devices.ErrCardUnreadable) {
			t.Errorf("%d: %v does not match ErrCardUnreadable", i, err)
		}
		if strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), c.Number) {
			t.Errorf("%d: error %q holds the number", i, err)
		}
	}
}

func TestParseTextLength(t *testing.T) {
	if _, err := ParseText(make([]byte, 10)); err == nil {
		t.Error("a short text block must fail")
	}
}

func FuzzParseText(f *testing.F) {
	for _, c := range testCards() {
		text, err := BuildText(c)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		c, err := ParseText(text)
		if err == nil && (c == nil || c.Number == "" || c.Birth.IsZero()) {
			t.Fatalf("accepted a card without number or birth date")
		}
		if err != nil && c != nil {
			t.Fatal("a rejected card was returned half-read")
		}
	})
}
