package central

import (
	_ "embed"
	"net/http"
)

// OpenAPI is the contract of the central APIs, as served at /openapi.yaml.
//
//go:embed openapi.yaml
var OpenAPI []byte

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Write(OpenAPI)
}
