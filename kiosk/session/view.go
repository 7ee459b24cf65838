package session

import "time"

// Screen is what the UI shows.
type Screen string

const (
	ScreenAttract  Screen = "attract"   // waiting for a card
	ScreenHome     Screen = "home"      // a citizen is greeted and can search for a service
	ScreenItem     Screen = "item"      // one service's details
	ScreenPrinting Screen = "printing"  // a proof is on its way to the printer
	ScreenPrinted  Screen = "printed"   // take your paper
	ScreenTakeCard Screen = "take_card" // the session timed out; the card is still on the reader
)

// Notice is a message the UI translates into the citizen's language.
type Notice string

const (
	NoticeNone         Notice = ""
	NoticeCardExpired  Notice = "card_expired"  // the card is past its validity
	NoticeCardUnread   Notice = "card_unread"   // the card could not be read; place it again
	NoticeReaderFault  Notice = "reader_fault"  // the reader is out of order
	NoticePrintFailed  Notice = "print_failed"  // printing failed; the job is kept
	NoticePrinterFault Notice = "printer_fault" // the printer needs a technician; the job waits
	NoticeCentralDown  Notice = "central_down"  // central cannot be reached; try later
	NoticeProofRefused Notice = "proof_refused" // central would not issue the proof
	NoticeProofFailed  Notice = "proof_failed"  // the proof could not be prepared; nothing was queued
	NoticeNotHere      Notice = "not_here"      // the item cannot be done at this terminal yet
)

// View is the view-model: everything the UI needs to draw the current screen, and no
// personal data beyond the masked greeting name (and, on ScreenForm, the value the citizen
// is typing; the review masks it).
type View struct {
	Screen   Screen
	Language string // "zh" or "en"
	// Greeting is the citizen's masked name ("王**"), empty on the attract screen.
	Greeting string
	Notice   Notice
	// Countdown is the seconds left before an idle session ends; 0 when not counting.
	Countdown int
	// LargeText is the large-type, high-contrast mode a citizen can turn on on any screen;
	// it lasts until the session ends.
	LargeText bool
	// Status is the technician's status screen's lines (ScreenTechStatus only).
	Status []StatusLine
	// Query is what the citizen typed on the on-screen keyboard (pinyin, initials, code);
	// Results are the items it finds, or the most used proofs while it is empty.
	Query   string
	Results []ItemView
	// Item is the item shown on ScreenItem, and printed from it.
	Item *ItemView
	// AskReasons shows the reasons a dissatisfied citizen picks from (ScreenRate).
	AskReasons bool
	// Since is when the current screen was entered.
	Since time.Time
	// Apply is the form, its review and its result (ScreenForm, ScreenReview,
	// ScreenSubmitting, ScreenResult).
	Apply *ApplyView
	// Applications is the citizen's applications (ScreenApplications).
	Applications *ApplicationsView
	// Ticket is a queue ticket (ScreenTicket).
	Ticket *TicketView
	// Receipts: the terminal has a receipt printer, so the result and ticket screens
	// offer to print.
	Receipts bool
	// Offline: central could not be reached at sign-in or at the last call to it; the
	// screens say what still works. Cleared when a later call gets through.
	Offline bool
	// MaskedPhone is where the second factor's code was sent ("138****1234"), and Code
	// the digits typed so far (ScreenSecondFactor); Checking, that central checks them.
	MaskedPhone string
	Code        string
	Checking    bool
	// Preview is the proof's first page on ScreenPreview.
	Preview *Preview
	// Departments lists every department (ScreenDepartments); Dept is the one open
	// (ScreenDepartment, and ScreenItem when the item was opened from it) and DeptItems
	// its items. DeptFirst and ItemFirst are the first entries shown of each list, which
	// the screens page through.
	Departments []DepartmentView
	Dept        *DepartmentView
	DeptItems   []ItemView
	DeptFirst   int
	ItemFirst   int
}
