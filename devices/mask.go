package devices

import "strings"

// MaskNumber masks an ID or permanent-residence number for display and logs, keeping the
// first four and the last four characters: "440301199001011234" → "4403**********1234".
// Numbers of eight characters or fewer keep only their last character.
func MaskNumber(n string) string {
	r := []rune(n)
	if len(r) <= 8 {
		if len(r) == 0 {
			return ""
		}
		return strings.Repeat("*", len(r)-1) + string(r[len(r)-1])
	}
	return string(r[:4]) + strings.Repeat("*", len(r)-8) + string(r[len(r)-4:])
}

// MaskName masks a personal name, keeping its first character: "张三丰" → "张**",
// "ZHANG SAN" → "Z********".
func MaskName(n string) string {
	r := []rune(n)
	if len(r) == 0 {
		return ""
	}
	return string(r[:1]) + strings.Repeat("*", len(r)-1)
}

// MaskAddress keeps the first six characters of an address (province and city level)
// and masks the rest.
func MaskAddress(a string) string {
	r := []rune(a)
	if len(r) <= 6 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:6]) + strings.Repeat("*", len(r)-6)
}
