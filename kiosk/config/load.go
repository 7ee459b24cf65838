package config

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Error is one problem in a config file, at a line and a key.
type Error struct {
	File string
	Line int    // 0 when the problem is not at one line (a missing key)
	Key  string // dotted path, e.g. "reader.baud"
	Msg  string
}

func (e *Error) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.Key == "" {
		return fmt.Sprintf("config: %s: %s", loc, e.Msg)
	}
	return fmt.Sprintf("config: %s: key %q: %s", loc, e.Key, e.Msg)
}

// Errors is every problem found in one file, in line order.
type Errors []*Error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Load reads the file at path strictly, over the defaults, resolves relative paths against
// the file's folder and validates the result. Any problem is returned as Errors.
func Load(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("config: %w", err)
	}
	cfg, err := Parse(path, data)
	if err != nil {
		return Config{}, err
	}
	abs, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return Config{}, fmt.Errorf("config: %w", err)
	}
	cfg.resolvePaths(abs)
	return cfg, nil
}

// Parse decodes data (named name in messages) over the defaults and validates it. Paths
// stay as written.
func Parse(name string, data []byte) (Config, error) {
	cfg := Default()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return Config{}, syntaxError(name, err)
	}
	d := decoder{file: name, lines: map[string]int{}}
	if doc.Kind != 0 { // an empty file leaves every default
		d.walk(doc.Content[0], reflect.ValueOf(&cfg).Elem(), "")
	}
	if len(d.errs) > 0 {
		return Config{}, d.errs
	}
	cfg.deriveDefaults()
	return cfg, wrapErrs(name, cfg.Validate(), d.lines)
}

// wrapErrs turns validation problems into Errors at the lines the keys were written on.
func wrapErrs(file string, probs []Problem, lines map[string]int) error {
	if len(probs) == 0 {
		return nil
	}
	errs := make(Errors, len(probs))
	for i, p := range probs {
		errs[i] = &Error{File: file, Line: lines[p.Key], Key: p.Key, Msg: p.Msg}
	}
	return errs
}

func syntaxError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
	}
	return Errors{{File: file, Line: line, Msg: "not valid YAML: " + msg}}
}

var durationType = reflect.TypeOf(time.Duration(0))

// decoder walks the YAML tree alongside the Config struct, so that every unknown key and
// every wrong type is reported with its line and dotted key, and records the line of each
// key for validation messages.
type decoder struct {
	file  string
	errs  Errors
	lines map[string]int
}

func (d *decoder) fail(n *yaml.Node, key, format string, args ...any) {
	d.errs = append(d.errs, &Error{File: d.file, Line: n.Line, Key: key, Msg: fmt.Sprintf(format, args...)})
}

func (d *decoder) walk(n *yaml.Node, v reflect.Value, key string) {
	if key != "" {
		d.lines[key] = n.Line
	}
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch v.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			d.fail(n, key, "expected a mapping of keys, got %s", describe(n))
			return
		}
		fields := structFields(v.Type())
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			sub := joinKey(key, k.Value)
			idx, ok := fields[k.Value]
			if !ok {
				d.fail(k, sub, "unknown key%s", suggest(k.Value, fields))
				continue
			}
			d.walk(val, v.Field(idx), sub)
		}
	default:
		if n.Kind != yaml.ScalarNode {
			d.fail(n, key, "expected %s, got %s", expected(v.Type()), describe(n))
			return
		}
		if n.Tag == "!!null" {
			d.fail(n, key, "expected %s, got nothing", expected(v.Type()))
			return
		}
		if v.Kind() == reflect.String && n.Tag != "!!str" {
			d.fail(n, key, "expected %s, got %s (quote it if it is meant as text)", expected(v.Type()), describe(n))
			return
		}
		p := reflect.New(v.Type())
		if err := n.Decode(p.Interface()); err != nil {
			d.fail(n, key, "expected %s, got %s", expected(v.Type()), describe(n))
			return
		}
		v.Set(p.Elem())
	}
}

func joinKey(parent, k string) string {
	if parent == "" {
		return k
	}
	return parent + "." + k
}

// structFields maps yaml keys to field indexes.
func structFields(t reflect.Type) map[string]int {
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if tag != "" && tag != "-" {
			m[tag] = i
		}
	}
	return m
}

func expected(t reflect.Type) string {
	if t == durationType {
		return "a duration such as 30s or 5m"
	}
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float64, reflect.Float32:
		return "a number"
	case reflect.String:
		return "text"
	}
	return t.String()
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return fmt.Sprintf("%q", n.Value)
}

// suggest names the closest known key when the unknown one looks like a typo of it.
func suggest(k string, fields map[string]int) string {
	best, bestD := "", 3
	known := make([]string, 0, len(fields))
	for f := range fields {
		known = append(known, f)
		if d := editDistance(k, f); d < bestD || (d == bestD && f < best) {
			best, bestD = f, d
		}
	}
	if best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	slices.Sort(known)
	return "; known keys here: " + strings.Join(known, ", ")
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// resolvePaths makes relative paths absolute against dir, the config file's folder.
func (c *Config) resolvePaths(dir string) {
	for _, p := range []*string{&c.StateDir, &c.LocalAPI.Socket, &c.UI.Font, &c.Printers.A4.Dir,
		&c.Central.CAFile, &c.Central.CertFile, &c.Central.KeyFile} {
		if *p != "" && !filepath.IsAbs(*p) {
			*p = filepath.Join(dir, *p)
		}
	}
}
