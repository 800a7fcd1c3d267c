package html

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gpwr/gpwr/render/charts"
	"github.com/gpwr/gpwr/render/charts/fromreport"
	"github.com/gpwr/gpwr/render/internal/golden"
	"github.com/gpwr/gpwr/render/internal/rendertest"
	"github.com/gpwr/gpwr/render/report"
	"github.com/gpwr/gpwr/render/report/reporttest"
	"github.com/gpwr/gpwr/tools/browsercheck"
)

var (
	keep = flag.String("keep", "", "also copy the pages into this directory")
)

func stubScript() (string, error) { return "/* echarts.min.js */", nil }

func reportDoc(t *testing.T) *report.Doc {
	t.Helper()
	d, err := report.Build(reporttest.Input())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestGoldenHand(t *testing.T) {
	var b bytes.Buffer
	if err := render(&b, rendertest.HandDoc(), nil, stubScript); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "hand.golden.html", b.Bytes())
}

func TestGoldenReport(t *testing.T) {
	d := reportDoc(t)
	var b bytes.Buffer
	if err := render(&b, d, fromreport.Doc(d), stubScript); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "report.golden.html", b.Bytes())
}

// TestStructure checks the accessibility skeleton that axe does not insist
// on: headings in order without skipped levels, one h1, every table with a
// caption, and the synthetic-data banner.
func TestStructure(t *testing.T) {
	var b bytes.Buffer
	d := reportDoc(t)
	if err := render(&b, d, fromreport.Doc(d), stubScript); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	for _, want := range []string{`<html lang="pl">`, "<title>" + text(d.Title) + "</title>", `<nav class="spis"`, `<main id="tresc">`, `class="baner" role="note"`} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if n := strings.Count(s, "<h1"); n != 1 {
		t.Errorf("%d h1 elements, want 1", n)
	}
	prev := 1
	for i := 0; ; {
		j := strings.Index(s[i:], "<h")
		if j < 0 {
			break
		}
		i += j + 2
		if i >= len(s) || s[i] < '1' || s[i] > '6' {
			continue
		}
		lvl := int(s[i] - '0')
		if lvl > prev+1 {
			t.Fatalf("heading h%d follows h%d near %q", lvl, prev, s[i:min(len(s), i+80)])
		}
		prev = lvl
	}
	if a, c := strings.Count(s, "<table"), strings.Count(s, "<caption"); a != c || a == 0 {
		t.Errorf("%d tables but %d captions", a, c)
	}
}

// TestAccessibleAndDrawsOffline writes real pages (ECharts inlined) of the
// sample report and of the hand-made document (spanning headers, hidden and
// missing cells), opens them in headless Chromium with the network off, runs
// axe-core with the WCAG 2.1 A/AA rules and checks that every chart drew.
func TestAccessibleAndDrawsOffline(t *testing.T) {
	for name, d := range map[string]*report.Doc{"sprawozdanie.html": reportDoc(t), "reczny.html": rendertest.HandDoc()} {
		t.Run(name, func(t *testing.T) {
			cs := fromreport.Doc(d)
			if len(cs) == 0 {
				t.Fatal("the document has no charts to check")
			}
			path := filepath.Join(t.TempDir(), name)
			if err := Write(path, d, cs); err != nil {
				t.Fatal(err)
			}
			if *keep != "" {
				b, _ := os.ReadFile(path)
				os.MkdirAll(*keep, 0o755)
				os.WriteFile(filepath.Join(*keep, name), b, 0o644)
			}
			r := browsercheck.Run(t, path, true)
			if len(r.Requests) > 0 || len(r.Failed) > 0 {
				t.Errorf("the page asked the network: %v %v", r.Requests, r.Failed)
			}
			if len(r.Errors) > 0 || len(r.Console) > 0 {
				t.Errorf("script errors %v, console %v", r.Errors, r.Console)
			}
			t.Logf("axe: %d rules passed, %d violated", r.AxePasses, len(r.Violations))
			if r.AxePasses == 0 {
				t.Error("axe-core ran no rule")
			}
			for _, v := range r.Violations {
				t.Errorf("axe %s (%s): %s\n  %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
			}
			if len(r.Charts) != len(cs) {
				t.Fatalf("browser found %d charts, want %d", len(r.Charts), len(cs))
			}
			// A series of isolated points (every other year missing) paints
			// little; an axis-only canvas paints none of the series colour.
			for _, c := range r.Charts {
				if !c.Instance || !c.Canvas || c.Painted < c.Width*c.Height/100 || c.Pixels(charts.Palette[0]) < 60 {
					t.Errorf("%s did not draw: %+v", c.ID, c)
				}
			}
		})
	}
}

func TestWriteKeepsOldFileOnError(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sprawozdanie.html")
	os.WriteFile(path, []byte("stara"), 0o644)
	bad := rendertest.HandDoc()
	bad.Chapters[0].Blocks[1].Chart.Kind = "kołowy"
	if err := Write(path, bad, nil); err == nil || !strings.Contains(err.Error(), "rodzaj") {
		t.Fatalf("bad chart: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "stara" {
		t.Fatal("failed Write touched the previous file")
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Fatalf("temporary files left: %v", es)
	}
}
