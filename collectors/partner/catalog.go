package partner

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

	"github.com/BurntSushi/toml"

	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/templates/partners"
)

// Type is the type of a code's value.
type Type string

const (
	Count  Type = "liczba" // whole number ≥ 0
	Amount Type = "kwota"  // złoty with grosze on the form, grosze (int64) in the model
	Text   Type = "tekst"  // free text
)

// Code is one row of a partner's form.
type Code struct {
	Code   string     // "ppp.porady"
	Kind   string     // "ppp"; "meta" for the common rows
	Label  string     // Polish label printed on the form
	Type   Type       // liczba | kwota | tekst
	Unit   model.Unit // rodziny, osoby, dzieci, szt., …; gr for kwota; tekst for tekst
	Action string     // the programme action the code usually serves
}

// Kind is a partner kind (meta.rodzaj) with its codes in form order.
type Kind struct {
	Kind        string // "ppp"
	Name        string // "Poradnia Psychologiczno-Pedagogiczna"
	Instruction string // short instruction for the partner
	Order       int
	Codes       []Code
	File        string // the catalog file that defined it (last one that changed it)
}

// Catalog is every partner kind and code the tool knows.
type Catalog struct {
	kinds  map[string]*Kind
	codes  map[string]Code
	sorted []*Kind
}

// Meta codes: the rows every return starts with. They are part of the data
// contract (§3), so they are fixed here and not in the editable catalog files.
const (
	MetaKind        = "meta.rodzaj"
	MetaInstitution = "meta.instytucja"
	MetaGmina       = "meta.gmina"
	MetaTeryt       = "meta.teryt"
	MetaYear        = "meta.rok"
	MetaPreparer    = "meta.sporzadzil"
)

// MetaCodes are the common rows, in form order. meta.gmina is an addition to
// the contract's list: the form prints the gmina's name; the reader ignores it.
var MetaCodes = []Code{
	{Code: MetaKind, Kind: "meta", Label: "Rodzaj instytucji", Type: Text, Unit: model.UnitText},
	{Code: MetaInstitution, Kind: "meta", Label: "Nazwa instytucji", Type: Text, Unit: model.UnitText},
	{Code: MetaGmina, Kind: "meta", Label: "Gmina", Type: Text, Unit: model.UnitText},
	{Code: MetaTeryt, Kind: "meta", Label: "Kod TERYT gminy", Type: Text, Unit: model.UnitText},
	{Code: MetaYear, Kind: "meta", Label: "Rok sprawozdawczy", Type: Text, Unit: model.UnitText},
	{Code: MetaPreparer, Kind: "meta", Label: "Sporządził(a)", Type: Text, Unit: model.UnitText},
}

// Kinds returns the kinds in form order (kolejnosc, then code).
func (c *Catalog) Kinds() []*Kind { return c.sorted }

// KindCodes lists the codes of the kinds in form order ("ppp", "policja", …).
func (c *Catalog) KindCodes() []string {
	out := make([]string, len(c.sorted))
	for i, k := range c.sorted {
		out[i] = k.Kind
	}
	return out
}

// Kind finds a kind by its code.
func (c *Catalog) Kind(k string) (*Kind, bool) {
	kd, ok := c.kinds[k]
	return kd, ok
}

// Code finds a code (meta codes included).
func (c *Catalog) Code(code string) (Code, bool) {
	cd, ok := c.codes[code]
	return cd, ok
}

// Nearest returns the known code closest to code by edit distance, preferring
// the codes of kind (may be ""), or "" when nothing is close enough.
func (c *Catalog) Nearest(code, kind string) string {
	if kd, ok := c.kinds[kind]; ok {
		cands := make([]string, 0, len(kd.Codes)+len(MetaCodes))
		for _, cd := range kd.Codes {
			cands = append(cands, cd.Code)
		}
		for _, cd := range MetaCodes {
			cands = append(cands, cd.Code)
		}
		if best := Nearest(code, cands); best != "" {
			return best
		}
	}
	cands := make([]string, 0, len(c.codes))
	for cand := range c.codes {
		cands = append(cands, cand)
	}
	return Nearest(code, cands)
}

// NearestKind returns the known kind closest to k, or "".
func (c *Catalog) NearestKind(k string) string { return Nearest(k, c.KindCodes()) }

