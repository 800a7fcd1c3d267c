package run

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gpwr/gpwr/collectors/ops"
	"github.com/gpwr/gpwr/collectors/partner"
	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/samples"
)

// sampleGmina extracts the samples and loads their records into SQLite.
func sampleGmina(t *testing.T) (work string, cfg *config.Config, db string) {
	t.Helper()
	work = t.TempDir()
	if err := samples.Extract(work); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(filepath.Join(work, "gmina.toml"))
	if err != nil {
		t.Fatal(err)
	}
	env, _, _ := testEnv()
	db = "sqlite:" + filepath.Join(work, "ops.db")
	if err := DBLoad(env, db, "", filepath.Join(work, "ops"), false); err != nil {
		t.Fatal(err)
	}
	return work, cfg, db
}

// TestProgramFindings: a programme indicator nothing provides is named with
// its place in the config and the nearest known code; built-in, partner and
// SQL indicators pass.
func TestProgramFindings(t *testing.T) {
	cat, err := partner.LoadCatalog("")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{Path: "/gmina/gmina.toml", Program: config.Program{Cele: []config.Cel{{Nazwa: "Cel", Dzialania: []config.Dzialanie{{Nazwa: "D", Wskazniki: []config.Wskaznik{
		{Kod: "asysta.rodziny"},
		{Kod: "ppp.porady"},
		{Kod: "gmina.wlasny", Etykieta: "Własny", SQL: "SELECT 1"},
		{Kod: "asysta.rodzinyy"},
		{Kod: "zupelnie.nic_takiego_nie_ma_w_ogole"},
	}}}}}}}
	set := &model.Set{Indicators: []model.Indicator{{Code: "asysta.rodziny"}}}
	fs := programFindings(cfg, cat, set)
	if len(fs) != 2 {
		t.Fatalf("want 2 findings, got %v", fs)
	}
	want := []string{
		"gmina.toml, [program] cel 1, działanie 1, wskaźnik 4: nieznany kod wskaźnika „asysta.rodzinyy”: nie jest wskaźnikiem z danych OPS za ten okres, kodem z formularza partnera ani własnym zapytaniem SQL (sql = …), więc w sprawozdaniu będzie „brak danych”; czy chodziło o asysta.rodziny?",
		"gmina.toml, [program] cel 1, działanie 1, wskaźnik 5: nieznany kod wskaźnika „zupelnie.nic_takiego_nie_ma_w_ogole”",
	}
	for i, w := range want {
		if !strings.HasPrefix(fs[i].String(), w) || fs[i].Severity != model.Warning {
			t.Errorf("got  %s (%s)\nwant %s", fs[i], fs[i].Severity, w)
		}
	}
}

// TestCheckNamesUnknownProgramCode runs `gpwr check` on the samples with a
// typo in the programme: it is listed, as a warning.
func TestCheckNamesUnknownProgramCode(t *testing.T) {
	_, cfg, db := sampleGmina(t)
	cfg.Program.Cele[0].Dzialania[0].Wskazniki[1].Kod = "praca_socjalna.osobyy"
	env, out, errb := testEnv()
	if err := Check(env, CheckOptions{Sources: Sources{Cfg: cfg, DB: db}, Year: 2025}); err != nil {
		t.Fatalf("%v\n%s", err, errb)
	}
	if !strings.Contains(out.String(), "uwaga: gmina.toml, [program] cel 1, działanie 1, wskaźnik 2: nieznany kod wskaźnika „praca_socjalna.osobyy”") ||
		!strings.Contains(out.String(), "czy chodziło o praca_socjalna.osoby?") {
		t.Errorf("check does not name the unknown programme code:\n%s", out)
	}
}

// TestReportFlatPartnerDir: with the returns of the year in a flat directory
// (zwroty = "zwroty/2025", as in DATA-CONTRACT.md §5, or --partners DIR), the
// earlier years computed from the records do not read those files as theirs.
func TestReportFlatPartnerDir(t *testing.T) {
	work, cfg, db := sampleGmina(t)
	cfg.Zrodla.Zwroty = filepath.Join(work, "zwroty", "2025")
	env, _, errb := testEnv()
	if err := Report(env, ReportOptions{Sources: Sources{Cfg: cfg, DB: db}, Year: 2025, Out: filepath.Join(work, "out")}); err != nil {
		t.Fatalf("report with a flat returns directory: %v\n%s", err, errb)
	}
	// --partners with a flat directory not named after the year.
	flat := filepath.Join(work, "zwroty-biezace")
	os.Rename(filepath.Join(work, "zwroty", "2025"), flat)
	cfg.Zrodla.Archiwum = filepath.Join(work, "archiwum2")
	env, _, errb = testEnv()
	if err := Report(env, ReportOptions{Sources: Sources{Cfg: cfg, DB: db, Partners: flat}, Year: 2025, Out: filepath.Join(work, "out2")}); err != nil {
		t.Fatalf("report with --partners flat: %v\n%s", err, errb)
	}
}

