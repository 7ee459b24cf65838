package refdata

// idWeights are the GB 11643-1999 weights of the first 17 characters.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// IDCheckChar returns the GB 11643-1999 check character for the first 17 digits of an
// ID number, or 0 when they are not 17 digits.
func IDCheckChar(first17 string) byte {
	if len(first17) != 17 {
		return 0
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := first17[i]
		if c < '0' || c > '9' {
			return 0
		}
		sum += int(c-'0') * idWeights[i]
	}
	return "10X98765432"[sum%11]
}

// ValidIDNumber reports whether n is an 18-character GB 11643 number (resident ID card,
// HK/Macao/Taiwan residence permit or 2023 foreigner's permanent residence card) with a
// correct check character.
func ValidIDNumber(n string) bool {
	return len(n) == 18 && IDCheckChar(n[:17]) == n[17]
}

// ValidPermanentResidence2017 reports whether n looks like the 15-character number of a
// 2017 foreigner's permanent residence card: three letters of the GB/T 2659 country code,
// four digits of the accepting authority's region and the holder's birth date as YYMMDD,
// then two more digits. It has no check character.
func ValidPermanentResidence2017(n string) bool {
	if len(n) != 15 {
		return false
	}
	for i := 0; i < 15; i++ {
		c := n[i]
		if i < 3 && (c < 'A' || c > 'Z') || i >= 3 && (c < '0' || c > '9') {
			return false
		}
	}
	mm, dd := (n[9]-'0')*10+n[10]-'0', (n[11]-'0')*10+n[12]-'0'
	return mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31
}

// MaskNumber masks an ID number for logs and public pages, keeping the first four and the
// last four characters: "440304199001011234" → "4403**********1234".
func MaskNumber(n string) string {
	r := []rune(n)
	if len(r) <= 8 {
		if len(r) == 0 {
			return ""
		}
		return repeatStar(len(r)-1) + string(r[len(r)-1])
	}
	return string(r[:4]) + repeatStar(len(r)-8) + string(r[len(r)-4:])
}

// MaskName keeps the first character of a name: "王建国" → "王**".
func MaskName(n string) string {
	r := []rune(n)
	if len(r) == 0 {
		return ""
	}
	return string(r[:1]) + repeatStar(len(r)-1)
}

func repeatStar(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '*'
	}
	return string(b)
}
