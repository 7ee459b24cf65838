package escpos

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/govkiosk/kiosk/devices"
)

// timeLayout is how documents print times, in the time's own location.
const timeLayout = "2006-01-02 15:04:05"

// rule separates the parts of a document; 32 columns fit 58 mm and 80 mm paper.
const rule = "--------------------------------"

// ErrIncomplete is a document missing a field it cannot be printed without.
var ErrIncomplete = errors.New("document incomplete")

// QueueTicket is a queue number (取号) for a service hall.
type QueueTicket struct {
	Hall    string    // the hall, e.g. "市民服务中心"
	Number  string    // the ticket number, e.g. "A023"
	Service string    // the service queued for
	Waiting int       // people ahead in the queue
	Time    time.Time // when the ticket was taken
}

// Encode returns the ticket as ESC/POS bytes.
func (t QueueTicket) Encode() ([]byte, error) {
	e := NewEncoder()
	if err := t.encode(e); err != nil {
		return nil, err
	}
	return e.Bytes()
}

func (t QueueTicket) encode(e *Encoder) error {
	switch {
	case t.Number == "":
		return fmt.Errorf("escpos: queue ticket: no number: %w", ErrIncomplete)
	case t.Service == "":
		return fmt.Errorf("escpos: queue ticket: no service: %w", ErrIncomplete)
	case t.Waiting < 0:
		return fmt.Errorf("escpos: queue ticket: %d people waiting: %w", t.Waiting, ErrIncomplete)
	case t.Time.IsZero():
		return fmt.Errorf("escpos: queue ticket: no time: %w", ErrIncomplete)
	}
	e.Align(Center)
	if t.Hall != "" {
		e.Bold(true).Size(1, 2).Line(t.Hall).Size(1, 1).Bold(false)
	}
	e.Line("排队取号").Line(rule).
		Line("您的号码").
		Bold(true).Size(4, 4).Line(t.Number).Size(1, 1).Bold(false).
		Feed(1).
		Line(t.Service).
		Line("前面还有 " + strconv.Itoa(t.Waiting) + " 人等候").
		Line(rule).
		Line(t.Time.Format(timeLayout)).
		Line("请留意叫号，过号请重新取号").
		Feed(3).Cut()
	return e.err
}

// Receipt is a transaction receipt (受理回执): proof that the terminal took an
// application.
type Receipt struct {
	Service   string // the service applied for
	Reference string // the reference number, from central or, when Local, the outbox
	// Local: central was unreachable, Reference is the outbox's own reference and the
	// application will be submitted when the line is back.
	Local bool
	// Applicant is the applicant's name; it is printed masked (devices.MaskName), never
	// in full. May be empty.
	Applicant string
	Terminal  string    // the terminal's id; may be empty
	Time      time.Time // when the application was taken
}

// Encode returns the receipt as ESC/POS bytes. The reference is also printed as a QR code
// for the counter's scanner.
func (r Receipt) Encode() ([]byte, error) {
	e := NewEncoder()
	if err := r.encode(e); err != nil {
		return nil, err
	}
	return e.Bytes()
}

func (r Receipt) encode(e *Encoder) error {
	switch {
	case r.Service == "":
		return fmt.Errorf("escpos: receipt: no service: %w", ErrIncomplete)
	case r.Reference == "":
		return fmt.Errorf("escpos: receipt: no reference: %w", ErrIncomplete)
	case r.Time.IsZero():
		return fmt.Errorf("escpos: receipt: no time: %w", ErrIncomplete)
	}
	e.Align(Center).Bold(true).Size(2, 2).Line("业务受理回执").Size(1, 1).Bold(false).
		Line(rule).Align(Left).
		Line("办理事项：" + r.Service)
	if r.Local {
		e.Line("本机登记号：" + r.Reference)
	} else {
		e.Line("受理编号：" + r.Reference)
	}
	if r.Applicant != "" {
		e.Line("申请人：" + devices.MaskName(r.Applicant))
	}
	if r.Terminal != "" {
		e.Line("终端：" + r.Terminal)
	}
	e.Line("时间：" + r.Time.Format(timeLayout))
	if r.Local {
		e.Line("网络暂不可用，申请已在本机保存，").
			Line("恢复后自动提交，无需再次办理。")
	}
	e.Line(rule).Align(Center).QR(r.Reference, 6).Feed(1).
		Line("请妥善保管本回执").
		Feed(3).Cut()
	return e.err
}

// TestPage is the technician's test page: sizes, bold, the three justifications, Latin
// and Chinese text (two- and four-byte GB18030), a QR code and the cut.
type TestPage struct {
	Printer string    // the printer's configured name
	Time    time.Time // when the page was asked for
}

// Encode returns the test page as ESC/POS bytes.
func (p TestPage) Encode() ([]byte, error) {
	e := NewEncoder()
	if err := p.encode(e); err != nil {
		return nil, err
	}
	return e.Bytes()
}

func (p TestPage) encode(e *Encoder) error {
	if p.Time.IsZero() {
		return fmt.Errorf("escpos: test page: no time: %w", ErrIncomplete)
	}
	e.Align(Center).Bold(true).Size(2, 2).Line("打印测试页").Size(1, 1).Bold(false).
		Line("ESC/POS TEST PAGE").Line(rule)
	if p.Printer != "" {
		e.Line("打印机：" + p.Printer)
	}
	e.Line(p.Time.Format(timeLayout)).Line(rule).
		Align(Left).Line("左对齐 left").
		Align(Center).Line("居中 center").
		Align(Right).Line("右对齐 right").
		Align(Left).Bold(true).Line("粗体 bold").Bold(false).
		Size(2, 1).Line("倍宽 2x1").
		Size(1, 2).Line("倍高 1x2").
		Size(2, 2).Line("倍大 2x2").Size(1, 1).
		Line("生僻字：喆 堃 赟 燊").
		Line("四字节：㐀 𠀀").
		Line("ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789").
		Line(rule).Align(Center).QR("KIOSK TEST PAGE", 6).Feed(1).
		Line("二维码应清晰可扫").
		Feed(3).Cut()
	return e.err
}
