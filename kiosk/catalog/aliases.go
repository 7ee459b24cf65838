package catalog

import "strings"

// aliases are the everyday abbreviations citizens type for the official words in item
// names: a name holding the official word is also indexed with the abbreviation in its
// place (个人参保证明 is also found as 个人社保证明, so "sbzm" and "shebao" find it). A
// match through an alias ranks just below a match of the name itself.
var aliases = []struct{ official, everyday string }{
	{"参保", "社保"},
	{"社会保险", "社保"},
	{"社会保障", "社保"},
	{"医疗保险", "医保"},
	{"养老保险", "养老"},
	{"住房公积金", "公积金"},
	{"个人所得税", "个税"},
	{"户籍", "户口"},
	{"不动产", "房产"},
	{"婚姻登记", "结婚登记"},
	{"居民身份证", "身份证"},
	{"机动车驾驶证", "驾照"},
	{"港澳通行证", "港澳通"},
	{"往来港澳", "港澳"},
	{"往来台湾", "台湾"},
}

// aliasNames returns the other names an item's Chinese name is known by.
func aliasNames(name string) []string {
	var out []string
	seen := map[string]bool{name: true}
	for _, a := range aliases {
		if strings.Contains(name, a.official) {
			n := strings.ReplaceAll(name, a.official, a.everyday)
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}

// deptAliases are the short names departments go by (人社局 for 人力资源和社会保障局).
var deptAliases = []struct{ official, everyday string }{
	{"人力资源和社会保障局", "人社局"},
	{"住房和建设局", "住建局"},
	{"国家税务总局市税务局", "税务局"},
	{"市场监督管理局", "市场监管局"},
	{"规划和自然资源局", "规自局"},
	{"卫生健康委员会", "卫健委"},
	{"医疗保障局", "医保局"},
	{"住房公积金管理中心", "公积金中心"},
	{"发展和改革委员会", "发改委"},
	{"工业和信息化局", "工信局"},
	{"科技创新局", "科创局"},
	{"城市管理和综合执法局", "城管局"},
	{"文化广电旅游体育局", "文旅局"},
	{"退役军人事务局", "退役军人局"},
	{"民族宗教事务局", "民宗局"},
	{"人民政府外事办公室", "外办"},
	{"残疾人联合会", "残联"},
	{"人民防空办公室", "人防办"},
	{"地方金融管理局", "金融局"},
}

// deptAliasNames returns the other names a department is known by.
func deptAliasNames(name string) []string {
	var out []string
	for _, a := range deptAliases {
		if strings.Contains(name, a.official) {
			out = append(out, strings.ReplaceAll(name, a.official, a.everyday))
		}
	}
	return out
}
