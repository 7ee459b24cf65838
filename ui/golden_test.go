package ui

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/govkiosk/kiosk/kiosk/session"
)

// update rewrites the golden images: go test ./ui -run Golden -update
var update = flag.Bool("update", false, "rewrite ui/testdata/golden/*.png from the screens as drawn now")

// goldenLanguages are the languages each golden view is drawn in.
var goldenLanguages = []string{"zh", "en"}

// goldenViews are the screens compared against ui/testdata/golden/<name>-<language>.png,
// drawn at 1280×800 by Fyne's software renderer with the CJK font.
//
// To add a screen, append one line with a new name and the view to draw (leave Language
// empty: each view is drawn in every language of goldenLanguages), then run
//
//	go test ./ui -run Golden -update
//
// look at the new PNGs, and commit them with the screen.
var goldenViews = []struct {
	name string
	view session.View
}{
	{"attract", session.View{Screen: session.ScreenAttract}},
	{"attract-large", session.View{Screen: session.ScreenAttract, LargeText: true}},
	{"attract-notice", session.View{Screen: session.ScreenAttract, Notice: session.NoticeCardExpired}},
	{"home", session.View{Screen: session.ScreenHome, Greeting: "王**", Results: goldenProofs}},
	{"home-large", session.View{Screen: session.ScreenHome, Greeting: "王**", Results: goldenProofs, LargeText: true}},
	{"home-query", session.View{Screen: session.ScreenHome, Greeting: "王**", Query: "sbzm", Results: goldenProofs[:1]}},
	{"home-no-results", session.View{Screen: session.ScreenHome, Greeting: "王**", Query: "xyz"}},
	{"home-countdown", session.View{Screen: session.ScreenHome, Greeting: "王**", Results: goldenProofs, Countdown: 12}},
	{"home-notice-countdown", session.View{Screen: session.ScreenHome, Greeting: "王**", Results: goldenProofs, Notice: session.NoticePrinterFault, Countdown: 9}},
	{"item-printable", session.View{Screen: session.ScreenItem, Greeting: "王**", Item: &goldenProofs[0]}},
	{"item-not-printable", session.View{Screen: session.ScreenItem, Greeting: "王**", Item: &goldenProofs[2]}},
	{"item-large", session.View{Screen: session.ScreenItem, Greeting: "王**", Item: &goldenProofs[0], LargeText: true}},
	{"printing", session.View{Screen: session.ScreenPrinting}},
	{"printed", session.View{Screen: session.ScreenPrinted}},
	{"print-failed", session.View{Screen: session.ScreenItem, Greeting: "王**", Item: &goldenProofs[0], Notice: session.NoticePrintFailed}},
	{"rate", session.View{Screen: session.ScreenRate}},
	{"rate-reasons", session.View{Screen: session.ScreenRate, AskReasons: true}},
	{"goodbye", session.View{Screen: session.ScreenGoodbye}},
	{"take-card", session.View{Screen: session.ScreenTakeCard}},
	{"take-card-large", session.View{Screen: session.ScreenTakeCard, LargeText: true}},
	{"tech-pin", session.View{Screen: session.ScreenTechPIN}},
	{"tech-status", session.View{Screen: session.ScreenTechStatus, Status: goldenStatus}},
	{"reading", session.View{Screen: session.ScreenReading}},
	{"authenticating", session.View{Screen: session.ScreenAuthenticating}},
	{"card-refused", session.View{Screen: session.ScreenAttract, Notice: session.NoticeCardRefused}},
	{"home-offline", session.View{Screen: session.ScreenHome, Greeting: "王**", Results: goldenProofs, Offline: true}},
	{"second-factor", session.View{Screen: session.ScreenSecondFactor, Greeting: "王**", MaskedPhone: "138****1234", Code: "12"}},
	{"second-factor-wrong", session.View{Screen: session.ScreenSecondFactor, Greeting: "王**", MaskedPhone: "138****1234", Notice: session.NoticeWrongCode}},
	{"departments", session.View{Screen: session.ScreenDepartments, Greeting: "王**", Departments: goldenDepts}},
	{"department", session.View{Screen: session.ScreenDepartment, Greeting: "王**", Dept: &goldenDepts[0], DeptItems: goldenProofs[:2]}},
	{"preparing", session.View{Screen: session.ScreenPreparing, Greeting: "王**", Item: &goldenProofs[0]}},
	{"preview", session.View{Screen: session.ScreenPreview, Greeting: "王**", Item: &goldenProofs[0], Preview: &session.Preview{Image: page, Pages: 1}}},
	{"preview-none", session.View{Screen: session.ScreenPreview, Greeting: "王**", Item: &goldenProofs[0], Preview: &session.Preview{Pages: 1}}},
	{"printer-fault", session.View{Screen: session.ScreenItem, Greeting: "王**", Item: &goldenProofs[0], Notice: session.NoticePrinterFault}},
	{"item-apply", session.View{Screen: session.ScreenItem, Greeting: "王**", Item: &applyItem}},
	{"item-second-factor", session.View{Screen: session.ScreenItem, Greeting: "王**", Item: &goldenSecondFactor}},
	{"form", session.View{Screen: session.ScreenForm, Greeting: "王**", Item: &applyItem, Apply: formAt(2, "1380013800", "联系电话应为11位手机号码", "")}},
	{"form-fix", session.View{Screen: session.ScreenForm, Greeting: "王**", Item: &applyItem, Notice: session.NoticeFixForm, Apply: longForm(session.ScreenForm)}},
	{"form-fix-large", session.View{Screen: session.ScreenForm, Greeting: "王**", Item: &applyItem, Notice: session.NoticeFixForm, Apply: longForm(session.ScreenForm), LargeText: true}},
	{"form-choice", session.View{Screen: session.ScreenForm, Greeting: "王**", Item: &applyItem, Apply: formAt(3, "13800138000", "", "lost")}},
	{"review", session.View{Screen: session.ScreenReview, Greeting: "王**", Item: &applyItem, Apply: formAt(-1, "138****8000", "", "lost")}},
	{"review-fix-large", session.View{Screen: session.ScreenReview, Greeting: "王**", Item: &applyItem, Notice: session.NoticeApplyFailed, Apply: longForm(session.ScreenReview), LargeText: true}},
	{"result-accepted", session.View{Screen: session.ScreenResult, Receipts: true, Greeting: "王**", Item: &applyItem, Apply: &session.ApplyView{Result: &session.ApplyResult{Status: session.StatusAccepted, Reference: "SQ20261127000001"}}}},
	{"result-queued", session.View{Screen: session.ScreenResult, Receipts: true, Greeting: "王**", Item: &applyItem, Apply: &session.ApplyView{Result: &session.ApplyResult{Status: session.StatusQueued, Reference: "L-DEMO0001-000001"}}}},
	{"applications", session.View{Screen: session.ScreenApplications, Greeting: "王**", Applications: longApplications()}},
	{"applications-offline", session.View{Screen: session.ScreenApplications, Greeting: "王**", Notice: session.NoticeCentralDown,
		Applications: &session.ApplicationsView{Failed: true, Lines: longApplications().Lines[5:]}}},
	{"ticket", session.View{Screen: session.ScreenTicket, Receipts: true, Greeting: "王**", Item: &goldenProofs[2], Ticket: &longTicket}},
}

