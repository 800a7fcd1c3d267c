// Package cas renders the gmina's half-year return for CAS ("sprawozdanie
// rzeczowo-finansowe z wykonywania przez gminę zadań z zakresu wspierania
// rodziny i systemu pieczy zastępczej"): it loads the form's definition (data
// in templates/cas, selected by period, overridable from disk), fills its cells
// from a model.Set, runs the form's checks and writes an XLSX in the form's
// layout and a PDF print-out.
package cas

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/plfmt"
	casdef "github.com/gpwr/gpwr/templates/cas"
)

// Unit of a column.
type Unit string

const (
	// Count is a whole number of persons, families, centres or places.
	Count Unit = "liczba"
	// Money is an amount: grosze in the Set, whole złoty on the form.
	Money Unit = "zł"
)

// RowKind tells a state on the last day from a total over the half-year.
type RowKind string

const (
	Stock RowKind = "stock"
	Flow  RowKind = "flow"
)

// Relation of a row's cell to the same cell of its parent row.
type Relation string

const (
	NoRelation Relation = ""
	// Of ("z tego"): the parent equals the sum of its "z tego" children.
	Of Relation = "z tego"
	// Including ("w tym"): the child is a part of the parent and must not exceed it.
	Including Relation = "w tym"
)

// Row status values.
const (
	Unconfirmed = "niepotwierdzony"
	Confirmed   = "potwierdzony"
)

// Form is one version of the form's definition.
type Form struct {
	ID        string
	Title     string
	Basis     string
	ValidFrom model.Date
	ValidTo   *model.Date // nil: still in force
	MoneyNote string
	// Source names the file the definition came from ("wbudowany: 2019.toml"
	// or a path on disk).
	Source   string
	Sections []*Section
}

// Section is a Dział/Tabela of the form.
type Section struct {
	Symbol  string
	Title   string
	Columns []*Column
	Rows    []*Row
}

// Column is a numbered data column.
type Column struct {
	No     int
	Header string
	Unit   Unit
	// SumOf lists the columns (by number) this "ogółem" column must equal the sum of.
	SumOf []int
}

// Title is the header printed over the column: a money column says "(zł)"
// unless its header already does.
func (c Column) Title() string {
	if c.Unit == Money && !strings.Contains(c.Header, "zł") {
		return c.Header + " (zł)"
	}
	return c.Header
}

// Row is one line of a section.
type Row struct {
	Lp     string
	Label  string
	Kind   RowKind
	Status string
	// Relations holds the relation to the parent per column (NoRelation for a
	// top-level row).
	Relations []Relation
	Cells     []CellDef
	// Parent is the index of the parent row in the section, or -1.
	Parent int
	// Depth is 0 for "1", 1 for "1.1", …
	Depth int
	// Line is the line of the row's [[section.row]] in the file (0 if unknown).
	Line int
}

// CellDef says what fills a cell: X, or the sum of one or more indicator codes.
type CellDef struct {
	X     bool
	Codes []string
}

func (c CellDef) String() string {
	if c.X {
		return "X"
	}
	return strings.Join(c.Codes, " + ")
}

// DefinitionError is a structural problem of a form definition file, in Polish.
type DefinitionError struct {
	File     string
	Problems []Problem
}

// Problem is one problem with its line.
type Problem struct {
	Line int
	Msg  string
}

func (e *DefinitionError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("\n")
		}
		if p.Line > 0 {
			fmt.Fprintf(&b, "%s:%d: %s", e.File, p.Line, p.Msg)
		} else {
			fmt.Fprintf(&b, "%s: %s", e.File, p.Msg)
		}
	}
	return b.String()
}

// ErrNoForm is returned (wrapped) when no definition covers the period.
var ErrNoForm = errors.New("brak definicji formularza CAS dla tego okresu")

