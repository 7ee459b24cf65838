package catalog_test

import (
	"strings"
	"testing"

	"github.com/govkiosk/kiosk/kiosk/catalog"
)

// TestSearchFirstHit: the obvious answer comes first, for every way of typing it.
func TestSearchFirstHit(t *testing.T) {
	c := indexed(t)
	cases := []struct {
		query, first, match string
	}{
		{"sbzm", "个人参保证明", catalog.MatchPinyin}, // the journey of issue 6
		{"个人参保证明", "个人参保证明", catalog.MatchName},
		{"gerencanbaozhengming", "个人参保证明", catalog.MatchPinyin},
		{"grcbzm", "个人参保证明", catalog.MatchPinyin},
		{"gerencbzm", "个人参保证明", catalog.MatchPinyin},
		{"ge ren can bao", "个人参保证明", catalog.MatchPinyin},
		{"社保证明", "个人参保证明", catalog.MatchAlias},
		{"hjzm", "户籍证明", catalog.MatchPinyin},
		{"huji", "户籍证明", catalog.MatchPinyin},
		{"户口证明", "户籍证明", catalog.MatchAlias},
		{"wfzjlzm", "无犯罪记录证明", catalog.MatchPinyin},
		{"wszm", "完税证明", catalog.MatchPinyin},
		{"gjjjczm", "住房公积金缴存证明", catalog.MatchAlias}, // 住房公积金 is also known as 公积金
		{"公积金缴存证明", "住房公积金缴存证明", catalog.MatchAlias},
		{"住房公积金缴存证明", "住房公积金缴存证明", catalog.MatchName},
		{"无房产证明", "无房产证明", catalog.MatchName},
		{"Personal social insurance", "个人参保证明", catalog.MatchEnglish},
		{"no criminal record", "无犯罪记录证明", catalog.MatchEnglish},
		{"HRSS-0001", "个人参保证明", catalog.MatchCode},
		{"hrss-0001", "个人参保证明", catalog.MatchCode},
		{"ＨＲＳＳ－０００１", "个人参保证明", catalog.MatchCode}, // full-width from a Chinese keyboard
		{"lnryd", "老年人优待证办理", catalog.MatchPinyin},
	}
	for _, tc := range cases {
		hits := c.Search(tc.query, 10)
		if len(hits) == 0 {
			t.Errorf("%q: no hits", tc.query)
			continue
		}
		if hits[0].Item.NameZH != tc.first || hits[0].Match != tc.match {
			t.Errorf("%q: first %s (%s, %d), want %s (%s); top: %s", tc.query, hits[0].Item.NameZH, hits[0].Match,
				hits[0].Score, tc.first, tc.match, names(hits, 5))
		}
	}
}

// TestSearchFinds: each query finds the item among the first few (several good answers).
func TestSearchFinds(t *testing.T) {
	c := indexed(t)
	cases := []struct {
		query string
		want  []string // all of these in the top `within`
		top   int
	}{
		{"shebao", []string{"个人参保证明"}, 10},
		{"社保", []string{"个人参保证明", "养老保险参保证明"}, 10},
		{"sbzm", []string{"养老保险参保证明", "医疗保险参保证明"}, 10},
		{"yibao", []string{"医疗保险参保证明"}, 10},
		{"pension", []string{"养老保险参保证明"}, 10},
		{"housing fund", []string{"住房公积金缴存证明"}, 10},
		{"gangaotongxingzheng", []string{"往来港澳通行证申领"}, 10}, // 行 read xing
		{"txz", []string{"往来港澳通行证申领"}, 10},
		{"txzbl", []string{"往来台湾通行证补领", "往来港澳通行证补领"}, 10},
		{"xingzheng", []string{"往来港澳通行证申领"}, 40},
	}
	for _, tc := range cases {
		hits := c.Search(tc.query, tc.top)
		for _, w := range tc.want {
			found := false
			for _, h := range hits {
				found = found || h.Item.NameZH == w
			}
			if !found {
				t.Errorf("%q: %s not in the top %d: %s", tc.query, w, tc.top, names(hits, tc.top))
			}
		}
	}
}

