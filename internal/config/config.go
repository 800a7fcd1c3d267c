// Package config reads the gmina's TOML configuration file (DATA-CONTRACT.md §5).
// Keys are Polish because a clerk edits the file; unknown keys are errors.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"

	"github.com/BurntSushi/toml"
)

// Gmina describes the municipality.
type Gmina struct {
	Nazwa  string `toml:"nazwa"`
	Teryt  string `toml:"teryt"`
	Rada   string `toml:"rada"`
	Wojt   string `toml:"wojt"`   // "Burmistrz Chmielnika" — who presents the report to the council
	Powiat string `toml:"powiat"` // optional, for the title page
}

// OPS describes the social-welfare centre.
type OPS struct {
	Nazwa      string `toml:"nazwa"`
	Adres      string `toml:"adres"`
	Kierownik  string `toml:"kierownik"`
	Stanowisko string `toml:"stanowisko"`
	Sporzadzil string `toml:"sporzadzil"` // who prepared the report ("Sporządził(a)")
	Telefon    string `toml:"telefon"`
	Email      string `toml:"email"`
}

// Program is the gmina's three-year family support programme and its definition:
// goals, actions, realizators and indicators (the Kłobuck matrix).
type Program struct {
	Nazwa   string `toml:"nazwa"`
	Uchwala string `toml:"uchwala"`
	Od      int    `toml:"od"`
	Do      int    `toml:"do"`
	Cele    []Cel  `toml:"cel"`
}

// Cel is one goal of the programme.
type Cel struct {
	Nazwa     string      `toml:"nazwa"`
	Dzialania []Dzialanie `toml:"dzialanie"`
}

// Dzialanie is one action of a goal, with who carries it out and its indicators.
type Dzialanie struct {
	Nazwa      string     `toml:"nazwa"`
	Realizator string     `toml:"realizator"`
	Wskazniki  []Wskaznik `toml:"wskaznik"`
}

// Wskaznik is an indicator of an action: a built-in or partner code, or the
// gmina's own read-only SQL query (with :od and :do as the period's bounds).
type Wskaznik struct {
	Kod       string `toml:"kod"`
	Etykieta  string `toml:"etykieta"`
	Jednostka string `toml:"jednostka"`
	SQL       string `toml:"sql"`
}

// Zrodla names where the data is.
type Zrodla struct {
	Baza     string `toml:"baza"`
	Schemat  string `toml:"schemat"`
	Zwroty   string `toml:"zwroty"`
	Archiwum string `toml:"archiwum"`
	Szablony string `toml:"szablony"` // directory with the gmina's own templates overriding the built-in ones
}

// Ustawienia are the settings of checks and publication.
type Ustawienia struct {
	LimitRodzinAsystenta int     `toml:"limit_rodzin_asystenta"`
	ProgZmianyProcent    float64 `toml:"prog_zmiany_procent"` // findings for changes beyond ±this % year to year
	UkryjPonizej         int     `toml:"ukryj_ponizej"`       // publication mode: hide cells below this (default 3)
	Publikacja           bool    `toml:"publikacja"`          // publication mode on
	Kodowanie            string  `toml:"kodowanie"`           // force partner CSV encoding: "utf-8", "windows-1250", "iso-8859-2"
}

// Partner is one partner institution the gmina asks for a return ([[partner]]).
type Partner struct {
	Rodzaj string `toml:"rodzaj"`
	Nazwa  string `toml:"nazwa"`
	Plik   string `toml:"plik"` // optional file name stem for the form
}

// Tekst holds the director's own paragraphs and the needs list.
type Tekst struct {
	Wstep       string   `toml:"wstep"`
	Asystent    string   `toml:"asystent"`
	Zakonczenie string   `toml:"zakonczenie"`
	Potrzeby    []string `toml:"potrzeby"`
	DataRaportu string   `toml:"data_raportu"` // YYYY-MM-DD printed on the title page; default: today
	Miejscowosc string   `toml:"miejscowosc"`
}

