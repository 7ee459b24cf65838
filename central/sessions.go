package central

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/govkiosk/kiosk/central/refdata"
	bolt "go.etcd.io/bbolt"
)

// Authentication levels of a session.
const (
	levelCard   = "card"        // the ID card was read and matched the records
	levelStrong = "card+second" // and the second factor was passed
)

// maxOTPAttempts locks the second factor of a session after this many wrong codes.
const maxOTPAttempts = 5

// session is a citizen's authenticated session at one terminal. The bearer token itself
// is never stored: the key is its SHA-256.
type session struct {
	ID          string    `json:"id"`
	IDNumber    string    `json:"id_number"`
	TerminalID  string    `json:"terminal_id"`
	Level       string    `json:"level"`
	CreatedAt   time.Time `json:"created_at"`
	ExpiresAt   time.Time `json:"expires_at"`
	Challenged  bool      `json:"challenged"`
	OTPFailures int       `json:"otp_failures"`
}

// cardData is what the terminal read from the card, as the API receives it.
type cardData struct {
	Type     string `json:"type"`
	Number   string `json:"number"`
	Name     string `json:"name"`
	NameEN   string `json:"name_en"`
	SexCode  string `json:"sex_code"`
	Birth    string `json:"birth"` // YYYY-MM-DD
	ValidTo  string `json:"valid_to"`
	LongTerm bool   `json:"long_term"`
}

type createSessionRequest struct {
	TerminalID string   `json:"terminal_id"`
	Card       cardData `json:"card"`
}

// sessionView is a session as the API shows it, with the citizen's data the terminal
// needs to greet them, masked where it is not the card's own.
type sessionView struct {
	ID        string      `json:"id"`
	Level     string      `json:"level"`
	ExpiresAt time.Time   `json:"expires_at"`
	Citizen   citizenView `json:"citizen"`
}

type citizenView struct {
	Name        string `json:"name"`
	NameEN      string `json:"name_en,omitempty"`
	IDMasked    string `json:"id_masked"`
	PhoneMasked string `json:"phone_masked"`
	HukouInCity bool   `json:"hukou_in_city"`
}

type createSessionResponse struct {
	Token   string      `json:"token"`
	Session sessionView `json:"session"`
}

func viewOf(se *session, c *refdata.Citizen) sessionView {
	return sessionView{ID: se.ID, Level: se.Level, ExpiresAt: se.ExpiresAt, Citizen: citizenView{
		Name: c.Name, NameEN: c.NameEN, IDMasked: refdata.MaskNumber(c.IDNumber),
		PhoneMasked: maskPhone(c.Phone), HukouInCity: c.HukouInCity,
	}}
}

