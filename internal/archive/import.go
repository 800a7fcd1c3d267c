package archive

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/gpwr/gpwr/collectors/partner"
	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
)

// CheckImport is the Finding.Check of problems in a typed-in file.
const CheckImport = "archiwum.import"

// Import reads a past year typed in from an old paper report: a CSV or XLSX
// (first sheet) with the header kod;wartosc;uwagi, or the 4-column partner
// layout kod;wskaznik;wartosc;uwagi (meta.* rows are checked against the year
// and the gmina's TERYT, then skipped). CSV may be UTF-8 (with or without BOM)
// or Windows-1250 (cfg's [ustawienia] kodowanie forces one), separated by ';',
// ',' or a tab. Values: a whole number ≥ 0, an amount in złoty for money codes
// ("86 072,89", "86072.89 zł") stored as grosze, or empty / "brak danych" /
// "b.d." for not reported (nil, never 0).
//
// Known codes are the built-in ones (Builtin), the program's own indicators
// in cfg, and the partner catalog's codes (cat may be nil: no partner codes). Every row problem — an
// unknown code (with the nearest known code suggested), a bad value, a
// duplicate code, another year or gmina — is a Finding of severity Error
// with the place "file:line"; the caller must not archive the set when there
// is one. The error return is for a file that cannot be read at all.
//
// A file holding a PESEL number is refused whole (an error naming the line).
//
// The set's only source is the file (kind "wpis_reczny", with its SHA-256);
// archive it with Store(set, Typed, …).
func Import(path string, year int, cfg *config.Config, cat *partner.Catalog) (*model.Set, []model.Finding, error) {
	if year < 1990 || year > 2200 {
		return nil, nil, fmt.Errorf("nieprawidłowy rok %d: oczekiwano roku RRRR", year)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil, fmt.Errorf("%s: nie ma takiego pliku", path)
		}
		return nil, nil, fmt.Errorf("%s: nie można odczytać pliku: %v", path, err)
	}
	enc := ""
	if cfg != nil {
		enc = cfg.Ustawienia.Kodowanie
	}
	rows, err := readTable(path, raw, enc)
	if err != nil {
		return nil, nil, err
	}
	for _, r := range rows {
		for _, c := range r.cells {
			if hasPESEL(c) {
				return nil, nil, fmt.Errorf("%s:%d: plik zawiera numer PESEL; archiwum przyjmuje tylko dane zbiorcze – usuń dane osobowe i wczytaj plik ponownie", filepath.Base(path), r.line)
			}
		}
	}
	sum := sha256.Sum256(raw)
	name := filepath.Base(path)
	where, _ := filepath.Abs(path)

	known := map[string]CodeInfo{}
	var candidates []string
	if cat != nil {
		for _, k := range cat.Kinds() {
			for _, c := range k.Codes {
				known[c.Code] = CodeInfo{Code: c.Code, Label: c.Label, Unit: c.Unit}
				candidates = append(candidates, c.Code)
			}
		}
	}
	if cfg != nil {
		for _, g := range cfg.Program.Cele {
			for _, a := range g.Dzialania {
				for _, w := range a.Wskazniki {
					if w.Kod == "" {
						continue
					}
					if _, ok := Builtin(w.Kod); ok {
						continue
					}
					if _, ok := known[w.Kod]; ok && w.Etykieta == "" {
						continue
					}
					known[w.Kod] = CodeInfo{Code: w.Kod, Label: w.Etykieta, Unit: unitOf(w.Jednostka)}
					candidates = append(candidates, w.Kod)
				}
			}
		}
	}
	candidates = append(candidates, suggestionCodes()...)
	lookup := func(code string) (CodeInfo, bool) {
		if c, ok := Builtin(code); ok {
			return c, true
		}
		c, ok := known[code]
		return c, ok
	}

	p := model.YearPeriod(year)
	set := &model.Set{Period: p}
	set.Sources = []model.Source{{
		Name:   name,
		Kind:   string(Typed),
		Where:  where,
		ReadAt: time.Now().UTC().Truncate(time.Second),
		SHA256: hex.EncodeToString(sum[:]),
		Note:   "wpis ręczny ze sprawozdania papierowego",
	}}
	var findings []model.Finding
	bad := func(line int, format string, args ...any) {
		findings = append(findings, model.Finding{
			Severity: model.Error,
			Check:    CheckImport,
			Place:    fmt.Sprintf("%s:%d", name, line),
			Message:  fmt.Sprintf(format, args...),
		})
	}

	// Header: the first non-empty row.
	hi := 0
	for hi < len(rows) && rows[hi].empty() {
		hi++
	}
	if hi == len(rows) {
		return nil, nil, fmt.Errorf("%s: plik jest pusty; oczekiwano nagłówka kod;wartosc;uwagi", name)
	}
	colKod, colVal, colRem := -1, -1, -1
	for i, h := range rows[hi].cells {
		switch normHeader(h) {
		case "kod":
			colKod = i
		case "wartosc":
			colVal = i
		case "uwagi":
			colRem = i
		}
	}
	if colKod < 0 || colVal < 0 {
		return nil, nil, fmt.Errorf("%s:%d: oczekiwano nagłówka kod;wartosc;uwagi (albo kod;wskaznik;wartosc;uwagi), a jest %q", name, rows[hi].line, strings.Join(rows[hi].cells, ";"))
	}

	seen := map[string]int{}
	for _, r := range rows[hi+1:] {
		if r.empty() {
			continue
		}
		code := strings.TrimSpace(r.cell(colKod))
		val := r.cell(colVal)
		rem := strings.TrimSpace(r.cell(colRem))
		if code == "" {
			bad(r.line, "brak kodu wskaźnika w kolumnie „kod”")
			continue
		}
		if first, dup := seen[code]; dup {
			bad(r.line, "kod %s powtórzony (pierwszy raz w wierszu %d); każdy wskaźnik może wystąpić tylko raz", code, first)
			continue
		}
		seen[code] = r.line
		if strings.HasPrefix(code, "meta.") {
			checkMeta(code, strings.TrimSpace(val), year, cfg, func(f string, a ...any) { bad(r.line, f, a...) })
			continue
		}
		info, ok := lookup(code)
		if !ok {
			if s := nearest(code, candidates); s != "" {
				bad(r.line, "nieznany kod %q; czy chodziło o %q?", code, s)
			} else {
				bad(r.line, "nieznany kod %q; dozwolone są kody wskaźników z umowy danych, programu gminy i katalogu partnerów", code)
			}
			continue
		}
		ind := model.Indicator{Code: code, Label: info.Label, Unit: info.Unit, From: p.From, To: p.To, Source: name, Remark: rem}
		if info.Unit == model.UnitText {
			if !isNotReported(val) {
				ind.Text = strings.TrimSpace(val)
			}
			set.Add(ind)
			continue
		}
		v, err := parseValue(val, info.Unit == model.UnitMoney, r.xlsx)
		if err != nil {
			bad(r.line, "kod %s: %v", code, err)
			continue
		}
		ind.Value = v
		set.Add(ind)
	}
	set.Sort()
	set.Findings = append(set.Findings, findings...)
	return set, findings, nil
}