// Nearest returns the candidate closest to s by edit distance (on a tie the
// first in alphabetical order), for "czy chodziło o …?" hints: "" when none is
// within max(2, a third of s's length) edits, or s is longer than 80 bytes.
func Nearest(s string, candidates []string) string {
	if len(s) > 80 {
		return ""
	}
	best, bestD := "", 1<<30
	for _, cand := range candidates {
		d := levenshtein(s, cand)
		if d < bestD || (d == bestD && cand < best) {
			best, bestD = cand, d
		}
	}
	if bestD > max(2, len([]rune(s))/3) {
		return ""
	}
	return best
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// catalogFile is the TOML layout of one catalog file (see templates/partners).
type catalogFile struct {
	Rodzaj     string     `toml:"rodzaj"`
	Nazwa      string     `toml:"nazwa"`
	Kolejnosc  int        `toml:"kolejnosc"`
	Instrukcja string     `toml:"instrukcja"`
	Kody       []codeFile `toml:"kod"`
}

type codeFile struct {
	Kod       string `toml:"kod"`
	Etykieta  string `toml:"etykieta"`
	Typ       string `toml:"typ"`
	Jednostka string `toml:"jednostka"`
	Dzialanie string `toml:"dzialanie"`
}

// CatalogError is a problem in a catalog file, in Polish, with file:line.
type CatalogError struct {
	File string
	Line int
	Msg  string
}

func (e *CatalogError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

var (
	kindRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	codeRe = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$`)
)

// countUnits are the units a liczba code may have.
var countUnits = []model.Unit{model.UnitFamilies, model.UnitPersons, model.UnitChildren, model.UnitCount,
	model.UnitDays, model.UnitPlaces, "godz."}

// LoadCatalog returns the built-in catalog (templates/partners) merged with the
// gmina's own *.toml files from overrideDir ("" = none), read in name order.
// A gmina file may define a new kind (rodzaj, nazwa, codes) or add codes to a
// built-in kind; a code that already exists is replaced by the gmina's
// definition (so a gmina can reword a label). Every problem found in those
// files is returned at once, in Polish, as file:line.
func LoadCatalog(overrideDir string) (*Catalog, error) {
	c := &Catalog{kinds: map[string]*Kind{}, codes: map[string]Code{}}
	for _, m := range MetaCodes {
		c.codes[m.Code] = m
	}
	var errs []error
	builtin, err := fs.Glob(partners.FS, "*.toml")
	if err != nil {
		return nil, err
	}
	sort.Strings(builtin)
	for _, name := range builtin {
		b, err := fs.ReadFile(partners.FS, name)
		if err != nil {
			return nil, err
		}
		errs = append(errs, c.merge("templates/partners/"+name, b, true)...)
	}
	if overrideDir != "" {
		st, err := os.Stat(overrideDir)
		if err != nil || !st.IsDir() {
			return nil, &CatalogError{File: overrideDir, Msg: "nie ma takiego katalogu z własnym katalogiem partnerów (oczekiwano katalogu z plikami *.toml)"}
		}
		files, _ := filepath.Glob(filepath.Join(overrideDir, "*.toml"))
		sort.Strings(files)
		for _, path := range files {
			b, err := os.ReadFile(path)
			if err != nil {
				errs = append(errs, &CatalogError{File: path, Msg: "nie można odczytać pliku: " + err.Error()})
				continue
			}
			errs = append(errs, c.merge(path, b, false)...)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for _, k := range c.kinds {
		c.sorted = append(c.sorted, k)
	}
	sort.Slice(c.sorted, func(a, b int) bool {
		ka, kb := c.sorted[a], c.sorted[b]
		if ka.Order != kb.Order {
			return ka.Order < kb.Order
		}
		return ka.Kind < kb.Kind
	})
	return c, nil
}

// merge decodes one catalog file into c and returns its problems.
func (c *Catalog) merge(path string, b []byte, builtin bool) []error {
	lines := strings.Split(string(b), "\n")
	errAt := func(line int, format string, a ...any) error {
		return &CatalogError{File: path, Line: line, Msg: fmt.Sprintf(format, a...)}
	}
	var f catalogFile
	md, err := toml.NewDecoder(bytes.NewReader(b)).Decode(&f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return []error{errAt(pe.Position.Line, "błąd składni TOML: %s", pe.Message)}
		}
		return []error{errAt(0, "nieprawidłowy plik katalogu: %v", err)}
	}
	var errs []error
	for _, k := range md.Undecoded() {
		key := k[len(k)-1]
		errs = append(errs, errAt(findLine(lines, 0, key), "nieznany klucz %q (literówka?); dozwolone: rodzaj, nazwa, kolejnosc, instrukcja i [[kod]] z kluczami kod, etykieta, typ, jednostka, dzialanie", k.String()))
	}
	if !kindRe.MatchString(f.Rodzaj) {
		errs = append(errs, errAt(findLine(lines, 0, "rodzaj"), "rodzaj musi być kodem z małych liter bez polskich znaków (np. ppp, szkoly), podano %q", f.Rodzaj))
		return errs
	}
	if f.Rodzaj == "meta" {
		errs = append(errs, errAt(findLine(lines, 0, "rodzaj"), "rodzaj „meta” jest zarezerwowany dla wierszy meta.*"))
		return errs
	}
	kind, exists := c.kinds[f.Rodzaj]
	if !exists {
		if strings.TrimSpace(f.Nazwa) == "" {
			errs = append(errs, errAt(findLine(lines, 0, "rodzaj"), "nowy rodzaj %q musi mieć nazwę (klucz nazwa)", f.Rodzaj))
		}
		kind = &Kind{Kind: f.Rodzaj, Order: 1000}
	} else if builtin {
		errs = append(errs, errAt(findLine(lines, 0, "rodzaj"), "rodzaj %q zdefiniowany dwa razy we wbudowanym katalogu", f.Rodzaj))
	}
	if f.Nazwa != "" {
		kind.Name = strings.TrimSpace(f.Nazwa)
	}
	if f.Instrukcja != "" {
		kind.Instruction = strings.TrimSpace(f.Instrukcja)
	}
	if f.Kolejnosc != 0 {
		kind.Order = f.Kolejnosc
	}
	kind.File = path
	seen := map[string]bool{}
	for i, cf := range f.Kody {
		line := nthLine(lines, "[[kod]]", i)
		code := Code{Code: strings.TrimSpace(cf.Kod), Kind: f.Rodzaj, Label: strings.TrimSpace(cf.Etykieta),
			Type: Type(strings.TrimSpace(cf.Typ)), Unit: model.Unit(strings.TrimSpace(cf.Jednostka)), Action: strings.TrimSpace(cf.Dzialanie)}
		if !codeRe.MatchString(code.Code) || !strings.HasPrefix(code.Code, f.Rodzaj+".") {
			errs = append(errs, errAt(line, "kod musi mieć postać %s.nazwa (małe litery, cyfry, _), podano %q", f.Rodzaj, code.Code))
			continue
		}
		if seen[code.Code] {
			errs = append(errs, errAt(line, "kod %s podany w tym pliku dwa razy", code.Code))
			continue
		}
		seen[code.Code] = true
		if code.Label == "" {
			errs = append(errs, errAt(line, "kod %s nie ma etykiety (klucz etykieta)", code.Code))
		}
		switch code.Type {
		case Count:
			if code.Unit == "" {
				code.Unit = model.UnitCount
			}
			ok := false
			for _, u := range countUnits {
				ok = ok || u == code.Unit
			}
			if !ok {
				errs = append(errs, errAt(line, "kod %s: nieznana jednostka %q; oczekiwano jednej z: rodziny, osoby, dzieci, szt., dni, miejsca, godz.", code.Code, code.Unit))
			}
		case Amount:
			if code.Unit != "" && code.Unit != model.UnitMoney {
				errs = append(errs, errAt(line, "kod %s: kwota ma jednostkę gr (grosze), podano %q", code.Code, code.Unit))
			}
			code.Unit = model.UnitMoney
		case Text:
			if code.Unit != "" && code.Unit != model.UnitText {
				errs = append(errs, errAt(line, "kod %s: tekst ma jednostkę tekst, podano %q", code.Code, code.Unit))
			}
			code.Unit = model.UnitText
		default:
			errs = append(errs, errAt(line, "kod %s: nieznany typ %q; oczekiwano liczba, kwota albo tekst", code.Code, code.Type))
		}
		if old, ok := c.codes[code.Code]; ok && builtin {
			errs = append(errs, errAt(line, "kod %s zdefiniowany dwa razy we wbudowanym katalogu (%s)", code.Code, old.Kind))
			continue
		}
		replaced := false
		for j := range kind.Codes {
			if kind.Codes[j].Code == code.Code {
				kind.Codes[j] = code
				replaced = true
			}
		}
		if !replaced {
			kind.Codes = append(kind.Codes, code)
		}
		c.codes[code.Code] = code
	}
	if len(kind.Codes) == 0 {
		errs = append(errs, errAt(findLine(lines, 0, "rodzaj"), "rodzaj %q nie ma żadnego kodu ([[kod]])", f.Rodzaj))
	}
	if len(errs) == 0 || exists {
		c.kinds[f.Rodzaj] = kind
	}
	return errs
}

// findLine returns the 1-based number of the first line from start that
// assigns key, or 0.
func findLine(lines []string, start int, key string) int {
	for i := start; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if strings.HasPrefix(t, key) {
			rest := strings.TrimSpace(strings.TrimPrefix(t, key))
			if strings.HasPrefix(rest, "=") {
				return i + 1
			}
		}
	}
	return 0
}

// nthLine returns the 1-based line of the n-th (0-based) occurrence of the
// table header h, or 0.
func nthLine(lines []string, h string, n int) int {
	for i, l := range lines {
		if strings.TrimSpace(l) == h {
			if n == 0 {
				return i + 1
			}
			n--
		}
	}
	return 0
}