// goldenSecondFactor is an application that needs the second factor.
var goldenSecondFactor = func() session.ItemView {
	it := applyItem
	it.SecondFactor = true
	return it
}()

var goldenDepts = []session.DepartmentView{
	{Code: "HRSS", NameZH: "市人力资源和社会保障局", NameEN: "Human Resources and Social Security Bureau"},
	{Code: "PSB", NameZH: "市公安局", NameEN: "Public Security Bureau"},
	{Code: "HPF", NameZH: "市住房公积金管理中心", NameEN: "Housing Provident Fund Management Center"},
}

var goldenProofs = []session.ItemView{
	{Code: "HRSS-0001", NameZH: "个人参保证明", NameEN: "Personal social insurance participation proof",
		DeptZH: "市人力资源和社会保障局", DeptEN: "Human Resources and Social Security Bureau", Kind: "proof", Printable: true},
	{Code: "HRSS-0002", NameZH: "个人缴费明细", NameEN: "Personal contribution details",
		DeptZH: "市人力资源和社会保障局", DeptEN: "Human Resources and Social Security Bureau", Kind: "proof", Printable: true},
	{Code: "CA-0107", NameZH: "居民身份证换领", NameEN: "Renewal of the resident ID card",
		DeptZH: "市公安局", DeptEN: "Public Security Bureau", Kind: "application",
		MaterialsZH: []string{"居民身份证", "户口簿"}, MaterialsEN: []string{"Resident ID card", "Household register"}},
}

