// Package partner reads the returns partner institutions send the OPS
// (DATA-CONTRACT.md §3): one CSV or XLSX file per institution and year, four
// columns kod;wskaznik;wartosc;uwagi. It checks every file, reports every
// problem with file:line in Polish, and turns the good files into indicators.
//
// Like node_exporter's textfile collector, it reads files other people drop
// into a folder: one bad file never hides the others, a file with errors
// contributes nothing, and a partner who sent nothing is "brak danych", not a
// failure.
package partner

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
)

// Expect is what the files must say, taken from the configuration and the run.
type Expect struct {
	Teryt    string           // the gmina's TERYT; "" = not checked
	Year     int              // the reporting year; 0 = not checked
	Partners []config.Partner // the partners asked for returns ([[partner]])
	Encoding string           // CSV encoding: "" = detect, or utf-8, windows-1250, iso-8859-2
	From, To model.Date       // the period of the indicators; zero = the whole Year
}

// Row is one data row of a return (meta rows excluded).
type Row struct {
	Line   int    `json:"wiersz"`
	Code   string `json:"kod"`
	Value  *int64 `json:"wartosc"`         // count, or amount in grosze; nil = not reported (and for tekst)
	Text   string `json:"tekst,omitempty"` // value of a tekst code
	Remark string `json:"uwagi,omitempty"` // the uwagi column
}

// Return is one file as read.
type Return struct {
	File        string // base name, used as the indicators' Source
	Path        string
	Format      string // "csv" or "xlsx"
	Encoding    string // CSV: the encoding used; "" for XLSX
	Separator   string // CSV: "średnik", "przecinek" or "tabulator"
	Kind        string // meta.rodzaj
	Institution string // meta.instytucja
	Teryt       string
	Year        int
	Rows        []Row // nil when the file was refused (PESEL)
	Errors      int
	Warnings    int
	Source      model.Source
}

// FileResult summarises one file for `gpwr check` and the report.
type FileResult struct {
	Name        string
	Path        string
	Format      string
	Encoding    string
	Kind        string
	Institution string
	Partner     int // index into Expect.Partners, -1 when no configured partner matches
	Errors      int
	Warnings    int
}

// Result is what a directory of returns gives.
type Result struct {
	Indicators []model.Indicator
	Findings   []model.Finding
	Sources    []model.Source
	Missing    []config.Partner // partners of the config that sent nothing
	Files      []FileResult
}

// Errors counts the findings of severity Error.
func (r Result) Errors() int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == model.Error {
			n++
		}
	}
	return n
}

// BadFiles lists the names of the files with errors, for "popraw pliki: …".
func (r Result) BadFiles() []string {
	var out []string
	for _, f := range r.Files {
		if f.Errors > 0 {
			out = append(out, f.Name)
		}
	}
	return out
}

// collector gathers the findings of one file.
type collector struct {
	name     string
	findings []model.Finding
	errors   int
	warnings int
}

// maxFindings bounds the findings of one file: a file that is not a return at
// all (a letter saved as CSV) should not flood the list.
const maxFindings = 50

func (c *collector) add(sev model.Severity, check string, line int, format string, a ...any) {
	if sev == model.Error {
		c.errors++
	} else {
		c.warnings++
	}
	if len(c.findings) == maxFindings {
		c.findings = append(c.findings, model.Finding{Severity: model.Error, Check: "zwrot.limit", Place: c.name,
			Message: fmt.Sprintf("w pliku jest ponad %d problemów; dalsze pominięto – czy to na pewno zwrot w układzie kod;wskaznik;wartosc;uwagi?", maxFindings)})
		c.errors++
	}
	if len(c.findings) > maxFindings {
		return
	}
	place := c.name
	if line > 0 {
		place = fmt.Sprintf("%s:%d", c.name, line)
	}
	c.findings = append(c.findings, model.Finding{Severity: sev, Check: check, Place: place, Message: fmt.Sprintf(format, a...)})
}

