package central

import "net/http"

// route is one registered endpoint; the OpenAPI test walks this table.
type route struct {
	method, path string
	handler      http.HandlerFunc
}

func (r route) pattern() string { return r.method + " " + r.path }

// routes lists every endpoint the server serves. Paths use the same {name} wildcards as
// openapi.yaml.
func (s *Server) routes() []route {
	return []route{
		{"GET", "/healthz", s.handleHealth},
		{"GET", "/openapi.yaml", s.handleOpenAPI},
		{"GET", "/v1/catalog", s.handleCatalog},
		{"GET", "/v1/halls", s.handleHalls},
		{"POST", "/v1/sessions", s.handleCreateSession},
		{"GET", "/v1/session", s.handleGetSession},
		{"DELETE", "/v1/session", s.handleEndSession},
		{"POST", "/v1/session/second-factor/challenge", s.handleChallenge},
		{"POST", "/v1/session/second-factor", s.handleSecondFactor},
		{"POST", "/v1/certificates", s.handleIssueCertificate},
		{"GET", "/v1/verify/{code}", s.handleVerify},
		{"POST", "/v1/applications", s.handleSubmitApplication},
		{"GET", "/v1/applications", s.handleListApplications},
		{"GET", "/v1/applications/{id}", s.handleGetApplication},
		{"POST", "/v1/ratings", s.handleRate},
		{"POST", "/v1/queue-tickets", s.handleIssueTicket},
		{"GET", "/v1/queue-tickets/{id}", s.handleGetTicket},
		{"GET", "/_admin/stats", s.handleStats},
		{"GET", "/_faults", s.handleGetFaults},
		{"PUT", "/_faults", s.handlePutFaults},
	}
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	if err := s.store.ping(); err != nil {
		writeError(w, errUnavailable("store"))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}
