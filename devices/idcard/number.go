package idcard

// checkWeights are the GB 11643-1999 (ISO 7064 MOD 11-2) weights of the first 17 digits.
var checkWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// CheckChar returns the GB 11643 check character for the first 17 digits of an ID
// number, and false when first17 is not 17 ASCII digits.
func CheckChar(first17 string) (byte, bool) {
	if len(first17) != 17 {
		return 0, false
	}
	s := 0
	for i := 0; i < 17; i++ {
		c := first17[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		s += int(c-'0') * checkWeights[i]
	}
	return "10X98765432"[s%11], true
}

// ValidNumber reports whether n is an 18-character GB 11643 number whose check
// character is right. It does not check the embedded date.
func ValidNumber(n string) bool {
	if len(n) != 18 {
		return false
	}
	c, ok := CheckChar(n[:17])
	return ok && n[17] == c
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func allUpper(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func alnum(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}