type rawForm struct {
	Form      string       `toml:"form"`
	Title     string       `toml:"title"`
	Basis     string       `toml:"basis"`
	ValidFrom *time.Time   `toml:"valid_from"`
	ValidTo   *time.Time   `toml:"valid_to"`
	MoneyNote string       `toml:"money_note"`
	Sections  []rawSection `toml:"section"`
}

type rawSection struct {
	Symbol  string      `toml:"symbol"`
	Title   string      `toml:"title"`
	Columns []rawColumn `toml:"column"`
	Rows    []rawRow    `toml:"row"`
}

type rawColumn struct {
	No     int    `toml:"no"`
	Header string `toml:"header"`
	Unit   string `toml:"unit"`
	SumOf  []int  `toml:"sum_of"`
}

type rawRow struct {
	Lp       string   `toml:"lp"`
	Label    string   `toml:"label"`
	Kind     string   `toml:"kind"`
	Status   string   `toml:"status"`
	Relation any      `toml:"relation"`
	Cells    []string `toml:"cells"`
}

var (
	lpRe   = regexp.MustCompile(`^[0-9]+(\.[0-9]+)*$`)
	codeRe = regexp.MustCompile(`^[a-z0-9_]+(\.[a-z0-9_]+)*$`)
	// Table headers, to give each section, column and row its line.
	sectionHdr = regexp.MustCompile(`^\s*\[\[\s*section\s*\]\]`)
	columnHdr  = regexp.MustCompile(`^\s*\[\[\s*section\s*\.\s*column\s*\]\]`)
	rowHdr     = regexp.MustCompile(`^\s*\[\[\s*section\s*\.\s*row\s*\]\]`)
)

// lines finds the line of every [[section]], [[section.column]] and [[section.row]].
type lines struct {
	section []int
	column  [][]int
	row     [][]int
}

func scanLines(b []byte) lines {
	var l lines
	for i, s := range strings.Split(string(b), "\n") {
		n := i + 1
		switch {
		case sectionHdr.MatchString(s):
			l.section = append(l.section, n)
			l.column = append(l.column, nil)
			l.row = append(l.row, nil)
		case columnHdr.MatchString(s) && len(l.section) > 0:
			k := len(l.section) - 1
			l.column[k] = append(l.column[k], n)
		case rowHdr.MatchString(s) && len(l.section) > 0:
			k := len(l.section) - 1
			l.row[k] = append(l.row[k], n)
		}
	}
	return l
}

func at(xs [][]int, i, j int) int {
	if i < len(xs) && j < len(xs[i]) {
		return xs[i][j]
	}
	return 0
}

