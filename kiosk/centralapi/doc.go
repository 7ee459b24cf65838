// Package centralapi is the agent's client of the central service platform: the wire
// types of the contract in central/openapi.yaml, and calls with deadlines from context,
// retries only where they are safe, and typed errors that carry no personal data.
package centralapi
