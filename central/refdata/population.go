package refdata

import (
	"fmt"
	"math/rand/v2"
	"sync"
)

// PopulationSeed and PopulationSize fix the generated population.
const (
	PopulationSeed = 20260101
	PopulationSize = 500
)

var districts = []struct{ Code, Name, Street string }{
	{"440303", "罗湖区", "东门街道"}, {"440304", "福田区", "华强北街道"}, {"440305", "南山区", "南头街道"},
	{"440306", "宝安区", "新安街道"}, {"440307", "龙岗区", "龙城街道"}, {"440308", "盐田区", "沙头角街道"},
	{"440309", "龙华区", "民治街道"}, {"440310", "坪山区", "坑梓街道"}, {"440311", "光明区", "公明街道"},
}

var (
	surnames   = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚")
	givenChars = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂华建国文辉鑫宇婷浩欣晨怡博思佳子涵睿嘉琳泽航")
	employers  = []string{"深圳市鹏程科技有限公司", "深圳市南粤物流有限公司", "深圳市华南建设工程有限公司", "深圳市海湾餐饮管理有限公司",
		"深圳市新城智能制造有限公司", "深圳市中和会计师事务所", "深圳市康宁医疗器械有限公司", "深圳市前沿软件有限公司",
		"深圳市城东百货有限公司", "深圳市益民物业服务有限公司"}
	streets = []string{"建设路", "人民路", "东风路", "沿河路", "文化路", "新华路", "中心路", "青年路"}
)

var (
	citizensOnce sync.Once
	citizensByID map[string]*Citizen
)

// Citizens returns every synthetic citizen by ID number: the card fixtures and the
// generated population. The map is built once and shared: callers must not modify it.
func Citizens() map[string]*Citizen {
	citizensOnce.Do(func() {
		citizensByID = map[string]*Citizen{}
		for _, p := range fixtureProfiles {
			c := expand(p)
			citizensByID[c.IDNumber] = &c
		}
		for _, p := range population() {
			c := expand(p)
			citizensByID[c.IDNumber] = &c
		}
	})
	return citizensByID
}

// LookupCitizen finds a citizen by ID number.
func LookupCitizen(id string) (*Citizen, bool) {
	c, ok := Citizens()[id]
	return c, ok
}

// population generates PopulationSize profiles from PopulationSeed.
func population() []profile {
	r := rand.New(rand.NewPCG(PopulationSeed, PopulationSeed>>1))
	taken := map[string]bool{}
	for _, id := range FixtureIDs {
		taken[id] = true
	}
	var out []profile
	for len(out) < PopulationSize {
		d := districts[r.IntN(len(districts))]
		year, month, day := 1950+r.IntN(55), 1+r.IntN(12), 1+r.IntN(28)
		sex := 1 + r.IntN(2)
		seq := r.IntN(500)*2 + (sex % 2) // odd for men, even for women
		first17 := fmt.Sprintf("%s%04d%02d%02d%03d", d.Code, year, month, day, seq)
		id := first17 + string(IDCheckChar(first17))
		if taken[id] {
			continue
		}
		taken[id] = true
		out = append(out, personProfile(r, len(out), id, d.Name, d.Street, year, month, day, sex))
	}
	return out
}

func personProfile(r *rand.Rand, n int, id, district, street string, year, month, day, sex int) profile {
	name := string(surnames[r.IntN(len(surnames))]) + string(givenChars[r.IntN(len(givenChars))])
	if r.IntN(3) > 0 {
		name += string(givenChars[r.IntN(len(givenChars))])
	}
	addr := fmt.Sprintf("广东省深圳市%s%s%s%d号%d栋%d房", district, street, streets[r.IntN(len(streets))], 1+r.IntN(200), 1+r.IntN(30), 101+r.IntN(2000))
	p := profile{Citizen: Citizen{
		IDNumber: id, Name: name, Sex: fmt.Sprint(sex), Birth: fmt.Sprintf("%04d-%02d-%02d", year, month, day),
		CardType: "resident", Nationality: "CHN", Phone: fmt.Sprintf("139%08d", 10000+n), District: district, Address: addr,
		HukouInCity: r.IntN(10) < 6, Marital: "unmarried", SocialCardNo: fmt.Sprintf("SZ%010d", 100000+n),
	}}
	if !p.HukouInCity {
		p.ResidencePermit = id
	}
	if year < 1998 && r.IntN(10) < 7 {
		p.Marital, p.MarriedOn = "married", fmt.Sprintf("%04d-%02d-%02d", year+24+r.IntN(8), 1+r.IntN(12), 1+r.IntN(28))
	}
	retireAge := 60
	if sex == 2 {
		retireAge = 55
	}
	start := max(year+20+r.IntN(6), 1995)
	retire := year + retireAge
	if start >= 2026 {
		return p // still studying: no records
	}
	j := job{Employer: employers[r.IntN(len(employers))], From: fmt.Sprintf("%04d-%02d", start, 1+r.IntN(12)),
		SalaryFen: int64(3000+r.IntN(20000)) * 100, Flexible: r.IntN(10) == 0}
	switch {
	case retire <= 2026:
		j.To = fmt.Sprintf("%04d-%02d", retire, month)
		p.RetiredSince = fmt.Sprintf("%04d-%02d", retire, month)
		p.PensionFen = int64(3000+r.IntN(4000)) * 100
	case r.IntN(10) == 0:
		j.To = fmt.Sprintf("%04d-%02d", 2025+r.IntN(2), 1+r.IntN(9)) // out of work since
	}
	p.Jobs = []job{j}
	if !j.Flexible {
		p.FundRate, p.FundAccount = 5+r.IntN(8), fmt.Sprintf("20%011d", 1000+n)
	}
	for k := range r.IntN(3) {
		if k == 1 && r.IntN(2) == 0 {
			break
		}
		regYear := max(start+3+r.IntN(10), 2000)
		if regYear > 2026 {
			break
		}
		p.Properties = append(p.Properties, Property{
			CertNo:  fmt.Sprintf("粤(%d)深圳市不动产权第%07d号", regYear, 100000+n*3+k),
			Address: fmt.Sprintf("深圳市%s%s%d号%d栋%d房", district, streets[r.IntN(len(streets))], 1+r.IntN(300), 1+r.IntN(20), 101+r.IntN(3000)),
			AreaDM2: int64(4000 + r.IntN(12000)), Usage: "住宅", RegisteredOn: fmt.Sprintf("%d-%02d-%02d", regYear, 1+r.IntN(12), 1+r.IntN(28)),
		})
	}
	return p
}