func checkMeta(code, val string, year int, cfg *config.Config, bad func(string, ...any)) {
	switch code {
	case "meta.rok":
		if y, err := strconv.Atoi(val); err != nil || y != year {
			bad("plik dotyczy roku %q, a importowany jest rok %d", val, year)
		}
	case "meta.teryt":
		if cfg != nil && val != "" && val != cfg.Gmina.Teryt {
			bad("plik dotyczy gminy o kodzie TERYT %s, a konfiguracja podaje %s", val, cfg.Gmina.Teryt)
		}
	}
}

// unitOf maps a [[program.cel.dzialanie.wskaznik]] jednostka to a model.Unit.
func unitOf(s string) model.Unit {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "rodziny", "rodzin", "rodzina":
		return model.UnitFamilies
	case "osoby", "osób", "osoba":
		return model.UnitPersons
	case "dzieci", "dziecko":
		return model.UnitChildren
	case "dni", "dzień":
		return model.UnitDays
	case "miejsca", "miejsc":
		return model.UnitPlaces
	case "gr", "zł", "zl", "pln":
		return model.UnitMoney
	case "tekst":
		return model.UnitText
	}
	return model.UnitCount
}

func normHeader(s string) string {
	s = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\ufeff")))
	r := strings.NewReplacer("ś", "s", "ć", "c", "ź", "z", "ą", "a", "ę", "e", "ó", "o", "ł", "l", "ń", "n", "ż", "z")
	return r.Replace(s)
}