// ParseForm reads and validates one definition; name is used in messages.
func ParseForm(b []byte, name string) (*Form, error) {
	var raw rawForm
	md, err := toml.NewDecoder(bytes.NewReader(b)).Decode(&raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line := pe.Position.Line
			if strings.Contains(pe.Message, `got '\n'`) && line > 1 {
				line-- // the lexer has already counted the newline it stumbled on
			}
			return nil, &DefinitionError{File: name, Problems: []Problem{{Line: line, Msg: "błąd składni TOML: " + pe.Message}}}
		}
		return nil, &DefinitionError{File: name, Problems: []Problem{{Msg: "nieprawidłowy typ wartości (np. data bez cudzysłowu RRRR-MM-DD, liczba zamiast tekstu): " + err.Error()}}}
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		sort.Strings(keys)
		return nil, &DefinitionError{File: name, Problems: []Problem{{Msg: "nieznany klucz " + strings.Join(keys, ", ") + " (literówka?)"}}}
	}
	ln := scanLines(b)
	var probs []Problem
	bad := func(line int, format string, a ...any) {
		probs = append(probs, Problem{Line: line, Msg: fmt.Sprintf(format, a...)})
	}

	f := &Form{ID: raw.Form, Title: raw.Title, Basis: raw.Basis, MoneyNote: raw.MoneyNote, Source: name}
	if strings.TrimSpace(raw.Form) == "" {
		bad(0, "brak identyfikatora formularza (klucz form)")
	}
	if strings.TrimSpace(raw.Title) == "" {
		bad(0, "brak tytułu formularza (klucz title)")
	}
	if raw.ValidFrom == nil {
		bad(0, "brak daty, od której formularz obowiązuje (klucz valid_from = RRRR-MM-DD)")
	} else {
		f.ValidFrom = model.D(raw.ValidFrom.Year(), raw.ValidFrom.Month(), raw.ValidFrom.Day())
	}
	if raw.ValidTo != nil {
		d := model.D(raw.ValidTo.Year(), raw.ValidTo.Month(), raw.ValidTo.Day())
		f.ValidTo = &d
		if raw.ValidFrom != nil && d.Before(f.ValidFrom.Time) {
			bad(0, "valid_to (%s) jest wcześniejsza niż valid_from (%s)", d, f.ValidFrom)
		}
	}
	if len(raw.Sections) == 0 {
		bad(0, "formularz nie ma żadnego działu ([[section]])")
	}
	symbols := map[string]bool{}
	for si, rs := range raw.Sections {
		sl := 0
		if si < len(ln.section) {
			sl = ln.section[si]
		}
		where := fmt.Sprintf("dział nr %d", si+1)
		if rs.Symbol != "" {
			where = "Dział " + rs.Symbol
		}
		s := &Section{Symbol: rs.Symbol, Title: rs.Title}
		f.Sections = append(f.Sections, s)
		if strings.TrimSpace(rs.Symbol) == "" {
			bad(sl, "%s: brak symbolu działu (symbol = \"A\")", where)
		} else if symbols[rs.Symbol] {
			bad(sl, "%s: symbol działu powtórzony", where)
		}
		symbols[rs.Symbol] = true
		if strings.TrimSpace(rs.Title) == "" {
			bad(sl, "%s: brak tytułu działu (title)", where)
		}
		if len(rs.Columns) == 0 {
			bad(sl, "%s: brak kolumn ([[section.column]])", where)
		}
		for ci, rc := range rs.Columns {
			cl := at(ln.column, si, ci)
			if rc.No != ci+1 {
				bad(cl, "%s, kolumna nr %d: oczekiwano no = %d (kolumny numerowane kolejno od 1), podano %d", where, ci+1, ci+1, rc.No)
			}
			if strings.TrimSpace(rc.Header) == "" {
				bad(cl, "%s, kolumna %d: brak nagłówka (header)", where, ci+1)
			}
			u := Unit(rc.Unit)
			if u != Count && u != Money {
				bad(cl, "%s, kolumna %d: unit musi być \"liczba\" albo \"zł\", podano %q", where, ci+1, rc.Unit)
			}
			s.Columns = append(s.Columns, &Column{No: ci + 1, Header: rc.Header, Unit: u, SumOf: rc.SumOf})
		}
		for ci, c := range s.Columns {
			cl := at(ln.column, si, ci)
			for _, n := range c.SumOf {
				if n < 1 || n > len(s.Columns) || n == c.No {
					bad(cl, "%s, kolumna %d: sum_of wskazuje kolumnę %d, której nie ma (albo samą siebie)", where, c.No, n)
				} else if s.Columns[n-1].Unit != c.Unit {
					bad(cl, "%s, kolumna %d: sum_of łączy kolumny o różnych jednostkach (%s i %s)", where, c.No, c.Unit, s.Columns[n-1].Unit)
				}
			}
		}
		byLp := map[string]int{}
		if len(rs.Rows) == 0 {
			bad(sl, "%s: brak wierszy ([[section.row]])", where)
		}
		for ri, rr := range rs.Rows {
			rl := at(ln.row, si, ri)
			rw := fmt.Sprintf("%s, wiersz nr %d", where, ri+1)
			if rr.Lp != "" {
				rw = fmt.Sprintf("%s, wiersz Lp. %s", where, rr.Lp)
			}
			r := &Row{Lp: rr.Lp, Label: rr.Label, Kind: RowKind(rr.Kind), Status: rr.Status, Parent: -1, Line: rl}
			s.Rows = append(s.Rows, r)
			if !lpRe.MatchString(rr.Lp) {
				bad(rl, "%s: Lp. musi mieć postać 1, 1.1 albo 1.1.1, podano %q", rw, rr.Lp)
			} else if _, dup := byLp[rr.Lp]; dup {
				bad(rl, "%s: Lp. powtórzone w dziale", rw)
			} else {
				r.Depth = strings.Count(rr.Lp, ".")
				if i := strings.LastIndex(rr.Lp, "."); i >= 0 {
					p, ok := byLp[rr.Lp[:i]]
					if !ok {
						bad(rl, "%s: brak wiersza nadrzędnego Lp. %s przed tym wierszem", rw, rr.Lp[:i])
					} else {
						r.Parent = p
					}
				}
				byLp[rr.Lp] = ri
			}
			if strings.TrimSpace(rr.Label) == "" {
				bad(rl, "%s: brak opisu wiersza (label)", rw)
			}
			if r.Kind != Stock && r.Kind != Flow {
				bad(rl, "%s: kind musi być \"stock\" (stan w ostatnim dniu) albo \"flow\" (suma za półrocze), podano %q", rw, rr.Kind)
			}
			if r.Status != Unconfirmed && r.Status != Confirmed {
				bad(rl, "%s: status musi być \"niepotwierdzony\" albo \"potwierdzony\", podano %q", rw, rr.Status)
			}
			if len(rr.Cells) != len(s.Columns) {
				bad(rl, "%s: oczekiwano %d komórek (cells), tyle ile kolumn działu, podano %d", rw, len(s.Columns), len(rr.Cells))
			}
			for ci, txt := range rr.Cells {
				cd, err := parseCell(txt)
				if err != nil {
					bad(rl, "%s, kolumna %d: %v", rw, ci+1, err)
				}
				r.Cells = append(r.Cells, cd)
			}
			rels, err := parseRelation(rr.Relation, len(s.Columns))
			if err != nil {
				bad(rl, "%s: %v", rw, err)
			}
			r.Relations = rels
			hasRel := false
			for _, x := range rels {
				hasRel = hasRel || x != NoRelation
			}
			if hasRel && r.Parent < 0 && r.Depth == 0 {
				bad(rl, "%s: wiersz najwyższego poziomu nie może mieć relacji „z tego”/„w tym”", rw)
			}
			if hasRel && r.Parent >= 0 && len(r.Cells) == len(s.Columns) {
				par := s.Rows[r.Parent]
				for ci, x := range rels {
					if x == NoRelation || ci >= len(par.Cells) {
						continue
					}
					if par.Cells[ci].X && !r.Cells[ci].X {
						bad(rl, "%s, kolumna %d: relacja „%s” do wiersza %s, który w tej kolumnie ma X", rw, ci+1, x, par.Lp)
					}
				}
			}
		}
	}
	if len(probs) > 0 {
		return nil, &DefinitionError{File: name, Problems: probs}
	}
	return f, nil
}

