package certificate

// Fixed texts of the proofs' layout, Chinese first. Every one is listed in chrome so
// that each document's font subset holds its characters.
const (
	lblName      = "姓名 Name"
	lblNameEN    = "外文姓名 Name in English"
	lblID        = "证件号码 ID number"
	lblIssuedBy  = "出具单位 Issued by"
	lblIssuedAt  = "出具时间 Issued at"
	lblDataAsOf  = "数据截至 Data as of"
	lblValid     = "有效期至 Valid until"
	lblPrinted   = "打印时间 Printed at"
	lblCode      = "验证码 Verification code"
	lblVerifyAt  = "核验网址 Verify at"
	lblScan      = "扫码核验 Scan to verify"
	lblNote      = "备注 Note"
	lblContinued = "（续）continued"
	lblNoRows    = "无记录 No records"
	lblPage      = "第 %d 页 共 {nb} 页  Page %d of {nb}"
	lblSecurity  = "政务服务自助终端打印 · 涂改无效 · 请以验证码核验 · GOVKIOSK SELF-SERVICE PRINT · "
	lblWatermark = "政务服务自助终端打印"
	lblZone      = "(UTC+8)"
)

var chrome = []string{lblName, lblNameEN, lblID, lblIssuedBy, lblIssuedAt, lblDataAsOf, lblValid, lblPrinted,
	lblCode, lblVerifyAt, lblScan, lblNote, lblContinued, lblNoRows, lblPage, lblSecurity, lblWatermark, lblZone}
