package config

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const minimal = `
[gmina]
nazwa = "Chmielnik"
teryt = "2604033"
rada  = "Rada Miejska w Chmielniku"

[ops]
nazwa = "Miejsko-Gminny Ośrodek Pomocy Społecznej w Chmielniku"

[program]
nazwa = "Gminny Program Wspierania Rodziny na lata 2023–2025"
od = 2023
do = 2025

[zrodla]
baza = "sqlite:ops.db"
zwroty = "zwroty/2025"

[ustawienia]
limit_rodzin_asystenta = 15
`

func TestParseContractExample(t *testing.T) {
	c, err := Parse([]byte(minimal), "/etc/gpwr/gmina.toml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Gmina.Teryt != "2604033" || c.Ustawienia.LimitRodzinAsystenta != 15 || c.Zrodla.Schemat != "gpwr" {
		t.Errorf("parsed %+v", c)
	}
	if got := c.ResolveDB(c.Zrodla.Baza); got != "sqlite:/etc/gpwr/ops.db" {
		t.Errorf("relative SQLite path: %s", got)
	}
	if got := c.Resolve(c.Zrodla.Zwroty); got != "/etc/gpwr/zwroty/2025" {
		t.Errorf("relative directory: %s", got)
	}
	if got := c.ResolveDB("postgres://u@h/db"); got != "postgres://u@h/db" {
		t.Errorf("URL changed: %s", got)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, toml, want string
	}{
		{"unknown key (typo)", strings.Replace(minimal, "rada  =", "radaa =", 1), "nieznany klucz gmina.radaa (literówka?)"},
		{"unknown section", minimal + "\n[zrodlo]\nbaza = \"x\"\n", "nieznany klucz zrodlo"},
		{"bad TERYT", strings.Replace(minimal, `"2604033"`, `"26040"`, 1), "[gmina] teryt: oczekiwano 7 cyfr, podano \"26040\""},
		{"missing name", strings.Replace(minimal, `nazwa = "Chmielnik"`, "", 1), "brak wymaganego klucza [gmina] nazwa"},
		{"syntax", minimal + "\n[ustawienia\n", "gmina.toml:22: błąd składni TOML: oczekiwano „]” zamykającego nazwę sekcji"},
		{"wrong type", strings.Replace(minimal, "limit_rodzin_asystenta = 15", `limit_rodzin_asystenta = "15"`, 1), "gmina.toml:20: [ustawienia] limit_rodzin_asystenta: oczekiwano liczby całkowitej, podano tekst"},
		{"limit out of range", strings.Replace(minimal, "limit_rodzin_asystenta = 15", "limit_rodzin_asystenta = 0", 1), ""},
		{"years reversed", strings.Replace(minimal, "od = 2023", "od = 2026", 1), "[program] od/do: oczekiwano lat, od ≤ do, podano 2026–2025"},
		{"encoding", minimal + "kodowanie = \"latin1\"\n", "[ustawienia] kodowanie: oczekiwano utf-8, windows-1250 albo iso-8859-2"},
		{"writing SQL", minimal + `
[[program.cel]]
nazwa = "Cel"
[[program.cel.dzialanie]]
nazwa = "Działanie"
[[program.cel.dzialanie.wskaznik]]
kod = "wlasny.x"
etykieta = "X"
sql = "DELETE FROM families"
`, "cel 1, działanie 1, wskaźnik 1: zapytanie SQL musi być jednym poleceniem SELECT"},
		{"duplicate partner", minimal + "\n[[partner]]\nrodzaj = \"ppp\"\nnazwa = \"PPP\"\n[[partner]]\nrodzaj = \"ppp\"\nnazwa = \"PPP\"\n", "partner \"PPP\" (ppp) podany dwa razy"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.toml), "/x/gmina.toml")
			if err == nil {
				if tc.want == "" {
					return // the value is valid: 0 means the default
				}
				t.Fatalf("no error, want %q", tc.want)
			}
			if tc.want != "" && !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), "/x/gmina.toml") {
				t.Errorf("error does not name the file: %q", err)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "brak.toml"))
	if err == nil || !strings.Contains(err.Error(), "nie ma takiego pliku konfiguracji") {
		t.Errorf("got %v", err)
	}
	dir := t.TempDir()
	if _, err := Load(dir); err == nil || err.Error() != dir+": to jest katalog; podaj plik konfiguracji gminy (np. gmina.toml)" {
		t.Errorf("a directory as the config: %v", err)
	}
	p := filepath.Join(t.TempDir(), "g.toml")
	os.WriteFile(p, []byte(minimal), 0o644)
	if _, err := Load(p); err != nil {
		t.Error(err)
	}
}

