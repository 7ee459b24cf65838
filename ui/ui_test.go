package ui

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/govkiosk/kiosk/kiosk/fonts"
	"github.com/govkiosk/kiosk/kiosk/session"
)

const wqy = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

// fakeCore is a session that records intents and lets the test set the view.
type fakeCore struct {
	mu      sync.Mutex
	view    session.View
	sub     func(session.View)
	intents []string
}

func (c *fakeCore) View() session.View { c.mu.Lock(); defer c.mu.Unlock(); return c.view }
func (c *fakeCore) Subscribe(f func(session.View)) func() {
	c.sub = f
	return func() { c.sub = nil }
}
func (c *fakeCore) record(s string)      { c.mu.Lock(); c.intents = append(c.intents, s); c.mu.Unlock() }
func (c *fakeCore) Print()               { c.record("print") }
func (c *fakeCore) Home()                { c.record("home") }
func (c *fakeCore) TypeKey(k string)     { c.record("key:" + k) }
func (c *fakeCore) Backspace()           { c.record("backspace") }
func (c *fakeCore) ClearQuery()          { c.record("clear") }
func (c *fakeCore) OpenItem(code string) { c.record("open:" + code) }
func (c *fakeCore) ToRating()            { c.record("to-rating") }
func (c *fakeCore) Rate(score int, reasons []string) {
	c.record(fmt.Sprintf("rate:%d%v", score, reasons))
}
func (c *fakeCore) SkipRating()             { c.record("skip") }
func (c *fakeCore) Continue()               { c.record("continue") }
func (c *fakeCore) ToggleLargeText()        { c.record("large") }
func (c *fakeCore) TechGesture()            { c.record("gesture") }
func (c *fakeCore) TechPIN(pin string)      { c.record("pin:" + pin) }
func (c *fakeCore) TechRefresh()            { c.record("refresh") }
func (c *fakeCore) TechExit()               { c.record("exit") }
func (c *fakeCore) SetLanguage(lang string) { c.record("lang:" + lang) }
func (c *fakeCore) Apply()                  { c.record("apply") }
func (c *fakeCore) FormKey(k string)        { c.record("fkey:" + k) }
func (c *fakeCore) FormBackspace()          { c.record("fbackspace") }
func (c *fakeCore) FormClear()              { c.record("fclear") }
func (c *fakeCore) FormChoose(v string)     { c.record("choose:" + v) }
func (c *fakeCore) FormNext()               { c.record("next") }
func (c *fakeCore) FormBack()               { c.record("fback") }
func (c *fakeCore) FormEdit(key string)     { c.record("edit:" + key) }
func (c *fakeCore) Submit()                 { c.record("submit") }
func (c *fakeCore) PrintReceipt()           { c.record("receipt") }
func (c *fakeCore) MyApplications()         { c.record("my-apps") }
func (c *fakeCore) TakeTicket()             { c.record("ticket") }
func (c *fakeCore) CodeKey(d string)        { c.record("code:" + d) }
func (c *fakeCore) CodeClear()              { c.record("code-clear") }
func (c *fakeCore) SubmitCode()             { c.record("submit-code") }
func (c *fakeCore) CancelSecondFactor()     { c.record("cancel-code") }
func (c *fakeCore) ConfirmPrint()           { c.record("confirm") }
func (c *fakeCore) Back()                   { c.record("back") }
func (c *fakeCore) OpenDepartments()        { c.record("departments") }
func (c *fakeCore) OpenDepartment(code string) {
	c.record("department:" + code)
}
func (c *fakeCore) PageTo(first int) { c.record(fmt.Sprintf("page:%d", first)) }

func loadFont(t *testing.T) []byte {
	t.Helper()
	ttf, err := fonts.Load(wqy)
	if err != nil {
		t.Skipf("the CJK font is not installed (.ci/run installs fonts-wqy-microhei): %v", err)
	}
	return ttf
}

func show(t *testing.T, v session.View) (*fakeCore, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(loadFont(t)))
	core := &fakeCore{view: v}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	stop := New(w, core, Options{}).Start()
	t.Cleanup(stop)
	return core, w
}

