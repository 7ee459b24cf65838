package form

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/govkiosk/kiosk/kiosk/centralapi"
)

// Field types (centralapi.Field.Type).
const (
	TypeText     = "text"
	TypeIDNumber = "id_number" // GB 11643 number with its check character, or a 2017 permanent-residence number
	TypePhone    = "phone"     // mainland mobile number, 11 digits
	TypeDate     = "date"      // YYYY-MM-DD
	TypeChoice   = "choice"
	TypeAmount   = "amount" // yuan with at most two decimals
)

var (
	phonePattern  = regexp.MustCompile(`^1[3-9][0-9]{9}$`)
	amountPattern = regexp.MustCompile(`^[0-9]{1,12}(\.[0-9]{1,2})?$`)
	patterns      sync.Map // rule pattern → *regexp.Regexp, or nil when it does not compile
)

// Validate checks every field's value; values without a field are ignored (the form
// only ever holds its own fields). today anchors the relative date rules, in the
// terminal's time zone. It returns nil when everything is valid.
func Validate(fields []centralapi.Field, values map[string]string, today time.Time) []centralapi.FieldError {
	var errs []centralapi.FieldError
	for _, f := range fields {
		if e, bad := Check(f, values[f.Key], today); bad {
			errs = append(errs, e)
		}
	}
	return errs
}

// Check checks one value, and returns its error and true when it is not valid.
func Check(f centralapi.Field, value string, today time.Time) (centralapi.FieldError, bool) {
	v := strings.TrimSpace(value)
	if v == "" {
		if f.Required {
			return centralapi.FieldError{Key: f.Key, MessageZH: f.LabelZH + "为必填项", MessageEN: f.LabelEN + " is required"}, true
		}
		return centralapi.FieldError{}, false
	}
	zh, en := check(f, v, today)
	if zh == "" {
		return centralapi.FieldError{}, false
	}
	return centralapi.FieldError{Key: f.Key, MessageZH: f.LabelZH + zh, MessageEN: f.LabelEN + en}, true
}

// check returns the Chinese and English message suffixes of the first rule v breaks.
func check(f centralapi.Field, v string, today time.Time) (string, string) {
	r := f.Rules
	switch f.Type {
	case TypeIDNumber:
		if n := strings.ToUpper(v); !ValidIDNumber(n) && !validPermanentResidence2017(n) {
			return "格式或校验位不正确", " is not a valid ID number"
		}
	case TypePhone:
		if !phonePattern.MatchString(v) {
			return "应为11位手机号码", " must be an 11-digit mobile number"
		}
	case TypeDate:
		d, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return "应为YYYY-MM-DD格式的日期", " must be a date as YYYY-MM-DD"
		}
		y, m, dd := today.Date()
		days := int(d.Sub(time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)).Hours() / 24)
		if r.MinDays != nil && days < *r.MinDays || r.MaxDays != nil && days > *r.MaxDays {
			return "不在可选范围内", " is outside the allowed range"
		}
	case TypeChoice:
		for _, o := range f.Options {
			if o.Value == v {
				return "", ""
			}
		}
		return "不是可选值", " is not one of the options"
	case TypeAmount:
		fen, ok := ParseAmount(v)
		if !ok {
			return "应为金额(元,最多两位小数)", " must be an amount in yuan with at most two decimals"
		}
		if r.MinFen != nil && fen < *r.MinFen || r.MaxFen != nil && fen > *r.MaxFen {
			return "超出允许范围", " is outside the allowed range"
		}
	default: // text, and any type this terminal does not know yet: central decides
		n := len([]rune(v))
		if r.MinLen != nil && n < *r.MinLen || r.MaxLen != nil && n > *r.MaxLen {
			return "长度不符合要求", " has the wrong length"
		}
		if re := pattern(r.Pattern); re != nil && !re.MatchString(v) {
			return "格式不正确", " has the wrong format"
		}
	}
	return "", ""
}

// pattern compiles a rule's pattern, anchored. A pattern this terminal cannot compile is
// left to central.
func pattern(p string) *regexp.Regexp {
	if p == "" {
		return nil
	}
	if re, ok := patterns.Load(p); ok {
		re, _ := re.(*regexp.Regexp)
		return re
	}
	re, err := regexp.Compile(`^(?:` + p + `)$`)
	if err != nil {
		re = nil
	}
	patterns.Store(p, re)
	return re
}

// ParseAmount turns "1200.5" into 120050 fen.
func ParseAmount(s string) (int64, bool) {
	if !amountPattern.MatchString(s) {
		return 0, false
	}
	whole, frac, _ := strings.Cut(s, ".")
	for len(frac) < 2 {
		frac += "0"
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, false
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	return w*100 + f, true
}

// idWeights are the GB 11643-1999 weights of the first 17 digits.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// ValidIDNumber reports whether n is an 18-character GB 11643 number with a correct check
// character.
func ValidIDNumber(n string) bool {
	if len(n) != 18 {
		return false
	}
	sum := 0
	for i := range 17 {
		c := n[i]
		if c < '0' || c > '9' {
			return false
		}
		sum += int(c-'0') * idWeights[i]
	}
	return "10X98765432"[sum%11] == n[17]
}

// validPermanentResidence2017 reports whether n has the shape of a 2017 foreigner's
// permanent residence number: three letters, twelve digits with a plausible month and day.
func validPermanentResidence2017(n string) bool {
	if len(n) != 15 {
		return false
	}
	for i := range 15 {
		c := n[i]
		if i < 3 && (c < 'A' || c > 'Z') || i >= 3 && (c < '0' || c > '9') {
			return false
		}
	}
	mm, dd := (n[9]-'0')*10+n[10]-'0', (n[11]-'0')*10+n[12]-'0'
	return mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31
}