// Every TOML mistake a clerk makes gets a Polish message with the line; no
// English from the library leaks through.
func TestTOMLMessagesPolish(t *testing.T) {
	cases := []struct {
		name, toml, want string
	}{
		{"unclosed section", "[gmina\nnazwa = \"x\"\n", `g.toml:1: błąd składni TOML: oczekiwano „]” zamykającego nazwę sekcji, a jest koniec wiersza`},
		{"unclosed array section", "[[partner]\n", `g.toml:1: błąd składni TOML: oczekiwano „]]” zamykającego nazwę sekcji [[…]], a jest koniec wiersza`},
		{"text without quotes", "[gmina]\nnazwa = Chmielnik\n", `g.toml:2: błąd składni TOML: oczekiwano wartości: tekstu w cudzysłowie "…", liczby, true/false albo listy [ … ], a jest „Chmielnik”`},
		{"missing =", "[gmina]\nnazwa \"Chmielnik\"\n", `g.toml:2: błąd składni TOML: po nazwie klucza oczekiwano znaku „=”`},
		{"unclosed quote", "[gmina]\nnazwa = \"Chmielnik\n", `g.toml:2: błąd składni TOML: tekst w cudzysłowie "…" musi się skończyć w tym samym wierszu`},
		{"windows path", "[zrodla]\nbaza = \"sqlite:C:\\dane\\ops.db\"\n", `g.toml:2: błąd składni TOML: nieprawidłowy znak po „\” w tekście; w ścieżkach Windows pisz / zamiast \`},
		{"key twice", "[gmina]\nnazwa = \"a\"\nnazwa = \"b\"\n", `g.toml:3: błąd składni TOML: klucz „gmina.nazwa” podano drugi raz`},
		{"two values", "[gmina]\nnazwa = \"a\" \"b\"\n", `g.toml:2: błąd składni TOML: po wartości oczekiwano końca wiersza albo komentarza (#), a jest „"”`},
		{"list without comma", "[tekst]\npotrzeby = [\"a\" \"b\"]\n", `g.toml:2: błąd składni TOML: w liście [ … ] oczekiwano przecinka albo „]”`},
		{"decimal comma", "[ustawienia]\nprog_zmiany_procent = 12,5\n", `g.toml:2: błąd składni TOML: po wartości oczekiwano końca wiersza albo komentarza (#), a jest „,”`},
		{"int as text", "[ustawienia]\nlimit_rodzin_asystenta = \"15\"\n", `g.toml:2: [ustawienia] limit_rodzin_asystenta: oczekiwano liczby całkowitej, podano tekst`},
		{"teryt as number", "[gmina]\nteryt = 2604033\n", `g.toml:2: [gmina] teryt: oczekiwano tekstu w cudzysłowie, podano liczbę całkowitą`},
		{"bool as text", "[ustawienia]\npublikacja = \"tak\"\n", `g.toml:2: [ustawienia] publikacja: oczekiwano wartości true albo false, podano tekst`},
		{"list as text", "[tekst]\npotrzeby = \"jedna\"\n", `g.toml:2: [tekst] potrzeby: oczekiwano listy [ … ], podano tekst`},
		{"section as value", "gmina = \"Chmielnik\"\n", `g.toml:1: gmina: oczekiwano sekcji, podano tekst`},
		{"utf-16", "\xff\xfe[\x00g\x00]\x00", `g.toml`},
	}
	english := regexp.MustCompile(`(?i)\b(expected|unexpected|incompatible|type|but got|instead|line|key|found|string|integer)\b`)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.toml), "/x/g.toml")
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.want) {
				t.Errorf("got  %q\nwant %q", msg, tc.want)
			}
			if english.MatchString(msg) {
				t.Errorf("English in %q", msg)
			}
		})
	}
}
