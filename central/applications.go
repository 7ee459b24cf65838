package central

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
	bolt "go.etcd.io/bbolt"
)

// Application statuses.
const (
	statusApproved  = "approved"  // instant approval: granted
	statusRejected  = "rejected"  // instant approval: refused, with reasons
	statusAccepted  = "accepted"  // queued for the department (受理)
	statusInReview  = "in_review" // the department is working on it (审查)
	statusCompleted = "completed" // decided by the department (办结)
	statusBooked    = "booked"    // an appointment
)

// application is the stored record. IDNumber and Form are personal data.
type application struct {
	ID            string            `json:"id"`
	ItemCode      string            `json:"item_code"`
	IDNumber      string            `json:"id_number"`
	Form          map[string]string `json:"form"`
	Instant       bool              `json:"instant"`
	Appointment   bool              `json:"appointment"`
	Reasons       []Reason          `json:"reasons"`
	SubmittedAt   time.Time         `json:"submitted_at"`
	DueAt         time.Time         `json:"due_at"`
	TerminalID    string            `json:"terminal_id"`
	Channel       string            `json:"channel"` // session or terminal
	ClientRef     string            `json:"client_ref,omitempty"`
	MadeOfflineAt *time.Time        `json:"made_offline_at,omitempty"`
}

// applicant names the citizen of an application delivered by a terminal without a live
// session (from its outbox); the server checks both against its records.
type applicant struct {
	IDNumber string `json:"id_number"`
	Name     string `json:"name"`
}

type submitRequest struct {
	ItemCode      string            `json:"item_code"`
	Form          map[string]string `json:"form"`
	Applicant     *applicant        `json:"applicant,omitempty"`
	ClientRef     string            `json:"client_ref,omitempty"`
	MadeOfflineAt *time.Time        `json:"made_offline_at,omitempty"`
}

var (
	errApplicant = newError(http.StatusForbidden, "applicant_mismatch",
		"申请人信息与登录身份不一致", "the applicant does not match the signed-in citizen")
	errSecondFactor = newError(http.StatusForbidden, "second_factor_required",
		"该事项需要短信验证码验证", "this item needs the second verification step")
)

// submitter works out who submits: the session's citizen, or the applicant a terminal
// names (X-Terminal-Id header, no session).
func (s *Server) submitter(r *http.Request, a *applicant) (*refdata.Citizen, string, string, error) {
	if bearer(r) != "" {
		se, c, err := s.sessionOf(r)
		if err != nil {
			return nil, "", "", err
		}
		if a != nil && strings.ToUpper(a.IDNumber) != c.IDNumber {
			return nil, "", "", errApplicant
		}
		return c, se.TerminalID, "session:" + se.Level, nil
	}
	term, err := terminalOf(r, "")
	if err != nil {
		return nil, "", "", err
	}
	if term == "" || a == nil {
		return nil, "", "", errUnauthenticated()
	}
	c, ok := refdata.LookupCitizen(strings.ToUpper(a.IDNumber))
	if !ok || c.Name != a.Name && !strings.EqualFold(c.NameEN, a.Name) {
		return nil, "", "", newError(http.StatusForbidden, "applicant_unknown",
			"未能核验申请人身份", "the applicant could not be matched to our records")
	}
	return c, term, "terminal", nil
}