// TestPartnersDirLayout: a directory laid out by year without a folder for
// the year means no returns, not the other years' folders and files.
func TestPartnersDirLayout(t *testing.T) {
	base := t.TempDir()
	os.MkdirAll(filepath.Join(base, "2024"), 0o755)
	os.WriteFile(filepath.Join(base, "README.md"), []byte("x"), 0o644)
	s := Sources{Partners: base}
	if d, _ := s.partnersDir(2024); d != filepath.Join(base, "2024") {
		t.Errorf("2024: %s", d)
	}
	if d, _ := s.partnersDir(2025); d != filepath.Join(base, "2025") {
		t.Errorf("2025 without its folder: %s, want the (missing) year folder", d)
	}
	flat := t.TempDir()
	s = Sources{Partners: flat}
	if d, _ := s.partnersDir(2025); d != flat {
		t.Errorf("flat: %s", d)
	}
	if h := s.ofYear(2022); h.Partners != "" || (h.Cfg != nil && h.Cfg.Zrodla.Zwroty != "") {
		t.Errorf("an earlier year must not read the flat directory: %+v", h)
	}
}

// TestFuturePeriodRefused: a report or CAS return for a period that has not
// begun is a usage error, and nothing is archived.
func TestFuturePeriodRefused(t *testing.T) {
	work, cfg, db := sampleGmina(t)
	cfg.Zrodla.Archiwum = filepath.Join(work, "arch")
	env, _, _ := testEnv() // today: 2026-03-02
	err := Report(env, ReportOptions{Sources: Sources{Cfg: cfg, DB: db}, Year: 2027, Out: filepath.Join(work, "o")})
	if !IsUsage(err) || err.Error() != "okres 01.01.2027\u00a0r. – 31.12.2027\u00a0r. jeszcze się nie rozpoczął (dziś jest 02.03.2026\u00a0r.); sprawozdanie sporządza się za okres, który trwa albo już się zakończył" {
		t.Errorf("report 2027: %v", err)
	}
	err = CAS(env, CASOptions{Sources: Sources{Cfg: cfg, DB: db}, Year: 2026, Half: 2, Out: filepath.Join(work, "o")})
	if !IsUsage(err) || !strings.Contains(err.Error(), "01.07.2026") {
		t.Errorf("CAS 2026 H2: %v", err)
	}
	if _, err := os.Stat(filepath.Join(work, "arch")); err == nil {
		t.Error("a refused future period touched the archive")
	}
}

// TestCompareWithoutData: years neither archived nor covered by the records
// fail with one message, instead of an empty comparison.
func TestCompareWithoutData(t *testing.T) {
	work, cfg, db := sampleGmina(t)
	cfg.Zrodla.Archiwum = filepath.Join(work, "arch")
	env, _, _ := testEnv()
	err := Compare(env, CompareOptions{Sources: Sources{Cfg: cfg, DB: db}, Years: []int{2010, 2011, 2012}, Out: filepath.Join(work, "o")})
	var ie *InputError
	if !asInput(err, &ie) || !strings.HasPrefix(ie.Msg, "brak danych do porównania: lat 2010–2012 nie ma w archiwum") {
		t.Errorf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(work, "o", "porownanie.xlsx")); err == nil {
		t.Error("an empty comparison was written")
	}
}

