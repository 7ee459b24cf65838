package refdata

// category groups the subjects of the generated items by what can be done with them.
type category int

const (
	catCert category = iota // a card or certificate held by a person
	catLic                  // a permit granted to a business or person
	catReg                  // a registration or filing
	catBen                  // a benefit or allowance
	catSvc                  // a service used as it is
)

// action turns a subject into an item name: NameZH is subject + SuffixZH, NameEN fills
// PatternEN with the subject's English name.
type action struct {
	SuffixZH  string
	PatternEN string
	Kind      Kind
	Form      string // formKind: which form template the item gets
	Days      int    // time limit in working days
	Materials []Material
}

var (
	matIDCard   = Material{"居民身份证或其他有效身份证件", "Resident ID card or another valid identity document", true}
	matPhoto    = Material{"近期免冠彩色照片", "Recent colour photo without headwear", true}
	matForm     = Material{"申请表", "Application form", true}
	matLicence  = Material{"营业执照", "Business licence", false}
	matOldCert  = Material{"原证件", "The old certificate or card", true}
	matChange   = Material{"变更事项证明材料", "Proof of the change", false}
	matLossNote = Material{"遗失声明", "Declaration of loss", false}
	matPlan     = Material{"相关技术资料或方案", "Technical documents or plan", false}
	matBank     = Material{"本人银行账户信息", "Own bank account details", false}
	matProof    = Material{"资格证明材料", "Proof of eligibility", false}
)

// actionsByCategory lists, for each category, the actions generated for its subjects.
var actionsByCategory = map[category][]action{
	catCert: {
		{"申领", "Application for %s", KindApplication, "apply", 7, []Material{matIDCard, matPhoto, matForm}},
		{"换领", "Renewal of %s", KindApplication, "apply", 7, []Material{matIDCard, matOldCert, matPhoto}},
		{"补领", "Replacement of %s", KindApplication, "replace", 7, []Material{matIDCard, matPhoto, matLossNote}},
		{"信息变更", "Change of details on %s", KindApplication, "change", 5, []Material{matIDCard, matOldCert, matChange}},
		{"注销", "Cancellation of %s", KindApplication, "apply", 3, []Material{matIDCard, matOldCert}},
		{"办理进度查询", "Progress query: %s", KindQuery, "query", 0, nil},
		{"办理预约", "Appointment: %s", KindAppointment, "appointment", 0, nil},
	},
	catLic: {
		{"许可", "%s permit", KindApplication, "business", 20, []Material{matForm, matLicence, matPlan}},
		{"许可变更", "Change of %s permit", KindApplication, "business_change", 10, []Material{matForm, matLicence, matChange}},
		{"许可延续", "Renewal of %s permit", KindApplication, "business", 20, []Material{matForm, matLicence, matOldCert}},
		{"许可注销", "Cancellation of %s permit", KindApplication, "business", 5, []Material{matForm, matOldCert}},
		{"许可证补办", "Replacement of %s permit certificate", KindApplication, "business_replace", 5, []Material{matForm, matLossNote}},
		{"许可信息查询", "Query: %s permit", KindQuery, "query_business", 0, nil},
		{"许可审批进度查询", "Progress query: %s permit", KindQuery, "query_business", 0, nil},
		{"许可办理预约", "Appointment: %s permit", KindAppointment, "appointment", 0, nil},
	},
	catReg: {
		{"登记", "%s registration", KindApplication, "apply", 5, []Material{matIDCard, matForm}},
		{"变更登记", "Change of %s registration", KindApplication, "change", 5, []Material{matIDCard, matForm, matChange}},
		{"注销登记", "Deregistration: %s", KindApplication, "apply", 5, []Material{matIDCard, matForm}},
		{"备案", "%s filing", KindApplication, "apply", 3, []Material{matIDCard, matForm}},
		{"登记信息查询", "Query: %s registration", KindQuery, "query", 0, nil},
		{"登记办理预约", "Appointment: %s registration", KindAppointment, "appointment", 0, nil},
	},
	catBen: {
		{"申领", "Application for %s", KindApplication, "benefit", 15, []Material{matIDCard, matBank, matProof}},
		{"资格认定", "Eligibility confirmation for %s", KindApplication, "apply", 10, []Material{matIDCard, matProof}},
		{"发放查询", "Payment query: %s", KindQuery, "query", 0, nil},
		{"资格认定进度查询", "Eligibility progress query: %s", KindQuery, "query", 0, nil},
		{"暂停发放", "Suspension of %s", KindApplication, "apply", 5, []Material{matIDCard}},
		{"恢复发放", "Resumption of %s", KindApplication, "benefit", 10, []Material{matIDCard, matBank}},
	},
	catSvc: {
		{"办理", "%s", KindApplication, "apply", 10, []Material{matIDCard, matForm}},
		{"信息查询", "Query: %s", KindQuery, "query", 0, nil},
		{"办理进度查询", "Progress query: %s", KindQuery, "query", 0, nil},
		{"预约", "Appointment: %s", KindAppointment, "appointment", 0, nil},
	},
}
