package central

import (
	"crypto/subtle"
	"net/http"
	"time"
)

// Second-factor methods. Only the SMS one-time code is implemented; a camera's
// face-comparison result is the planned second method.
const (
	methodSMS  = "sms_otp"
	methodFace = "face"
)

type challengeRequest struct {
	Method string `json:"method"`
}

type challengeResponse struct {
	Method    string    `json:"method"`
	SentTo    string    `json:"sent_to"` // masked phone number on record
	ExpiresAt time.Time `json:"expires_at"`
}

type secondFactorRequest struct {
	Method string `json:"method"`
	Code   string `json:"code"`
}

var errMethod = newError(http.StatusUnprocessableEntity, "method_unsupported",
	"暂不支持该验证方式", "this verification method is not supported yet")

// handleChallenge "sends" a one-time code to the phone on record. The reference server
// sends nothing: it accepts Options.TestOTP.
func (s *Server) handleChallenge(w http.ResponseWriter, r *http.Request) {
	var req challengeRequest
	if err := readJSON(r, &req); err != nil {
		writeError(w, err)
		return
	}
	if req.Method != methodSMS {
		writeError(w, errMethod)
		return
	}
	_, c, err := s.sessionOf(r)
	if err != nil {
		writeError(w, err)
		return
	}
	if _, err := s.updateSession(bearer(r), func(se *session) error { se.Challenged = true; return nil }); err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, challengeResponse{Method: methodSMS, SentTo: maskPhone(c.Phone),
		ExpiresAt: s.now().UTC().Add(5 * time.Minute)})
}

// handleSecondFactor checks the one-time code and raises the session's level.
func (s *Server) handleSecondFactor(w http.ResponseWriter, r *http.Request) {
	var req secondFactorRequest
	if err := readJSON(r, &req); err != nil {
		writeError(w, err)
		return
	}
	if req.Method != methodSMS {
		writeError(w, errMethod)
		return
	}
	_, c, err := s.sessionOf(r)
	if err != nil {
		writeError(w, err)
		return
	}
	wrong := false
	se, err := s.updateSession(bearer(r), func(se *session) error {
		switch {
		case !se.Challenged:
			return newError(http.StatusConflict, "no_challenge", "请先获取验证码", "request a code first")
		case se.OTPFailures >= maxOTPAttempts:
			return newError(http.StatusTooManyRequests, "otp_locked", "验证码错误次数过多,请重新登录",
				"too many wrong codes; sign in again")
		case subtle.ConstantTimeCompare([]byte(req.Code), []byte(s.opts.TestOTP)) != 1:
			se.OTPFailures++
			wrong = true
		default:
			se.Level, se.Challenged = levelStrong, false
		}
		return nil
	})
	if err != nil {
		writeError(w, err)
		return
	}
	if wrong {
		writeError(w, newError(http.StatusUnauthorized, "otp_wrong", "验证码不正确", "the code is wrong"))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"session": viewOf(se, c)})
}