var goldenStatus = []session.StatusLine{
	{Label: "读卡器 Reader", Value: "ok", OK: true},
	{Label: "打印机 Printer a4", Value: "media-empty; 1 jobs waiting"},
	{Label: "中心 Central", Value: "ok (catalog 1488 items)", OK: true},
}

// TestGoldenScreens draws every golden view in every language and compares it pixel for
// pixel with its PNG. On a mismatch the drawn image goes to ui/testdata/failed/.
//
// One app draws them all: a new app or a change of theme makes Fyne parse the 4 MB CJK
// font again, the slowest part of drawing a screen (more so under -race), so the
// standard-mode views are drawn first and the large-mode ones after.
func TestGoldenScreens(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(loadFont(t)))
	seen := map[string]bool{}
	for _, large := range []bool{false, true} {
		for _, g := range goldenViews {
			if g.view.LargeText != large {
				continue
			}
			if seen[g.name] {
				t.Fatalf("two golden views are named %q", g.name)
			}
			seen[g.name] = true
			for _, lang := range goldenLanguages {
				name := g.name + "-" + lang + ".png"
				t.Run(name, func(t *testing.T) {
					v := g.view
					v.Language = lang
					checkGolden(t, name, drawScreen(t, v))
				})
			}
		}
	}
}

// drawScreen renders v as the kiosk window shows it: 1280×800, no window padding.
func drawScreen(t *testing.T, v session.View) *image.NRGBA {
	t.Helper()
	w := test.NewTempWindow(t, nil)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1280, 800))
	stop := New(w, &fakeCore{view: v}, Options{}).Start()
	defer stop()
	// Lay the screen out once more, as the real window's next frame does: a wrapped
	// label knows its height only after its width was set by the first layout.
	w.Content().Resize(w.Content().Size())
	w.Content().Refresh()
	img, ok := w.Canvas().Capture().(*image.NRGBA)
	if !ok {
		t.Fatalf("the test canvas captured a %T, want *image.NRGBA", img)
	}
	return img
}

// checkGolden compares got with testdata/golden/name exactly: the software renderer is
// deterministic (the same bytes across runs, with and without -race), so any difference
// is a change in what the citizen sees. With -update it rewrites the golden instead.
func checkGolden(t *testing.T, name string, got *image.NRGBA) {
	t.Helper()
	golden := filepath.Join("testdata", "golden", name)
	if *update {
		if err := writePNG(golden, got); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := readPNG(golden)
	if err == nil {
		if diff := differentPixels(want, got); diff == 0 {
			return
		} else {
			err = fmt.Errorf("%d pixels differ", diff)
		}
	}
	failed := filepath.Join("testdata", "failed", name)
	if werr := writePNG(failed, got); werr != nil {
		t.Fatalf("%s: %v; and writing the drawn screen: %v", golden, err, werr)
	}
	abs, _ := filepath.Abs(failed)
	t.Errorf("%s: %v; the screen as drawn now is %s (go test ./ui -run Golden -update accepts it)", golden, err, abs)
}

func differentPixels(want, got *image.NRGBA) int {
	if want.Bounds() != got.Bounds() {
		return want.Bounds().Dx() * want.Bounds().Dy()
	}
	if bytes.Equal(want.Pix, got.Pix) {
		return 0
	}
	n := 0
	for i := 0; i < len(got.Pix); i += 4 {
		if !bytes.Equal(want.Pix[i:i+4], got.Pix[i:i+4]) {
			n++
		}
	}
	return n
}

func readPNG(path string) (*image.NRGBA, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := image.NewNRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	return out, nil
}

func writePNG(path string, img image.Image) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