// TestImportDoesNotReplaceComputedYear: a year the records gave is not
// overwritten by a typed-in one; a typed year may be corrected.
func TestImportDoesNotReplaceComputedYear(t *testing.T) {
	work, cfg, db := sampleGmina(t)
	cfg.Zrodla.Archiwum = filepath.Join(work, "arch")
	env, _, errb := testEnv()
	if err := Report(env, ReportOptions{Sources: Sources{Cfg: cfg, DB: db}, Year: 2025, Out: filepath.Join(work, "o")}); err != nil {
		t.Fatalf("%v\n%s", err, errb)
	}
	typed := filepath.Join(work, "wpis", "2021.csv")
	err := ArchiveImport(env, Sources{Cfg: cfg}, 2025, typed)
	var ie *InputError
	if !asInput(err, &ie) || !strings.HasPrefix(ie.Msg, "rok 2025 jest już w archiwum, obliczony z rekordów OPS (rewizja 1); wpis ręczny go nie zastąpi") {
		t.Errorf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(work, "arch", "2025", "rev-0002.json")); err == nil {
		t.Error("a typed year replaced the computed one")
	}
	for i := 0; i < 2; i++ { // a typed year can be typed again
		if err := ArchiveImport(env, Sources{Cfg: cfg}, 2019, typed); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCheckUnknownPartnerKind: a [[partner]] with a kind the catalog does not
// know fails `gpwr check` (as it fails `gpwr forms`), with a suggestion.
func TestCheckUnknownPartnerKind(t *testing.T) {
	_, cfg, db := sampleGmina(t)
	cfg.Partnerzy[0].Rodzaj = "ppd"
	env, out, _ := testEnv()
	err := Check(env, CheckOptions{Sources: Sources{Cfg: cfg, DB: db}, Year: 2025})
	var ie *InputError
	if !asInput(err, &ie) {
		t.Fatalf("want an input error, got %v", err)
	}
	if !strings.Contains(out.String(), "BŁĄD: gmina.toml, [[partner]] nr 1 (Poradnia Psychologiczno-Pedagogiczna w Przykładowie Wielkim): nieznany rodzaj partnera „ppd”") ||
		!strings.Contains(out.String(), "czy chodziło o ppp?") {
		t.Errorf("check output:\n%s", out)
	}
}

// TestCheckMissingTemplatesDir: [zrodla] szablony naming no directory fails
// `gpwr check` instead of silently using the built-in texts.
func TestCheckMissingTemplatesDir(t *testing.T) {
	_, cfg, db := sampleGmina(t)
	cfg.Zrodla.Szablony = "moje_szablony"
	env, out, _ := testEnv()
	err := Check(env, CheckOptions{Sources: Sources{Cfg: cfg, DB: db}, Year: 2025})
	var ie *InputError
	if !asInput(err, &ie) || !strings.Contains(out.String(), "BŁĄD: gmina.toml, [zrodla] szablony: katalog własnych szablonów") {
		t.Errorf("%v\n%s", err, out)
	}
}

// TestCompareReadsOneMoment: the years a command computes from the records
// come from one snapshot (DATA-CONTRACT.md §1). A benefit of 2025 written by
// another program while `gpwr compare` is computing 2022 is not in its 2025.
func TestCompareReadsOneMoment(t *testing.T) {
	ctx := context.Background()
	work := t.TempDir()
	if err := samples.Extract(work); err != nil {
		t.Fatal(err)
	}
	pg := os.Getenv("GPWR_TEST_PG")
	if pg == "" {
		pg = "host=127.0.0.1 port=5432 user=postgres dbname=test sslmode=disable"
	}
	schema := "gpwr_moment_" + strings.ReplaceAll(filepath.Base(work), "-", "_")
	env, _, errb := testEnv()
	if err := DBLoad(env, pg, schema, filepath.Join(work, "ops"), false); err != nil {
		t.Fatal(err)
	}
	writer, err := ops.Open(ctx, pg, schema)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		writer.Exec("DROP SCHEMA " + schema + " CASCADE")
		writer.Close()
	}()
	before, err := writer.Collect(ctx, model.YearPeriod(2025), ops.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := before.Value("swiadczenia.zasilek_staly.liczba")
	cfg, err := config.Load(filepath.Join(work, "gmina.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Zrodla.Baza, cfg.Zrodla.Schemat, cfg.Zrodla.Archiwum = pg, schema, filepath.Join(work, "arch")
	now, written := env.Now, false
	env.Now = func() time.Time { // called as the first year is computed
		if !written {
			written = true
			if _, err := writer.Exec("INSERT INTO " + writer.T("benefits") + " (id, kind, family_id, paid_on, amount_gr) VALUES ('S99999999', 'zasilek_staly', 'R000001', '2025-06-01', 100)"); err != nil {
				t.Fatal(err)
			}
		}
		return now()
	}
	out := filepath.Join(work, "out")
	if err := Compare(env, CompareOptions{Sources: Sources{Cfg: cfg}, Years: []int{2022, 2023, 2024, 2025}, Out: out}); err != nil {
		t.Fatalf("%v\n%s", err, errb)
	}
	var j struct {
		Indicators []struct {
			Code  string            `json:"kod"`
			Years map[string]*int64 `json:"lata"`
		} `json:"wskazniki"`
	}
	b, _ := os.ReadFile(filepath.Join(out, "porownanie.json"))
	if err := json.Unmarshal(b, &j); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, ind := range j.Indicators {
		if ind.Code == "swiadczenia.zasilek_staly.liczba" {
			found = true
			if got := ind.Years["2025"]; got == nil || *got != want {
				t.Errorf("2025 zasilek_staly: %v, want %d (the records as they were when compare began)", derefOr(got), want)
			}
		}
	}
	if !written || !found {
		t.Errorf("written %v, indicator found %v", written, found)
	}
}

func derefOr(v *int64) any {
	if v == nil {
		return "brak danych"
	}
	return *v
}