// texts returns every text drawn in the tree, and the buttons by label.
func walk(o fyne.CanvasObject, texts *[]string, buttons map[string]*widget.Button) {
	switch x := o.(type) {
	case *canvas.Text:
		*texts = append(*texts, x.Text)
	case *widget.Label:
		*texts = append(*texts, x.Text)
	case *widget.RichText:
		*texts = append(*texts, x.String())
	case *widget.Button:
		*texts = append(*texts, x.Text)
		buttons[x.Text] = x
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, ch := range c.Objects {
			walk(ch, texts, buttons)
		}
	}
	if t, ok := o.(*container.ThemeOverride); ok {
		walk(t.Content, texts, buttons)
	}
}

func content(w fyne.Window) (string, map[string]*widget.Button) {
	var texts []string
	buttons := map[string]*widget.Button{}
	walk(w.Content(), &texts, buttons)
	return strings.Join(texts, "\n"), buttons
}

func TestScreensInBothLanguages(t *testing.T) {
	for _, tc := range []struct {
		view session.View
		want []string
	}{
		{session.View{Screen: session.ScreenAttract, Language: "zh"}, []string{"政务服务自助终端", "请将身份证放在下方感应区", "English"}},
		{session.View{Screen: session.ScreenAttract, Language: "en"}, []string{"Place your ID card on the reader below", "中文"}},
		{session.View{Screen: session.ScreenAttract, Language: "zh", Notice: session.NoticeCardExpired}, []string{"您的证件已过有效期"}},
		{session.View{Screen: session.ScreenHome, Language: "zh", Greeting: "王**", Results: proofs}, []string{"您好，王**", "常用证明", "个人参保证明", "输入拼音首字母"}},
		{session.View{Screen: session.ScreenHome, Language: "en", Greeting: "G***********", Results: proofs}, []string{"Hello, G***********", "Most used proofs", "Personal social insurance participation proof"}},
		{session.View{Screen: session.ScreenHome, Language: "zh", Query: "sbzm", Results: proofs}, []string{"查找事项", "SBZM", "个人参保证明"}},
		{session.View{Screen: session.ScreenHome, Language: "en", Query: "xyz"}, []string{"XYZ", "Nothing found"}},
		{session.View{Screen: session.ScreenItem, Language: "zh", Item: &proofs[0]}, []string{"个人参保证明", "市人力资源和社会保障局", "免费", "即时办结", "打印", "返回"}},
		{session.View{Screen: session.ScreenItem, Language: "en", Item: &proofs[0]}, []string{"Personal social insurance participation proof", "Free", "Print", "Back"}},
		{session.View{Screen: session.ScreenPrinting, Language: "zh"}, []string{"正在打印"}},
		{session.View{Screen: session.ScreenPrinted, Language: "en"}, []string{"Please take your paper", "Another service", "Rate and finish"}},
		{session.View{Screen: session.ScreenRate, Language: "zh"}, []string{"请对本次服务进行评价", "满意", "基本满意", "不满意", "不评价，结束"}},
		{session.View{Screen: session.ScreenRate, Language: "en", AskReasons: true}, []string{"What went wrong?", "Long wait", "A device fault"}},
		{session.View{Screen: session.ScreenGoodbye, Language: "zh"}, []string{"感谢您的使用", "身份证和证明材料"}},
		{session.View{Screen: session.ScreenGoodbye, Language: "en"}, []string{"Thank you", "take your ID card"}},
		{session.View{Screen: session.ScreenHome, Language: "en", Notice: session.NoticePrinterFault}, []string{"The printer needs a technician"}},
		{session.View{Screen: session.ScreenHome, Language: "zh", Countdown: 12}, []string{"12 秒后将自动结束办理", "继续办理"}},
		{session.View{Screen: session.ScreenHome, Language: "en", Countdown: 3}, []string{"Your session ends in 3 s", "Continue"}},
		{session.View{Screen: session.ScreenTakeCard, Language: "zh"}, []string{"请取走您的身份证"}},
		{session.View{Screen: session.ScreenTakeCard, Language: "en"}, []string{"Please take your ID card"}},
		{session.View{Screen: session.ScreenForm, Language: "zh", Item: &applyItem, Apply: formAt(2, "1380013800", "联系电话应为11位手机号码", "")}, []string{"居民身份证补领", "第 1 步，共 2 步", "联系电话", "1380013800", "联系电话应为11位手机号码", "下一步", "退格"}},
		{session.View{Screen: session.ScreenForm, Language: "en", Item: &applyItem, Apply: formAt(3, "lost", "", "")}, []string{"Step 2 of 2", "Reason for replacement", "Lost", "Damaged", "Check"}},
		{session.View{Screen: session.ScreenReview, Language: "zh", Item: &applyItem, Apply: formAt(-1, "138****8000", "", "lost")}, []string{"请核对申请信息", "申请人姓名：王**（取自身份证）", "联系电话：138****8000", "补领原因：遗失", "修改", "提交申请", "放弃申请"}},
		{session.View{Screen: session.ScreenReview, Language: "en", Item: &applyItem, Apply: formAt(-1, "138****8000", "", "lost")}, []string{"Please check your application", "ID number: 4403**********123X (from your ID card)", "Reason for replacement: Lost", "Submit"}},
		{session.View{Screen: session.ScreenSubmitting, Language: "zh"}, []string{"正在提交"}},
		{session.View{Screen: session.ScreenResult, Language: "zh", Receipts: true, Item: &applyItem, Apply: &session.ApplyView{Result: &session.ApplyResult{Status: session.StatusAccepted, Reference: "SQ20261127000001"}}}, []string{"申请已受理", "受理编号：SQ20261127000001", "打印回执", "评价并结束"}},
		{session.View{Screen: session.ScreenResult, Language: "en", Item: &applyItem, Apply: &session.ApplyView{Result: &session.ApplyResult{Status: session.StatusRejected, Reference: "SQ2", ReasonsEN: []string{"Younger than 60"}}}}, []string{"Not approved", "Reference: SQ2", "Younger than 60"}},
		{session.View{Screen: session.ScreenResult, Language: "zh", Item: &applyItem, Apply: &session.ApplyView{Result: &session.ApplyResult{Status: session.StatusQueued, Reference: "L-TEST-1-000001"}}}, []string{"已在本机保存", "本机登记号：L-TEST-1-000001"}},
		{session.View{Screen: session.ScreenApplications, Language: "zh", Applications: longApplications()}, []string{"我的申请", "已批准", "已在本机保存，等待提交", "返回首页"}},
		{session.View{Screen: session.ScreenApplications, Language: "en", Applications: &session.ApplicationsView{Failed: true}, Notice: session.NoticeCentralDown}, []string{"cannot be looked up", "Home"}},
		{session.View{Screen: session.ScreenTicket, Language: "zh", Receipts: true, Ticket: &longTicket}, []string{"排队取号", "E023", "前面还有 4 人等候", "E 类窗口", "打印号票"}},
		{session.View{Screen: session.ScreenTicket, Language: "en", Ticket: &session.TicketView{Loading: true}}, []string{"Asking"}},
		{session.View{Screen: session.ScreenHome, Language: "zh"}, []string{"我的申请"}},
		{session.View{Screen: session.ScreenItem, Language: "zh", Item: &applyItem}, []string{"申请办理", "姓名和证件号码取自您的身份证"}},
		{session.View{Screen: session.ScreenItem, Language: "en", Item: &applyItem, Notice: session.NoticeNotHere}, []string{"Apply here", "Queue number for a counter"}},
		{session.View{Screen: session.ScreenReading, Language: "zh"}, []string{"正在读取身份证", "请勿移开证件"}},
		{session.View{Screen: session.ScreenReading, Language: "en"}, []string{"Reading your card", "keep it on the reader"}},
		{session.View{Screen: session.ScreenAuthenticating, Language: "zh"}, []string{"正在核验身份"}},
		{session.View{Screen: session.ScreenAuthenticating, Language: "en"}, []string{"Checking your identity"}},
		{session.View{Screen: session.ScreenSecondFactor, Language: "zh", MaskedPhone: "138****1234", Code: "12"}, []string{"短信验证", "验证码已发送至 138****1234", "12", "确定", "清除", "取消"}},
		{session.View{Screen: session.ScreenSecondFactor, Language: "en", Notice: session.NoticeWrongCode}, []string{"Sending a code", "Enter the code", "The code is wrong", "OK", "Cancel"}},
		{session.View{Screen: session.ScreenSecondFactor, Language: "en", MaskedPhone: "138****1234", Checking: true}, []string{"A code was sent to 138****1234", "Checking…"}},
		{session.View{Screen: session.ScreenHome, Language: "zh", Greeting: "王**", Offline: true}, []string{"暂时无法连接政务服务平台", "打印证明需要连接平台"}},
		{session.View{Screen: session.ScreenItem, Language: "en", Item: &proofs[0], Offline: true}, []string{"you can still look up services and submit applications", "printing proofs needs the platform"}},
		{session.View{Screen: session.ScreenAttract, Language: "en", Notice: session.NoticeCardRefused}, []string{"could not be matched to the records"}},
		{session.View{Screen: session.ScreenPreparing, Language: "zh", Item: &proofs[0]}, []string{"正在获取您的证明", "个人参保证明"}},
		{session.View{Screen: session.ScreenPreparing, Language: "en", Item: &proofs[0]}, []string{"Fetching your proof"}},
		{session.View{Screen: session.ScreenPreview, Language: "zh", Item: &proofs[0], Preview: &session.Preview{Image: page, Pages: 2}}, []string{"个人参保证明", "共 2 页", "打印", "返回"}},
		{session.View{Screen: session.ScreenPreview, Language: "en", Item: &proofs[0], Preview: &session.Preview{}}, []string{"No preview available", "Print", "Back"}},
		{session.View{Screen: session.ScreenHome, Language: "zh"}, []string{"按部门查找"}},
		{session.View{Screen: session.ScreenDepartments, Language: "zh", Departments: depts}, []string{"请选择办事部门", "市人力资源和社会保障局", "第 1 页，共 1 页", "上一页", "下一页", "返回"}},
		{session.View{Screen: session.ScreenDepartments, Language: "en", Departments: depts}, []string{"Choose a department", "Human Resources and Social Security Bureau", "Page 1 of 1"}},
		{session.View{Screen: session.ScreenDepartment, Language: "zh", Dept: &depts[0], DeptItems: proofs}, []string{"市人力资源和社会保障局", "个人参保证明"}},
		{session.View{Screen: session.ScreenDepartment, Language: "en", Dept: &depts[1]}, []string{"Public Security Bureau", "no services listed"}},
	} {
		t.Run(fmt.Sprintf("%s-%s-%s", tc.view.Screen, tc.view.Language, tc.view.Notice), func(t *testing.T) {
			_, w := show(t, tc.view)
			got, _ := content(w)
			for _, want := range tc.want {
				if !strings.Contains(got, want) {
					t.Errorf("screen lacks %q; it shows:\n%s", want, got)
				}
			}
		})
	}
}

