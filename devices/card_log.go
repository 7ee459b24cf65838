package devices

import "log/slog"

// LogValue keeps a Card's personal data out of logs: a card logged by mistake shows its
// type and masked number only.
func (c *Card) LogValue() slog.Value {
	if c == nil {
		return slog.StringValue("<nil>")
	}
	return slog.GroupValue(
		slog.String("type", string(c.Type)),
		slog.String("number", MaskNumber(c.Number)),
	)
}