func isNotReported(s string) bool {
	switch strings.ToLower(strings.Join(strings.Fields(s), " ")) {
	case "", "brak danych", "b.d.", "b.d", "bd", "b/d", "-", "–":
		return true
	}
	return false
}

// parseValue reads a count or, when money, an amount in złoty into grosze.
// nil means not reported.
func parseValue(s string, money, fromXLSX bool) (*int64, error) {
	if isNotReported(s) {
		return nil, nil
	}
	t := strings.TrimSpace(s)
	if money {
		low := strings.ToLower(t)
		for _, suf := range []string{"zł", "zl", "pln"} {
			if strings.HasSuffix(low, suf) {
				t = strings.TrimSpace(t[:len(t)-len(suf)])
				break
			}
		}
	}
	t = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "\u2212", "-").Replace(t)
	if strings.HasPrefix(t, "-") {
		return nil, fmt.Errorf("wartość %q jest ujemna; oczekiwano liczby ≥ 0", strings.TrimSpace(s))
	}
	intPart, frac, hasFrac := t, "", false
	if i := strings.LastIndexAny(t, ",."); i >= 0 {
		intPart, frac, hasFrac = t[:i], t[i+1:], true
	}
	if intPart == "" || !allDigits(intPart) || (hasFrac && (frac == "" || !allDigits(frac))) {
		if money {
			return nil, fmt.Errorf("nieprawidłowa kwota %q; oczekiwano kwoty w złotych, np. 86 072,89", strings.TrimSpace(s))
		}
		return nil, fmt.Errorf("nieprawidłowa wartość %q; oczekiwano liczby całkowitej ≥ 0 albo „brak danych”", strings.TrimSpace(s))
	}
	if !money {
		if hasFrac && strings.Trim(frac, "0") != "" {
			return nil, fmt.Errorf("wartość %q nie jest liczbą całkowitą; oczekiwano liczby całkowitej ≥ 0", strings.TrimSpace(s))
		}
		n, err := strconv.ParseInt(intPart, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("wartość %q jest za duża", strings.TrimSpace(s))
		}
		return &n, nil
	}
	if len(frac) > 2 {
		// A spreadsheet stores 86072.89 as a binary float; accept its noise.
		f, err := strconv.ParseFloat(intPart+"."+frac, 64)
		if fromXLSX && err == nil && f*100 >= 9e18 {
			return nil, fmt.Errorf("kwota %q jest za duża", strings.TrimSpace(s))
		}
		if !fromXLSX || err != nil || math.Abs(f*100-math.Round(f*100)) > 1e-6 {
			return nil, fmt.Errorf("kwota %q ma więcej niż dwa miejsca po przecinku; oczekiwano kwoty w złotych, np. 86 072,89", strings.TrimSpace(s))
		}
		g := int64(math.Round(f * 100))
		return &g, nil
	}
	frac += strings.Repeat("0", 2-len(frac))
	zl, err1 := strconv.ParseInt(intPart, 10, 64)
	gr, err2 := strconv.ParseInt(frac, 10, 64)
	if err1 != nil || err2 != nil || zl > math.MaxInt64/100-1 {
		return nil, fmt.Errorf("kwota %q jest za duża", strings.TrimSpace(s))
	}
	g := zl*100 + gr
	return &g, nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// row is one line of a typed-in table, with its 1-based line number.