// Config is the whole file.
type Config struct {
	Gmina      Gmina      `toml:"gmina"`
	OPS        OPS        `toml:"ops"`
	Program    Program    `toml:"program"`
	Zrodla     Zrodla     `toml:"zrodla"`
	Ustawienia Ustawienia `toml:"ustawienia"`
	Partnerzy  []Partner  `toml:"partner"`
	Tekst      Tekst      `toml:"tekst"`

	// Dir is the directory of the file; relative paths in it are relative to Dir.
	Dir string `toml:"-"`
	// Path is the file read.
	Path string `toml:"-"`
}

// Error is a configuration problem, in Polish, with the place.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

var terytRe = regexp.MustCompile(`^[0-9]{7}$`)

// Load reads and validates the file.
func Load(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &Error{Path: path, Msg: "nie ma takiego pliku konfiguracji"}
		}
		if errors.Is(err, syscall.EISDIR) {
			return nil, &Error{Path: path, Msg: "to jest katalog; podaj plik konfiguracji gminy (np. gmina.toml)"}
		}
		if errors.Is(err, os.ErrPermission) {
			return nil, &Error{Path: path, Msg: "brak uprawnień do odczytu pliku konfiguracji"}
		}
		return nil, &Error{Path: path, Msg: "nie można odczytać pliku konfiguracji (błąd systemu plików)"}
	}
	abs, _ := filepath.Abs(path)
	return Parse(b, abs)
}

// Parse decodes and validates a configuration held in memory; path is used for
// messages and for relative paths.
func Parse(b []byte, path string) (*Config, error) {
	var c Config
	md, err := toml.NewDecoder(bytes.NewReader(b)).Decode(&c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &Error{Path: path, Line: tomlLine(pe), Msg: "błąd składni TOML: " + tomlSyntaxMsg(pe)}
		}
		line, msg := decodeError(err)
		return nil, &Error{Path: path, Line: line, Msg: msg}
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		sort.Strings(keys)
		return nil, &Error{Path: path, Msg: fmt.Sprintf("nieznany klucz %s (literówka?); dozwolone sekcje: [gmina], [ops], [program], [[program.cel]], [zrodla], [ustawienia], [[partner]], [tekst]", strings.Join(keys, ", "))}
	}
	c.Path = path
	c.Dir = filepath.Dir(path)
	c.defaults()
	if err := c.validate(); err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	return &c, nil
}

func (c *Config) defaults() {
	if c.Ustawienia.LimitRodzinAsystenta == 0 {
		c.Ustawienia.LimitRodzinAsystenta = 15
	}
	if c.Ustawienia.UkryjPonizej == 0 {
		c.Ustawienia.UkryjPonizej = 3
	}
	if c.Ustawienia.ProgZmianyProcent == 0 {
		c.Ustawienia.ProgZmianyProcent = 30
	}
	if c.Zrodla.Schemat == "" {
		c.Zrodla.Schemat = "gpwr"
	}
	if c.Zrodla.Archiwum == "" {
		c.Zrodla.Archiwum = "archiwum"
	}
}

