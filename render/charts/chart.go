// Package charts draws the indicator charts of gpwr: trend charts of values by
// year. One Chart value feeds two renderers: PNG (gonum/plot, Go-native, for
// the PDF) and interactive HTML (go-echarts with the ECharts script embedded in
// the binary, so the page works with no network). Every chart carries its data
// as a real table and a text alternative for screen readers.
package charts

import (
	"fmt"
	"math"
	"strings"

	"github.com/gpwr/gpwr/render/plfmt"
)

// Kind is the chart type.
type Kind string

const (
	// Line is a line chart: one line per series, a gap where a value is missing.
	Line Kind = "line"
	// Bar is a column chart: one column per series and category.
	Bar Kind = "bar"
)

// Units with special treatment. Any other unit string is printed as given
// (e.g. "rodziny", "dzieci", "osoby").
const (
	// UnitZloty marks values in złoty; numbers get two decimals and "zł".
	UnitZloty = "zł"
	// UnitGrosze marks values in grosze; they are shown in złoty (÷100).
	UnitGrosze = "gr"
	// UnitPercent marks percentages (12.5 means 12,5 %).
	UnitPercent = "%"
)

// Series is one named row of values, one per category. A nil value is
// "brak danych": drawn as a gap, never as 0.
type Series struct {
	Name   string
	Values []*float64
	// Notes, when set, give the text shown instead of a missing value (e.g.
	// "<3" for a count hidden in publication mode); an empty note reads
	// "brak danych".
	Notes []string
}

// Text is what the reader sees for value i of s: the formatted value, the
// series' note for a missing value, or "brak danych".
func (c Chart) Text(s Series, i int) string {
	if s.Values[i] == nil && i < len(s.Notes) && s.Notes[i] != "" {
		return s.Notes[i]
	}
	return c.Value(s.Values[i])
}

// Chart is a chart of values by year (or any category).
type Chart struct {
	ID         string   // stable identifier, e.g. the indicator code; used for element ids and file names
	Title      string   // Polish title; drawn in the PNG only when Caption is empty
	Caption    string   // figure caption printed by the host document (PDF, HTML: "Wykres nr 2. …"); Title when empty
	Unit       string   // unit of the values: "zł", "gr", "%", "rodziny", …
	YLabel     string   // y axis title; the display unit when empty ("zł" for "gr")
	Kind       Kind     // Line or Bar
	Categories []string // x axis, usually years ("2023", "2024", "2025")
	Series     []Series
	// Alt is the text alternative. When empty, Describe builds one from the data.
	Alt string
}

// F returns a pointer to v, for Series.Values.
func F(v float64) *float64 { return &v }

// Validate checks that the chart can be drawn, in one Polish sentence.
func (c Chart) Validate() error {
	name := c.ID
	if name == "" {
		name = c.Title
	}
	switch {
	case c.Kind != Line && c.Kind != Bar:
		return fmt.Errorf("wykres %q: nieznany rodzaj %q (oczekiwano %q albo %q)", name, c.Kind, Line, Bar)
	case len(c.Categories) == 0:
		return fmt.Errorf("wykres %q: brak kategorii (lat) na osi poziomej", name)
	case len(c.Series) == 0:
		return fmt.Errorf("wykres %q: brak serii danych", name)
	}
	for _, s := range c.Series {
		if len(s.Values) != len(c.Categories) {
			return fmt.Errorf("wykres %q: seria %q ma %d wartości, a kategorii jest %d", name, s.Name, len(s.Values), len(c.Categories))
		}
		for i, v := range s.Values {
			if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
				return fmt.Errorf("wykres %q: seria %q, kategoria %q: wartość nie jest liczbą", name, s.Name, c.Categories[i])
			}
		}
	}
	return nil
}

// display returns the chart with values converted to the unit shown to the
// reader: grosze become złoty.
func (c Chart) display() Chart {
	if c.Unit != UnitGrosze {
		return c
	}
	d := c
	d.Unit = UnitZloty
	d.Series = make([]Series, len(c.Series))
	for i, s := range c.Series {
		vals := make([]*float64, len(s.Values))
		for j, v := range s.Values {
			if v != nil {
				vals[j] = F(*v / 100)
			}
		}
		d.Series[i] = Series{Name: s.Name, Values: vals}
	}
	return d
}

// yLabel is the y axis title.
func (c Chart) yLabel() string {
	if c.YLabel != "" {
		return c.YLabel
	}
	return c.display().Unit
}

// Value formats one value for the reader: "86 072,89 zł", "15", "12,5 %",
// "brak danych" for nil. Units other than money and percent are not appended
// (tables put them in the header).
func (c Chart) Value(v *float64) string {
	d := c.display()
	if v == nil {
		return BrakDanych
	}
	x := *v
	if c.Unit == UnitGrosze {
		x /= 100
	}
	switch d.Unit {
	case UnitZloty:
		return money(x)
	case UnitPercent:
		return decimal(x) + plfmt.NBSP + "%"
	}
	return decimal(x)
}

// BrakDanych is what a missing value reads as.
const BrakDanych = plfmt.BrakDanych

// Describe returns the text alternative of the chart: Alt when set, otherwise
// a Polish sentence per series listing every value by category.
func (c Chart) Describe() string {
	if strings.TrimSpace(c.Alt) != "" {
		return c.Alt
	}
	d := c.display()
	var b strings.Builder
	kind := "Wykres liniowy"
	if c.Kind == Bar {
		kind = "Wykres słupkowy"
	}
	fmt.Fprintf(&b, "%s: %s", kind, c.Title)
	if d.Unit != "" {
		fmt.Fprintf(&b, " (%s)", d.Unit)
	}
	b.WriteString(".")
	for _, s := range d.Series {
		b.WriteString(" ")
		if len(d.Series) > 1 || s.Name != "" {
			b.WriteString(s.Name + ": ")
		}
		parts := make([]string, len(s.Values))
		for i := range s.Values {
			parts[i] = d.Categories[i] + " – " + d.Text(s, i)
		}
		b.WriteString(strings.Join(parts, "; "))
		b.WriteString(".")
	}
	return b.String()
}
