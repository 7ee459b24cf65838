// Package central is the reference central server: the city platform's service APIs as
// the kiosk agent sees them (catalog, sessions, certificates, applications, ratings, queue
// tickets), implemented well enough to demo, develop and test against, and written down in
// the OpenAPI document openapi.yaml that it serves.
//
// It owns its state: a bbolt file in Options.DataDir holds sessions, applications,
// idempotency records, issued certificates, ratings and tickets, so a restart loses
// nothing. Reference data (departments, items, citizen records) comes from refdata.
// Faults (latency, errors, dropped connections, garbage bodies, clock skew) can be
// switched on at run time for tests of the client's resilience.
//
// It imports nothing of the kiosk agent: it stands for a separate system.
package central
