package partner

import (
	"regexp"
	"strings"
	"testing"

	"github.com/gpwr/gpwr/model"
)

var digitRun = regexp.MustCompile(`[0-9]+`)

// FuzzReadCSV feeds arbitrary bytes to the CSV reader. It must never panic,
// every finding must name the file, a file with errors must give no rows to
// use, values must be ≥ 0, and no message may echo a PESEL-like number.
// Seed corpus: testdata/fuzz/FuzzReadCSV. Run: go test -run '^$' -fuzz FuzzReadCSV -fuzztime 60s ./collectors/partner/
func FuzzReadCSV(f *testing.F) {
	cat := mustCatalog(f)
	f.Add([]byte(goodHead + "ppp.porady;Porady;5;\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ret, fs := readBytes("f.csv", "f.csv", b, cat, expect2025)
		if ret == nil {
			t.Fatal("nil Return for bytes in memory")
		}
		errs := 0
		for _, fd := range fs {
			if fd.Place != "f.csv" && !strings.HasPrefix(fd.Place, "f.csv:") {
				t.Fatalf("finding without the file: %+v", fd)
			}
			if fd.Message == "" {
				t.Fatalf("empty message: %+v", fd)
			}
			for _, m := range digitRun.FindAllString(fd.Message, -1) {
				if validPESEL(m) {
					t.Fatalf("message echoes a PESEL-like number: %s", fd.Message)
				}
			}
			if fd.Severity == model.Error {
				errs++
			}
		}
		if len(fs) <= maxFindings && errs != ret.Errors || ret.Errors < errs {
			t.Fatalf("Return.Errors = %d, findings say %d", ret.Errors, errs)
		}
		for _, r := range ret.Rows {
			if r.Value != nil && *r.Value < 0 {
				t.Fatalf("negative value accepted: %+v", r)
			}
		}
	})
}
