package refdata

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// FieldError is one rejected form value. Message is for the citizen, in both languages;
// it never repeats the value.
type FieldError struct {
	Key       string `json:"key"`
	MessageZH string `json:"message_zh"`
	MessageEN string `json:"message_en"`
}

var (
	phonePattern = regexp.MustCompile(`^1[3-9][0-9]{9}$`)
	amountPatt   = regexp.MustCompile(`^[0-9]{1,12}(\.[0-9]{1,2})?$`)
	patternCache sync.Map // string → *regexp.Regexp
)

func anchored(p string) *regexp.Regexp {
	if re, ok := patternCache.Load(p); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile(`^(?:` + p + `)$`)
	patternCache.Store(p, re)
	return re
}

// ParseAmount turns "1200.5" into 120050 fen.
func ParseAmount(s string) (int64, error) {
	if !amountPatt.MatchString(s) {
		return 0, fmt.Errorf("refdata: amount: not a yuan amount")
	}
	whole, frac, _ := strings.Cut(s, ".")
	for len(frac) < 2 {
		frac += "0"
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("refdata: amount: %w", err)
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	return w*100 + f, nil
}

// Validate checks form values against the fields' types and rules, with today as the
// reference for relative date rules. Unknown keys are errors too, so a typo in a client
// never passes silently. It returns nil when everything is valid.
func Validate(fields []Field, form map[string]string, today time.Time) []FieldError {
	var errs []FieldError
	known := make(map[string]bool, len(fields))
	for _, f := range fields {
		known[f.Key] = true
		v, ok := form[f.Key]
		v = strings.TrimSpace(v)
		if !ok || v == "" {
			if f.Required {
				errs = append(errs, FieldError{f.Key, f.LabelZH + "为必填项", f.LabelEN + " is required"})
			}
			continue
		}
		if zh, en := checkField(f, v, today); zh != "" {
			errs = append(errs, FieldError{f.Key, f.LabelZH + zh, f.LabelEN + en})
		}
	}
	for k := range form {
		if !known[k] {
			errs = append(errs, FieldError{k, "未知字段", "unknown field"})
		}
	}
	return errs
}

// checkField returns the Chinese and English message suffixes of the first broken rule.
func checkField(f Field, v string, today time.Time) (string, string) {
	r := f.Rules
	switch f.Type {
	case FieldIDNumber:
		if n := strings.ToUpper(v); !ValidIDNumber(n) && !ValidPermanentResidence2017(n) {
			return "格式或校验位不正确", " is not a valid ID number"
		}
	case FieldPhone:
		if !phonePattern.MatchString(v) {
			return "应为11位手机号码", " must be an 11-digit mobile number"
		}
	case FieldDate:
		d, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return "应为YYYY-MM-DD格式的日期", " must be a date as YYYY-MM-DD"
		}
		y, m, dd := today.Date()
		days := int(d.Sub(time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)).Hours() / 24)
		if r.MinDays != nil && days < *r.MinDays || r.MaxDays != nil && days > *r.MaxDays {
			return "不在可选范围内", " is outside the allowed range"
		}
	case FieldChoice:
		for _, o := range f.Options {
			if o.Value == v {
				return "", ""
			}
		}
		return "不是可选值", " is not one of the options"
	case FieldAmount:
		fen, err := ParseAmount(v)
		if err != nil {
			return "应为金额(元,最多两位小数)", " must be an amount in yuan with at most two decimals"
		}
		if r.MinFen != nil && fen < *r.MinFen || r.MaxFen != nil && fen > *r.MaxFen {
			return "超出允许范围", " is outside the allowed range"
		}
	case FieldText:
		n := len([]rune(v))
		if r.MinLen > 0 && n < r.MinLen || r.MaxLen > 0 && n > r.MaxLen {
			return "长度不符合要求", " has the wrong length"
		}
		if r.Pattern != "" && !anchored(r.Pattern).MatchString(v) {
			return "格式不正确", " has the wrong format"
		}
	}
	return "", ""
}