func (c *collector) errorf(check string, line int, format string, a ...any) {
	c.add(model.Error, check, line, format, a...)
}

func (c *collector) warnf(check string, line int, format string, a ...any) {
	c.add(model.Warning, check, line, format, a...)
}

// maxFileSize bounds what is read into memory: a return is a few kilobytes.
const maxFileSize = 16 << 20

// ReadFile reads and checks one return (.csv or .xlsx). The Return is nil only
// when the file cannot be read at all; otherwise its Errors say whether it may
// be used. A file with a PESEL is refused whole: the Return has no rows and the
// only findings are the lines where a PESEL-like number is (never the number).
func ReadFile(path string, cat *Catalog, exp Expect) (*Return, []model.Finding) {
	name := filepath.Base(path)
	c := &collector{name: name}
	if st, err := os.Stat(path); err == nil && st.Size() > maxFileSize {
		c.errorf("zwrot.plik", 0, "plik ma %d MB; zwrot partnera to kilkadziesiąt wierszy, oczekiwano pliku poniżej %d MB", st.Size()>>20, maxFileSize>>20)
		return nil, c.findings
	}
	b, err := os.ReadFile(path)
	if err != nil {
		c.errorf("zwrot.plik", 0, "nie można odczytać pliku: %s", polishOSError(err))
		return nil, c.findings
	}
	return readBytes(name, path, b, cat, exp)
}

// readBytes checks the bytes of one return; ReadFile and the fuzz test call it.
func readBytes(name, path string, b []byte, cat *Catalog, exp Expect) (*Return, []model.Finding) {
	c := &collector{name: name}
	ret := &Return{File: name, Path: path, Source: model.Source{
		Name: name, Kind: "partner", Where: path, ReadAt: time.Now().UTC(), SHA256: sha256hex(b),
	}}
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".xlsx", ".xlsm":
		ret.Format = "xlsx"
		readXLSXReturn(b, ret, cat, exp, c)
	default:
		ret.Format = "csv"
		readCSVReturn(b, ret, cat, exp, c)
	}
	ret.Errors, ret.Warnings = c.errors, c.warnings
	return ret, c.findings
}

func sha256hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func polishOSError(err error) string {
	switch {
	case os.IsNotExist(err):
		return "nie ma takiego pliku"
	case os.IsPermission(err):
		return "brak uprawnień do odczytu"
	case errors.Is(err, syscall.EISDIR):
		return "to jest katalog, a nie plik"
	}
	return "błąd systemu plików"
}

// readCSVReturn decodes, splits and checks a CSV return.
func readCSVReturn(b []byte, ret *Return, cat *Catalog, exp Expect, c *collector) {
	text, encName, sep, err := csvText(b, exp.Encoding)
	if err != nil {
		c.errorf("zwrot.kodowanie", 0, "%s", err.Error())
		return
	}
	ret.Encoding = encName
	ret.Separator = sepName(sep)
	rows, errLine, err := splitCSV(text, sep)
	if lines := peselLines(text); len(lines) > 0 {
		refusePESEL(c, lines, "")
		peekMeta(rows, ret, cat)
		return
	}
	if err != nil {
		c.errorf("zwrot.skladnia", errLine, "%s", csvSyntaxMsg(sep))
	}
	checkRows(rows, ret, cat, exp, c)
}

// readXLSXReturn opens the workbook and checks its first sheet.
func readXLSXReturn(b []byte, ret *Return, cat *Catalog, exp Expect, c *collector) {
	bk, err := readXLSX(b)
	if err != nil {
		c.errorf("zwrot.plik", 0, "%s", err.Error())
		return
	}
	var lines []int
	var other []string
	seen := map[string]bool{}
	for _, cell := range bk.cells {
		if len(peselLines(cell.text)) == 0 {
			continue
		}
		key := fmt.Sprintf("%s\x00%d", cell.sheet, cell.row)
		if seen[key] {
			continue
		}
		seen[key] = true
		if cell.sheet == bk.first {
			lines = append(lines, cell.row)
		} else {
			other = append(other, fmt.Sprintf("arkusz „%s”, wiersz %d", cell.sheet, cell.row))
		}
	}
	if len(lines)+len(other) > 0 {
		refusePESEL(c, lines, strings.Join(other, "; "))
		peekMeta(bk.rows, ret, cat)
		return
	}
	checkRows(bk.rows, ret, cat, exp, c)
}

