package config

import (
	"strings"
	"testing"
)

func TestPINHash(t *testing.T) {
	h := HashPIN("2468")
	if !CheckPIN(h, "2468") {
		t.Error("the right PIN is refused")
	}
	for _, wrong := range []string{"", "2469", "24680", " 2468"} {
		if CheckPIN(h, wrong) {
			t.Errorf("%q accepted", wrong)
		}
	}
	if HashPIN("2468") == h {
		t.Error("two hashes of one PIN are equal: no salt")
	}
	if strings.Contains(h, "2468") {
		t.Error("the PIN stands in its hash")
	}
	if CheckPIN("sha256:zz:00", "2468") || CheckPIN("md5:00:00", "") {
		t.Error("a malformed hash matched")
	}
}

func TestBadPINHashIsAConfigError(t *testing.T) {
	_, err := Parse("t.yaml", []byte("central: {url: https://c.test}\ntechnician:\n  pin_hash: \"1234\"\n"))
	if err == nil || !strings.Contains(err.Error(), `t.yaml:3: key "technician.pin_hash": expected sha256:SALT:HASH`) {
		t.Errorf("got %v", err)
	}
}
