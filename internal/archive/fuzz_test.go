package archive

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzImportCSV feeds arbitrary bytes as a typed-in CSV: Import must never
// panic, every finding must name file:line, and a value it accepts is ≥ 0.
func FuzzImportCSV(f *testing.F) {
	for _, name := range []string{"rok2021.csv", "bledy.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("kod,wartosc\nasysta.rodziny,\"1 2\"\n"))
	f.Add([]byte("\xef\xbb\xbfkod\twartosc\npiecza.koszt\t1,5 zł\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(dir, "f.csv")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		s, fs, err := Import(p, 2021, nil, nil)
		if err != nil {
			if !utf8.ValidString(err.Error()) || !strings.Contains(err.Error(), "f.csv") {
				t.Fatalf("error without the file: %v", err)
			}
			return
		}
		for _, fd := range fs {
			if !strings.HasPrefix(fd.Place, "f.csv:") {
				t.Fatalf("finding without a line: %+v", fd)
			}
		}
		for _, ind := range s.Indicators {
			if ind.Value != nil && *ind.Value < 0 {
				t.Fatalf("negative value accepted: %+v", ind)
			}
		}
	})
}

func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"86 072,89", "12", "b.d.", "1.5", "−3", "86072.890000000001", "9223372036854775807", "99999999999999999,99"} {
		f.Add(s, true, false)
		f.Add(s, false, true)
	}
	f.Fuzz(func(t *testing.T, s string, money, xlsx bool) {
		v, err := parseValue(s, money, xlsx)
		if err == nil && v != nil && *v < 0 {
			t.Fatalf("%q → %d", s, *v)
		}
	})
}