// handleSubmitApplication submits an application. The Idempotency-Key header is
// required: the same key with the same request returns the first answer and creates
// nothing; with a different request it is refused.
func (s *Server) handleSubmitApplication(w http.ResponseWriter, r *http.Request) {
	key, err := idempotencyKey(r, true)
	if err != nil {
		writeError(w, err)
		return
	}
	var req submitRequest
	if err := readJSON(r, &req); err != nil {
		writeError(w, err)
		return
	}
	c, terminal, channel, err := s.submitter(r, req.Applicant)
	if err != nil {
		writeError(w, err)
		return
	}
	it, ok := s.cat.Item(req.ItemCode)
	if !ok {
		writeError(w, errNotFound("item"))
		return
	}
	if it.Kind != refdata.KindApplication && it.Kind != refdata.KindAppointment {
		writeError(w, newError(http.StatusUnprocessableEntity, "not_applicable",
			"该事项不能在线申请", "this item is not an application or appointment"))
		return
	}
	if it.Flags.SecondFactor && channel == "session:"+levelCard {
		writeError(w, errSecondFactor)
		return
	}
	hash := requestHash(struct {
		Req      submitRequest
		IDNumber string
	}{req, c.IDNumber})
	status, body, replayed, err := s.once("applications", key, hash, func(tx *bolt.Tx) (int, any, error) {
		now := s.now().UTC()
		if errs := refdata.Validate(it.Form, req.Form, now.In(chinaTime)); errs != nil {
			e := newError(http.StatusUnprocessableEntity, "invalid_form", "表单填写有误", "the form has errors")
			e.Fields = errs
			return 0, nil, e
		}
		seq, err := nextSeq(tx, "application")
		if err != nil {
			return 0, nil, err
		}
		a := &application{
			ID: fmt.Sprintf("SQ%s%06d", now.In(chinaTime).Format("20060102"), seq), ItemCode: it.Code,
			IDNumber: c.IDNumber, Form: req.Form, Instant: it.Flags.InstantApproval,
			Appointment: it.Kind == refdata.KindAppointment, Reasons: []Reason{},
			SubmittedAt: now, DueAt: addWorkingDays(now, it.TimeLimitDays).UTC(),
			TerminalID: terminal, Channel: strings.SplitN(channel, ":", 2)[0], ClientRef: req.ClientRef,
			MadeOfflineAt: req.MadeOfflineAt,
		}
		if a.Instant {
			a.Reasons = decide(it, c, req.Form, now.In(chinaTime))
			if a.Reasons == nil {
				a.Reasons = []Reason{}
			}
		}
		if err := put(tx, bucketApplications, a.ID, a); err != nil {
			return 0, nil, err
		}
		if err := tx.Bucket(bucketAppsByPerson).Put([]byte(c.IDNumber+"\x00"+a.ID), nil); err != nil {
			return 0, nil, fmt.Errorf("central: store: index: %w", err)
		}
		return http.StatusCreated, map[string]any{"application": s.viewApplication(a, now)}, nil
	})
	if err != nil {
		writeError(w, err)
		return
	}
	writeOnce(w, status, body, replayed)
}

// handleListApplications lists the signed-in citizen's applications (进度查询), newest first.
func (s *Server) handleListApplications(w http.ResponseWriter, r *http.Request) {
	_, c, err := s.sessionOf(r)
	if err != nil {
		writeError(w, err)
		return
	}
	views := []applicationView{}
	now := s.now().UTC()
	err = s.store.db.View(func(tx *bolt.Tx) error {
		cur := tx.Bucket(bucketAppsByPerson).Cursor()
		prefix := []byte(c.IDNumber + "\x00")
		for k, _ := cur.Seek(prefix); k != nil && strings.HasPrefix(string(k), string(prefix)); k, _ = cur.Next() {
			var a application
			if err := get(tx, bucketApplications, string(k[len(prefix):]), &a); err != nil {
				return err
			}
			views = append(views, s.viewApplication(&a, now))
		}
		return nil
	})
	if err != nil {
		writeError(w, err)
		return
	}
	for i, j := 0, len(views)-1; i < j; i, j = i+1, j-1 {
		views[i], views[j] = views[j], views[i]
	}
	writeJSON(w, http.StatusOK, map[string]any{"applications": views})
}

// handleGetApplication shows one of the signed-in citizen's applications.
func (s *Server) handleGetApplication(w http.ResponseWriter, r *http.Request) {
	_, c, err := s.sessionOf(r)
	if err != nil {
		writeError(w, err)
		return
	}
	var a application
	err = s.store.db.View(func(tx *bolt.Tx) error { return get(tx, bucketApplications, r.PathValue("id"), &a) })
	if errors.Is(err, errNoRecord) || err == nil && a.IDNumber != c.IDNumber {
		writeError(w, errNotFound("application"))
		return
	}
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"application": s.viewApplication(&a, s.now().UTC())})
}
