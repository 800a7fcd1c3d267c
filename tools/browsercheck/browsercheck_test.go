package browsercheck

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestCatchesBadPage proves the checker can fail: a page without lang, with
// an image without alt text, low-contrast text and a request to the network
// must come back with those violations and the blocked request.
func TestCatchesBadPage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "zla.html")
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Zła strona</title></head><body>
<main><h1>Zła strona</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p style="color:#bbb;background:#fff">Słabo widoczny tekst</p>
<script src="https://cdn.example.com/echarts.min.js"></script></main></body></html>`
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	r := Run(t, path, true)
	got := map[string]bool{}
	for _, v := range r.Violations {
		got[v.ID] = true
	}
	for _, id := range []string{"html-has-lang", "image-alt", "color-contrast"} {
		if !got[id] {
			t.Errorf("axe did not report %s (got %v)", id, r.Violations)
		}
	}
	if len(r.Requests) == 0 || !strings.Contains(strings.Join(r.Failed, " "), "cdn.example.com") {
		t.Errorf("the network request was not seen: requests %v failed %v", r.Requests, r.Failed)
	}
}

// fatalTB records Fatalf and stops the goroutine, like testing.T does.
type fatalTB struct {
	testing.TB
	msg string
}

func (f *fatalTB) Helper()             {}
func (f *fatalTB) Logf(string, ...any) {}
func (f *fatalTB) Fatalf(format string, a ...any) {
	f.msg = fmt.Sprintf(format, a...)
	runtime.Goexit()
}

// TestMissingChromiumFails: without a browser the check fails, never skips.
func TestMissingChromiumFails(t *testing.T) {
	t.Setenv("GPWR_CHROMIUM", filepath.Join(t.TempDir(), "brak-chromium"))
	tb := &fatalTB{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Run(tb, "x.html", false)
	}()
	<-done
	if !strings.Contains(tb.msg, "chromium is required") {
		t.Fatalf("Run without chromium: %q", tb.msg)
	}
}
