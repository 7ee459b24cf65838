package refdata

// Hall is a service hall where queue tickets are issued.
type Hall struct {
	ID      string `json:"id"`
	NameZH  string `json:"name_zh"`
	NameEN  string `json:"name_en"`
	Address string `json:"address"`
}

var hallTable = []Hall{
	{"SZ-CITY", "深圳市民中心行政服务大厅", "City Administrative Service Hall", "深圳市福田区福中三路市民中心B区"},
	{"SZ-FT", "福田区行政服务大厅", "Futian District Service Hall", "深圳市福田区福民路123号"},
	{"SZ-LH", "罗湖区行政服务大厅", "Luohu District Service Hall", "深圳市罗湖区文锦中路1008号"},
	{"SZ-NS", "南山区行政服务大厅", "Nanshan District Service Hall", "深圳市南山区南头街道南山大道2093号"},
	{"SZ-BA", "宝安区行政服务大厅", "Bao'an District Service Hall", "深圳市宝安区新安街道创业一路1号"},
	{"SZ-LG", "龙岗区行政服务大厅", "Longgang District Service Hall", "深圳市龙岗区龙城街道龙福路3号"},
}

// Halls returns the service halls.
func Halls() []Hall { return append([]Hall(nil), hallTable...) }

// TicketPrefix gives the letter that starts a queue number for a department's items:
// the halls run one queue per counter group.
func TicketPrefix(dept string) string {
	switch dept {
	case "HRSS", "HSA":
		return "B" // social insurance and medical insurance
	case "HPF", "PNR", "HCB":
		return "C" // housing fund, real estate and housing
	case "AMR", "TAX", "DRC", "COM":
		return "D" // business and tax
	case "PSB":
		return "E" // household registration and identity documents
	}
	return "A" // general counters
}
