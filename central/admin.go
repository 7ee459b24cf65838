package central

import (
	"net"
	"net/http"
)

// Stats counts the server's records; tests use it to check "exactly once" on the
// server's side.
type Stats struct {
	Applications int `json:"applications"`
	Certificates int `json:"certificates"`
	Ratings      int `json:"ratings"`
	Tickets      int `json:"tickets"`
	Sessions     int `json:"sessions"`
}

// Stats returns the record counts.
func (s *Server) Stats() (Stats, error) {
	var st Stats
	for _, c := range []struct {
		bucket []byte
		n      *int
	}{{bucketApplications, &st.Applications}, {bucketCertificates, &st.Certificates},
		{bucketRatings, &st.Ratings}, {bucketTickets, &st.Tickets}, {bucketSessions, &st.Sessions}} {
		n, err := s.store.count(c.bucket)
		if err != nil {
			return Stats{}, err
		}
		*c.n = n
	}
	return st, nil
}

// loopbackOnly refuses admin requests that do not come from the machine itself.
func loopbackOnly(w http.ResponseWriter, r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		writeError(w, newError(http.StatusForbidden, "forbidden", "禁止访问", "admin routes answer only on loopback"))
		return false
	}
	return true
}

func (s *Server) handleStats(w http.ResponseWriter, r *http.Request) {
	if !loopbackOnly(w, r) {
		return
	}
	st, err := s.Stats()
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (s *Server) handleGetFaults(w http.ResponseWriter, r *http.Request) {
	if !loopbackOnly(w, r) {
		return
	}
	writeJSON(w, http.StatusOK, s.faults.get())
}

func (s *Server) handlePutFaults(w http.ResponseWriter, r *http.Request) {
	if !loopbackOnly(w, r) {
		return
	}
	var f Faults
	if err := readJSON(r, &f); err != nil {
		writeError(w, err)
		return
	}
	if err := s.SetFaults(f); err != nil {
		writeError(w, newError(http.StatusUnprocessableEntity, "invalid_faults", "参数不正确", err.Error()))
		return
	}
	writeJSON(w, http.StatusOK, s.faults.get())
}
