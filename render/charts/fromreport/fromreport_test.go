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

// TestHiddenValuesReadAsHidden: in publication mode a small count hidden from
// a chart reads "<3" in the chart's data table and text alternative, not
// "brak danych" (which would say it was never reported).
func TestHiddenValuesReadAsHidden(t *testing.T) {
	in := reporttest.PublicationInput()
	for _, h := range in.History {
		if h.Period.Year == 2024 {
			ind, _ := h.Get("piecza.dzieci")
			ind.Value = model.Int(2)
			h.Add(ind)
		}
	}
	d, err := report.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range Doc(d) {
		for _, s := range c.Series {
			for i, v := range s.Values {
				if v == nil && c.Categories[i] == "2024" && s.Name == "w pieczy zastępczej" {
					found = true
					if got := c.Text(s, i); got != "<3" {
						t.Errorf("hidden value reads %q", got)
					}
					if !strings.Contains(c.Describe(), "2024: <3") {
						t.Errorf("text alternative: %s", c.Describe())
					}
					fig, err := charts.FigureHTML(c)
					if err != nil {
						t.Fatal(err)
					}
					if !strings.Contains(string(fig), "&lt;3") {
						t.Error("the chart's data table does not show <3")
					}
				}
			}
		}
	}
	if !found {
		t.Fatal("no hidden value in the charts of the publication fixture")
	}
}