// TestHeteronyms: every reading of a character is indexed, so a name is found whichever
// reading of 行 (xing/hang) or 重 (zhong/chong) the citizen types.
func TestHeteronyms(t *testing.T) {
	c := indexed(t)
	for _, tc := range []struct{ query, want string }{
		{"zhongdianjianshexiangmu", "重点建设项目档案验收办理"},
		{"chongdianjianshexiangmu", "重点建设项目档案验收办理"},
		{"wanglaigangaotongxingzhengshenling", "往来港澳通行证申领"},
		{"wanglaigangaotonghangzhengshenling", "往来港澳通行证申领"},
		{"lvxingshe", "旅行社业务经营许可"},
		{"lvhangshe", "旅行社业务经营许可"},
	} {
		hits := c.Search(tc.query, 1)
		if len(hits) == 0 || hits[0].Item.NameZH != tc.want {
			t.Errorf("%q: %s, want %s first", tc.query, names(hits, 1), tc.want)
		}
	}
}

// TestSearchDepartment: a department's name, pinyin or code lists its items, below
// items matched by their own name.
func TestSearchDepartment(t *testing.T) {
	c := indexed(t)
	for _, tc := range []struct{ query, dept string }{
		{"公积金管理中心", "HPF"}, {"HPF", "HPF"}, {"gongjijinguanlizhongxin", "HPF"}, {"gjjglzx", "HPF"},
		{"provident fund management", "HPF"}, {"公积金中心", "HPF"}, // its short name
		{"人社局", "HRSS"}, {"rsj", "HRSS"}, {"hrss", "HRSS"}, {"TAX", "TAX"}, {"税务局", "TAX"},
	} {
		hits := c.Search(tc.query, 300)
		n := 0
		for _, h := range hits {
			if h.Item.Department == tc.dept {
				n++
			}
		}
		if n != len(c.ItemsOf(tc.dept)) {
			t.Errorf("%q: %d of %d %s items", tc.query, n, len(c.ItemsOf(tc.dept)), tc.dept)
		}
	}
	// A department code alone is not an item code: "tax" ranks English words first.
	if hits := c.Search("tax", 1); len(hits) != 1 || hits[0].Match != catalog.MatchEnglish {
		t.Errorf("tax: %s", names(hits, 1))
	}
	want := 0
	for _, it := range c.Items {
		if strings.HasPrefix(it.Code, "PSB-00") {
			want++
		}
	}
	hits := c.Search("PSB-00", 200)
	for i, h := range hits {
		if h.Match != catalog.MatchCode && i < want || h.Match == catalog.MatchCode && i >= want {
			t.Errorf("PSB-00: hit %d is %s/%s; want the %d PSB-00… items first", i, h.Item.Code, h.Match, want)
			break
		}
	}
	hits = c.Search("公积金", 200)
	seenDept := false
	for _, h := range hits {
		if h.Match == catalog.MatchDepartment {
			seenDept = true
		} else if seenDept {
			t.Fatalf("%s matched by name ranks below a department match", h.Item.NameZH)
		}
	}
}

func TestSearchEdges(t *testing.T) {
	c := indexed(t)
	for _, q := range []string{"", "   ", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "?!", "猫猫猫"} {
		if hits := c.Search(q, 10); len(hits) != 0 {
			t.Errorf("%q: %d hits: %s", q, len(hits), names(hits, 3))
		}
	}
	if hits := c.Search("s", 5); len(hits) != 5 {
		t.Errorf("limit 5 gave %d", len(hits))
	}
	if hits := c.Search("s", 0); hits != nil {
		t.Error("limit 0 gave hits")
	}
	it, ok := c.Item(codeOf(t, c, "户籍证明"))
	if !ok || it.NameZH != "户籍证明" {
		t.Error("Item by code")
	}
	if d, ok := c.Department("HRSS"); !ok || d.NameEN == "" {
		t.Error("Department by code")
	}
}

func names(hits []catalog.Hit, n int) string {
	var s []string
	for i, h := range hits {
		if i == n {
			break
		}
		s = append(s, h.Item.NameZH+"/"+h.Match)
	}
	return strings.Join(s, ", ")
}
