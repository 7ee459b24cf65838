package ui

import "github.com/govkiosk/kiosk/kiosk/session"

// text keys
const (
	txtTitle        = "title"
	txtSubtitle     = "subtitle"
	txtPlaceCard    = "place_card"
	txtSwitchLang   = "switch_lang"
	txtHello        = "hello"
	txtTakeCardEnds = "take_card_ends"
	txtPrinting     = "printing"
	txtPrinted      = "printed"
	txtBack         = "back"
	txtCountdown    = "countdown"
	txtContinue     = "continue"
	txtTakeCard     = "take_card"
	txtLargeText    = "large_text"
	txtStandardText = "standard_text"

	txtSearch     = "search"
	txtSearchHint = "search_hint"
	txtPopular    = "popular"
	txtNoResults  = "no_results"
	txtBackspace  = "backspace"
	txtPrint      = "print"
	txtFree       = "free"
	txtFee        = "fee"
	txtInstant    = "instant"
	txtTimeLimit  = "time_limit"
	txtMaterials  = "materials"
	txtListSep    = "list_sep"
	txtNextPrint  = "next_print"
	txtNextApply  = "next_apply"

	txtOtherService    = "other_service"
	txtRateAndFinish   = "rate_and_finish"
	txtRateTitle       = "rate_title"
	txtSatisfied       = "satisfied"
	txtBasically       = "basically"
	txtDissatisfied    = "dissatisfied"
	txtSkipRating      = "skip_rating"
	txtWhyDissatisfied = "why_dissatisfied"
	txtGoodbye         = "goodbye"

	txtTechTitle       = "tech_title"
	txtEnterPIN        = "enter_pin"
	txtOK              = "ok"
	txtClear           = "clear"
	txtCancel          = "cancel"
	txtTechStatusTitle = "tech_status_title"
	txtRefresh         = "refresh"
	txtExit            = "exit"

	txtApply          = "apply"
	txtBook           = "book"
	txtNextForm       = "next_form"
	txtTakeTicket     = "take_ticket"
	txtMyApps         = "my_apps"
	txtStep           = "step"
	txtOptional       = "optional"
	txtNext           = "next"
	txtToReview       = "to_review"
	txtReviewTitle    = "review_title"
	txtFromCard       = "from_card"
	txtEdit           = "edit"
	txtSubmit         = "submit"
	txtCancelApply    = "cancel_apply"
	txtSubmitting     = "submitting"
	txtSpace          = "space"
	txtDateHint       = "date_hint"
	txtChooseHint     = "choose_hint"
	txtPrintReceipt   = "print_receipt"
	txtReference      = "reference"
	txtLocalReference = "local_reference"
	txtAppsTitle      = "apps_title"
	txtAsking         = "asking"
	txtNoApps         = "no_apps"
	txtAppsFailed     = "apps_failed"
	txtWaitingHere    = "waiting_here"
	txtTicketTitle    = "ticket_title"
	txtTicketFailed   = "ticket_failed"
	txtYourNumber     = "your_number"
	txtCounterGroup   = "counter_group"
	txtAhead          = "ahead"
	txtPrintTicket    = "print_ticket"
	txtHome           = "home"
	txtReviewLine     = "review_line"
	txtReading        = "reading"
	txtKeepCard       = "keep_card"
	txtAuthenticating = "authenticating"
	txtCodeTitle      = "code_title"
	txtCodeSending    = "code_sending"
	txtCodeSentTo     = "code_sent_to"
	txtEnterCode      = "enter_code"
	txtCodeChecking   = "code_checking"
	txtOffline        = "offline"
	txtNeedsCode      = "needs_code"
	txtPreparing      = "preparing"
	txtPreviewHint    = "preview_hint"
	txtPages          = "pages"
	txtNoPreview      = "no_preview"
	txtDepartments    = "departments"
	txtChooseDept     = "choose_dept"
	txtPrevPage       = "prev_page"
	txtNextPage       = "next_page"
	txtPageOf         = "page_of"
	txtNoItems        = "no_items"
)