func refusePESEL(c *collector, lines []int, other string) {
	const msg = "plik odrzucony: w tym wierszu jest 11-cyfrowa liczba z poprawną sumą kontrolną numeru PESEL; zwrot może zawierać tylko dane zbiorcze – usuń ją (jeśli to nie PESEL, np. numer telefonu, rozdziel cyfry spacjami) i prześlij plik ponownie"
	for _, l := range lines {
		c.errorf("zwrot.pesel", l, "%s", msg)
	}
	if other != "" {
		c.errorf("zwrot.pesel", 0, "plik odrzucony: liczba wyglądająca jak numer PESEL w innym arkuszu (%s); zwrot może zawierać tylko dane zbiorcze – usuń ją i prześlij plik ponownie", other)
	}
}

// peekMeta takes the kind and the institution from a refused file, so that its
// partner is not listed as having sent nothing. Nothing that could hold the
// refused number is kept: the kind only when the catalog knows it, the
// institution only when it holds no PESEL-like number itself.
func peekMeta(rows []TableRow, ret *Return, cat *Catalog) {
	for _, r := range rows {
		if len(r.Cells) < 3 {
			continue
		}
		v := strings.TrimSpace(r.Cells[2])
		switch strings.ToLower(strings.TrimSpace(r.Cells[0])) {
		case MetaKind:
			if _, ok := cat.Kind(strings.ToLower(v)); ok {
				ret.Kind = strings.ToLower(v)
			}
		case MetaInstitution:
			if len(peselLines(v)) == 0 {
				ret.Institution = v
			}
		}
	}
}

// header names after normalisation (lower case, no diacritics, trimmed).
var wantHeader = []string{"kod", "wskaznik", "wartosc", "uwagi"}

// NormHeader folds a header cell for comparison: no BOM, trimmed, lower
// case, no diacritics ("Wartość" → "wartosc").
func NormHeader(s string) string {
	return fold(strings.TrimPrefix(strings.TrimSpace(s), "\ufeff"))
}