func parseCell(s string) (CellDef, error) {
	t := strings.TrimSpace(s)
	if t == "X" {
		return CellDef{X: true}, nil
	}
	if t == "" {
		return CellDef{}, errors.New("pusta komórka: podaj kod wskaźnika, sumę kodów (a + b) albo X")
	}
	var cd CellDef
	for _, part := range strings.Split(t, "+") {
		c := strings.TrimSpace(part)
		if !codeRe.MatchString(c) {
			return CellDef{}, fmt.Errorf("%q nie jest kodem wskaźnika (małe litery, cyfry, _ i kropki), sumą kodów ani X", c)
		}
		cd.Codes = append(cd.Codes, c)
	}
	return cd, nil
}

func parseRelation(v any, n int) ([]Relation, error) {
	out := make([]Relation, n)
	one := func(x any) (Relation, error) {
		s, ok := x.(string)
		if !ok {
			return "", fmt.Errorf("relation musi być tekstem „z tego” albo „w tym”, podano %v", x)
		}
		switch r := Relation(strings.TrimSpace(s)); r {
		case NoRelation, Of, Including:
			return r, nil
		}
		return "", fmt.Errorf("relation musi być \"z tego\" albo \"w tym\", podano %q", s)
	}
	switch x := v.(type) {
	case nil:
		return out, nil
	case []any:
		if len(x) != n {
			return out, fmt.Errorf("lista relation ma %d pozycji, a dział ma %d kolumn", len(x), n)
		}
		for i, e := range x {
			r, err := one(e)
			if err != nil {
				return out, err
			}
			out[i] = r
		}
		return out, nil
	default:
		r, err := one(x)
		for i := range out {
			out[i] = r
		}
		return out, err
	}
}

