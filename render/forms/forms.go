// Package forms writes the blank partner returns (DATA-CONTRACT.md §3) that the
// OPS e-mails to its partners: for each [[partner]] of the configuration a CSV
// (UTF-8 with BOM, ';', CRLF — what Polish Excel opens correctly), an XLSX
// (the data table on the first sheet, the instruction on the sheet
// „Instrukcja”) and the instruction as a .txt. Every form is pre-filled with
// the kind, the institution, the gmina, its TERYT, the year and every code of
// the kind with its label; partners type only values and remarks.
// collectors/partner reads the filled forms back unchanged.
package forms

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/gpwr/gpwr/collectors/partner"
	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/internal/output"
)

// SheetData and SheetHelp are the sheet names of the XLSX form. The reader
// reads the first sheet, whatever its name.
const (
	SheetData = "Zwrot"
	SheetHelp = "Instrukcja"
)

// Form is one partner's blank return.
type Form struct {
	Partner config.Partner
	Kind    *partner.Kind
	Year    int
	Stem    string      // file name without extension, ASCII: zwrot_ppp_2025
	Rows    [][4]string // header first, then meta rows, then codes
	Help    []string    // instruction lines
}

// Write writes, for each [[partner]] of cfg, Stem.csv, Stem.xlsx and
// Stem_instrukcja.txt into dir (created if missing) and returns the paths
// written. Names: zwrot_<rodzaj>_<rok> when the gmina has one partner of that
// kind, zwrot_<rodzaj>_<nazwa>_<rok> when several (e.g. schools), or the
// partner's own plik stem (with _<rok> appended when it lacks the year).
func Write(dir string, cfg *config.Config, cat *partner.Catalog, year int) ([]string, error) {
	forms, err := Build(cfg, cat, year)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("nie można utworzyć katalogu %s: %w", dir, err)
	}
	var written []string
	for _, f := range forms {
		csvPath := filepath.Join(dir, f.Stem+".csv")
		if err := output.WriteFile(csvPath, f.CSV()); err != nil {
			return written, fmt.Errorf("nie można zapisać %s: %w", csvPath, err)
		}
		written = append(written, csvPath)
		xlsxPath := filepath.Join(dir, f.Stem+".xlsx")
		if err := f.WriteXLSX(xlsxPath, cfg); err != nil {
			return written, fmt.Errorf("nie można zapisać %s: %w", xlsxPath, err)
		}
		written = append(written, xlsxPath)
		txtPath := filepath.Join(dir, f.Stem+"_instrukcja.txt")
		if err := output.WriteFile(txtPath, f.TXT()); err != nil {
			return written, fmt.Errorf("nie można zapisać %s: %w", txtPath, err)
		}
		written = append(written, txtPath)
	}
	return written, nil
}

// Build prepares the forms without writing them; every problem of the
// configuration is reported at once.
func Build(cfg *config.Config, cat *partner.Catalog, year int) ([]Form, error) {
	if cfg == nil || cat == nil {
		return nil, errors.New("brak konfiguracji albo katalogu partnerów")
	}
	if year < 1990 || year > 2200 {
		return nil, fmt.Errorf("rok %d poza zakresem; oczekiwano roku sprawozdawczego, np. 2025", year)
	}
	if len(cfg.Partnerzy) == 0 {
		return nil, errors.New("konfiguracja nie wymienia żadnego partnera; dodaj sekcje [[partner]] z kluczami rodzaj i nazwa (np. rodzaj = \"ppp\")")
	}
	perKind := map[string]int{}
	for _, p := range cfg.Partnerzy {
		perKind[p.Rodzaj]++
	}
	var problems []error
	var forms []Form
	used := map[string]bool{}
	ys := strconv.Itoa(year)
	for i, p := range cfg.Partnerzy {
		kind, ok := cat.Kind(p.Rodzaj)
		if !ok {
			var known []string
			for _, k := range cat.Kinds() {
				known = append(known, k.Kind)
			}
			problems = append(problems, fmt.Errorf("[[partner]] nr %d (%s): nieznany rodzaj %q; oczekiwano jednego z: %s albo rodzaju z własnego katalogu gminy", i+1, p.Nazwa, p.Rodzaj, strings.Join(known, ", ")))
			continue
		}
		var stem string
		switch {
		case p.Plik != "":
			stem = partner.FileStem(p.Plik)
			if !strings.Contains(stem, ys) {
				stem += "_" + ys
			}
		case perKind[p.Rodzaj] > 1:
			name := partner.FileStem(p.Nazwa)
			if len(name) > 40 {
				name = strings.TrimRight(name[:40], "_")
			}
			stem = "zwrot_" + p.Rodzaj + "_" + name + "_" + ys
		default:
			stem = "zwrot_" + p.Rodzaj + "_" + ys
		}
		base := stem
		for n := 2; used[stem]; n++ {
			stem = fmt.Sprintf("%s_%d", base, n)
		}
		used[stem] = true
		forms = append(forms, Form{Partner: p, Kind: kind, Year: year, Stem: stem,
			Rows: rows(cfg, p, kind, year), Help: help(cfg, p, kind, year)})
	}
	if len(problems) > 0 {
		return nil, errors.Join(problems...)
	}
	return forms, nil
}

