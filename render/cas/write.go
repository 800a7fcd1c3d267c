package cas

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/plfmt"
)

// FileStem is the name of the outputs without extension: "cas_2025_H1".
func FileStem(p model.Period) string {
	return fmt.Sprintf("cas_%d_H%d", p.Year, p.Half)
}

// Write writes cas_<year>_H<n>.xlsx and cas_<year>_H<n>.pdf into dir and
// returns their paths. findings are printed in both files (normally what Check
// returned, possibly with the Set's own findings added by the caller).
func Write(dir string, f *Filled, findings []model.Finding, cfg *config.Config) ([]string, error) {
	if f == nil || f.Form == nil {
		return nil, fmt.Errorf("brak wypełnionego formularza CAS do zapisania")
	}
	if f.Period.Kind != model.HalfYear || (f.Period.Half != 1 && f.Period.Half != 2) {
		return nil, fmt.Errorf("sprawozdanie CAS składa się za półrocze, a dane dotyczą okresu %s – %s", plfmt.DateISO(f.Period.From), plfmt.DateISO(f.Period.To))
	}
	if cfg == nil {
		cfg = &config.Config{}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("nie można utworzyć katalogu wyjściowego %s: %w", dir, err)
	}
	stem := filepath.Join(dir, FileStem(f.Period))
	xlsxPath, pdfPath := stem+".xlsx", stem+".pdf"
	if err := WriteXLSX(xlsxPath, f, findings, cfg); err != nil {
		return nil, err
	}
	if err := WritePDF(pdfPath, f, findings, cfg); err != nil {
		return []string{xlsxPath}, err
	}
	return []string{xlsxPath, pdfPath}, nil
}

// Texts shared by the XLSX and the PDF.

func periodText(p model.Period) string {
	return "za okres " + plfmt.DateISO(p.From) + " – " + plfmt.DateISO(p.To)
}

func halfText(p model.Period) string {
	roman := "I"
	if p.Half == 2 {
		roman = "II"
	}
	return fmt.Sprintf("%s półrocze %d r.", roman, p.Year)
}

func gminaText(cfg *config.Config) string {
	name := cfg.Gmina.Nazwa
	if name == "" {
		name = "(nie podano nazwy gminy)"
	}
	s := "Gmina " + name
	if cfg.Gmina.Teryt != "" {
		s += ", TERYT " + cfg.Gmina.Teryt
	}
	return s
}

func kindText(r *Row, p model.Period) string {
	if r.Kind == Stock {
		return "stan na " + plfmt.DateISO(p.To)
	}
	return "za półrocze"
}

func severityText(s model.Severity) string {
	if s == model.Error {
		return "błąd"
	}
	return "ostrzeżenie"
}

func summaryText(findings []model.Finding) string {
	var errs, warns int
	for _, f := range findings {
		if f.Severity == model.Error {
			errs++
		} else {
			warns++
		}
	}
	if errs == 0 && warns == 0 {
		return "Kontrole: bez uwag."
	}
	return fmt.Sprintf("Kontrole: %s, %s.", plural(errs, "błąd", "błędy", "błędów"), plural(warns, "ostrzeżenie", "ostrzeżenia", "ostrzeżeń"))
}

// cellText is a cell as printed: the whole number, "X" or "brak danych".
func cellText(c Cell) string {
	if c.X {
		return "X"
	}
	v := c.Shown()
	if v == nil {
		return plfmt.BrakDanych
	}
	return plfmt.Int(*v)
}

func maxColumns(f *Form) int {
	n := 0
	for _, s := range f.Sections {
		n = max(n, len(s.Columns))
	}
	return n
}
