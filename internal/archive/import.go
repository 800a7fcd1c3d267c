package archive

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

	"github.com/gpwr/gpwr/collectors/ops"
	"github.com/gpwr/gpwr/collectors/partner"
	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
)

// CheckImport is the Finding.Check of problems in a typed-in file.
const CheckImport = "archiwum.import"

// Import reads a past year typed in from an old paper report: a CSV or XLSX
// (first sheet) with the header kod;wartosc;uwagi, or the 4-column partner
// layout kod;wskaznik;wartosc;uwagi (meta.* rows are checked against the year
// and the gmina's TERYT, then skipped). The file is read as partner returns
// are (partner.ReadTable: UTF-8 with or without BOM, Windows-1250 or
// ISO-8859-2 — cfg's [ustawienia] kodowanie forces one —, separated by ';',
// ',' or a tab), and so are the values (partner.ParseValue): a whole number
// ≥ 0, an amount in złoty for money codes ("86 072,89", "86072.89 zł") stored
// as grosze, or empty / "brak danych" / "b.d." / a lone dash for not reported
// (nil, never 0).
//
// Known codes are the built-in ones (ops.Describe), the program's own indicators
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
		return nil, nil, fmt.Errorf("%s: nie można odczytać pliku: %s", path, readReason(err))
	}
	enc := ""
	if cfg != nil {
		enc = cfg.Ustawienia.Kodowanie
	}
	name := filepath.Base(path)
	rows, err := partner.ReadTable(name, raw, enc)
	if err != nil {
		return nil, nil, err
	}
	for _, r := range rows {
		for _, c := range r.Cells {
			if partner.HasPESEL(c) {
				return nil, nil, fmt.Errorf("%s:%d: plik zawiera numer PESEL; archiwum przyjmuje tylko dane zbiorcze – usuń dane osobowe i wczytaj plik ponownie", name, r.Line)
			}
		}
	}
	sum := sha256.Sum256(raw)
	where, _ := filepath.Abs(path)

	known := map[string]ops.Def{}
	var candidates []string
	if cat != nil {
		for _, k := range cat.Kinds() {
			for _, c := range k.Codes {
				known[c.Code] = ops.Def{Label: c.Label, Unit: c.Unit}
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
					if _, ok := ops.Describe(w.Kod); ok {
						continue
					}
					if _, ok := known[w.Kod]; ok && w.Etykieta == "" {
						continue
					}
					known[w.Kod] = ops.Def{Label: w.Etykieta, Unit: ops.ProgramUnit(w.Jednostka)}
					candidates = append(candidates, w.Kod)
				}
			}
		}
	}
	candidates = append(candidates, ops.Codes()...)
	lookup := func(code string) (ops.Def, bool) {
		if d, ok := ops.Describe(code); ok {
			return d, true
		}
		d, ok := known[code]
		return d, ok
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

	// Header: the first row (ReadTable leaves blank rows out).
	if len(rows) == 0 {
		return nil, nil, fmt.Errorf("%s: plik jest pusty; oczekiwano nagłówka kod;wartosc;uwagi", name)
	}
	head := rows[0]
	colKod, colVal, colRem := -1, -1, -1
	for i, h := range head.Cells {
		switch partner.NormHeader(h) {
		case "kod":
			colKod = i
		case "wartosc":
			colVal = i
		case "uwagi":
			colRem = i
		}
	}
	if colKod < 0 || colVal < 0 {
		return nil, nil, fmt.Errorf("%s:%d: oczekiwano nagłówka kod;wartosc;uwagi (albo kod;wskaznik;wartosc;uwagi), a jest %q", name, head.Line, strings.Join(head.Cells, ";"))
	}

	seen := map[string]int{}
	for _, r := range rows[1:] {
		code := strings.TrimSpace(r.Cell(colKod))
		val := r.Cell(colVal)
		rem := strings.TrimSpace(r.Cell(colRem))
		if code == "" {
			bad(r.Line, "brak kodu wskaźnika w kolumnie „kod”")
			continue
		}
		if first, dup := seen[code]; dup {
			bad(r.Line, "kod %s powtórzony (pierwszy raz w wierszu %d); każdy wskaźnik może wystąpić tylko raz", code, first)
			continue
		}
		seen[code] = r.Line
		if strings.HasPrefix(code, "meta.") {
			checkMeta(code, strings.TrimSpace(val), year, cfg, func(f string, a ...any) { bad(r.Line, f, a...) })
			continue
		}
		info, ok := lookup(code)
		if !ok {
			if s := partner.Nearest(code, candidates); s != "" {
				bad(r.Line, "nieznany kod %q; czy chodziło o %q?", code, s)
			} else {
				bad(r.Line, "nieznany kod %q; dozwolone są kody wskaźników z umowy danych, programu gminy i katalogu partnerów", code)
			}
			continue
		}
		ind := model.Indicator{Code: code, Label: info.Label, Unit: info.Unit, From: p.From, To: p.To, Source: name, Remark: rem}
		if info.Unit == model.UnitText {
			if !notReported(val) {
				ind.Text = strings.TrimSpace(val)
			}
			set.Add(ind)
			continue
		}
		v, err := parseValue(val, info.Unit == model.UnitMoney, r.IsNumeric(colVal))
		if err != nil {
			bad(r.Line, "kod %s: %v", code, err)
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

// notReported is partner.NotReported plus a lone dash, which old paper
// reports print in an empty cell.
func notReported(s string) bool {
	switch strings.TrimSpace(s) {
	case "-", "–":
		return true
	}
	return partner.NotReported(s)
}

// parseValue reads a count or, when money, an amount in złoty into grosze,
// as partner returns are read (partner.ParseValue); numeric marks an XLSX
// number cell. nil means not reported.
func parseValue(s string, money, numeric bool) (*int64, error) {
	if notReported(s) {
		return nil, nil
	}
	t := partner.Count
	if money {
		t = partner.Amount
	}
	return partner.ParseValue(s, numeric, t)
}

// readReason says in Polish why a file could not be read.
func readReason(err error) string {
	switch {
	case errors.Is(err, syscall.EISDIR):
		return "to jest katalog; podaj plik CSV albo XLSX"
	case errors.Is(err, os.ErrPermission):
		return "brak uprawnień do odczytu"
	}
	return "błąd systemu plików"
}
