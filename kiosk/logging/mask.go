package logging

import (
	"regexp"

	"github.com/govkiosk/kiosk/devices"
)

var (
	// idNumber matches an 18-character resident or residence-permit number, a 15-character
	// permanent-residence number (3 letters and 12 digits) and a mainland mobile number,
	// where they stand apart from other digits.
	idNumber = regexp.MustCompile(`(^|[^0-9A-Za-z])([1-9][0-9]{16}[0-9Xx]|[A-Z]{3}[0-9]{12}|1[3-9][0-9]{9})($|[^0-9A-Za-z])`)
)

// MaskText masks every ID, residence or mobile number found in s.
func MaskText(s string) string {
	if !idNumber.MatchString(s) {
		return s
	}
	return idNumber.ReplaceAllStringFunc(s, func(m string) string {
		sub := idNumber.FindStringSubmatch(m)
		return sub[1] + devices.MaskNumber(sub[2]) + sub[3]
	})
}

func maskNumber(s string) string  { return devices.MaskNumber(s) }
func maskName(s string) string    { return devices.MaskName(s) }
func maskAddress(s string) string { return devices.MaskAddress(s) }
