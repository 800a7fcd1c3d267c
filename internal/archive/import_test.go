package archive

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/gpwr/gpwr/collectors/partner"
	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
)

const testConfig = `
[gmina]
nazwa = "Przykładowo"
teryt = "2604033"
[ops]
nazwa = "Ośrodek Pomocy Społecznej w Przykładowie"
[program]
nazwa = "Gminny Program Wspierania Rodziny na lata 2021–2023"
[[program.cel]]
nazwa = "Cel"
[[program.cel.dzialanie]]
nazwa = "Działanie"
[[program.cel.dzialanie.wskaznik]]
kod = "wlasny.festyny"
etykieta = "Festyny rodzinne"
jednostka = "szt."
sql = "SELECT 1"
`

func testCfg(t *testing.T) *config.Config {
	t.Helper()
	c, err := config.Parse([]byte(testConfig), filepath.Join(t.TempDir(), "gpwr.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func testCatalog(t *testing.T) *partner.Catalog {
	t.Helper()
	cat, err := partner.LoadCatalog("")
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func val(t *testing.T, s *model.Set, code string) *int64 {
	t.Helper()
	ind, ok := s.Get(code)
	if !ok {
		t.Fatalf("%s missing", code)
	}
	return ind.Value
}

// A Windows-1250 CSV with semicolons, CRLF, money in złoty and brak danych.
func TestImportCSV(t *testing.T) {
	path := filepath.Join("testdata", "rok2021.csv")
	s, fs, err := Import(path, 2021, testCfg(t), testCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 0 {
		t.Fatalf("findings: %v", fs)
	}
	want := map[string]any{
		"asysta.rodziny": 14, "asysta.dzieci": 26, "asystenci.liczba": 1, "placowki.dzieci": nil,
		"rodziny_wspierajace.liczba": 0, "piecza.dzieci": 5, "piecza.koszt": 8607289, "niebieskie_karty.rodziny": nil,
		"praca_socjalna.rodziny": 118, "klienci.rodziny_z_dziecmi": 160, "wydatki.assistant.gmina": 4510000,
		"ppp.rodziny_wsparcie": 35,
	}
	if len(s.Indicators) != len(want) {
		t.Errorf("%d indicators, want %d", len(s.Indicators), len(want))
	}
	for code, w := range want {
		v := val(t, s, code)
		switch {
		case w == nil && v != nil:
			t.Errorf("%s = %d, want brak danych", code, *v)
		case w != nil && (v == nil || *v != int64(w.(int))):
			t.Errorf("%s = %v, want %v", code, v, w)
		}
	}
	ind, _ := s.Get("placowki.dzieci")
	if ind.Remark != "świetlica nie prowadziła ewidencji" || ind.Source != "rok2021.csv" || ind.Unit != model.UnitChildren {
		t.Errorf("placowki.dzieci: %+v", ind)
	}
	if ind, _ := s.Get("piecza.koszt"); ind.Unit != model.UnitMoney || ind.Label == "" || ind.From != model.D(2021, 1, 1) || ind.To != model.D(2021, 12, 31) {
		t.Errorf("piecza.koszt: %+v", ind)
	}
	raw, _ := os.ReadFile(path)
	sum := sha256.Sum256(raw)
	if len(s.Sources) != 1 || s.Sources[0].Kind != "wpis_reczny" || s.Sources[0].SHA256 != hex.EncodeToString(sum[:]) || s.Sources[0].Name != "rok2021.csv" {
		t.Errorf("sources: %+v", s.Sources)
	}
	if s.Period != model.YearPeriod(2021) {
		t.Errorf("period %+v", s.Period)
	}

	// Stored as typed in.
	a, _ := Open(t.TempDir())
	r, err := a.Store(s, Typed, "1", t0)
	if err != nil || r.Status != New || r.Entry.Origin != Typed {
		t.Fatalf("store: %+v %v", r, err)
	}
}

// The 4-column partner layout as XLSX, with meta rows, a program code, a
// partner-catalog code and amounts stored as numbers.
func TestImportXLSX(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"kod", "wskaźnik", "wartość", "uwagi"},
		{"meta.rodzaj", "Rodzaj instytucji", "ops", nil},
		{"meta.rok", "Rok sprawozdawczy", 2020, nil},
		{"meta.teryt", "Kod TERYT gminy", "2604033", nil},
		{"asysta.rodziny", "Rodziny z asystentem", 12, "ręcznie"},
		{"piecza.koszt", "Koszt pieczy", 86072.89, nil},
		{"wydatki.assistant", "Wydatki na asystenta", "12 000,5", nil},
		{nil, nil, nil, nil},
		{"wlasny.festyny", "Festyny", 3, nil},
		{"szkoly.prelekcje", "Prelekcje", "brak danych", "szkoła nie odpowiedziała"},
		{"szkoly.programy_opis", "Opis programów", "Program „Spójrz inaczej”.", nil},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "rok2020.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	s, fs, err := Import(path, 2020, testCfg(t), testCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 0 {
		t.Fatalf("findings: %v", fs)
	}
	for code, w := range map[string]int64{"asysta.rodziny": 12, "piecza.koszt": 8607289, "wydatki.assistant": 1200050, "wlasny.festyny": 3} {
		if v := val(t, s, code); v == nil || *v != w {
			t.Errorf("%s = %v, want %d", code, v, w)
		}
	}
	if v := val(t, s, "szkoly.prelekcje"); v != nil {
		t.Errorf("szkoly.prelekcje = %d, want brak danych", *v)
	}
	if ind, _ := s.Get("wlasny.festyny"); ind.Label != "Festyny rodzinne" || ind.Unit != model.UnitCount {
		t.Errorf("program code: %+v", ind)
	}
	if ind, _ := s.Get("szkoly.programy_opis"); ind.Text != "Program „Spójrz inaczej”." || ind.Value != nil || ind.Unit != model.UnitText {
		t.Errorf("text code: %+v", ind)
	}
	if _, ok := s.Get("meta.rok"); ok {
		t.Error("meta rows became indicators")
	}
}

// Every bad row is reported with file:line; the good rows are still read.
func TestImportBadRows(t *testing.T) {
	s, fs, err := Import(filepath.Join("testdata", "bledy.csv"), 2021, testCfg(t), testCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"bledy.csv:3: plik dotyczy roku \"2020\", a importowany jest rok 2021",
		"bledy.csv:5: nieznany kod \"asysta.rodzny\"; czy chodziło o \"asysta.rodziny\"?",
		"bledy.csv:6: kod asysta.dzieci: oczekiwano liczby całkowitej ≥ 0, „brak danych” albo pustej komórki, podano „dwadzieścia”",
		"bledy.csv:7: kod asystenci.liczba: liczba musi być całkowita, podano „1,5”; oczekiwano liczby całkowitej ≥ 0",
		"bledy.csv:8: kod placowki.dzieci: liczba nie może być ujemna, podano „-3”; oczekiwano liczby całkowitej ≥ 0",
		"bledy.csv:10: kod asysta.rodziny powtórzony (pierwszy raz w wierszu 9); każdy wskaźnik może wystąpić tylko raz",
		"bledy.csv:11: kod piecza.koszt: kwota może mieć najwyżej 2 miejsca po przecinku (grosze), podano „1.234,567”",
		"bledy.csv:12: brak kodu wskaźnika w kolumnie „kod”",
		"bledy.csv:13: nieznany kod \"zupelnie.cos_innego\"; dozwolone są kody wskaźników z umowy danych, programu gminy i katalogu partnerów",
	}
	var got []string
	for _, f := range fs {
		if f.Severity != model.Error || f.Check != CheckImport {
			t.Errorf("finding %+v", f)
		}
		got = append(got, f.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\n\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if v := val(t, s, "praca_socjalna.rodziny"); v == nil || *v != 118 {
		t.Errorf("good row after bad ones: %v", v)
	}
	if v := val(t, s, "asysta.rodziny"); *v != 14 {
		t.Errorf("duplicate overwrote the first value: %d", *v)
	}
}

func TestImportFileErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o644)
		return p
	}
	cases := []struct {
		path string
		year int
		want string
	}{
		{filepath.Join(dir, "nie-ma.csv"), 2021, "nie-ma.csv: nie ma takiego pliku"},
		{write("pusty.csv", "\n\n"), 2021, "pusty.csv: plik jest pusty"},
		{write("naglowek.csv", "code;value\nasysta.rodziny;3\n"), 2021, "naglowek.csv:1: oczekiwano nagłówka kod;wartosc;uwagi"},
		{write("dane.ods", "x"), 2021, "dane.ods: nieobsługiwany rodzaj pliku"},
		{write("zly.xlsx", "to nie zip"), 2021, "zly.xlsx: nie można otworzyć pliku XLSX"},
		{write("rok.csv", "kod;wartosc\n"), 21, "nieprawidłowy rok 21"},
		{write("pesel.csv", "kod;wartosc;uwagi\nasysta.rodziny;3;\nasysta.dzieci;5;dziecko 44051401458\n"), 2021, "pesel.csv:3: plik zawiera numer PESEL"},
		{dir, 2021, dir + ": nie można odczytać pliku: to jest katalog; podaj plik CSV albo XLSX"},
	}
	for _, tc := range cases {
		_, _, err := Import(tc.path, tc.year, testCfg(t), nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", filepath.Base(tc.path), err, tc.want)
		}
	}
}

func TestParseValue(t *testing.T) {
	cases := []struct {
		in    string
		money bool
		xlsx  bool
		want  int64 // -1 = nil, -2 = error
	}{
		{"15", false, false, 15}, {" 1 234 ", false, false, 1234}, {"12\u00a0345", false, false, 12345},
		{"12,00", false, false, 12}, {"", false, false, -1}, {"Brak danych", false, false, -1}, {"b.d.", false, false, -1},
		{"86 072,89", true, false, 8607289}, {"86072.89", true, false, 8607289}, {"86 072,89 zł", true, false, 8607289},
		{"0,5", true, false, 50}, {"100", true, false, 10000}, {"86072.890000000001", true, true, 8607289},
		{"86072.895", true, true, -2}, {"86072.891", true, false, -2}, {"1,5", false, false, -2}, {"−3", false, false, -2},
		{"12a", false, false, -2}, {",5", true, false, -2}, {"5,", true, false, -2},
	}
	for _, tc := range cases {
		v, err := parseValue(tc.in, tc.money, tc.xlsx)
		switch {
		case tc.want == -2:
			if err == nil {
				t.Errorf("%q: %v, want an error", tc.in, *v)
			}
		case err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case tc.want == -1 && v != nil:
			t.Errorf("%q = %d, want brak danych", tc.in, *v)
		case tc.want >= 0 && (v == nil || *v != tc.want):
			t.Errorf("%q = %v, want %d", tc.in, v, tc.want)
		}
	}
}