func maskPhone(p string) string {
	if len(p) != 11 {
		return refdata.MaskNumber(p)
	}
	return p[:3] + "****" + p[7:]
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func tokenKey(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

var errCardNotRecognised = newError(http.StatusUnauthorized, "card_not_recognised",
	"未能核验您的身份信息,请到人工窗口办理", "your card could not be matched to our records; please go to a counter")

// handleCreateSession authenticates a citizen from the card's data and the terminal's
// identity: the card number must be on record and name and birth date must match it.
func (s *Server) handleCreateSession(w http.ResponseWriter, r *http.Request) {
	var req createSessionRequest
	if err := readJSON(r, &req); err != nil {
		writeError(w, err)
		return
	}
	term, err := terminalOf(r, req.TerminalID)
	if err != nil {
		writeError(w, err)
		return
	}
	req.TerminalID = term
	if req.TerminalID == "" || req.Card.Number == "" {
		writeError(w, errBadRequest("terminal_id and card.number are required"))
		return
	}
	if req.Card.ValidTo != "" && !req.Card.LongTerm {
		// Valid through the whole last day, in the city's time.
		if to, err := time.ParseInLocation(time.DateOnly, req.Card.ValidTo, chinaTime); err == nil && s.now().After(to.AddDate(0, 0, 1)) {
			writeError(w, newError(http.StatusUnauthorized, "card_expired", "您的证件已过有效期", "your card has expired"))
			return
		}
	}
	c, ok := refdata.LookupCitizen(strings.ToUpper(req.Card.Number))
	if !ok || c.Birth != req.Card.Birth || !(c.Name == strings.TrimSpace(req.Card.Name) && c.Name != "" ||
		c.NameEN != "" && strings.EqualFold(c.NameEN, strings.TrimSpace(req.Card.NameEN))) {
		writeError(w, errCardNotRecognised)
		return
	}
	now := s.now().UTC()
	token := randomHex(32)
	se := &session{ID: "S" + randomHex(8), IDNumber: c.IDNumber, TerminalID: req.TerminalID, Level: levelCard,
		CreatedAt: now, ExpiresAt: now.Add(s.opts.SessionTTL)}
	err = s.store.db.Update(func(tx *bolt.Tx) error {
		if err := purgeExpired(tx, now); err != nil {
			return err
		}
		return put(tx, bucketSessions, tokenKey(token), se)
	})
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, createSessionResponse{Token: token, Session: viewOf(se, c)})
}

// purgeExpired deletes the sessions that expired before now, so the file does not grow
// with every card ever read.
func purgeExpired(tx *bolt.Tx, now time.Time) error {
	b := tx.Bucket(bucketSessions)
	var stale [][]byte
	err := b.ForEach(func(k, v []byte) error {
		var se session
		if err := json.Unmarshal(v, &se); err != nil || now.After(se.ExpiresAt) {
			stale = append(stale, k)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("central: store: purge sessions: %w", err)
	}
	for _, k := range stale {
		if err := b.Delete(k); err != nil {
			return fmt.Errorf("central: store: purge sessions: %w", err)
		}
	}
	return nil
}

// bearer returns the request's bearer token, or "".
func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if t, ok := strings.CutPrefix(h, "Bearer "); ok {
		return strings.TrimSpace(t)
	}
	return ""
}

// sessionOf loads the live session of the request's bearer token.
func (s *Server) sessionOf(r *http.Request) (*session, *refdata.Citizen, error) {
	token := bearer(r)
	if token == "" {
		return nil, nil, errUnauthenticated()
	}
	var se session
	err := s.store.db.View(func(tx *bolt.Tx) error { return get(tx, bucketSessions, tokenKey(token), &se) })
	if errors.Is(err, errNoRecord) || err == nil && s.now().After(se.ExpiresAt) {
		return nil, nil, errUnauthenticated()
	}
	if err != nil {
		return nil, nil, err
	}
	// Under mTLS a session is bound to the terminal that opened it.
	if term, err := terminalOf(r, se.TerminalID); err != nil || term != se.TerminalID {
		return nil, nil, errUnauthenticated()
	}
	c, ok := refdata.LookupCitizen(se.IDNumber)
	if !ok {
		return nil, nil, errUnauthenticated()
	}
	return &se, c, nil
}

// updateSession applies change to the stored session of token in one transaction.
func (s *Server) updateSession(token string, change func(*session) error) (*session, error) {
	var se session
	err := s.store.db.Update(func(tx *bolt.Tx) error {
		if err := get(tx, bucketSessions, tokenKey(token), &se); err != nil {
			if errors.Is(err, errNoRecord) {
				return errUnauthenticated()
			}
			return err
		}
		if err := change(&se); err != nil {
			return err
		}
		return put(tx, bucketSessions, tokenKey(token), &se)
	})
	return &se, err
}

func (s *Server) handleGetSession(w http.ResponseWriter, r *http.Request) {
	se, c, err := s.sessionOf(r)
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"session": viewOf(se, c)})
}

// handleEndSession ends the session; ending one that is gone already is not an error.
func (s *Server) handleEndSession(w http.ResponseWriter, r *http.Request) {
	token := bearer(r)
	if token == "" {
		writeError(w, errUnauthenticated())
		return
	}
	err := s.store.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSessions).Delete([]byte(tokenKey(token)))
	})
	if err != nil {
		writeError(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