var proofs = []session.ItemView{{Code: "HRSS-0001", NameZH: "个人参保证明", NameEN: "Personal social insurance participation proof",
	DeptZH: "市人力资源和社会保障局", DeptEN: "Human Resources and Social Security Bureau", Kind: "proof", Printable: true}}

func TestTapsBecomeIntents(t *testing.T) {
	core, w := show(t, session.View{Screen: session.ScreenHome, Language: "zh", Greeting: "王**", Results: proofs})
	_, buttons := content(w)
	for _, k := range []string{"S", "B", "退格", "清除"} {
		test.Tap(buttons[k])
	}
	test.Tap(buttons["个人参保证明"])
	test.Tap(buttons["English"])
	core.sub(session.View{Screen: session.ScreenItem, Language: "en", Item: &proofs[0], Countdown: 9})
	_, buttons = content(w)
	test.Tap(buttons["Print"])
	test.Tap(buttons["Continue"])
	test.Tap(buttons["Back"])
	core.sub(session.View{Screen: session.ScreenRate, Language: "en"})
	_, buttons = content(w)
	test.Tap(buttons["Dissatisfied"])
	core.sub(session.View{Screen: session.ScreenRate, Language: "en", AskReasons: true})
	_, buttons = content(w)
	test.Tap(buttons["Long wait"])
	if got := strings.Join(core.intents, ","); got != "key:s,key:b,backspace,clear,open:HRSS-0001,lang:en,print,continue,back,rate:1[],rate:1[slow]" {
		t.Errorf("intents %q", got)
	}
}

