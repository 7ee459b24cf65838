package central

import (
	"net/http"
	"strings"
	"testing"

	"github.com/govkiosk/kiosk/central/refdata"
)

func TestSessionEveryFixtureSignsIn(t *testing.T) {
	s := newTestServer(t, "")
	for _, id := range refdata.FixtureIDs {
		rec := call(t, s, "POST", "/v1/sessions", createSessionRequest{TerminalID: "T1", Card: cardOf(t, id)})
		r := decode[createSessionResponse](t, rec, http.StatusCreated)
		if r.Token == "" || r.Session.Level != levelCard || r.Session.Citizen.IDMasked != refdata.MaskNumber(id) {
			t.Errorf("%s: session %+v", refdata.MaskNumber(id), r.Session)
		}
		if strings.Contains(r.Session.Citizen.PhoneMasked, "0000000") {
			t.Errorf("%s: phone not masked: %s", refdata.MaskNumber(id), r.Session.Citizen.PhoneMasked)
		}
	}
}

func TestSessionRefusesMismatchedCard(t *testing.T) {
	s := newTestServer(t, "")
	wrongName := cardOf(t, refdata.FixtureWang)
	wrongName.Name = "王建军"
	wrongBirth := cardOf(t, refdata.FixtureChen)
	wrongBirth.Birth = "1990-06-07"
	unknown := cardOf(t, refdata.FixtureWang)
	unknown.Number = "110101199001011237"
	englishOnly := cardOf(t, refdata.FixtureSmith)
	englishOnly.Name = ""
	expired := cardOf(t, refdata.FixtureLi)
	expired.ValidTo = "2026-01-01"
	lastDay := cardOf(t, refdata.FixtureLi)
	lastDay.ValidTo = "2026-11-27" // testNow's day: still valid
	longTerm := cardOf(t, refdata.FixtureLi)
	longTerm.ValidTo, longTerm.LongTerm = "2026-01-01", true
	for name, tc := range map[string]struct {
		card cardData
		want int
	}{
		"wrong name": {wrongName, 401}, "wrong birth": {wrongBirth, 401}, "unknown number": {unknown, 401},
		"english name only": {englishOnly, 201}, "expired": {expired, 401}, "last valid day": {lastDay, 201},
		"long term": {longTerm, 201},
	} {
		rec := call(t, s, "POST", "/v1/sessions", createSessionRequest{TerminalID: "T1", Card: tc.card})
		if rec.Code != tc.want {
			t.Errorf("%s: status %d, want %d", name, rec.Code, tc.want)
		}
		if name == "expired" {
			if code := errorCode(t, rec, 401); code != "card_expired" {
				t.Errorf("expired card: %s", code)
			}
		}
		if strings.Contains(rec.Body.String(), tc.card.Number) {
			t.Errorf("%s: answer repeats the card number", name)
		}
	}
}

func TestSecondFactor(t *testing.T) {
	s := newTestServer(t, "")
	auth := signIn(t, s, refdata.FixtureChen)
	if code := errorCode(t, call(t, s, "POST", "/v1/session/second-factor", secondFactorRequest{methodSMS, "123456"}, "Authorization", auth), 409); code != "no_challenge" {
		t.Errorf("code before challenge: %s", code)
	}
	ch := decode[challengeResponse](t, call(t, s, "POST", "/v1/session/second-factor/challenge", challengeRequest{methodSMS}, "Authorization", auth), 200)
	if ch.SentTo != "138****0002" {
		t.Errorf("sent to %q", ch.SentTo)
	}
	if code := errorCode(t, call(t, s, "POST", "/v1/session/second-factor", secondFactorRequest{methodSMS, "000000"}, "Authorization", auth), 401); code != "otp_wrong" {
		t.Errorf("wrong code: %s", code)
	}
	ok := decode[struct{ Session sessionView }](t, call(t, s, "POST", "/v1/session/second-factor", secondFactorRequest{methodSMS, "123456"}, "Authorization", auth), 200)
	if ok.Session.Level != levelStrong {
		t.Errorf("level %s after the right code", ok.Session.Level)
	}
	if code := errorCode(t, call(t, s, "POST", "/v1/session/second-factor/challenge", challengeRequest{methodFace}, "Authorization", auth), 422); code != "method_unsupported" {
		t.Errorf("face: %s", code)
	}
}

func TestSecondFactorLocksAfterWrongCodes(t *testing.T) {
	s := newTestServer(t, "")
	auth := signIn(t, s, refdata.FixtureWang)
	call(t, s, "POST", "/v1/session/second-factor/challenge", challengeRequest{methodSMS}, "Authorization", auth)
	for range maxOTPAttempts {
		call(t, s, "POST", "/v1/session/second-factor", secondFactorRequest{methodSMS, "999999"}, "Authorization", auth)
	}
	if code := errorCode(t, call(t, s, "POST", "/v1/session/second-factor", secondFactorRequest{methodSMS, "123456"}, "Authorization", auth), 429); code != "otp_locked" {
		t.Errorf("after %d wrong codes: %s", maxOTPAttempts, code)
	}
}

func TestSessionEndAndExpiry(t *testing.T) {
	s := newTestServer(t, "")
	auth := signIn(t, s, refdata.FixtureGarcia)
	decode[map[string]any](t, call(t, s, "GET", "/v1/session", nil, "Authorization", auth), 200)
	if rec := call(t, s, "DELETE", "/v1/session", nil, "Authorization", auth); rec.Code != http.StatusNoContent {
		t.Fatalf("end: %d", rec.Code)
	}
	if code := errorCode(t, call(t, s, "GET", "/v1/session", nil, "Authorization", auth), 401); code != "unauthenticated" {
		t.Errorf("after end: %s", code)
	}
	auth = signIn(t, s, refdata.FixtureGarcia)
	s.SetFaults(Faults{ClockSkewSeconds: int(s.opts.SessionTTL.Seconds()) + 1})
	if rec := call(t, s, "GET", "/v1/session", nil, "Authorization", auth); rec.Code != 401 {
		t.Errorf("after the TTL: status %d, want 401", rec.Code)
	}
	// The next sign-in purges the expired session from the file.
	signIn(t, s, refdata.FixtureWang)
	if st, _ := s.Stats(); st.Sessions != 1 {
		t.Errorf("%d sessions stored, want only the live one", st.Sessions)
	}
}
