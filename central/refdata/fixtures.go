package refdata

// The card fixtures: the simulator's cards carry exactly these people. They are invented.
const (
	FixtureWang   = "44030419580315123X" // 王建国, resident card, retired, owns a flat
	FixtureChen   = "810000199006060023" // 陈美玲, HK resident permit, employed, no property
	FixtureSmith  = "USA440385072311"    // SMITH JOHN 史密斯, 2017 permanent residence card
	FixtureGarcia = "944030199005120021" // GARCIA MARIA 玛丽亚, 2023 permanent residence card
	FixtureLi     = "440305198002290045" // 李秀英, resident card the simulator reports expired
)

// FixtureIDs lists the card fixtures' numbers.
var FixtureIDs = []string{FixtureWang, FixtureChen, FixtureSmith, FixtureGarcia, FixtureLi}

var fixtureProfiles = []profile{
	{
		Citizen: Citizen{IDNumber: FixtureWang, Name: "王建国", Sex: "1", Birth: "1958-03-15", CardType: "resident",
			Nationality: "CHN", Phone: "13800000001", District: "福田区", Address: "广东省深圳市福田区福中三路2012号",
			HukouInCity: true, Marital: "married", MarriedOn: "1984-10-01", SocialCardNo: "SZ0001580315",
			RetiredSince: "2018-04", PensionFen: 4850_00},
		Jobs: []job{
			{Employer: "深圳市华富电子有限公司", From: "1993-01", To: "2009-12", SalaryFen: 1200_00},
			{Employer: "深圳市莲花物业管理有限公司", From: "2010-01", To: "2018-03", SalaryFen: 4800_00},
		},
		FundRate: 5, FundAccount: "2001580315001",
		Properties: []Property{{CertNo: "粤(2009)深圳市不动产权第0001234号", Address: "深圳市福田区福中三路2012号3栋503房",
			AreaDM2: 7856, Usage: "住宅", RegisteredOn: "2009-06-18"}},
	},
	{
		Citizen: Citizen{IDNumber: FixtureChen, Name: "陈美玲", Sex: "2", Birth: "1990-06-06", CardType: "hk_mo_tw_permit",
			Nationality: "CHN", Phone: "13800000002", District: "南山区", Address: "广东省深圳市南山区科技园路1号",
			ResidencePermit: "440305199006060023", Marital: "unmarried", SocialCardNo: "SZ0002900606"},
		Jobs:     []job{{Employer: "深圳前海星河数码科技有限公司", From: "2016-07", SalaryFen: 12000_00}},
		FundRate: 12, FundAccount: "2001900606002",
	},
	{
		Citizen: Citizen{IDNumber: FixtureSmith, Name: "史密斯", NameEN: "SMITH JOHN", Sex: "1", Birth: "1985-07-23",
			CardType: "foreign_permanent_2017", Nationality: "USA", Phone: "13800000003", District: "南山区",
			Address: "广东省深圳市南山区蛇口街道望海路9号", Marital: "married", MarriedOn: "2015-05-20", SocialCardNo: "SZ0003850723"},
		Jobs:     []job{{Employer: "深圳蛇口国际学校服务有限公司", From: "2019-03", SalaryFen: 38000_00}},
		FundRate: 5, FundAccount: "2001850723003",
		Properties: []Property{{CertNo: "粤(2022)深圳市不动产权第0456789号", Address: "深圳市南山区蛇口街道望海路9号2栋1801房",
			AreaDM2: 12034, Usage: "住宅", RegisteredOn: "2022-08-09"}},
	},
	{
		Citizen: Citizen{IDNumber: FixtureGarcia, Name: "玛丽亚", NameEN: "GARCIA MARIA", Sex: "2", Birth: "1990-05-12",
			CardType: "foreign_permanent_2023", Nationality: "ESP", Phone: "13800000004", District: "福田区",
			Address: "广东省深圳市福田区福田街道福华路66号", Marital: "unmarried", SocialCardNo: "SZ0004900512"},
		Jobs:     []job{{Employer: "深圳市福华国际贸易有限公司", From: "2020-09", SalaryFen: 26000_00}},
		FundRate: 8, FundAccount: "2001900512004",
	},
	{
		Citizen: Citizen{IDNumber: FixtureLi, Name: "李秀英", Sex: "2", Birth: "1980-02-29", CardType: "resident",
			Nationality: "CHN", Phone: "13800000005", District: "南山区", Address: "广东省深圳市南山区南山大道1001号",
			HukouInCity: true, Marital: "married", MarriedOn: "2006-10-08", SocialCardNo: "SZ0005800229"},
		Jobs:     []job{{Employer: "深圳市南山区南头城社区股份合作公司", From: "2003-07", SalaryFen: 3500_00}},
		FundRate: 10, FundAccount: "2001800229005",
		Properties: []Property{{CertNo: "粤(2012)深圳市不动产权第0098765号", Address: "深圳市南山区南山大道1001号5栋1202房",
			AreaDM2: 8920, Usage: "住宅", RegisteredOn: "2012-04-26"}},
	},
}