// Covers tells whether the form applies to a period: it is in force on the
// period's last day.
func (f *Form) Covers(p model.Period) bool {
	if p.To.Before(f.ValidFrom.Time) {
		return false
	}
	return f.ValidTo == nil || !f.ValidTo.Before(p.To.Time)
}

// BuiltinForms parses every embedded definition.
func BuiltinForms() ([]*Form, error) {
	return loadFS(casdef.FS, ".", "wbudowany: ")
}

func loadFS(fsys fs.FS, dir, prefix string) ([]*Form, error) {
	names, err := fs.Glob(fsys, filepath.ToSlash(filepath.Join(dir, "*.toml")))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []*Form
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("%s%s: nie można odczytać definicji formularza: %w", prefix, n, err)
		}
		f, err := ParseForm(b, prefix+n)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// LoadForm picks the definition in force on the last day of p. Definitions in
// overrideDir (if given and existing: *.toml files) win over the built-in ones
// for the periods they cover; a broken file there is an error, never skipped.
func LoadForm(p model.Period, overrideDir string) (*Form, error) {
	if p.Kind != model.HalfYear {
		return nil, fmt.Errorf("sprawozdanie CAS składa się za półrocze: podaj półrocze 1 albo 2 (okres %s)", p.Key())
	}
	if overrideDir != "" {
		st, err := os.Stat(overrideDir)
		switch {
		case err == nil && !st.IsDir():
			return nil, fmt.Errorf("%s: oczekiwano katalogu z definicjami formularza CAS (*.toml), a to jest plik", overrideDir)
		case err == nil:
			own, err := loadFS(os.DirFS(overrideDir), ".", overrideDir+string(filepath.Separator))
			if err != nil {
				return nil, err
			}
			if f := pick(own, p); f != nil {
				return f, nil
			}
		case !errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("%s: nie można odczytać katalogu definicji formularza CAS: %w", overrideDir, err)
		}
	}
	built, err := BuiltinForms()
	if err != nil {
		return nil, err
	}
	if f := pick(built, p); f != nil {
		return f, nil
	}
	return nil, fmt.Errorf("%w: okres %s – %s; dodaj plik definicji z valid_from nie późniejszym niż %s", ErrNoForm, plfmt.DateISO(p.From), plfmt.DateISO(p.To), plfmt.DateISO(p.To))
}

func pick(forms []*Form, p model.Period) *Form {
	var best *Form
	for _, f := range forms {
		if f.Covers(p) && (best == nil || f.ValidFrom.After(best.ValidFrom.Time)) {
			best = f
		}
	}
	return best
}

// OverrideDir is where a gmina keeps its own form definitions: the cas/
// subdirectory of [zrodla] szablony, or "" when no template directory is set.
func OverrideDir(cfg *config.Config) string {
	if cfg == nil || cfg.Zrodla.Szablony == "" {
		return ""
	}
	return filepath.Join(cfg.Resolve(cfg.Zrodla.Szablony), "cas")
}
