// Package fromreport turns the charts of the report document into charts.Chart
// values, for the PNG (PDF) and HTML renderers. It is apart from package
// charts so that charts does not depend on the report model.
package fromreport

import (
	"github.com/gpwr/gpwr/render/charts"
	"github.com/gpwr/gpwr/render/report"
)

// Chart converts a chart of the report document. Money (unit "gr") stays
// in grosze here and is shown in złoty by every renderer.
func Chart(rc report.Chart) charts.Chart {
	c := charts.Chart{
		ID:         rc.ID,
		Title:      rc.Title,
		Caption:    rc.Label(),
		Unit:       string(rc.Unit),
		YLabel:     rc.YLabel,
		Kind:       charts.Kind(rc.Kind),
		Categories: rc.Categories,
		Alt:        rc.Alt,
	}
	for _, s := range rc.Series {
		vals := make([]*float64, len(s.Values))
		for i, v := range s.Values {
			if v != nil {
				vals[i] = charts.F(float64(*v))
			}
		}
		c.Series = append(c.Series, charts.Series{Name: s.Name, Values: vals, Notes: s.Texts})
	}
	return c
}

// Doc returns every chart of the report document, in reading order.
func Doc(d *report.Doc) []charts.Chart {
	var out []charts.Chart
	for _, c := range d.Charts() {
		out = append(out, Chart(*c))
	}
	return out
}
