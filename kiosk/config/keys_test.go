package config

import (
	"reflect"
	"strings"
)

// allKeys lists every dotted key of the Config struct.
func allKeys(c *Config) []string {
	var keys []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for name, i := range structFields(t) {
			key := joinKey(prefix, name)
			keys = append(keys, key)
			if ft := t.Field(i).Type; ft.Kind() == reflect.Struct && ft != durationType {
				walk(ft, key)
			}
		}
	}
	walk(reflect.TypeOf(*c), "")
	return keys
}

func lastPart(key string) string {
	return key[strings.LastIndex(key, ".")+1:]
}
