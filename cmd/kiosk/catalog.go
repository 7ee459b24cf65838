package main

import (
	"github.com/govkiosk/kiosk/kiosk/centralapi"
	"github.com/govkiosk/kiosk/kiosk/session"
)

// popularProofs are the proofs the home screen offers before the citizen types: the
// five DOMAIN.md names as the most asked for at self-service terminals.
var popularProofs = []string{"个人参保证明", "五险一金缴纳明细", "无房产证明", "完税证明", "发票真伪查验", "无犯罪记录证明"}

// sessionCatalog adapts the offline catalog to what the session's screens need. With no
// catalog yet (first start with central unreachable) it finds nothing.
type sessionCatalog struct{ a *agent }

func (c sessionCatalog) Search(q string, limit int) []session.ItemView {
	cur := c.a.catalog.Current()
	if cur == nil {
		return nil
	}
	var out []session.ItemView
	for _, h := range cur.Search(q, limit) {
		out = append(out, c.view(h.Item))
	}
	return out
}

func (c sessionCatalog) Popular(limit int) []session.ItemView {
	cur := c.a.catalog.Current()
	if cur == nil {
		return nil
	}
	var out []session.ItemView
	for _, name := range popularProofs {
		for _, h := range cur.Search(name, 3) {
			if h.Item.NameZH == name && len(out) < limit {
				out = append(out, c.view(h.Item))
				break
			}
		}
	}
	return out
}

func (c sessionCatalog) Item(code string) (session.ItemView, bool) {
	cur := c.a.catalog.Current()
	if cur == nil {
		return session.ItemView{}, false
	}
	it, ok := cur.Item(code)
	if !ok {
		return session.ItemView{}, false
	}
	return c.view(it), true
}

func (c sessionCatalog) view(it *centralapi.Item) session.ItemView {
	v := session.ItemView{
		Code: it.Code, NameZH: it.NameZH, NameEN: it.NameEN, Kind: it.Kind,
		Printable:       it.Kind == centralapi.KindProof && it.Flags.Printable,
		TimeLimitDays:   it.TimeLimitDays,
		FeeFen:          it.FeeFen,
		InstantApproval: it.Flags.InstantApproval,
		SecondFactor:    it.Flags.SecondFactor,
		Form:            it.Form,
	}
	if cur := c.a.catalog.Current(); cur != nil {
		if d, ok := cur.Department(it.Department); ok {
			v.DeptZH, v.DeptEN = d.NameZH, d.NameEN
		}
	}
	for _, m := range it.Materials {
		v.MaterialsZH = append(v.MaterialsZH, m.NameZH)
		v.MaterialsEN = append(v.MaterialsEN, m.NameEN)
	}
	return v
}