var (
	identRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	dateRe  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

func (c *Config) validate() error {
	var problems []string
	req := func(v, key string) {
		if strings.TrimSpace(v) == "" {
			problems = append(problems, fmt.Sprintf("brak wymaganego klucza %s", key))
		}
	}
	req(c.Gmina.Nazwa, "[gmina] nazwa")
	req(c.Gmina.Teryt, "[gmina] teryt")
	req(c.OPS.Nazwa, "[ops] nazwa")
	req(c.Program.Nazwa, "[program] nazwa")
	if c.Gmina.Teryt != "" && !terytRe.MatchString(c.Gmina.Teryt) {
		problems = append(problems, fmt.Sprintf("[gmina] teryt: oczekiwano 7 cyfr, podano %q", c.Gmina.Teryt))
	}
	if c.Program.Od != 0 || c.Program.Do != 0 {
		if c.Program.Od < 1990 || c.Program.Do < c.Program.Od || c.Program.Do > 2200 {
			problems = append(problems, fmt.Sprintf("[program] od/do: oczekiwano lat, od ≤ do, podano %d–%d", c.Program.Od, c.Program.Do))
		}
	}
	if l := c.Ustawienia.LimitRodzinAsystenta; l < 1 || l > 100 {
		problems = append(problems, fmt.Sprintf("[ustawienia] limit_rodzin_asystenta: oczekiwano liczby od 1 do 100, podano %d", l))
	}
	if p := c.Ustawienia.ProgZmianyProcent; p <= 0 || p > 1000 {
		problems = append(problems, fmt.Sprintf("[ustawienia] prog_zmiany_procent: oczekiwano liczby większej od 0, podano %v", p))
	}
	if u := c.Ustawienia.UkryjPonizej; u < 1 || u > 100 {
		problems = append(problems, fmt.Sprintf("[ustawienia] ukryj_ponizej: oczekiwano liczby od 1 do 100, podano %d", u))
	}
	switch strings.ToLower(c.Ustawienia.Kodowanie) {
	case "", "utf-8", "utf8", "windows-1250", "cp1250", "iso-8859-2":
	default:
		problems = append(problems, fmt.Sprintf("[ustawienia] kodowanie: oczekiwano utf-8, windows-1250 albo iso-8859-2, podano %q", c.Ustawienia.Kodowanie))
	}
	if c.Tekst.DataRaportu != "" {
		if !dateRe.MatchString(c.Tekst.DataRaportu) {
			problems = append(problems, fmt.Sprintf("[tekst] data_raportu: oczekiwano daty RRRR-MM-DD, podano %q", c.Tekst.DataRaportu))
		}
	}
	seen := map[string]bool{}
	for i, p := range c.Partnerzy {
		if !identRe.MatchString(p.Rodzaj) {
			problems = append(problems, fmt.Sprintf("[[partner]] nr %d: rodzaj musi być kodem z małych liter (np. ppp, policja), podano %q", i+1, p.Rodzaj))
			continue
		}
		key := p.Rodzaj + "|" + p.Nazwa
		if seen[key] {
			problems = append(problems, fmt.Sprintf("[[partner]] nr %d: partner %q (%s) podany dwa razy", i+1, p.Nazwa, p.Rodzaj))
		}
		seen[key] = true
	}
	for gi, g := range c.Program.Cele {
		if strings.TrimSpace(g.Nazwa) == "" {
			problems = append(problems, fmt.Sprintf("[[program.cel]] nr %d: brak nazwy celu", gi+1))
		}
		for ai, a := range g.Dzialania {
			if strings.TrimSpace(a.Nazwa) == "" {
				problems = append(problems, fmt.Sprintf("cel %d, działanie %d: brak nazwy działania", gi+1, ai+1))
			}
			for wi, w := range a.Wskazniki {
				place := fmt.Sprintf("cel %d, działanie %d, wskaźnik %d", gi+1, ai+1, wi+1)
				if w.Kod == "" {
					problems = append(problems, place+": brak kodu wskaźnika (kod)")
				}
				if w.SQL != "" {
					if err := checkReadOnlySQL(w.SQL); err != nil {
						problems = append(problems, place+": "+err.Error())
					}
					if w.Etykieta == "" {
						problems = append(problems, place+": wskaźnik z zapytaniem SQL musi mieć etykietę")
					}
				}
			}
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	return nil
}

var sqlStart = regexp.MustCompile(`(?is)^\s*(select|with)\b`)
var sqlForbidden = regexp.MustCompile(`(?i)\b(insert|update|delete|drop|alter|create|truncate|grant|revoke|copy|attach|pragma|vacuum)\b`)

// checkReadOnlySQL refuses what is not a single SELECT. The query also runs in a
// read-only transaction; this check only gives an early, clear message.
func checkReadOnlySQL(q string) error {
	if !sqlStart.MatchString(q) || sqlForbidden.MatchString(q) || strings.Contains(strings.TrimRight(strings.TrimSpace(q), ";"), ";") {
		return errors.New("zapytanie SQL musi być jednym poleceniem SELECT (tylko odczyt)")
	}
	return nil
}

// Resolve makes a path from the file relative to the file's directory.
func (c *Config) Resolve(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(c.Dir, p)
}

// ResolveDB resolves a relative SQLite path in a database name.
func (c *Config) ResolveDB(db string) string {
	if strings.HasPrefix(db, "sqlite:") {
		p := strings.TrimPrefix(db, "sqlite:")
		return "sqlite:" + c.Resolve(p)
	}
	return db
}
