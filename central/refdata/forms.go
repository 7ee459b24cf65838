package refdata

// formTemplates gives the form of a generated item by its action's form kind.
var formTemplates = map[string][]Field{
	"apply":            {fieldName, fieldID, fieldPhone, fieldReason},
	"replace":          {fieldName, fieldID, fieldPhone, fieldLoss},
	"change":           {fieldName, fieldID, fieldPhone, fieldChange, fieldReason},
	"business":         {fieldCompany, fieldUSCC, fieldName, fieldPhone, fieldReason},
	"business_change":  {fieldCompany, fieldUSCC, fieldPhone, fieldChange},
	"business_replace": {fieldCompany, fieldUSCC, fieldPhone, fieldLoss},
	"benefit":          {fieldName, fieldID, fieldPhone, fieldBank},
	"query":            {fieldID},
	"query_business":   {fieldUSCC},
	"appointment":      {fieldName, fieldID, fieldPhone, fieldApptDate, fieldApptSlot},
}

// creditCodeChars and creditCodeWeights define the GB 32100-2015 check character of a
// unified social credit code.
const creditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var creditCodeWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// ValidCreditCode reports whether c is an 18-character unified social credit code with a
// correct check character.
func ValidCreditCode(c string) bool {
	if len(c) != 18 {
		return false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := indexByte(creditCodeChars, c[i])
		if v < 0 {
			return false
		}
		sum += v * creditCodeWeights[i]
	}
	check := (31 - sum%31) % 31
	return c[17] == creditCodeChars[check]
}

func indexByte(s string, b byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return i
		}
	}
	return -1
}
