package centralapi

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"
)

// TLSConfig builds the TLS configuration for mTLS with central: the terminal's client
// certificate and key (PEM files; its common name is the terminal id) and the CA that
// signed central's server certificate. An empty caFile trusts the system pool; empty
// certFile and keyFile make no client certificate.
func TLSConfig(certFile, keyFile, caFile string) (*tls.Config, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if certFile != "" || keyFile != "" {
		cert, err := tls.LoadX509KeyPair(certFile, keyFile)
		if err != nil {
			return nil, fmt.Errorf("centralapi: client certificate: %w", err)
		}
		cfg.Certificates = []tls.Certificate{cert}
	}
	if caFile != "" {
		pem, err := os.ReadFile(caFile)
		if err != nil {
			return nil, fmt.Errorf("centralapi: ca: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, errors.New("centralapi: ca: no certificate in " + caFile)
		}
		cfg.RootCAs = pool
	}
	return cfg, nil
}
