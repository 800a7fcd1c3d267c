package compare

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"github.com/gpwr/gpwr/internal/output"
	"github.com/gpwr/gpwr/model"
)

// Meta describes the comparison for titles and document properties.
type Meta struct {
	Gmina       string    // "Chmielnik"
	OPS         string    // the centre's name, for the document's author
	ToolVersion string    // gpwr version
	Generated   time.Time // when the comparison was made
	// Sample: the figures come from the shipped sample data; every output
	// says so on its face.
	Sample bool
}

// File names Write creates.
const (
	FileXLSX = "porownanie.xlsx"
	FileHTML = "porownanie.html"
	FileJSON = "porownanie.json"
)

// SampleNote is printed on every output made from sample data.
const SampleNote = "DANE FIKCYJNE – porównanie wygenerowane z danych przykładowych gpwr"

// Write renders c into dir as porownanie.xlsx, porownanie.html and
// porownanie.json and returns the paths written. Each file is written whole
// (a temporary file renamed into place).
func Write(dir string, c *Comparison, meta Meta) ([]string, error) {
	if len(c.Years) == 0 {
		return nil, fmt.Errorf("porównanie: nie podano żadnego roku")
	}
	var out []string
	steps := []struct {
		name string
		fn   func() ([]byte, error)
	}{
		{FileXLSX, func() ([]byte, error) { return XLSX(c, meta) }},
		{FileHTML, func() ([]byte, error) { return HTML(c, meta) }},
		{FileJSON, func() ([]byte, error) { return JSON(c) }},
	}
	for _, s := range steps {
		b, err := s.fn()
		if err != nil {
			return out, fmt.Errorf("%s: %w", s.name, err)
		}
		p := filepath.Join(dir, s.name)
		if err := output.WriteFile(p, b); err != nil {
			return out, fmt.Errorf("nie można zapisać pliku %s: %w", p, err)
		}
		out = append(out, p)
	}
	return out, nil
}

// jsonYear is one entry of the top-level list of years.
type jsonYear struct {
	Year int    `json:"rok"`
	From Origin `json:"zrodlo"`
}

// jsonIndicator is one indicator across the years.
type jsonIndicator struct {
	Code  string            `json:"kod"`
	Label string            `json:"etykieta"`
	Unit  model.Unit        `json:"jednostka"`
	Years map[string]*int64 `json:"lata"`
}

type jsonDoc struct {
	Years      []jsonYear      `json:"lata"`
	Indicators []jsonIndicator `json:"wskazniki"`
}

// JSON renders porownanie.json:
//
//	{"lata": [{"rok": 2023, "zrodlo": "archiwum"}, …],
//	 "wskazniki": [{"kod": …, "etykieta": …, "jednostka": …,
//	                "lata": {"2023": 15, "2024": null, …}}, …]}
//
// zrodlo is archiwum, rekordy, wpis_reczny or brak; money is in grosze
// (jednostka "gr"), as in wskazniki.json (DATA-CONTRACT.md §4).
func JSON(c *Comparison) ([]byte, error) {
	doc := jsonDoc{Years: []jsonYear{}, Indicators: []jsonIndicator{}}
	for _, y := range c.Years {
		doc.Years = append(doc.Years, jsonYear{y.Year, y.From})
	}
	for _, r := range c.Rows {
		ji := jsonIndicator{Code: r.Code, Label: r.Label, Unit: r.Unit, Years: map[string]*int64{}}
		for i, y := range c.Years {
			ji.Years[strconv.Itoa(y.Year)] = r.Values[i]
		}
		doc.Indicators = append(doc.Indicators, ji)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
