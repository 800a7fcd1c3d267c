// Package jsonout writes the indicators of a run as JSON (DATA-CONTRACT.md §4):
// wskazniki.json, read by analysts, other programs and the archive.
package jsonout

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/gpwr/gpwr/internal/output"
	"github.com/gpwr/gpwr/model"
)

// FileName is the name the contract gives the file.
const FileName = "wskazniki.json"

// Meta describes the run.
type Meta struct {
	Gmina      string    `json:"gmina"`
	Teryt      string    `json:"teryt"`
	Generated  time.Time `json:"wygenerowano"`
	Tool       string    `json:"narzedzie"`
	Synthetic  bool      `json:"dane_syntetyczne"`
	PartnersNo []string  `json:"partnerzy_bez_danych,omitempty"`
}

type doc struct {
	Meta
	Period     model.Period      `json:"okres"`
	Indicators []model.Indicator `json:"wskazniki"`
	Findings   []model.Finding   `json:"ustalenia"`
	Sources    []model.Source    `json:"zrodla"`
	Lists      model.Lists       `json:"zestawienia"`
}

// Marshal gives the JSON document.
func Marshal(s *model.Set, m Meta) ([]byte, error) {
	d := doc{Meta: m, Period: s.Period, Indicators: s.Indicators, Findings: s.Findings, Sources: s.Sources, Lists: s.Lists}
	if d.Findings == nil {
		d.Findings = []model.Finding{}
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Write writes path, whole or not at all.
func Write(path string, s *model.Set, m Meta) error {
	b, err := Marshal(s, m)
	if err != nil {
		return err
	}
	if err := output.WriteFile(path, b); err != nil {
		return fmt.Errorf("nie można zapisać pliku %s: %w", path, err)
	}
	return nil
}
