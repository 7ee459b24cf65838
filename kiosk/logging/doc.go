// Package logging builds the agent's slog logger: text for people in development, JSON in
// production, and in both a redaction step that masks personal data before anything is
// written. Names, addresses and ID numbers passed under the personal keys are masked; ID
// numbers and mobile numbers are masked wherever they appear in a message or a string
// value, as a second line of defence.
package logging
