package cas

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
)

// ---------------------------------------------------------------- fixtures

func half(t *testing.T, y, h int) model.Period {
	t.Helper()
	p, err := model.HalfPeriod(y, h)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func setOf(p model.Period, vals map[string]int64) *model.Set {
	s := &model.Set{Period: p}
	for code, v := range vals {
		u := model.UnitCount
		if strings.HasPrefix(code, "wydatki.") || strings.HasPrefix(code, "piecza.koszt") || strings.HasPrefix(code, "k.") {
			u = model.UnitMoney
		}
		s.Add(model.Indicator{Code: code, Value: model.Int(v), Unit: u, From: p.From, To: p.To, Source: model.SourceOPS})
	}
	s.Sort()
	return s
}

// sampleValues is a consistent half-year (2025 H1) of a small gmina, except:
// rodziny_wspierajace.rodziny_objete is missing (brak danych), and the
// expenditure's whole-złoty rounding makes row E 1 differ by 1 zł from its
// "z tego" rows although the grosze add up.
func sampleValues() map[string]int64 {
	v := map[string]int64{
		"asystenci.liczba": 3, "asystenci.liczba.umowa_o_prace": 2, "asystenci.liczba.umowa_uslugi": 1, "asystenci.liczba.inne": 0,
		"asysta.rodziny": 28, "asysta.rodziny_sad": 4, "asysta.rodziny_za_zyciem": 2, "asysta.rodziny_koniec_okresu": 21,
		"asysta.dzieci": 61, "asysta.zakonczone": 7, "asysta.zakonczone.cel_osiagniety": 3, "asysta.zakonczone.rezygnacja": 2,
		"asysta.zakonczone.brak_efektow": 1, "asysta.zakonczone.inne": 1, "asysta.limit_przekroczony": 0,
		"placowki.liczba": 2, "placowki.liczba.care": 1, "placowki.liczba.specialist": 0, "placowki.liczba.street": 0, "placowki.liczba.mixed": 1,
		"placowki.miejsca": 45, "placowki.miejsca.care": 25, "placowki.miejsca.specialist": 0, "placowki.miejsca.street": 0, "placowki.miejsca.mixed": 20,
		"placowki.dzieci":            38,
		"rodziny_wspierajace.liczba": 1,
		"piecza.dzieci":              6, "piecza.dzieci.10": 2, "piecza.dzieci.30": 3, "piecza.dzieci.50": 2,
		"piecza.koszt": 4812399, "piecza.koszt.10": 612349, "piecza.koszt.30": 1800050, "piecza.koszt.50": 2400000,
	}
	spend := map[string][4]int64{ // gmina, state_budget, eu, other
		"assistant":          {9876550, 2000000, 0, 0},
		"assistant_training": {150000, 0, 0, 0},
		"day_centre":         {1800000, 0, 1200000, 0},
		"supporting_family":  {50000, 0, 0, 0},
		"foster_care":        {4812399, 0, 0, 0},
		"other":              {0, 0, 0, 0},
	}
	for task, s := range spend {
		var tot int64
		for i, src := range []string{"gmina", "state_budget", "eu", "other"} {
			v["wydatki."+task+"."+src] = s[i]
			tot += s[i]
		}
		v["wydatki."+task] = tot
	}
	return v
}

func testConfig() *config.Config {
	c := &config.Config{}
	c.Gmina.Nazwa = "Chmielnik"
	c.Gmina.Teryt = "2604033"
	c.OPS.Nazwa = "Miejsko-Gminny Ośrodek Pomocy Społecznej w Chmielniku"
	c.OPS.Adres = "ul. A. Dygasińskiego 12, 26-020 Chmielnik"
	c.OPS.Kierownik = "mgr Ewelina Skuza"
	c.OPS.Stanowisko = "Dyrektor"
	c.OPS.Sporzadzil = "Łucja Żółkiewska, starszy pracownik socjalny"
	c.Ustawienia.LimitRodzinAsystenta = 15
	c.Ustawienia.ProgZmianyProcent = 30
	return c
}

func builtin(t *testing.T, p model.Period) *Form {
	t.Helper()
	f, err := LoadForm(p, "")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func findingsAt(fs []model.Finding, check, place string) []model.Finding {
	var out []model.Finding
	for _, f := range fs {
		if f.Check == check && (place == "" || f.Place == place) {
			out = append(out, f)
		}
	}
	return out
}

// ---------------------------------------------------------------- loading

func TestBuiltinFormsAreValidAndSelectedByPeriod(t *testing.T) {
	forms, err := BuiltinForms()
	if err != nil {
		t.Fatalf("wbudowana definicja ma błąd: %v", err)
	}
	if len(forms) == 0 {
		t.Fatal("no built-in form")
	}
	f := builtin(t, half(t, 2025, 1))
	if f.ID != "gmina-wspieranie-rodziny-2019" || f.Source != "wbudowany: 2019.toml" {
		t.Errorf("picked %s from %s", f.ID, f.Source)
	}
	// Every contract area the issue asks for is on the form.
	codes := map[string]bool{}
	for _, s := range f.Sections {
		for _, r := range s.Rows {
			if r.Status != Unconfirmed {
				t.Errorf("row %s %s: status %q, but nothing could be confirmed", s.Symbol, r.Lp, r.Status)
			}
			for _, c := range r.Cells {
				for _, code := range c.Codes {
					codes[code] = true
				}
			}
		}
	}
	for _, want := range []string{
		"asystenci.liczba.umowa_o_prace", "asystenci.liczba.umowa_uslugi", "asystenci.liczba.inne",
		"asysta.rodziny", "asysta.rodziny_sad", "asysta.rodziny_za_zyciem", "asysta.dzieci",
		"asysta.zakonczone.cel_osiagniety", "asysta.zakonczone.rezygnacja", "asysta.zakonczone.brak_efektow", "asysta.zakonczone.inne",
		"placowki.liczba.care", "placowki.miejsca.street", "placowki.dzieci",
		"rodziny_wspierajace.liczba", "rodziny_wspierajace.rodziny_objete",
		"piecza.dzieci.10", "piecza.dzieci.30", "piecza.dzieci.50", "piecza.koszt.10", "piecza.koszt.30", "piecza.koszt.50",
		"wydatki.assistant.gmina", "wydatki.day_centre.eu", "wydatki.foster_care.state_budget", "wydatki.other.other",
	} {
		if !codes[want] {
			t.Errorf("the form has no cell for %s", want)
		}
	}
	// Both halves of later years use the same form; before it there is none.
	if _, err := LoadForm(half(t, 2026, 2), ""); err != nil {
		t.Errorf("2026 H2: %v", err)
	}
	if _, err := LoadForm(half(t, 2018, 2), ""); !errors.Is(err, ErrNoForm) {
		t.Errorf("2018 H2: want ErrNoForm, got %v", err)
	}
	if _, err := LoadForm(model.YearPeriod(2025), ""); err == nil || !strings.Contains(err.Error(), "półrocze") {
		t.Errorf("a year period must be refused in Polish, got %v", err)
	}
}

// miniForm is a definition with known sums used by the rule tests.
const miniForm = `form = "test"
title = "Formularz testowy"
basis = "test"
valid_from = 2019-01-01

[[section]]
symbol = "T"
title = "Test"

[[section.column]]
no = 1
header = "Liczba"
unit = "liczba"

[[section.column]]
no = 2
header = "Kwota A"
unit = "zł"

[[section.column]]
no = 3
header = "Kwota B"
unit = "zł"

[[section.column]]
no = 4
header = "Razem"
unit = "zł"
sum_of = [2, 3]

[[section.row]]
lp = "1"
label = "Ogółem"
kind = "flow"
status = "potwierdzony"
cells = ["t.n", "k.ta", "k.tb", "k.ts"]

[[section.row]]
lp = "1.1"
label = "z tego: pierwsze"
kind = "flow"
relation = "z tego"
status = "potwierdzony"
cells = ["c1.n", "k.c1a", "k.c1b", "k.c1a + k.c1b"]

[[section.row]]
lp = "1.2"
label = "drugie"
kind = "flow"
relation = "z tego"
status = "potwierdzony"
cells = ["c2.n", "k.c2a", "k.c2b", "k.c2a + k.c2b"]

[[section.row]]
lp = "1.3"
label = "w tym: szczególne"
kind = "stock"
relation = "w tym"
status = "potwierdzony"
cells = ["w.n", "X", "X", "X"]
`

func miniValues() map[string]int64 {
	return map[string]int64{
		"t.n": 10, "c1.n": 6, "c2.n": 4, "w.n": 3,
		"k.ta": 150000, "k.tb": 50000, "k.ts": 200000,
		"k.c1a": 100000, "k.c1b": 20000,
		"k.c2a": 50000, "k.c2b": 30000,
	}
}

func TestRules(t *testing.T) {
	form, err := ParseForm([]byte(miniForm), "mini.toml")
	if err != nil {
		t.Fatal(err)
	}
	p := half(t, 2025, 1)
	ruleChecks := map[string]bool{CheckOf: true, CheckIncluding: true, CheckColumns: true, CheckRounding: true, CheckMissing: true, CheckWhole: true, CheckUnit: true, CheckNegative: true}
	type want struct {
		check, place string
		sev          model.Severity
		msg          string
	}
	cases := []struct {
		name   string
		change func(v map[string]int64)
		unit   map[string]model.Unit
		want   []want
	}{
		{name: "consistent", change: func(map[string]int64) {}},
		{name: "z tego count broken", change: func(v map[string]int64) { v["c1.n"] = 7 },
			want: []want{{CheckOf, "Dział T, Lp. 1, kol. 1", model.Error, "wiersz 1 (10) nie jest równy sumie wierszy „z tego” 1.1 i 1.2 (11); różnica −1"}}},
		{name: "w tym exceeds parent", change: func(v map[string]int64) { v["w.n"] = 11 },
			want: []want{{CheckIncluding, "Dział T, Lp. 1.3, kol. 1", model.Error, "wiersz 1.3 (11) jest większy niż wiersz 1 (10)"}}},
		{name: "w tym equal to parent is fine", change: func(v map[string]int64) { v["w.n"] = 10 }},
		{name: "z tego money broken", change: func(v map[string]int64) { v["k.c2a"] = 60000; v["k.ts"] = 200000 },
			want: []want{{CheckOf, "Dział T, Lp. 1, kol. 2", model.Error, "różnica −100\u00a0zł"},
				{CheckOf, "Dział T, Lp. 1, kol. 4", model.Error, "różnica −100\u00a0zł"}}},
		{name: "money adds up in grosze, not in whole złoty", change: func(v map[string]int64) {
			v["k.ta"], v["k.c1a"], v["k.c2a"] = 100, 50, 50 // 1,00 = 0,50 + 0,50 → 1 ≠ 1 + 1
			v["k.ts"] = 100 + 50000
		},
			want: []want{
				{CheckRounding, "Dział T, Lp. 1, kol. 2", model.Warning, "suma wierszy „z tego” 1.1 i 1.2 (2\u00a0zł) różni się od wiersza 1 (1\u00a0zł) o 1\u00a0zł, choć kwoty w groszach się zgadzają"},
				{CheckRounding, "Dział T, Lp. 1, kol. 4", model.Warning, "(502\u00a0zł) różni się od wiersza 1 (501\u00a0zł)"},
			}},
		{name: "ogółem column is not the sum of its columns", change: func(v map[string]int64) { v["k.ts"] = 210000 },
			want: []want{{CheckColumns, "Dział T, Lp. 1, kol. 4", model.Error, "kolumna 4 (2100\u00a0zł) nie jest równa sumie kolumn 2, 3 (2000\u00a0zł)"},
				{CheckOf, "Dział T, Lp. 1, kol. 4", model.Error, "różnica +100\u00a0zł"}}},
		{name: "missing child skips the sum and says brak danych", change: func(v map[string]int64) { delete(v, "c1.n") },
			want: []want{{CheckMissing, "Dział T, Lp. 1.1, kol. 1", model.Warning, "brak danych (brak wartości wskaźnika c1.n)"}}},
		{name: "money in a count cell is not a whole number", change: func(map[string]int64) {}, unit: map[string]model.Unit{"w.n": model.UnitMoney},
			want: []want{{CheckWhole, "Dział T, Lp. 1.3, kol. 1", model.Error, "wymaga liczby całkowitej"}}},
		{name: "count in a money cell", change: func(map[string]int64) {}, unit: map[string]model.Unit{"k.c1b": model.UnitCount},
			want: []want{
				{CheckUnit, "Dział T, Lp. 1.1, kol. 3", model.Error, "nie jest kwotą"},
				{CheckUnit, "Dział T, Lp. 1.1, kol. 4", model.Error, "nie jest kwotą"},
			}},
		{name: "negative", change: func(v map[string]int64) { v["w.n"] = -1 },
			want: []want{{CheckNegative, "Dział T, Lp. 1.3, kol. 1", model.Error, "wartość ujemna (−1)"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := miniValues()
			tc.change(v)
			s := setOf(p, v)
			for code, u := range tc.unit {
				ind, _ := s.Get(code)
				ind.Unit = u
				s.Add(ind)
			}
			got := Check(Compute(form, s), nil, testConfig(), model.Date{})
			var rules []model.Finding
			for _, f := range got {
				if ruleChecks[f.Check] {
					rules = append(rules, f)
				}
			}
			if len(rules) != len(tc.want) {
				t.Fatalf("want %d findings, got %d:\n%v", len(tc.want), len(rules), rules)
			}
			for i, w := range tc.want {
				g := rules[i]
				if g.Check != w.check || g.Place != w.place || g.Severity != w.sev || !strings.Contains(g.Message, w.msg) {
					t.Errorf("finding %d:\n got  %s %s %s: %s\n want %s %s %s: …%s…", i, g.Severity, g.Check, g.Place, g.Message, w.sev, w.check, w.place, w.msg)
				}
			}
		})
	}
}

func TestComputeCells(t *testing.T) {
	p := half(t, 2025, 1)
	f := builtin(t, p)
	v := sampleValues()
	filled := Compute(f, setOf(p, v))
	get := func(sym, lp string, col int) Cell {
		for _, s := range filled.Sections {
			if s.Section.Symbol != sym {
				continue
			}
			for _, r := range s.Rows {
				if r.Row.Lp == lp {
					return r.Cells[col-1]
				}
			}
		}
		t.Fatalf("no cell %s %s %d", sym, lp, col)
		return Cell{}
	}
	shown := func(c Cell) string { return cellText(c) }
	checks := []struct {
		sym, lp string
		col     int
		want    string
	}{
		{"A", "1", 1, "3"},
		{"A", "2.2", 1, "2"},
		{"B", "2", 2, "X"},
		{"C", "2", 1, "brak danych"},   // missing is never 0
		{"D", "1.1", 2, "6123"},        // 6 123,49 zł → 6 123
		{"D", "1.2", 2, "18\u00a0001"}, // 18 000,50 zł → 18 001 (half up)
		{"D", "1", 2, "48\u00a0124"},
		{"E", "1", 1, "198\u00a0889"}, // sum of the six task totals: 198 889,49 zł
		{"E", "1", 4, "12\u00a0000"},  // EU: one task
		{"E", "1.1", 2, "98\u00a0766"},
	}
	for _, c := range checks {
		if got := shown(get(c.sym, c.lp, c.col)); got != c.want {
			t.Errorf("%s %s kol. %d = %q, want %q", c.sym, c.lp, c.col, got, c.want)
		}
	}
	// A sum with one missing term is brak danych, not a partial sum.
	delete(v, "wydatki.other.eu")
	filled = Compute(f, setOf(p, v))
	if got := shown(get("E", "1", 4)); got != "brak danych" {
		t.Errorf("partial sum printed as %q", got)
	}
}

func TestChangeAgainstLastYear(t *testing.T) {
	p := half(t, 2025, 1)
	f := builtin(t, p)
	now := sampleValues()
	prev := sampleValues()
	prev["asysta.rodziny"] = 18               // 28 vs 18: +55,6 % → flagged
	prev["asysta.dzieci"] = 55                // 61 vs 55: +10,9 % → not
	prev["asystenci.liczba.umowa_uslugi"] = 2 // 1 vs 2: −50 % but tiny base → not
	prev["placowki.dzieci"] = 4               // 38 vs 4: the larger value reaches the base → flagged (the rule of yoy.Judge)
	prev["wydatki.day_centre.eu"] = 500000    // 12 000 zł vs 5 000 zł → flagged
	prevSet := setOf(half(t, 2024, 1), prev)
	got := findingsAt(Check(Compute(f, setOf(p, now)), prevSet, testConfig(), model.Date{}), CheckChange, "")
	places := map[string]string{}
	for _, g := range got {
		places[g.Place] = g.Message
	}
	if m, ok := places["Dział A, Lp. 2, kol. 1"]; !ok || !strings.Contains(m, "28 wobec 18 w tym samym półroczu 2024 r. (zmiana +55,6\u00a0%, próg 30\u00a0%)") {
		t.Errorf("A 2: %q", m)
	}
	if _, ok := places["Dział E, Lp. 1.3, kol. 4"]; !ok {
		t.Errorf("E 1.3 kol. 4 not flagged")
	}
	if m := places["Dział B, Lp. 2, kol. 1"]; !strings.Contains(m, "38 wobec 4 w tym samym półroczu 2024 r. (zmiana +850,0\u00a0%, próg 30\u00a0%)") {
		t.Errorf("B 2: %q", m)
	}
	for _, no := range []string{"Dział A, Lp. 3, kol. 1", "Dział A, Lp. 1.2, kol. 1"} {
		if m, ok := places[no]; ok {
			t.Errorf("%s flagged: %s", no, m)
		}
	}
	// Threshold from the configuration.
	cfg := testConfig()
	cfg.Ustawienia.ProgZmianyProcent = 60
	if got := findingsAt(Check(Compute(f, setOf(p, now)), prevSet, cfg, model.Date{}), CheckChange, "Dział A, Lp. 2, kol. 1"); len(got) != 0 {
		t.Errorf("60 %% threshold still flags +55,6 %%: %v", got)
	}
}

func TestDeadline(t *testing.T) {
	f := builtin(t, half(t, 2025, 1))
	cases := []struct {
		half  int
		today model.Date
		want  string
	}{
		{1, model.D(2025, 6, 15), "półrocze trwa do 2025-06-30"},
		{1, model.D(2025, 7, 20), "termin złożenia sprawozdania w CAS: 2025-07-31 (zostało 11\u00a0dni)"},
		{1, model.D(2025, 7, 29), "(zostały 2\u00a0dni)"},
		{1, model.D(2025, 7, 30), "(został 1\u00a0dzień)"},
		{1, model.D(2025, 7, 31), "dziś (2025-07-31) mija termin"},
		{1, model.D(2025, 8, 2), "termin złożenia sprawozdania w CAS upłynął 2025-07-31 (2\u00a0dni temu)"},
		{2, model.D(2026, 1, 10), "2026-01-31 (zostało 21\u00a0dni)"},
		{2, model.D(2026, 2, 1), "upłynął 2026-01-31 (1\u00a0dzień temu)"},
	}
	for _, tc := range cases {
		p := half(t, 2025, tc.half)
		got := findingsAt(Check(Compute(f, setOf(p, sampleValues())), nil, testConfig(), tc.today), CheckDeadline, "")
		if len(got) != 1 || !strings.Contains(got[0].Message, tc.want) {
			t.Errorf("H%d on %s: got %v, want …%s…", tc.half, tc.today, got, tc.want)
		}
	}
}

func TestCaseloadAndShareFromTheSet(t *testing.T) {
	p := half(t, 2025, 2)
	f := builtin(t, p)
	v := sampleValues()
	v["asysta.limit_przekroczony"] = 3
	v["piecza.udzial_niezgodny"] = 2
	s := setOf(p, v)
	s.Findings = append(s.Findings, model.Finding{Severity: model.Warning, Check: "asysta.limit", Place: "asystent A2, 2025-09-01", Message: "16 rodzin"})
	got := Check(Compute(f, s), nil, testConfig(), model.Date{})
	lim := findingsAt(got, CheckCaseload, "Dział A, Lp. 2, kol. 1")
	if len(lim) != 1 || !strings.Contains(lim[0].Message, "przez 3\u00a0dni półrocza") || !strings.Contains(lim[0].Message, "dopuszcza limit 15") {
		t.Errorf("caseload: %v", lim)
	}
	sh := findingsAt(got, CheckShare, "Dział D, Lp. 1, kol. 2")
	if len(sh) != 1 || !strings.Contains(sh[0].Message, "2\u00a0obciążenia") {
		t.Errorf("share: %v", sh)
	}
	// No limit problem: no finding.
	if got := findingsAt(Check(Compute(f, setOf(p, sampleValues())), nil, testConfig(), model.Date{}), CheckCaseload, ""); len(got) != 0 {
		t.Errorf("caseload without excess: %v", got)
	}
}

// ---------------------------------------------------------------- definition errors

func TestDefinitionErrors(t *testing.T) {
	line := func(substr string) int { // line of the first occurrence in miniForm
		i := strings.Index(miniForm, substr)
		return strings.Count(miniForm[:i], "\n") + 1
	}
	rowLine := func(n int) int { // line of the n-th [[section.row]] (1-based)
		idx := 0
		for k := 0; k < n; k++ {
			j := strings.Index(miniForm[idx:], "[[section.row]]")
			idx += j + 1
		}
		return strings.Count(miniForm[:idx-1], "\n") + 1
	}
	cases := []struct {
		name, from, to string
		want           string
	}{
		{"bad lp", `lp = "1.2"`, `lp = "1,2"`, "mini.toml:%d: Dział T, wiersz Lp. 1,2: Lp. musi mieć postać 1, 1.1 albo 1.1.1"},
		{"orphan", `lp = "1.2"`, `lp = "2.2"`, "mini.toml:%d: Dział T, wiersz Lp. 2.2: brak wiersza nadrzędnego Lp. 2"},
		{"cell count", `cells = ["c2.n", "k.c2a", "k.c2b", "k.c2a + k.c2b"]`, `cells = ["c2.n", "k.c2a"]`, "mini.toml:%d: Dział T, wiersz Lp. 1.2: oczekiwano 4 komórek"},
		{"bad code", `"k.c2a + k.c2b"]`, `"k.c2a - k.c2b"]`, "mini.toml:%d: Dział T, wiersz Lp. 1.2, kolumna 4: \"k.c2a - k.c2b\" nie jest kodem wskaźnika"},
		{"bad relation", "relation = \"z tego\"\nstatus = \"potwierdzony\"\ncells = [\"c2.n\"", "relation = \"z tym\"\nstatus = \"potwierdzony\"\ncells = [\"c2.n\"", "mini.toml:%d: Dział T, wiersz Lp. 1.2: relation musi być \"z tego\" albo \"w tym\""},
		{"bad kind", `kind = "stock"`, `kind = "stan"`, "mini.toml:%d: Dział T, wiersz Lp. 1.3: kind musi być \"stock\""},
		{"bad status", "status = \"potwierdzony\"\ncells = [\"w.n\"", "status = \"sprawdzony\"\ncells = [\"w.n\"", "mini.toml:%d: Dział T, wiersz Lp. 1.3: status musi być \"niepotwierdzony\" albo \"potwierdzony\""},
	}
	rowOf := map[string]int{"bad lp": 3, "orphan": 3, "cell count": 3, "bad code": 3, "bad relation": 3, "bad kind": 4, "bad status": 4}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(miniForm, tc.from, tc.to, 1)
			if src == miniForm {
				t.Fatalf("fixture: %q not found", tc.from)
			}
			_, err := ParseForm([]byte(src), "mini.toml")
			var de *DefinitionError
			if !errors.As(err, &de) {
				t.Fatalf("want DefinitionError, got %v", err)
			}
			want := strings.Replace(tc.want, "%d", itoa(rowLine(rowOf[tc.name])), 1)
			if !strings.Contains(err.Error(), want) {
				t.Errorf("got  %s\nwant %s", err, want)
			}
		})
	}
	// Column and file-level problems.
	for _, tc := range []struct{ from, to, want string }{
		{"unit = \"liczba\"", "unit = \"sztuki\"", "mini.toml:" + itoa(line("unit = \"liczba\"")-3) + ": Dział T, kolumna 1: unit musi być \"liczba\" albo \"zł\""},
		{"sum_of = [2, 3]", "sum_of = [2, 9]", "Dział T, kolumna 4: sum_of wskazuje kolumnę 9"},
		{"valid_from = 2019-01-01\n", "", "mini.toml: brak daty, od której formularz obowiązuje"},
		{"title = \"Test\"", "title = \"Test\"\ntitel = \"x\"", "mini.toml: nieznany klucz section.titel (literówka?)"},
		{"[[section.row]]\nlp = \"1\"", "[[section.row]\nlp = \"1\"", "mini.toml:" + itoa(rowLine(1)) + ": błąd składni TOML"},
	} {
		src := strings.Replace(miniForm, tc.from, tc.to, 1)
		_, err := ParseForm([]byte(src), "mini.toml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q → %q:\n got  %v\n want …%s…", tc.from, tc.to, err, tc.want)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestOverrideDirectory(t *testing.T) {
	dir := t.TempDir()
	own := strings.Replace(miniForm, `valid_from = 2019-01-01`, `valid_from = 2025-01-01`, 1)
	if err := os.WriteFile(filepath.Join(dir, "moj.toml"), []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := LoadForm(half(t, 2025, 1), dir)
	if err != nil {
		t.Fatal(err)
	}
	if f.ID != "test" || !strings.HasSuffix(f.Source, "moj.toml") {
		t.Errorf("override not used: %s %s", f.ID, f.Source)
	}
	// A period the override does not cover falls back to the built-in form.
	f, err = LoadForm(half(t, 2024, 2), dir)
	if err != nil || f.ID != "gmina-wspieranie-rodziny-2019" {
		t.Errorf("2024 H2: %v %v", f, err)
	}
	// A missing directory is no override; a broken file is an error, never skipped.
	if _, err := LoadForm(half(t, 2025, 1), filepath.Join(dir, "nie-ma")); err != nil {
		t.Errorf("missing override dir: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "zly.toml"), []byte("form = \"x\"\n[[section]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadForm(half(t, 2025, 1), dir); err == nil || !strings.Contains(err.Error(), "zly.toml:2: błąd składni TOML") {
		t.Errorf("broken override: %v", err)
	}
}

func TestOverrideDirFromConfig(t *testing.T) {
	if got := OverrideDir(nil); got != "" {
		t.Errorf("nil config: %q", got)
	}
	c := testConfig()
	c.Dir = "/etc/gpwr"
	c.Zrodla.Szablony = "szablony"
	if got := OverrideDir(c); got != filepath.Join("/etc/gpwr", "szablony", "cas") {
		t.Errorf("got %q", got)
	}
}