func TestViewChangesRedraw(t *testing.T) {
	core, w := show(t, session.View{Screen: session.ScreenAttract, Language: "zh"})
	core.sub(session.View{Screen: session.ScreenHome, Language: "zh", Greeting: "陈**"})
	got, _ := content(w)
	if !strings.Contains(got, "您好，陈**") {
		t.Errorf("not redrawn:\n%s", got)
	}
}

func TestTouchTargetsAreLarge(t *testing.T) {
	for _, s := range []session.Screen{session.ScreenAttract, session.ScreenHome, session.ScreenItem, session.ScreenPrinted,
		session.ScreenPreview, session.ScreenDepartments, session.ScreenDepartment} {
		_, w := show(t, session.View{Screen: s, Language: "zh", Greeting: "王**", Results: proofs, Item: &proofs[0],
			Preview: &session.Preview{Image: page, Pages: 1}, Departments: depts, Dept: &depts[0], DeptItems: proofs})
		_, buttons := content(w)
		if len(buttons) == 0 {
			t.Fatalf("%s: no buttons", s)
		}
		for label, b := range buttons {
			if h := b.Size().Height; h < 60 {
				t.Errorf("%s: button %q is %.0f high, want at least 60", s, label, h)
			}
		}
	}
}

// Every text in both languages has both translations and is drawable with the font:
// no boxes on screen.
func TestTextsAreCompleteAndCovered(t *testing.T) {
	cov, err := fonts.NewCoverage(loadFont(t))
	if err != nil {
		t.Fatal(err)
	}
	for key := range texts["zh"] {
		if _, ok := texts["en"][key]; !ok {
			t.Errorf("%q has no English text", key)
		}
	}
	for key := range texts["en"] {
		if _, ok := texts["zh"][key]; !ok {
			t.Errorf("%q has no Chinese text", key)
		}
	}
	if miss := cov.Missing(markOK + markFault + pinDot + cursor + "·、："); len(miss) > 0 {
		t.Errorf("the font lacks the marks %q", string(miss))
	}
	for lang, m := range texts {
		for key, s := range m {
			if miss := cov.Missing(s); len(miss) > 0 {
				t.Errorf("%s/%s: the font lacks %q", lang, key, string(miss))
			}
		}
	}
}