// rows is the table of the form: header, meta rows, codes.
func rows(cfg *config.Config, p config.Partner, kind *partner.Kind, year int) [][4]string {
	out := [][4]string{{"kod", "wskaznik", "wartosc", "uwagi"}}
	for _, m := range partner.MetaCodes {
		v := ""
		switch m.Code {
		case partner.MetaKind:
			v = kind.Kind
		case partner.MetaInstitution:
			v = p.Nazwa
		case partner.MetaGmina:
			v = cfg.Gmina.Nazwa
		case partner.MetaTeryt:
			v = cfg.Gmina.Teryt
		case partner.MetaYear:
			v = strconv.Itoa(year)
		}
		out = append(out, [4]string{m.Code, m.Label, v, ""})
	}
	for _, c := range kind.Codes {
		out = append(out, [4]string{c.Code, c.Label, "", ""})
	}
	return out
}

var typeHint = map[partner.Type]string{
	partner.Count:  "liczba całkowita",
	partner.Amount: "kwota w zł, np. 1 234,56",
	partner.Text:   "tekst",
}

// help is the instruction, one paragraph per line.
func help(cfg *config.Config, p config.Partner, kind *partner.Kind, year int) []string {
	prog := cfg.Program.Nazwa
	if prog == "" {
		prog = "Gminny Program Wspierania Rodziny"
	}
	contact := cfg.OPS.Nazwa
	if cfg.OPS.Adres != "" {
		contact += ", " + cfg.OPS.Adres
	}
	var reach []string
	if cfg.OPS.Telefon != "" {
		reach = append(reach, "tel. "+cfg.OPS.Telefon)
	}
	if cfg.OPS.Email != "" {
		reach = append(reach, "e-mail: "+cfg.OPS.Email)
	}
	if len(reach) > 0 {
		contact += " (" + strings.Join(reach, ", ") + ")"
	}
	to := p.Nazwa
	if to == "" {
		to = kind.Name
	} else if !strings.HasPrefix(strings.ToLower(to), strings.ToLower(kind.Name)) {
		to += " (rodzaj instytucji: " + kind.Name + ")"
	}
	lines := []string{
		fmt.Sprintf("Formularz danych do sprawozdania z realizacji programu „%s” za rok %d", prog, year),
		fmt.Sprintf("Gmina: %s (TERYT %s)", cfg.Gmina.Nazwa, cfg.Gmina.Teryt),
		"Instytucja: " + to,
		"Dane zbiera: " + contact,
		"",
		"Jak wypełnić formularz:",
		"1. Wpisz wartości w kolumnie „wartosc” (kolumna C), a wyjaśnienia w kolumnie „uwagi” (kolumna D) – uwagi zostaną przytoczone w sprawozdaniu.",
		"2. Nie zmieniaj kolumny „kod”, kolejności kolumn ani wierszy meta.rodzaj, meta.teryt i meta.rok. Treść kolumny „wskaznik” jest tylko opisem.",
		"3. Liczby wpisuj jako liczby całkowite (np. 35), kwoty w złotych z groszami (np. 1 234,56).",
		"4. Jeśli instytucja nie prowadzi rejestru albo wartość jest nieznana, wpisz „brak danych” lub zostaw komórkę pustą. Nie wpisuj 0 – zero oznacza, że zjawisko nie wystąpiło.",
		"5. Podawaj wyłącznie dane zbiorcze: bez imion, nazwisk, adresów i numerów PESEL. Plik zawierający numer PESEL zostanie odrzucony.",
		"6. W wierszu meta.sporzadzil wpisz, kto przygotował dane (np. stanowisko osoby sporządzającej).",
		"7. Odeślij plik w tym samym formacie (XLSX albo CSV). Plik CSV zapisuj w Excelu jako „CSV (rozdzielany średnikami)” lub „CSV UTF-8”.",
		"",
		kind.Instruction,
		"",
		"Wskaźniki w formularzu:",
	}
	for _, c := range kind.Codes {
		lines = append(lines, fmt.Sprintf("• %s – %s (%s)", c.Code, c.Label, typeHint[c.Type]))
	}
	return lines
}

// CSV renders the form as Polish Excel writes a CSV: UTF-8 with BOM, ';', CRLF.
func (f Form) CSV() []byte {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	w.UseCRLF = true
	for _, r := range f.Rows {
		_ = w.Write(r[:]) // writes to a bytes.Buffer cannot fail
	}
	w.Flush()
	return buf.Bytes()
}

// TXT is the instruction as a text file (UTF-8 with BOM, CRLF) for Notepad.
func (f Form) TXT() []byte {
	return []byte("\ufeff" + strings.Join(f.Help, "\r\n") + "\r\n")
}

