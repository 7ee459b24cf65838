package central

import (
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
)

// applicationView is an application as its citizen sees it, with its progress computed
// at the time of the request.
type applicationView struct {
	ID            string            `json:"id"`
	ItemCode      string            `json:"item_code"`
	ItemNameZH    string            `json:"item_name_zh"`
	ItemNameEN    string            `json:"item_name_en"`
	Department    string            `json:"department"`
	Status        string            `json:"status"`
	Reasons       []Reason          `json:"reasons"`
	SubmittedAt   time.Time         `json:"submitted_at"`
	DueAt         time.Time         `json:"due_at"`
	ApplicantMask string            `json:"applicant_masked"`
	Form          map[string]string `json:"form"`
	TerminalID    string            `json:"terminal_id"`
	Channel       string            `json:"channel"`
	ClientRef     string            `json:"client_ref,omitempty"`
	MadeOfflineAt *time.Time        `json:"made_offline_at,omitempty"`
	Progress      []stage           `json:"progress"`
}

// stage is one step of an application's progress; At is when it was or will be reached.
type stage struct {
	Status  string    `json:"status"`
	LabelZH string    `json:"label_zh"`
	LabelEN string    `json:"label_en"`
	At      time.Time `json:"at"`
	Done    bool      `json:"done"`
}

type step struct {
	status string
	at     time.Time
}

var stageLabels = map[string][2]string{
	"submitted":     {"已提交", "Submitted"},
	statusApproved:  {"已批准", "Approved"},
	statusRejected:  {"不予批准", "Not approved"},
	statusAccepted:  {"已受理", "Accepted"},
	statusInReview:  {"审查中", "In review"},
	statusCompleted: {"已办结", "Completed"},
	statusBooked:    {"已预约", "Booked"},
}

// viewApplication computes the application's status from its timeline: instant items
// are decided at submission; others are accepted at once, reviewed from the next working
// day and completed at the time limit.
func (s *Server) viewApplication(a *application, now time.Time) applicationView {
	v := applicationView{ID: a.ID, ItemCode: a.ItemCode, Reasons: a.Reasons, SubmittedAt: a.SubmittedAt, DueAt: a.DueAt,
		ApplicantMask: refdata.MaskNumber(a.IDNumber), Form: a.Form, TerminalID: a.TerminalID, Channel: a.Channel,
		ClientRef: a.ClientRef, MadeOfflineAt: a.MadeOfflineAt}
	if it, ok := s.cat.Item(a.ItemCode); ok {
		v.ItemNameZH, v.ItemNameEN, v.Department = it.NameZH, it.NameEN, it.Department
	}
	steps := []step{{"submitted", a.SubmittedAt}}
	switch {
	case a.Instant && len(a.Reasons) == 0:
		steps = append(steps, step{statusApproved, a.SubmittedAt})
	case a.Instant:
		steps = append(steps, step{statusRejected, a.SubmittedAt})
	case a.Appointment:
		steps = append(steps, step{statusBooked, a.SubmittedAt})
	default:
		review := addWorkingDays(a.SubmittedAt, 1).UTC()
		if review.After(a.DueAt) {
			review = a.DueAt
		}
		steps = append(steps, []step{{statusAccepted, a.SubmittedAt}, {statusInReview, review}, {statusCompleted, a.DueAt}}...)
	}
	for _, st := range steps {
		l := stageLabels[st.status]
		done := !now.Before(st.at)
		v.Progress = append(v.Progress, stage{st.status, l[0], l[1], st.at, done})
		if done {
			v.Status = st.status
		}
	}
	return v
}
