// Package form checks the values a citizen types into an item's form against the
// field's type and rules as central's catalog gives them (centralapi.Field), before
// anything is sent, with messages in Chinese and English. Central checks again and has
// the last word; this package only saves the citizen a round trip. Messages never repeat
// the value.
package form