// lockedMeta are the meta rows a partner must not change.
var lockedMeta = map[string]bool{partner.MetaKind: true, partner.MetaGmina: true, partner.MetaTeryt: true, partner.MetaYear: true}

// WriteXLSX writes the form as a workbook, whole or not at all: the table on the first sheet
// („Zwrot”: header bold and frozen, kod and label columns grey and locked,
// value and remark cells unlocked, sheet protected without a password), the
// instruction on the sheet „Instrukcja”.
func (f Form) WriteXLSX(path string, cfg *config.Config) error {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", SheetData); err != nil {
		return err
	}
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	grey := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}
	styles := []*excelize.Style{
		{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}, Border: border,
			Alignment: &excelize.Alignment{Vertical: "center"}},
		{Fill: grey, Border: border, Font: &excelize.Font{Family: "Consolas"}, Alignment: &excelize.Alignment{Vertical: "top"}},
		{Fill: grey, Border: border, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}},
		{Border: border, Protection: &excelize.Protection{Locked: false}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}},
		{Fill: grey, Border: border, Alignment: &excelize.Alignment{Vertical: "top"}},
	}
	ids := make([]int, len(styles))
	for i, s := range styles {
		id, err := x.NewStyle(s)
		if err != nil {
			return err
		}
		ids[i] = id
	}
	sHead, sCode, sLabel, sInput, sLockedValue := ids[0], ids[1], ids[2], ids[3], ids[4]
	for i, r := range f.Rows {
		row := i + 1
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, row)
			if v != "" {
				if err := x.SetCellStr(SheetData, cell, v); err != nil {
					return err
				}
			}
		}
		a, _ := excelize.CoordinatesToCellName(1, row)
		b, _ := excelize.CoordinatesToCellName(2, row)
		c, _ := excelize.CoordinatesToCellName(3, row)
		d, _ := excelize.CoordinatesToCellName(4, row)
		switch {
		case i == 0:
			_ = x.SetCellStyle(SheetData, a, d, sHead)
		default:
			_ = x.SetCellStyle(SheetData, a, a, sCode)
			_ = x.SetCellStyle(SheetData, b, b, sLabel)
			if lockedMeta[r[0]] {
				_ = x.SetCellStyle(SheetData, c, c, sLockedValue)
			} else {
				_ = x.SetCellStyle(SheetData, c, c, sInput)
			}
			_ = x.SetCellStyle(SheetData, d, d, sInput)
		}
	}
	for col, w := range map[string]float64{"A": 34, "B": 70, "C": 22, "D": 45} {
		if err := x.SetColWidth(SheetData, col, col, w); err != nil {
			return err
		}
	}
	if err := x.SetPanes(SheetData, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "C2", ActiveCell: "C2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	// A prompt on each value cell says what to type.
	for i, r := range f.Rows {
		if i == 0 || strings.HasPrefix(r[0], "meta.") {
			continue
		}
		code, _ := f.codeOf(r[0])
		dv := excelize.NewDataValidation(true)
		cell, _ := excelize.CoordinatesToCellName(3, i+1)
		dv.Sqref = cell
		dv.SetInput("Wartość", promptFor(code.Type))
		if err := x.AddDataValidation(SheetData, dv); err != nil {
			return err
		}
	}
	if err := x.ProtectSheet(SheetData, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	}); err != nil {
		return err
	}

	if _, err := x.NewSheet(SheetHelp); err != nil {
		return err
	}
	wrap, err := x.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}, Alignment: &excelize.Alignment{WrapText: true}})
	if err != nil {
		return err
	}
	_ = x.SetColWidth(SheetHelp, "A", "A", 110)
	for i, line := range f.Help {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if line != "" {
			_ = x.SetCellStr(SheetHelp, cell, line)
		}
		st := wrap
		if i == 0 {
			st = bold
		}
		_ = x.SetCellStyle(SheetHelp, cell, cell, st)
	}
	x.SetActiveSheet(0)
	now := time.Now().UTC().Format(time.RFC3339)
	_ = x.SetDocProps(&excelize.DocProperties{
		Title:    fmt.Sprintf("Formularz danych – %s – %d", f.Kind.Name, f.Year),
		Subject:  "Sprawozdanie z realizacji Gminnego Programu Wspierania Rodziny",
		Creator:  cfg.OPS.Nazwa,
		Language: "pl-PL",
		Created:  now,
		Modified: now,
	})
	buf, err := x.WriteToBuffer()
	if err != nil {
		return err
	}
	return output.WriteFile(path, buf.Bytes())
}

func (f Form) codeOf(code string) (partner.Code, bool) {
	for _, c := range f.Kind.Codes {
		if c.Code == code {
			return c, true
		}
	}
	return partner.Code{}, false
}

func promptFor(t partner.Type) string {
	switch t {
	case partner.Amount:
		return "Kwota w złotych, np. 1 234,56. Gdy nieznana: „brak danych”."
	case partner.Text:
		return "Krótki opis."
	}
	return "Liczba całkowita ≥ 0. Gdy nieznana: „brak danych” (nie 0)."
}