func TestLargeTextMode(t *testing.T) {
	core, w := show(t, session.View{Screen: session.ScreenHome, Language: "zh", Greeting: "王**", Results: proofs})
	_, buttons := content(w)
	test.Tap(buttons["大字模式"])
	if got := strings.Join(core.intents, ","); got != "large" {
		t.Fatalf("intents %q", got)
	}
	normal := fyne.CurrentApp().Settings().Theme().Size("text")
	core.sub(session.View{Screen: session.ScreenHome, Language: "zh", Greeting: "王**", LargeText: true})
	got, _ := content(w)
	if !strings.Contains(got, "标准字体") {
		t.Errorf("no way back to standard text:\n%s", got)
	}
	th := fyne.CurrentApp().Settings().Theme()
	if large := th.Size("text"); large <= normal*1.2 {
		t.Errorf("text size %.0f in large mode, %.0f normally", large, normal)
	}
	if c := th.Color("background", 0); c != highContrast.background {
		t.Errorf("background %v in large mode", c)
	}
}

// Every screen fits the 1280×800 kiosk screen in both languages and both modes, with long
// results, a notice and the idle countdown showing.
func TestEveryScreenFits(t *testing.T) {
	many := make([]session.ItemView, 6)
	for i := range many {
		many[i] = session.ItemView{Code: fmt.Sprintf("HRSS-%04d", i), NameZH: "五险一金缴纳明细（个人权益记录单）",
			NameEN: "Five insurances and housing fund payment details (personal record)"}
	}
	item := proofs[0]
	item.MaterialsZH = []string{"居民身份证或其他有效身份证件", "户口簿", "委托书"}
	item.MaterialsEN = []string{"Resident ID card or another valid identity document", "Household register", "Letter of authorisation"}
	item.SecondFactor = true // one more line
	status := []session.StatusLine{}
	for range 8 {
		status = append(status, session.StatusLine{Label: "服务 Service printer-a4", Value: "not asked yet (no job since start); 0 jobs waiting"})
	}
	for _, screen := range []session.Screen{session.ScreenAttract, session.ScreenHome, session.ScreenItem, session.ScreenPrinting,
		session.ScreenPrinted, session.ScreenRate, session.ScreenGoodbye, session.ScreenTakeCard, session.ScreenTechPIN, session.ScreenTechStatus,
		session.ScreenForm, session.ScreenReview, session.ScreenSubmitting, session.ScreenResult, session.ScreenApplications, session.ScreenTicket,
		session.ScreenReading, session.ScreenAuthenticating, session.ScreenSecondFactor,
		session.ScreenPreparing, session.ScreenPreview, session.ScreenDepartments, session.ScreenDepartment} {
		for _, lang := range []string{"zh", "en"} {
			for _, large := range []bool{false, true} {
				v := session.View{Screen: screen, Language: lang, Greeting: "王**", Results: many, LargeText: large,
					Item: &item, Status: status, Countdown: 9, Notice: session.NoticePrinterFault,
					Apply: longForm(screen), Applications: longApplications(), Ticket: &longTicket,
					Offline: true, MaskedPhone: "138****1234", Code: "12345678",
					Preview: &session.Preview{Image: page, Pages: 12}, Departments: allDepts, Dept: &allDepts[0], DeptItems: many}
				core, w := show(t, v)
				if min := w.Content().MinSize(); min.Width > 1280 || min.Height > 800 {
					t.Errorf("%s, %s, large %v: the screen needs %.0f×%.0f", screen, lang, large, min.Width, min.Height)
				}
				// Without the countdown (whose band lies over the screen until Continue),
				// the notice covers no button, and every button is inside the window.
				v.Countdown = 0
				core.sub(v)
				w.Content().Resize(w.Content().Size()) // the next frame's layout, wrapped labels known
				for _, b := range coveredButtons(w) {
					t.Errorf("%s, %s, large %v: %s", screen, lang, large, b)
				}
			}
		}
	}
}

