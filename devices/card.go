package devices

import (
	"context"
	"time"
)

// CardType tells which of the four second-generation card layouts a card uses.
// The string values are the ones kioskctl prints in its JSON.
type CardType string

const (
	CardResident             CardType = "resident"               // resident ID card
	CardHKMOTWPermit         CardType = "hk_mo_tw_permit"        // 'J': HK/Macao/Taiwan residence permit
	CardForeignPermanent2017 CardType = "foreign_permanent_2017" // 'I': foreigner's permanent residence, 2017
	CardForeignPermanent2023 CardType = "foreign_permanent_2023" // 'Y': foreigner's permanent residence, 2023
)

// Card is what a reader returns for one card: the parsed text block plus the opaque photo
// and fingerprint blocks. It holds personal data: never log it, never store it beyond the
// session; use Masked when a number must appear.
type Card struct {
	Type       CardType
	Name       string // Chinese name (may be empty on an 'I' card without one)
	NameEN     string // English name, on 'I' and 'Y' cards
	SexCode    string // GB/T 2261.1: "1" male, "2" female, "0" unknown, "9" unstated
	NationCode string // GB/T 3304 ethnic group code on resident cards ("01".."56")
	Birth      time.Time
	Address    string
	Number     string // ID number or permanent-residence number
	Issuer     string // issuing authority (or accepting authority code on 'I' cards)
	ValidFrom  time.Time
	ValidTo    time.Time // zero when LongTerm
	LongTerm   bool
	PassNumber string // 'J' cards
	IssueCount int    // 'J' issue count, 'Y' renewal count
	// Nationality is the GB/T 2659 three-letter country code on 'I' and 'Y' cards.
	Nationality string
	Photo       []byte // 1024 bytes of WLT, opaque
	Fingerprint []byte // 0, 512 or 1024 bytes, opaque
}

// Expired reports whether the card is past its validity on day now.
func (c *Card) Expired(now time.Time) bool {
	if c.LongTerm || c.ValidTo.IsZero() {
		return false
	}
	y, m, d := now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return today.After(c.ValidTo)
}

// Wipe overwrites the card's byte blocks and clears every field, for the end of a session.
func (c *Card) Wipe() {
	clear(c.Photo)
	clear(c.Fingerprint)
	*c = Card{}
}

// CardReader is a second-generation ID card reader.
type CardReader interface {
	// ReadCard finds, selects and reads the card on the reader. It returns an error
	// matching ErrNoCard when no card is there. Deadlines come from ctx.
	ReadCard(ctx context.Context) (*Card, error)
	// CardPresent reports whether the card last read is still on the reader, as cheaply as
	// the protocol allows; the card watcher polls it.
	CardPresent(ctx context.Context) (bool, error)
	Close() error
}

// nationNames are the GB/T 3304 names of the 56 ethnic groups, indexed by code 1..56.
var nationNames = [...]string{"", "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依",
	"朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤",
	"畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔",
	"仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒",
	"乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
	"鄂伦春", "赫哲", "门巴", "珞巴", "基诺"}

// NationName returns the Chinese name of the card's ethnic group code ("01" → "汉"), or ""
// for a card without one. 97 is "其他", 98 "外国血统中国籍人士".
func (c *Card) NationName() string {
	switch c.NationCode {
	case "97":
		return "其他"
	case "98":
		return "外国血统中国籍人士"
	}
	if len(c.NationCode) != 2 {
		return ""
	}
	n := int(c.NationCode[0]-'0')*10 + int(c.NationCode[1]-'0')
	if c.NationCode[0] < '0' || c.NationCode[0] > '9' || c.NationCode[1] < '0' ||
		c.NationCode[1] > '9' || n < 1 || n >= len(nationNames) {
		return ""
	}
	return nationNames[n]
}