// texts holds every string the screens show, in both languages; a test checks that each
// key and each notice has both.
var texts = map[string]map[string]string{
	"zh": {
		txtTitle:        "政务服务自助终端",
		txtSubtitle:     "24小时不打烊 · 查询 · 申办 · 打印证明",
		txtPlaceCard:    "请将身份证放在下方感应区",
		txtSwitchLang:   "English",
		txtHello:        "您好，%s",
		txtTakeCardEnds: "取走身份证即结束办理",
		txtPrinting:     "正在打印，请稍候……",
		txtPrinted:      "打印完成，请取走您的证明",
		txtBack:         "返回",
		txtCountdown:    "%d 秒后将自动结束办理",
		txtContinue:     "继续办理",
		txtTakeCard:     "办理已结束，请取走您的身份证和证明材料",
		txtLargeText:    "大字模式",
		txtStandardText: "标准字体",

		txtSearch:     "查找事项：",
		txtSearchHint: "输入拼音首字母或全拼，如 SBZM",
		txtPopular:    "常用证明",
		txtNoResults:  "没有找到相关事项，请换个说法试试",
		txtBackspace:  "退格",
		txtPrint:      "打印",
		txtFree:       "免费",
		txtFee:        "收费 %.2f 元",
		txtInstant:    "即时办结",
		txtTimeLimit:  "%d 个工作日内办结",
		txtMaterials:  "所需材料：%s",
		txtListSep:    "、",
		txtNextPrint:  "点击“打印”，证明将由本机打印，请在出纸口取走。",
		txtNextApply:  "本机暂不能办理此事项，请到人工窗口或在网上办理。",

		txtOtherService:       "办理其他事项",
		txtRateAndFinish:      "评价并结束",
		txtRateTitle:          "请对本次服务进行评价",
		txtSatisfied:          "满意",
		txtBasically:          "基本满意",
		txtDissatisfied:       "不满意",
		txtSkipRating:         "不评价，结束",
		txtWhyDissatisfied:    "请选择不满意的原因",
		txtGoodbye:            "感谢您的使用！请取走您的身份证和证明材料。",
		"reason_slow":         "等待时间长",
		"reason_hard_to_use":  "操作不方便",
		"reason_unclear":      "指引不清楚",
		"reason_device_fault": "设备有故障",

		txtTechTitle:       "技术人员登录",
		txtEnterPIN:        "请输入PIN码",
		txtOK:              "确定",
		txtClear:           "清除",
		txtCancel:          "取消",
		txtTechStatusTitle: "终端状态",
		txtRefresh:         "刷新",
		txtExit:            "退出",

		string(session.NoticeCardExpired):  "您的证件已过有效期，请到人工窗口办理。",
		string(session.NoticeCardUnread):   "未能读取证件，请将证件重新放在感应区。",
		string(session.NoticeReaderFault):  "读卡器暂时无法使用，已通知工作人员。",
		string(session.NoticePrintFailed):  "打印未成功，您的打印任务已保存，请稍后重试或联系工作人员。",
		string(session.NoticePrinterFault): "打印机需要维护，已通知工作人员；您的打印任务已保存，将自动打印。",
		string(session.NoticeCentralDown):  "暂时无法连接政务服务平台，请稍后再试；您已提交的事项不受影响。",
		string(session.NoticeProofRefused): "服务平台未能为您出具该证明，请到人工窗口咨询。",
		string(session.NoticeProofFailed):  "证明未能生成，未产生打印任务。请稍后重试或联系工作人员。",
		string(session.NoticeNotHere):      "本机暂不能办理此事项，请到人工窗口或在网上办理。",
		string(session.NoticeWrongPIN):     "PIN码错误。",
		string(session.NoticePINLocked):    "PIN码错误次数过多，请5分钟后再试。",

		txtApply:          "申请办理",
		txtBook:           "预约",
		txtNextForm:       "点击“申请办理”，在本机填写表单并提交；姓名和证件号码取自您的身份证。",
		txtTakeTicket:     "取号到人工窗口办理",
		txtMyApps:         "我的申请",
		txtStep:           "第 %d 步，共 %d 步",
		txtOptional:       "（选填）",
		txtNext:           "下一步",
		txtToReview:       "核对信息",
		txtReviewTitle:    "请核对申请信息",
		txtFromCard:       "（取自身份证）",
		txtEdit:           "修改",
		txtSubmit:         "提交申请",
		txtCancelApply:    "放弃申请",
		txtSubmitting:     "正在提交，请稍候……",
		txtSpace:          "空格",
		txtDateHint:       "请输入8位数字，如 20261201",
		txtChooseHint:     "请点选一项",
		txtPrintReceipt:   "打印回执",
		txtReference:      "受理编号：%s",
		txtLocalReference: "本机登记号：%s",
		txtAppsTitle:      "我的申请",
		txtAsking:         "正在查询，请稍候……",
		txtNoApps:         "暂无申请记录",
		txtAppsFailed:     "暂时无法查询您的申请，请稍后再试。",
		txtWaitingHere:    "已在本机保存，等待提交",
		txtTicketTitle:    "排队取号",
		txtTicketFailed:   "暂时无法取号，请稍后再试或咨询工作人员。",
		txtYourNumber:     "您的号码",
		txtCounterGroup:   "%s 类窗口",
		txtAhead:          "前面还有 %d 人等候",
		txtPrintTicket:    "打印号票",
		txtHome:           "返回首页",
		txtReviewLine:     "%s：%s",
		"result_approved": "审批通过",
		"result_rejected": "未获批准",
		"result_accepted": "申请已受理",
		"result_booked":   "预约成功",
		"result_queued":   "网络暂不可用，申请已在本机保存，恢复后自动提交，无需再次办理",
		"result_refused":  "未能受理您的申请",
		"result_other":    "申请已提交",

		string(session.NoticeFixForm):        "请按提示修改标出的内容。",
		string(session.NoticeApplyFailed):    "申请未能提交，您填写的内容仍在，请稍后重试或联系工作人员。",
		string(session.NoticeReceiptPrinted): "请取走您的回执。",
		string(session.NoticeReceiptFailed):  "回执打印机暂时无法使用，请记下屏幕上的编号。",
		txtReading:                           "正在读取身份证……",
		txtKeepCard:                          "请勿移开证件",
		txtAuthenticating:                    "正在核验身份，请稍候……",
		txtCodeTitle:                         "短信验证",
		txtCodeSending:                       "正在发送验证码……",
		txtCodeSentTo:                        "验证码已发送至 %s",
		txtEnterCode:                         "请输入验证码",
		txtCodeChecking:                      "正在验证……",
		txtNeedsCode:                         "办理此事项需要短信验证：验证码将发送至您在政务服务平台登记的手机。",
		txtOffline:                           "暂时无法连接政务服务平台：您仍可查询事项、提交申请（恢复连接后自动发送）；打印证明需要连接平台。",

		string(session.NoticeCardRefused):         "未能核验您的身份信息（证件未登记或信息不符），请到人工窗口办理。",
		string(session.NoticeSecondFactorOffline): "此事项需要短信验证，暂时无法连接政务服务平台，请稍后再试或到人工窗口办理。",
		string(session.NoticeWrongCode):           "验证码不正确，请重新输入。",
		string(session.NoticeCodeLocked):          "验证码错误次数过多，本次无法办理此事项，请到人工窗口办理。",
		string(session.NoticeSecondFactorFailed):  "暂时无法完成短信验证，请稍后再试或到人工窗口办理。",
		txtPreparing:                              "正在获取您的证明，请稍候……",
		txtPreviewHint:                            "请核对证明内容，确认无误后打印。",
		txtPages:                                  "共 %d 页",
		txtNoPreview:                              "暂无预览",
		txtDepartments:                            "按部门查找",
		txtChooseDept:                             "请选择办事部门",
		txtPrevPage:                               "上一页",
		txtNextPage:                               "下一页",
		txtPageOf:                                 "第 %d 页，共 %d 页",
		txtNoItems:                                "该部门暂无事项。",
	},
	"en": {
		txtTitle:        "Government Services Self-Service Terminal",
		txtSubtitle:     "Open 24 hours · Look up · Apply · Print proofs",
		txtPlaceCard:    "Place your ID card on the reader below",
		txtSwitchLang:   "中文",
		txtHello:        "Hello, %s",
		txtTakeCardEnds: "Take your card to finish",
		txtPrinting:     "Printing, please wait…",
		txtPrinted:      "Done. Please take your paper.",
		txtBack:         "Back",
		txtCountdown:    "Your session ends in %d s",
		txtContinue:     "Continue",
		txtTakeCard:     "Your session has ended. Please take your ID card and your papers.",
		txtLargeText:    "Large text",
		txtStandardText: "Standard text",

		txtSearch:     "Find a service: ",
		txtSearchHint: "Type pinyin initials or full pinyin, e.g. SBZM",
		txtPopular:    "Most used proofs",
		txtNoResults:  "Nothing found. Try other words.",
		txtBackspace:  "Delete",
		txtPrint:      "Print",
		txtFree:       "Free",
		txtFee:        "Fee: CNY %.2f",
		txtInstant:    "Done at once",
		txtTimeLimit:  "Done within %d working days",
		txtMaterials:  "Materials: %s",
		txtListSep:    "; ",
		txtNextPrint:  "Tap Print: this terminal prints the proof; take it from the paper slot.",
		txtNextApply:  "This service cannot be done at this terminal yet; please use a staffed counter or the online service.",

		txtOtherService:       "Another service",
		txtRateAndFinish:      "Rate and finish",
		txtRateTitle:          "How was this service?",
		txtSatisfied:          "Satisfied",
		txtBasically:          "Basically satisfied",
		txtDissatisfied:       "Dissatisfied",
		txtSkipRating:         "Finish without rating",
		txtWhyDissatisfied:    "What went wrong?",
		txtGoodbye:            "Thank you! Please take your ID card and your papers.",
		"reason_slow":         "Long wait",
		"reason_hard_to_use":  "Hard to use",
		"reason_unclear":      "Unclear guidance",
		"reason_device_fault": "A device fault",

		txtTechTitle:       "Technician sign-in",
		txtEnterPIN:        "Enter the PIN",
		txtOK:              "OK",
		txtClear:           "Clear",
		txtCancel:          "Cancel",
		txtTechStatusTitle: "Terminal status",
		txtRefresh:         "Refresh",
		txtExit:            "Exit",

		string(session.NoticeCardExpired):  "Your card has expired. Please go to a staffed counter.",
		string(session.NoticeCardUnread):   "The card could not be read. Please place it on the reader again.",
		string(session.NoticeReaderFault):  "The card reader is out of order. Staff have been notified.",
		string(session.NoticePrintFailed):  "Printing did not succeed. Your job is saved; try again later or ask staff.",
		string(session.NoticePrinterFault): "The printer needs a technician, who has been notified. Your job is saved and will print.",
		string(session.NoticeCentralDown):  "The service platform cannot be reached just now. Please try again later; what you have already submitted is not affected.",
		string(session.NoticeProofRefused): "The service platform could not issue this proof for you. Please ask at a staffed counter.",
		string(session.NoticeProofFailed):  "The proof could not be prepared and nothing was queued. Please try again later or ask staff.",
		string(session.NoticeNotHere):      "This service cannot be done at this terminal yet; please use a staffed counter or the online service.",
		string(session.NoticeWrongPIN):     "Wrong PIN.",
		string(session.NoticePINLocked):    "Too many wrong PINs. Try again in 5 minutes.",

		txtApply:          "Apply here",
		txtBook:           "Book",
		txtNextForm:       "Tap Apply here: fill in the form at this terminal and submit it; your name and ID number come from your ID card.",
		txtTakeTicket:     "Queue number for a counter",
		txtMyApps:         "My applications",
		txtStep:           "Step %d of %d",
		txtOptional:       " (optional)",
		txtNext:           "Next",
		txtToReview:       "Check",
		txtReviewTitle:    "Please check your application",
		txtFromCard:       " (from your ID card)",
		txtEdit:           "Change",
		txtSubmit:         "Submit",
		txtCancelApply:    "Give up",
		txtSubmitting:     "Submitting, please wait…",
		txtSpace:          "Space",
		txtDateHint:       "Type 8 digits, e.g. 20261201",
		txtChooseHint:     "Tap one",
		txtPrintReceipt:   "Print a receipt",
		txtReference:      "Reference: %s",
		txtLocalReference: "Local reference: %s",
		txtAppsTitle:      "My applications",
		txtAsking:         "Asking, please wait…",
		txtNoApps:         "No applications yet",
		txtAppsFailed:     "Your applications cannot be looked up just now. Please try again later.",
		txtWaitingHere:    "Kept on this terminal, to be sent",
		txtTicketTitle:    "Queue number",
		txtTicketFailed:   "No queue number can be issued just now. Please try again later or ask staff.",
		txtYourNumber:     "Your number",
		txtCounterGroup:   "Counters %s",
		txtAhead:          "%d people ahead of you",
		txtPrintTicket:    "Print the ticket",
		txtHome:           "Home",
		txtReviewLine:     "%s: %s",
		"result_approved": "Approved",
		"result_rejected": "Not approved",
		"result_accepted": "Your application was accepted",
		"result_booked":   "Booked",
		"result_queued":   "The network is down: your application is kept on this terminal and will be sent automatically. No need to apply again.",
		"result_refused":  "Your application could not be accepted",
		"result_other":    "Your application was submitted",

		string(session.NoticeFixForm):        "Please correct what is marked.",
		string(session.NoticeApplyFailed):    "The application could not be submitted. What you filled in is kept; try again later or ask staff.",
		string(session.NoticeReceiptPrinted): "Please take your receipt.",
		string(session.NoticeReceiptFailed):  "The receipt printer is not available. Please note the number on the screen.",
		txtReading:                           "Reading your card…",
		txtKeepCard:                          "Please keep it on the reader",
		txtAuthenticating:                    "Checking your identity, please wait…",
		txtCodeTitle:                         "Code by SMS",
		txtCodeSending:                       "Sending a code to your phone…",
		txtCodeSentTo:                        "A code was sent to %s",
		txtEnterCode:                         "Enter the code",
		txtCodeChecking:                      "Checking…",
		txtNeedsCode:                         "This service needs a code by SMS, sent to the phone on record at the service platform.",
		txtOffline:                           "The service platform cannot be reached: you can still look up services and submit applications, which will be sent when it is back; printing proofs needs the platform.",

		string(session.NoticeCardRefused):         "Your card could not be matched to the records (not on record, or the details differ). Please go to a staffed counter.",
		string(session.NoticeSecondFactorOffline): "This service needs a code by SMS, and the service platform cannot be reached. Please try again later or go to a staffed counter.",
		string(session.NoticeWrongCode):           "The code is wrong. Please type it again.",
		string(session.NoticeCodeLocked):          "Too many wrong codes: this service cannot be done in this session. Please go to a staffed counter.",
		string(session.NoticeSecondFactorFailed):  "The SMS check cannot be done just now. Please try again later or go to a staffed counter.",
		txtPreparing:                              "Fetching your proof, please wait…",
		txtPreviewHint:                            "Check your proof, then print it.",
		txtPages:                                  "Pages: %d",
		txtNoPreview:                              "No preview available",
		txtDepartments:                            "Departments",
		txtChooseDept:                             "Choose a department",
		txtPrevPage:                               "Previous page",
		txtNextPage:                               "Next page",
		txtPageOf:                                 "Page %d of %d",
		txtNoItems:                                "This department has no services listed.",
	},
}

func tr(lang, key string) string {
	if s, ok := texts[lang][key]; ok {
		return s
	}
	return texts["zh"][key]
}