// checkRows applies every check of §3 to the rows of one file and fills ret.
func checkRows(rows []TableRow, ret *Return, cat *Catalog, exp Expect, c *collector) {
	if len(rows) == 0 {
		c.errorf("zwrot.pusty", 0, "plik (w XLSX: pierwszy arkusz) jest pusty; oczekiwano nagłówka kod;wskaznik;wartosc;uwagi i wierszy z kodami")
		return
	}
	// Header.
	h := rows[0]
	okHeader := len(h.Cells) >= 3
	for i, want := range wantHeader {
		got := ""
		if i < len(h.Cells) {
			got = NormHeader(h.Cells[i])
		}
		if got != want && !(i == 3 && got == "") {
			okHeader = false
		}
	}
	for i := 4; i < len(h.Cells); i++ {
		if strings.TrimSpace(h.Cells[i]) != "" {
			okHeader = false
		}
	}
	if okHeader {
		rows = rows[1:]
	} else {
		got := make([]string, 0, len(h.Cells))
		for _, s := range h.Cells {
			got = append(got, strings.TrimSpace(s))
		}
		if !hasKindRow(rows) {
			// Not a return at all (a stray export, a list, a note): one
			// message for the file, not one per line and per meta row.
			c.errorf("zwrot.naglowek", h.Line, "to nie jest zwrot partnera: pierwszy wiersz powinien być nagłówkiem kod;wskaznik;wartosc;uwagi, jest %s, i w pliku nie ma wiersza meta.rodzaj; przenieś ten plik poza katalog zwrotów albo wpisz dane do formularza z gpwr forms", quote(strings.Join(got, ";")))
			return
		}
		c.errorf("zwrot.naglowek", h.Line, "pierwszy wiersz powinien być nagłówkiem kod;wskaznik;wartosc;uwagi (cztery kolumny w tej kolejności), jest %s", quote(strings.Join(got, ";")))
		if first := strings.TrimSpace(h.Cells[0]); !strings.Contains(first, ".") {
			rows = rows[1:] // a wrong header, not a data row: read on assuming the order
		}
	}

	type cellRow struct {
		TableRow
		code string
	}
	var data, metaRows []cellRow
	seen := map[string]int{}
	meta := map[string]cellRow{}
	for _, r := range rows {
		cells := r.Cells
		// Cells beyond the fourth must be empty; in a CSV the row must also
		// not be wider than the header (Excel pads every row to one width), so
		// "100,50" split by a comma separator is caught even with empty uwagi.
		extra := ret.Format == "csv" && len(cells) > max(4, len(h.Cells))
		for i := 4; i < len(cells); i++ {
			if strings.TrimSpace(cells[i]) != "" {
				extra = true
			}
		}
		code := strings.ToLower(strings.TrimSpace(cells[0]))
		if extra {
			c.errorf("zwrot.kolumny", r.Line, "wiersz ma więcej niż 4 kolumny; oczekiwano kod;wskaznik;wartosc;uwagi (tekst zawierający separator lub kwotę z przecinkiem ujmij w cudzysłów)")
			if code != "" {
				seen[code] = r.Line
			}
			continue
		}
		if code == "" {
			c.errorf("zwrot.kod", r.Line, "brak kodu w kolumnie „kod”; oczekiwano kodu z formularza (np. ppp.porady)")
			continue
		}
		if first, dup := seen[code]; dup {
			c.errorf("zwrot.duplikat", r.Line, "kod %s występuje drugi raz (pierwszy raz w wierszu %d); oczekiwano każdego kodu tylko raz", code, first)
			continue
		}
		seen[code] = r.Line
		cr := cellRow{TableRow: r, code: code}
		if strings.HasPrefix(code, "meta.") {
			meta[code] = cr
			metaRows = append(metaRows, cr)
		} else {
			data = append(data, cr)
		}
	}

	cell := func(r TableRow, i int) string { return strings.TrimSpace(r.Cell(i)) }

	// Meta rows.
	for _, r := range metaRows {
		if _, ok := cat.Code(r.code); !ok {
			c.errorf("zwrot.kod_nieznany", r.Line, "nieznany kod %s%s", quote(r.code), suggestion(cat.Nearest(r.code, "")))
		}
	}
	kindOK := false
	if r, ok := meta[MetaKind]; !ok {
		c.errorf("zwrot.rodzaj", 0, "brak wiersza meta.rodzaj; oczekiwano rodzaju instytucji (np. ppp, policja, szkoly)")
	} else {
		ret.Kind = strings.ToLower(cell(r.TableRow, 2))
		if _, ok := cat.Kind(ret.Kind); ok {
			kindOK = true
		} else {
			c.errorf("zwrot.rodzaj", r.Line, "nieznany rodzaj instytucji %s w meta.rodzaj; oczekiwano jednego z: %s%s", quote(ret.Kind), strings.Join(cat.KindCodes(), ", "), suggestion(cat.NearestKind(ret.Kind)))
		}
	}
	if r, ok := meta[MetaInstitution]; ok && cell(r.TableRow, 2) != "" {
		ret.Institution = cell(r.TableRow, 2)
	} else {
		line := 0
		if ok {
			line = r.Line
		}
		c.warnf("zwrot.instytucja", line, "brak nazwy instytucji w meta.instytucja; w sprawozdaniu zostanie użyta nazwa pliku")
	}
	if r, ok := meta[MetaTeryt]; !ok {
		if exp.Teryt != "" {
			c.errorf("zwrot.teryt", 0, "brak wiersza meta.teryt; oczekiwano kodu TERYT gminy %s", exp.Teryt)
		}
	} else {
		ret.Teryt = normTeryt(cell(r.TableRow, 2))
		if exp.Teryt != "" && ret.Teryt != exp.Teryt {
			c.errorf("zwrot.teryt", r.Line, "kod TERYT %s nie jest kodem tej gminy; oczekiwano %s (czy to zwrot dla innej gminy?)", quote(cell(r.TableRow, 2)), exp.Teryt)
		}
	}
	if r, ok := meta[MetaYear]; !ok {
		if exp.Year != 0 {
			c.errorf("zwrot.rok", 0, "brak wiersza meta.rok; oczekiwano roku sprawozdawczego %d", exp.Year)
		}
	} else {
		y, ok := parseYear(cell(r.TableRow, 2))
		ret.Year = y
		switch {
		case !ok:
			c.errorf("zwrot.rok", r.Line, "rok %s nieczytelny; oczekiwano roku sprawozdawczego (cztery cyfry, np. %d)", quote(cell(r.TableRow, 2)), max(exp.Year, 2025))
		case exp.Year != 0 && y != exp.Year:
			c.errorf("zwrot.rok", r.Line, "zwrot jest za rok %d; oczekiwano roku %d", y, exp.Year)
		}
	}

	// Data rows.
	for _, r := range data {
		cd, ok := cat.Code(r.code)
		if !ok {
			c.errorf("zwrot.kod_nieznany", r.Line, "nieznany kod %s%s", quote(r.code), suggestion(cat.Nearest(r.code, ret.Kind)))
			continue
		}
		if kindOK && cd.Kind != ret.Kind {
			c.errorf("zwrot.kod_obcy", r.Line, "kod %s należy do formularza rodzaju %s, a ten zwrot jest rodzaju %s; oczekiwano kodów %s.*", r.code, cd.Kind, ret.Kind, ret.Kind)
			continue
		}
		row := Row{Line: r.Line, Code: r.code, Remark: cell(r.TableRow, 3)}
		raw := cell(r.TableRow, 2)
		switch {
		case NotReported(raw):
		case cd.Type == Text:
			row.Text = raw
		default:
			v, ve := parseValue(raw, r.IsNumeric(2), cd.Type)
			if ve != nil {
				c.errorf(ve.Check, r.Line, "%s: %s", r.code, ve.Msg)
				continue
			}
			row.Value = model.Int(v)
		}
		ret.Rows = append(ret.Rows, row)
	}
	if c.errors == 0 {
		any := false
		for _, r := range ret.Rows {
			any = any || r.Value != nil || r.Text != ""
		}
		if !any {
			c.warnf("zwrot.pusty", 0, "zwrot nie zawiera żadnej wartości (czy to niewypełniony formularz?); wszystkie wskaźniki będą „brak danych”")
		}
	}
}

// hasKindRow tells whether some row starts with the meta.rodzaj code, i.e. the
// file is a partner return, however damaged.
func hasKindRow(rows []TableRow) bool {
	for _, r := range rows {
		if len(r.Cells) > 0 && NormHeader(r.Cells[0]) == MetaKind {
			return true
		}
	}
	return false
}

func suggestion(near string) string {
	if near == "" {
		return "; oczekiwano kodu z formularza"
	}
	return fmt.Sprintf("; czy chodziło o %s?", near)
}

// normTeryt removes spaces and dashes and restores the leading zero Excel drops
// from a 7-digit TERYT typed as a number.
func normTeryt(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '\u00a0', '_':
			return -1
		}
		return r
	}, s)
	s = strings.TrimSuffix(s, ".0")
	if len(s) == 6 && strings.Trim(s, "0123456789") == "" {
		s = "0" + s
	}
	return s
}

// parseYear reads "2025", "2025 r.", "2025.0" (an XLSX number).
func parseYear(s string) (int, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "."), "r"))
	s = strings.TrimSuffix(s, ".0")
	if len(s) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1990 || y > 2200 {
		return 0, false
	}
	return y, true
}
