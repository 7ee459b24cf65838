package sim

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"slices"
	"time"

	"github.com/govkiosk/kiosk/devices"
	"github.com/govkiosk/kiosk/devices/idcard"
)

// Fixture is one simulated card, in the same field names that kioskctl prints.
// Dates are YYYY-MM-DD; valid_to may be "long-term".
type Fixture struct {
	Name            string `json:"fixture"`
	CardType        string `json:"card_type"`
	CName           string `json:"name,omitempty"`
	NameEN          string `json:"name_en,omitempty"`
	SexCode         string `json:"sex_code"`
	NationCode      string `json:"nation_code,omitempty"`
	BirthDate       string `json:"birth_date"`
	Address         string `json:"address,omitempty"`
	IDNumber        string `json:"id_number"`
	Issuer          string `json:"issuer,omitempty"`
	ValidFrom       string `json:"valid_from"`
	ValidTo         string `json:"valid_to"`
	PassNumber      string `json:"pass_number,omitempty"`
	IssueCount      int    `json:"issue_count,omitempty"`
	Nationality     string `json:"nationality,omitempty"`
	FingerprintLen  int    `json:"fingerprint_len,omitempty"`
	AppendedAddress string `json:"appended_address,omitempty"`
	// Inconsistent fixtures are served although the text block fails validation: a card
	// the driver must reject.
	Inconsistent bool `json:"inconsistent,omitempty"`
}

// Card returns the card the fixture describes, with its deterministic photo and
// fingerprint: what a driver must read back.
func (f Fixture) Card() (*devices.Card, error) {
	c := &devices.Card{
		Type: devices.CardType(f.CardType), Name: f.CName, NameEN: f.NameEN, SexCode: f.SexCode,
		NationCode: f.NationCode, Address: f.Address, Number: f.IDNumber, Issuer: f.Issuer,
		PassNumber: f.PassNumber, IssueCount: f.IssueCount, Nationality: f.Nationality,
	}
	var err error
	date := func(s string) time.Time {
		t, e := time.Parse(time.DateOnly, s)
		if e != nil && err == nil {
			err = fmt.Errorf("sim: fixture %s: bad date %q", f.Name, s)
		}
		return t
	}
	c.Birth = date(f.BirthDate)
	c.ValidFrom = date(f.ValidFrom)
	if f.ValidTo == "long-term" {
		c.LongTerm = true
	} else {
		c.ValidTo = date(f.ValidTo)
	}
	switch f.FingerprintLen {
	case 0, 512, 1024:
	default:
		return nil, fmt.Errorf("sim: fixture %s: fingerprint_len must be 0, 512 or 1024", f.Name)
	}
	c.Photo = fakeBytes(f.Name+"/photo", idcard.PhotoLen)
	if f.FingerprintLen > 0 {
		c.Fingerprint = fakeBytes(f.Name+"/fingerprint", f.FingerprintLen)
	}
	return c, err
}

// fakeBytes is n deterministic pseudo-random bytes seeded by key (a stand-in for WLT).
func fakeBytes(key string, n int) []byte {
	h := fnv.New64a()
	h.Write([]byte(key))
	rng := rand.New(rand.NewPCG(h.Sum64(), 0x5a4d))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return b
}

// card is a fixture ready to serve.
type card struct {
	fixture Fixture
	text    []byte
	photo   []byte
	fp      []byte
	address []byte // 70 bytes UCS-2LE, nil when none
}

func prepare(f Fixture) (*card, error) {
	c, err := f.Card()
	if err != nil {
		return nil, err
	}
	text, err := idcard.BuildText(c)
	if err != nil {
		return nil, fmt.Errorf("sim: fixture %s: %w", f.Name, err)
	}
	if _, err := idcard.ParseText(text); err != nil && !f.Inconsistent {
		return nil, fmt.Errorf("sim: fixture %s: %w", f.Name, err)
	}
	k := &card{fixture: f, text: text, photo: c.Photo, fp: c.Fingerprint}
	if f.AppendedAddress != "" {
		k.address = idcard.EncodeUCS2(f.AppendedAddress, 70)
	}
	return k, nil
}

// builtinFixtures are the cards every simulator knows. The central reference server
// uses the same identities.
var builtinFixtures = []Fixture{
	{Name: "resident", CardType: "resident", CName: "王建国", SexCode: "1", NationCode: "01",
		BirthDate: "1958-03-15", Address: "广东省深圳市福田区福中三路2012号",
		IDNumber: "44030419580315123X", Issuer: "深圳市公安局福田分局",
		ValidFrom: "2018-06-01", ValidTo: "long-term", FingerprintLen: 1024},
	{Name: "hk_mo_tw_permit", CardType: "hk_mo_tw_permit", CName: "陈美玲", SexCode: "2",
		BirthDate: "1990-06-06", Address: "广东省深圳市南山区科技园路1号",
		IDNumber: "810000199006060023", Issuer: "深圳市公安局",
		ValidFrom: "2024-03-01", ValidTo: "2029-03-01", PassNumber: "H60123456", IssueCount: 1,
		FingerprintLen: 512},
	{Name: "foreign_permanent_2017", CardType: "foreign_permanent_2017", NameEN: "SMITH JOHN",
		CName: "史密斯", SexCode: "1", IDNumber: "USA440385072311", Nationality: "USA",
		BirthDate: "1985-07-23", ValidFrom: "2017-08-01", ValidTo: "2027-08-01", Issuer: "4403"},
	{Name: "foreign_permanent_2023", CardType: "foreign_permanent_2023", CName: "玛丽亚",
		NameEN: "GARCIA MARIA", SexCode: "2", BirthDate: "1990-05-12",
		IDNumber: "944030199005120021", Nationality: "ESP",
		ValidFrom: "2024-01-15", ValidTo: "2034-01-15"},
	{Name: "expired", CardType: "resident", CName: "李秀英", SexCode: "2", NationCode: "01",
		BirthDate: "1980-02-29", Address: "广东省深圳市南山区南山大道1001号",
		IDNumber: "440305198002290045", Issuer: "深圳市公安局南山分局",
		ValidFrom: "2006-01-01", ValidTo: "2026-01-01"},
	// A resident card whose check character is wrong: the driver must reject it.
	{Name: "inconsistent", CardType: "resident", CName: "张三", SexCode: "1", NationCode: "01",
		BirthDate: "1970-01-01", Address: "广东省深圳市罗湖区深南东路1号",
		IDNumber: "440303197001010011", Issuer: "深圳市公安局罗湖分局",
		ValidFrom: "2010-01-01", ValidTo: "2030-01-01", Inconsistent: true},
}

// BuiltinFixtures returns a copy of the built-in fixtures.
func BuiltinFixtures() []Fixture { return slices.Clone(builtinFixtures) }

// LoadFixtures reads fixtures from a JSON file holding an array of Fixture objects.
func LoadFixtures(path string) ([]Fixture, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("sim: load fixtures: %w", err)
	}
	var fs []Fixture
	if err := json.Unmarshal(b, &fs); err != nil {
		return nil, fmt.Errorf("sim: load fixtures %s: %w", path, err)
	}
	for _, f := range fs {
		if f.Name == "" {
			return nil, fmt.Errorf("sim: load fixtures %s: a fixture has no name", path)
		}
		if _, err := prepare(f); err != nil {
			return nil, err
		}
	}
	return fs, nil
}
