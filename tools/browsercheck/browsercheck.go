// Package browsercheck runs check.mjs (playwright-core driving Debian's
// headless Chromium, offline, optionally with axe-core) on an HTML file, for
// tests of the HTML renderers. A missing node, chromium or npm package fails
// the test: it is never skipped.
package browsercheck

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Chart is what the browser saw of one ECharts element (div.plotno).
type Chart struct {
	ID       string `json:"id"`
	Instance bool   `json:"instance"` // echarts.getInstanceByDom found it
	Canvas   bool   `json:"canvas"`
	Width    int    `json:"width"`
	Height   int    `json:"height"`
	Painted  int    `json:"painted"` // non-white pixels
	Colors   int    `json:"colors"`  // distinct non-white colours
	// Top lists the 12 most used colours with pixel counts: "#0b5394:5120".
	Top []string `json:"top"`
	// Formatted holds the chart's own y-axis label formatter ("y:1234567.5")
	// and tooltip value formatter ("tip:null") applied to probe values.
	Formatted map[string]string `json:"formatted"`
	// Series holds the values each series draws: numbers, and "-" (ECharts'
	// marker of a gap) where a value is missing.
	Series [][]any `json:"series"`
}

// Pixels returns how many pixels of the canvas have exactly the colour hex
// ("#0b5394"), when it is among the most used ones.
func (c Chart) Pixels(hex string) int {
	for _, t := range c.Top {
		if k, n, ok := strings.Cut(t, ":"); ok && strings.EqualFold(k, hex) {
			v, _ := strconv.Atoi(n)
			return v
		}
	}
	return 0
}

// Violation is one failed axe-core rule.
type Violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// Result is check.mjs's report.
type Result struct {
	Lang       string      `json:"lang"`     // <html lang>
	Title      string      `json:"title"`    // <title>
	Tables     int         `json:"tables"`   // <table> elements
	Requests   []string    `json:"requests"` // requests to anything but file:, data:, blob:
	Failed     []string    `json:"failed"`
	Errors     []string    `json:"errors"`
	Console    []string    `json:"console"`
	Charts     []Chart     `json:"charts"`
	AxePasses  int         `json:"axePasses"`
	Violations []Violation `json:"violations"`
}

// Run opens file in headless Chromium (offline) and returns what it saw.
// With axe it also runs axe-core with the WCAG 2.1 A and AA tags.
func Run(t testing.TB, file string, axe bool) Result {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is required for the browser test (apt-get install nodejs): %v", err)
	}
	chromium := os.Getenv("GPWR_CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("chromium is required for the browser test (apt-get install chromium): %v", err)
	}
	_, self, _, _ := runtime.Caller(0)
	dir := filepath.Dir(self)
	for _, pkg := range []string{"playwright-core", "axe-core"} {
		if _, err := os.Stat(filepath.Join(dir, "..", "..", "node_modules", pkg, "package.json")); err != nil {
			t.Fatalf("npm package %s is missing (run npm ci in the repository root): %v", pkg, err)
		}
	}
	args := []string{filepath.Join(dir, "check.mjs"), file}
	if axe {
		args = append(args, "--axe")
	}
	cmd := exec.Command(node, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("check.mjs failed: %v\n%s", err, stderr.String())
	}
	t.Logf("browser check of %s took %v", filepath.Base(file), time.Since(start).Round(time.Millisecond))
	var r Result
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatalf("check.mjs output is not JSON: %v\n%s", err, stdout.String())
	}
	return r
}
