package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-profile", "demo", "-out", dir}, 0, "benefits.csv"},
		{[]string{"-profile", "maly", "-out", dir}, 2, "nieznany profil"},
		{[]string{"-profile", "demo"}, 2, "Użycie"},
		{[]string{"-bogus"}, 2, "Użycie"},
	} {
		var stderr bytes.Buffer
		if code := run(tc.args, &stderr); code != tc.code || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, stderr.String(), tc.code, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "blue_card_forms.csv")); err != nil {
		t.Error(err)
	}
}
