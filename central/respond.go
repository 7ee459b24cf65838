package central

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/govkiosk/kiosk/central/refdata"
)

// apiError is an error answer: an HTTP status, a stable machine code and a message the
// terminal can show to the citizen in either language. It never carries personal data.
type apiError struct {
	Status    int                  `json:"-"`
	Code      string               `json:"code"`
	MessageZH string               `json:"message_zh"`
	MessageEN string               `json:"message_en"`
	Fields    []refdata.FieldError `json:"fields,omitempty"`
}

func (e *apiError) Error() string { return "central: " + e.Code }

func newError(status int, code, zh, en string) *apiError {
	return &apiError{Status: status, Code: code, MessageZH: zh, MessageEN: en}
}

func errBadRequest(what string) *apiError {
	return newError(http.StatusBadRequest, "bad_request", "请求格式不正确", "malformed request: "+what)
}

func errUnauthenticated() *apiError {
	return newError(http.StatusUnauthorized, "unauthenticated", "请先刷身份证登录", "sign in with your ID card first")
}

func errNotFound(what string) *apiError {
	return newError(http.StatusNotFound, "not_found", "未找到相关记录", what+" not found")
}

func errUnavailable(what string) *apiError {
	return newError(http.StatusServiceUnavailable, "unavailable", "系统繁忙,请稍后再试", what+" unavailable, try again later")
}

func errInternal() *apiError {
	return newError(http.StatusInternalServerError, "internal", "系统错误,请稍后再试", "internal error, try again later")
}

// writeJSON writes v as the JSON body with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeError(w, errInternal())
		return
	}
	writeJSONBytes(w, status, b)
}

func writeJSONBytes(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte("\n"))
}

// writeError answers with err: an *apiError as it is, anything else as a 500 whose
// details stay in the server.
func writeError(w http.ResponseWriter, err error) {
	var ae *apiError
	if !errors.As(err, &ae) {
		ae = errInternal()
	}
	b, _ := json.Marshal(struct {
		Error *apiError `json:"error"`
	}{ae})
	writeJSONBytes(w, ae.Status, b)
}

// maxBody bounds request bodies.
const maxBody = 64 << 10

// readJSON decodes the request body into v strictly: unknown fields are errors.
func readJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errBadRequest(fmt.Sprintf("body: %v", err))
	}
	return nil
}
