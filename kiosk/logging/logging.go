package logging

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
)

// New returns a logger writing to w in format "json" or "text" at level ("debug", "info",
// "warn" or "error"), with redaction.
func New(w io.Writer, format, level string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("logging: level %q: %w", level, err)
	}
	opts := &slog.HandlerOptions{Level: lv, ReplaceAttr: redactAttr}
	var h slog.Handler
	switch format {
	case "json":
		h = slog.NewJSONHandler(w, opts)
	case "text":
		h = slog.NewTextHandler(w, opts)
	default:
		return nil, fmt.Errorf("logging: format %q is not json or text", format)
	}
	return slog.New(&redactHandler{h}), nil
}

// redactHandler masks personal numbers in the message, which ReplaceAttr does not see.
type redactHandler struct{ slog.Handler }

func (h *redactHandler) Handle(ctx context.Context, r slog.Record) error {
	if msg := MaskText(r.Message); msg != r.Message {
		nr := slog.NewRecord(r.Time, r.Level, msg, r.PC)
		r.Attrs(func(a slog.Attr) bool { nr.AddAttrs(a); return true })
		r = nr
	}
	return h.Handler.Handle(ctx, r)
}

func (h *redactHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return &redactHandler{h.Handler.WithAttrs(as)}
}

func (h *redactHandler) WithGroup(name string) slog.Handler {
	return &redactHandler{h.Handler.WithGroup(name)}
}

// personalKeys are attribute keys whose values are personal data, masked by kind.
var personalKeys = map[string]func(string) string{
	"name":        maskName,
	"name_en":     maskName,
	"citizen":     maskName,
	"address":     maskAddress,
	"id_number":   maskNumber,
	"number":      maskNumber,
	"id":          MaskText,
	"phone":       maskNumber,
	"pass_number": maskNumber,
}

func redactAttr(groups []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() == slog.KindGroup {
		return a
	}
	v := a.Value.Resolve()
	if mask, ok := personalKeys[strings.ToLower(a.Key)]; ok {
		return slog.String(a.Key, mask(valueString(v)))
	}
	switch v.Kind() {
	case slog.KindString:
		if s := MaskText(v.String()); s != v.String() {
			return slog.String(a.Key, s)
		}
	case slog.KindAny:
		if err, ok := v.Any().(error); ok {
			return slog.String(a.Key, MaskText(err.Error()))
		}
		s := fmt.Sprint(v.Any())
		if m := MaskText(s); m != s {
			return slog.String(a.Key, m)
		}
	}
	return a
}

func valueString(v slog.Value) string {
	if v.Kind() == slog.KindString {
		return v.String()
	}
	return fmt.Sprint(v.Any())
}
