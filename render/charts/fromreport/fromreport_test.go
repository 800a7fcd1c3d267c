package fromreport

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/charts"
	"github.com/gpwr/gpwr/render/report"
	"github.com/gpwr/gpwr/render/report/reporttest"
)

var keep = flag.String("keep", "", "write the PNG charts of the sample report into this directory")

// TestReportCharts converts every chart of the sample report and draws it in
// both renderers; money stays grosze in the chart and reads as złoty.
func TestReportCharts(t *testing.T) {
	d, err := report.Build(reporttest.Input())
	if err != nil {
		t.Fatal(err)
	}
	cs := Doc(d)
	if len(cs) == 0 {
		t.Fatal("the sample report has no charts")
	}
	var sawMoney bool
	for _, c := range cs {
		b, err := charts.PNG(c)
		if err != nil {
			t.Fatalf("%s: %v", c.ID, err)
		}
		if img, err := png.Decode(bytes.NewReader(b)); err != nil || img.Bounds().Dx() != 1890 {
			t.Fatalf("%s: bad PNG: %v", c.ID, err)
		}
		if *keep != "" {
			os.MkdirAll(*keep, 0o755)
			os.WriteFile(filepath.Join(*keep, c.ID+".png"), b, 0o644)
		}
		f, err := charts.FigureHTML(c)
		if err != nil {
			t.Fatalf("%s: %v", c.ID, err)
		}
		if !strings.Contains(string(f), "<caption>") || !strings.Contains(string(f), c.Caption) {
			t.Errorf("%s: figure lacks its caption or data table", c.ID)
		}
		if c.Unit == string(model.UnitMoney) {
			sawMoney = true
			if !strings.Contains(string(f), "\u00a0zł</td>") {
				t.Errorf("%s: money cells are not in złoty", c.ID)
			}
		}
	}
	t.Logf("%d charts, money among them: %v", len(cs), sawMoney)
}

func TestChartKeepsMissing(t *testing.T) {
	v := int64(8607289)
	c := Chart(report.Chart{ID: "w", Number: 3, Title: "Wydatki", Kind: "bar", Unit: model.UnitMoney,
		Categories: []string{"2024", "2025"}, Series: []report.Series{{Name: "Gmina", Values: []*int64{nil, &v}}}})
	if c.Series[0].Values[0] != nil {
		t.Fatal("a missing value became a number")
	}
	if got := c.Value(c.Series[0].Values[1]); got != "86\u00a0072,89\u00a0zł" {
		t.Fatalf("value %q", got)
	}
	if c.Caption != "Wykres nr 3. Wydatki" {
		t.Fatalf("caption %q", c.Caption)
	}
}