// coveredButtons lists the visible buttons that the notice band overlaps or that lie
// outside the window.
func coveredButtons(w fyne.Window) []string {
	type rect struct{ pos, size fyne.Size }
	var band *rect
	var buttons []string
	var rects []rect
	var visit func(o fyne.CanvasObject, at fyne.Position)
	visit = func(o fyne.CanvasObject, at fyne.Position) {
		if !o.Visible() {
			return
		}
		at = at.Add(o.Position())
		switch x := o.(type) {
		case *widget.Button:
			buttons = append(buttons, x.Text)
			rects = append(rects, rect{fyne.NewSize(at.X, at.Y), x.Size()})
			return
		case *container.ThemeOverride:
			visit(x.Content, at)
			return
		case *fyne.Container:
			if l, ok := x.Layout.(*noticeLayout); ok && l.band.Visible() {
				p := at.Add(l.band.Position())
				band = &rect{fyne.NewSize(p.X, p.Y), l.band.Size()}
			}
			for _, ch := range x.Objects {
				visit(ch, at)
			}
		}
	}
	visit(w.Content(), fyne.NewPos(0, 0))
	win := w.Canvas().Size()
	var bad []string
	for i, r := range rects {
		const e = 0.5 // rounding
		if r.pos.Width < -e || r.pos.Height < -e || r.pos.Width+r.size.Width > win.Width+e || r.pos.Height+r.size.Height > win.Height+e {
			bad = append(bad, fmt.Sprintf("button %q at %v size %v is outside the %v window", buttons[i], r.pos, r.size, win))
		}
		if band != nil && r.pos.Height+r.size.Height > band.pos.Height+e && r.pos.Height < band.pos.Height+band.size.Height-e {
			bad = append(bad, fmt.Sprintf("the notice at y %.0f covers button %q at y %.0f–%.0f", band.pos.Height, buttons[i], r.pos.Height, r.pos.Height+r.size.Height))
		}
	}
	return bad
}

// Every reason has its text in both languages.
func TestReasonsHaveTexts(t *testing.T) {
	for _, r := range session.Reasons {
		for _, lang := range []string{"zh", "en"} {
			if _, ok := texts[lang]["reason_"+r]; !ok {
				t.Errorf("reason %s has no %s text", r, lang)
			}
		}
	}
}