type row struct {
	line  int
	cells []string
	xlsx  bool
}

func (r row) cell(i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

func (r row) empty() bool {
	for _, c := range r.cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// readTable reads the first sheet of an XLSX or a CSV in a Polish Excel
// dialect. (A minimal adapter: collectors/partner reads the same dialects for
// partner returns.)
func readTable(path string, raw []byte, encoding string) ([]row, error) {
	name := filepath.Base(path)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		f, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("%s: to nie jest poprawny plik XLSX: %v", name, err)
		}
		defer f.Close()
		sheets := f.GetSheetList()
		if len(sheets) == 0 {
			return nil, fmt.Errorf("%s: skoroszyt nie ma arkuszy", name)
		}
		rs, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("%s: nie można odczytać arkusza %q: %v", name, sheets[0], err)
		}
		out := make([]row, len(rs))
		for i, r := range rs {
			out[i] = row{line: i + 1, cells: r, xlsx: true}
		}
		return out, nil
	case ".csv", ".txt":
	default:
		return nil, fmt.Errorf("%s: nieobsługiwany rodzaj pliku; oczekiwano CSV albo XLSX", name)
	}
	text, err := decodeText(raw, encoding)
	if err != nil {
		return nil, fmt.Errorf("%s: nie można odczytać znaków pliku: %v", name, err)
	}
	first, _, _ := strings.Cut(text, "\n")
	sep := ';'
	if c, s, t := strings.Count(first, ","), strings.Count(first, ";"), strings.Count(first, "\t"); t > s && t > c {
		sep = '\t'
	} else if c > s {
		sep = ','
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	var out []row
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("%s:%d: błąd formatu CSV: %v", name, pe.Line, pe.Err)
			}
			return nil, fmt.Errorf("%s: błąd formatu CSV: %v", name, err)
		}
		out = append(out, row{line: line, cells: rec})
	}
	return out, nil
}

// decodeText turns CSV bytes into UTF-8: a BOM decides, else valid UTF-8, else
// Windows-1250; encoding ("utf-8", "windows-1250", "iso-8859-2") forces one.
func decodeText(raw []byte, encoding string) (string, error) {
	var dec transform.Transformer
	switch strings.ToLower(encoding) {
	case "windows-1250", "cp1250":
		dec = charmap.Windows1250.NewDecoder()
	case "iso-8859-2":
		dec = charmap.ISO8859_2.NewDecoder()
	case "utf-8", "utf8":
		return strings.TrimPrefix(string(raw), "\ufeff"), nil
	default:
		switch {
		case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
			return string(raw[3:]), nil
		case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
			dec = unicode.BOMOverride(unicode.UTF8.NewDecoder())
		case utf8.Valid(raw):
			return string(raw), nil
		default:
			dec = charmap.Windows1250.NewDecoder()
		}
	}
	b, _, err := transform.Bytes(dec, raw)
	return strings.TrimPrefix(string(b), "\ufeff"), err
}

// peselRe finds runs of exactly 11 digits.
var peselRe = regexp.MustCompile(`(^|[^0-9])([0-9]{11})([^0-9]|$)`)

// hasPESEL tells whether s holds an 11-digit run with a valid PESEL checksum.
// (collectors/partner refuses partner returns the same way.)
func hasPESEL(s string) bool {
	for _, m := range peselRe.FindAllStringSubmatch(s, -1) {
		d := m[2]
		w := [10]int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3}
		sum := 0
		for i := 0; i < 10; i++ {
			sum += int(d[i]-'0') * w[i]
		}
		if (10-sum%10)%10 == int(d[10]-'0') {
			return true
		}
	}
	return false
}
