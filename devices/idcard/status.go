package idcard

import (
	"fmt"

	"github.com/govkiosk/kiosk/devices"
)

// SW3 codes from the protocol doc.
const (
	SW3OK            byte = 0x90
	SW3NoContent     byte = 0x91
	SW3FindOK        byte = 0x9F
	SW3Checksum      byte = 0x10
	SW3Length        byte = 0x11
	SW3BadCommand    byte = 0x21
	SW3Unauthorised  byte = 0x23
	SW3Unrecognised  byte = 0x24
	SW3CardAuthSAM   byte = 0x31
	SW3SAMAuthCard   byte = 0x32
	SW3Verify        byte = 0x33
	SW3CardType      byte = 0x40
	SW3ReadFailed    byte = 0x41
	SW3Challenge     byte = 0x47
	SW3SelfTest      byte = 0x60
	SW3NotAuthorised byte = 0x66
	SW3NoCard        byte = 0x80
	SW3SelectFailed  byte = 0x81
)

type sw3Text struct{ en, zh string }

var sw3Texts = map[byte]sw3Text{
	SW3OK:            {"success", "操作成功"},
	SW3NoContent:     {"no content for this item", "证/卡中此项无内容"},
	SW3FindOK:        {"card found", "寻找证/卡成功"},
	SW3Checksum:      {"checksum error in the host's frame", "接收业务终端数据的校验和错"},
	SW3Length:        {"length error in the host's frame", "接收业务终端数据的长度错"},
	SW3BadCommand:    {"bad command", "接收业务终端的命令错误"},
	SW3Unauthorised:  {"unauthorised operation", "越权操作"},
	SW3Unrecognised:  {"unrecognised error", "无法识别的错误"},
	SW3CardAuthSAM:   {"card failed to authenticate the SAM", "证/卡认证机具失败"},
	SW3SAMAuthCard:   {"SAM failed to authenticate the card", "机具认证证/卡失败"},
	SW3Verify:        {"information verification error", "信息验证错误"},
	SW3CardType:      {"unrecognised card type", "无法识别的证/卡类型"},
	SW3ReadFailed:    {"reading the card failed", "读证/卡操作失败"},
	SW3Challenge:     {"get-challenge failed", "取随机数失败"},
	SW3SelfTest:      {"SAM self-test failed", "SAM自检失败，不能接收命令"},
	SW3NotAuthorised: {"SAM not authorised", "SAM未经授权"},
	SW3NoCard:        {"no card", "寻找证/卡失败"},
	SW3SelectFailed:  {"select card failed", "选取证/卡失败"},
}

// StatusError is a reply whose SW3 is not the success code the command expects.
// It matches devices.ErrNoCard (0x80), devices.ErrCardUnreadable (card-side failures:
// 0x31–0x47, 0x81) or devices.ErrReaderFault (the SAM refuses to work or does not
// understand us: 0x10, 0x11, 0x21, 0x23, 0x24, 0x60, 0x66) with errors.Is.
type StatusError struct {
	SW3 byte
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("sw3 0x%02x: %s", e.SW3, e.EN())
}

// EN is the status in English.
func (e *StatusError) EN() string {
	if t, ok := sw3Texts[e.SW3]; ok {
		return t.en
	}
	return "unknown status"
}

// ZH is the status in Chinese.
func (e *StatusError) ZH() string {
	if t, ok := sw3Texts[e.SW3]; ok {
		return t.zh
	}
	return "未知状态"
}

// Is lets callers test the status against the devices sentinels.
func (e *StatusError) Is(target error) bool {
	switch target {
	case devices.ErrNoCard:
		return e.SW3 == SW3NoCard
	case devices.ErrCardUnreadable:
		switch e.SW3 {
		case SW3SelectFailed, SW3CardAuthSAM, SW3SAMAuthCard, SW3Verify, SW3CardType,
			SW3ReadFailed, SW3Challenge:
			return true
		}
	case devices.ErrReaderFault:
		switch e.SW3 {
		case SW3SelfTest, SW3NotAuthorised, SW3Unauthorised, SW3Unrecognised, SW3BadCommand,
			SW3Checksum, SW3Length:
			return true
		}
	}
	return false
}

// Temporary reports whether the reader says our frame was damaged in transit (0x10,
// 0x11): the command was not executed and may be sent again.
func (e *StatusError) Temporary() bool {
	return e.SW3 == SW3Checksum || e.SW3 == SW3Length
}
