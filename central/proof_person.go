package central

import (
	"fmt"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
)

func proofPropertyNone(_ *refdata.Item, c *refdata.Citizen, _ map[string]string, now time.Time) (*Certificate, error) {
	if len(c.Properties) > 0 {
		return nil, errNoRecords("您名下有不动产登记,不能出具无房产证明", "housing property is registered in your name; a no-property proof cannot be issued")
	}
	return &Certificate{Fields: []CertField{
		field("查询范围", "Scope", "本市不动产登记簿"),
		field("查询结果", "Result", fmt.Sprintf("经查询,截至%s,申请人在本市无住房登记记录。", dateZH(now))),
		field("Result", "Result (English)", "No housing property is registered in the applicant's name in the city."),
	}}, nil
}

func proofPropertyRecords(_ *refdata.Item, c *refdata.Citizen, _ map[string]string, _ time.Time) (*Certificate, error) {
	t := CertTable{TitleZH: "不动产权属", TitleEN: "Real estate held",
		Columns: []Column{col("不动产权证号", "Title number"), col("坐落", "Address"), col("建筑面积(㎡)", "Floor area (m²)"),
			col("用途", "Use"), col("登记日期", "Registered on")}}
	for _, p := range c.Properties {
		t.Rows = append(t.Rows, []string{p.CertNo, p.Address, fmt.Sprintf("%d.%02d", p.AreaDM2/100, p.AreaDM2%100), p.Usage, p.RegisteredOn})
	}
	if t.Rows == nil {
		t.Rows = [][]string{}
	}
	return &Certificate{
		Fields: []CertField{field("登记套数", "Properties", fmt.Sprint(len(c.Properties)))},
		Tables: []CertTable{t},
	}, nil
}

func proofHousehold(_ *refdata.Item, c *refdata.Citizen, _ map[string]string, _ time.Time) (*Certificate, error) {
	if !c.HukouInCity {
		return nil, errNoRecords("您的户籍不在本市,请到户籍所在地办理", "your household registration is not in this city")
	}
	return &Certificate{Fields: []CertField{
		field("性别", "Sex", sexZH(c.Sex)), field("出生日期", "Date of birth", c.Birth),
		field("户籍地址", "Registered address", c.Address), field("户籍所在区", "District", c.District),
		field("登记机关", "Registration office", "深圳市公安局"+c.District+"分局"),
	}}, nil
}

func proofNoRecord(_ *refdata.Item, c *refdata.Citizen, _ map[string]string, now time.Time) (*Certificate, error) {
	return &Certificate{Fields: []CertField{
		field("查询结果", "Result", fmt.Sprintf("经查询,截至%s,未发现该人有犯罪记录。", dateZH(now))),
		field("Result", "Result (English)", "No criminal record was found for this person."),
		field("用途", "Use", "仅用于证明当事人在本市无犯罪记录"),
	}}, nil
}

func proofMarriage(_ *refdata.Item, c *refdata.Citizen, _ map[string]string, _ time.Time) (*Certificate, error) {
	status := map[string][2]string{"unmarried": {"未婚", "Never married"}, "married": {"已婚", "Married"},
		"divorced": {"离婚", "Divorced"}, "widowed": {"丧偶", "Widowed"}}[c.Marital]
	fs := []CertField{field("婚姻登记记录", "Record", status[0]), field("Record", "Record (English)", status[1])}
	if c.MarriedOn != "" {
		fs = append(fs, field("登记日期", "Registered on", c.MarriedOn),
			field("登记机关", "Registry", "深圳市"+c.District+"民政局"))
	}
	return &Certificate{Fields: fs}, nil
}

func proofSocialSecurityCard(_ *refdata.Item, c *refdata.Citizen, _ map[string]string, _ time.Time) (*Certificate, error) {
	if c.SocialCardNo == "" {
		return nil, errNoRecords("未查询到您的社会保障卡", "no social security card found")
	}
	return &Certificate{Fields: []CertField{
		field("社会保障卡号", "Card number", c.SocialCardNo), field("卡状态", "Status", "正常使用"),
		field("金融功能", "Bank function", "已激活"),
	}}, nil
}

func proofResidencePermit(_ *refdata.Item, c *refdata.Citizen, _ map[string]string, _ time.Time) (*Certificate, error) {
	if c.ResidencePermit == "" {
		return nil, errNoRecords("未查询到您的居住证记录", "no residence permit found")
	}
	return &Certificate{Fields: []CertField{
		field("居住证号码", "Permit number", c.ResidencePermit), field("居住地址", "Address", c.Address),
		field("状态", "Status", "有效"),
	}}, nil
}

func sexZH(code string) string {
	switch code {
	case "1":
		return "男"
	case "2":
		return "女"
	}
	return "未说明"
}
