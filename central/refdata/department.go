package refdata

// Department is one of the city's government departments.
type Department struct {
	Code   string `json:"code"`
	NameZH string `json:"name_zh"`
	NameEN string `json:"name_en"`
}

// departmentTable lists the 34 departments in catalog order. The codes are short English
// abbreviations; item codes start with them.
var departmentTable = []Department{
	{"PSB", "市公安局", "Public Security Bureau"},
	{"HRSS", "市人力资源和社会保障局", "Human Resources and Social Security Bureau"},
	{"HCB", "市住房和建设局", "Housing and Construction Bureau"},
	{"TAX", "国家税务总局市税务局", "Municipal Taxation Bureau of the State Taxation Administration"},
	{"AMR", "市市场监督管理局", "Administration for Market Regulation"},
	{"PNR", "市规划和自然资源局", "Planning and Natural Resources Bureau"},
	{"TRB", "市交通运输局", "Transport Bureau"},
	{"HLC", "市卫生健康委员会", "Health Commission"},
	{"CAB", "市民政局", "Civil Affairs Bureau"},
	{"EDU", "市教育局", "Education Bureau"},
	{"HSA", "市医疗保障局", "Healthcare Security Administration"},
	{"HPF", "市住房公积金管理中心", "Housing Provident Fund Management Center"},
	{"DRC", "市发展和改革委员会", "Development and Reform Commission"},
	{"IIT", "市工业和信息化局", "Industry and Information Technology Bureau"},
	{"STI", "市科技创新局", "Science, Technology and Innovation Bureau"},
	{"COM", "市商务局", "Commerce Bureau"},
	{"JUS", "市司法局", "Justice Bureau"},
	{"FIN", "市财政局", "Finance Bureau"},
	{"EEB", "市生态环境局", "Ecology and Environment Bureau"},
	{"WAT", "市水务局", "Water Resources Bureau"},
	{"UMB", "市城市管理和综合执法局", "Urban Management and Law Enforcement Bureau"},
	{"CTS", "市文化广电旅游体育局", "Culture, Radio, Television, Tourism and Sports Bureau"},
	{"EMB", "市应急管理局", "Emergency Management Bureau"},
	{"VAB", "市退役军人事务局", "Veterans Affairs Bureau"},
	{"STB", "市统计局", "Statistics Bureau"},
	{"ERA", "市民族宗教事务局", "Ethnic and Religious Affairs Bureau"},
	{"FAO", "市人民政府外事办公室", "Foreign Affairs Office"},
	{"ARC", "市档案馆", "Municipal Archives"},
	{"MET", "市气象局", "Meteorological Bureau"},
	{"CDP", "市残疾人联合会", "Disabled Persons' Federation"},
	{"FRB", "市消防救援支队", "Fire and Rescue Detachment"},
	{"CAD", "市人民防空办公室", "Civil Air Defense Office"},
	{"FSB", "市地方金融管理局", "Local Financial Regulatory Bureau"},
	{"PAB", "市口岸办公室", "Port Affairs Office"},
}

// Departments returns the 34 departments in catalog order.
func Departments() []Department {
	return append([]Department(nil), departmentTable...)
}
