package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

var english = regexp.MustCompile(`(?i)\b(not a directory|permission denied|no such file|mkdir|rename|file exists)\b`)

// TestNewPolishMessages: a wrong --out gets one Polish sentence naming it, and
// nothing is left behind.
func TestNewPolishMessages(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "wyniki.pdf")
	os.WriteFile(file, []byte("x"), 0o644)
	cases := []struct{ out, want string }{
		{file, file + " jest plikiem, a nie katalogiem; podaj w --out katalog wyników"},
		{filepath.Join(file, "raport"), "nie można utworzyć katalogu wyników " + filepath.Join(file, "raport") + ": część ścieżki jest plikiem, a nie katalogiem"},
		{"", "nie podano katalogu wyników (--out)"},
	}
	for _, tc := range cases {
		_, err := New(tc.out)
		if err == nil {
			t.Errorf("%q: no error", tc.out)
			continue
		}
		if err.Error() != tc.want {
			t.Errorf("got  %q\nwant %q", err, tc.want)
		}
		if english.MatchString(err.Error()) {
			t.Errorf("English in %q", err)
		}
	}
	if b, _ := os.ReadFile(file); string(b) != "x" {
		t.Error("the file given as --out was changed")
	}
}

func TestOSReason(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "mkdir", Path: "/x", Err: syscall.EACCES}, "brak uprawnień do zapisu"},
		{&fs.PathError{Op: "open", Path: "/x", Err: syscall.ENOSPC}, "brak miejsca na dysku"},
		{&fs.PathError{Op: "mkdir", Path: "/x", Err: syscall.EROFS}, "dysk jest tylko do odczytu"},
		{&fs.PathError{Op: "mkdir", Path: "/x", Err: syscall.ENOTDIR}, "część ścieżki jest plikiem, a nie katalogiem"},
		{&fs.PathError{Op: "mkdir", Path: "/x", Err: syscall.EIO}, "błąd systemu plików"},
	}
	for _, tc := range cases {
		if got := osReason(tc.err); got != tc.want || strings.Contains(got, "/x") {
			t.Errorf("%v: got %q, want %q", tc.err, got, tc.want)
		}
	}
}

// TestAbortLeavesPrevious: a failed run removes its staging directory and the
// previous outputs stay as they were.
func TestAbortLeavesPrevious(t *testing.T) {
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "sprawozdanie.pdf"), []byte("stary"), 0o644)
	st, err := New(out)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(st.Path("sprawozdanie.pdf"), []byte("nowy"), 0o644)
	st.Abort()
	if b, _ := os.ReadFile(filepath.Join(out, "sprawozdanie.pdf")); string(b) != "stary" {
		t.Errorf("previous output changed: %q", b)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".gpwr-tmp-") {
			t.Errorf("staging directory left: %s", e.Name())
		}
	}
}
