// Package config owns the agent's typed configuration: the Config type, its defaults
// (Default, the one place they are set), strict loading from YAML (Load: an unknown key,
// a wrong type or an invalid value is an error naming the file, the line and the key) and
// validation (Config.Validate, the one place values are checked).
package config
