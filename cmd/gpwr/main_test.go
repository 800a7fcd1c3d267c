package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/internal/run"
)

// gpwr runs the command line in-process and returns the exit code and output.
func gpwr(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &run.Env{Ctx: context.Background(), Stdout: &out, Stderr: &errb, Now: func() time.Time { return time.Date(2026, 3, 3, 12, 0, 0, 0, time.UTC) }}
	code := Main(context.Background(), append([]string{"gpwr"}, args...), env)
	return code, out.String(), errb.String()
}

func TestHelpIsPolish(t *testing.T) {
	code, out, _ := gpwr(t, "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"UŻYCIE:", "POLECENIA:", "sprawozdanie roczne dla rady gminy", "pokaż pomoc", "report", "cas", "check", "forms", "compare", "demo"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q:\n%s", want, out)
		}
	}
	for _, english := range []string{"USAGE:", "COMMANDS:", "show help", "GLOBAL OPTIONS"} {
		if strings.Contains(out, english) {
			t.Errorf("help still says %q", english)
		}
	}
	code, out, _ = gpwr(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "gpwr wersja ") {
		t.Errorf("--version: %q", out)
	}
	code, out, _ = gpwr(t, "report", "--help")
	if code != 0 || !strings.Contains(out, "rok sprawozdawczy") || strings.Contains(out, "default:") {
		t.Errorf("report --help (%d):\n%s", code, out)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "g.toml")
	os.WriteFile(cfg, []byte(`[gmina]
nazwa = "Próbna"
teryt = "9999011"
[ops]
nazwa = "GOPS"
[program]
nazwa = "Program"
[zrodla]
baza = "sqlite:brak.db"
`), 0o644)
	bad := filepath.Join(dir, "csv")
	os.MkdirAll(bad, 0o755)
	os.WriteFile(filepath.Join(bad, "families.csv"), []byte("id,locality,single_parent\nF1,miasto,\n"), 0o644)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--version"}, 0, ""},
		{[]string{"raport"}, 2, "nieznane polecenie „raport”"},
		{[]string{"report", "--config", cfg, "--year", "2025", "--out", dir, "nadmiar"}, 2, "nieoczekiwany argument „nadmiar”"},
		{[]string{"cas", "--config", cfg, "--year", "2025", "--half", "abc", "--out", dir}, 2, "opcja --half: oczekiwano liczby, podano „abc”"},
		{[]string{"report", "--config"}, 2, "opcja --config wymaga wartości"},
		{[]string{"archive", "import", "--config", cfg, "x.csv"}, 2, "brak wymaganej opcji --year (gpwr archive import --help)"},
		{[]string{"check", "--config", cfg, "--year", "2025", "--db", "sqlite:" + dir}, 1, "jest katalogiem, a nie plikiem bazy"},
		{[]string{"--bogus"}, 2, "nieznana opcja --bogus"},
		{[]string{"report", "--config", cfg}, 2, "brak wymaganej opcji --year"},
		{[]string{"report", "--year", "2025", "--out", dir}, 2, "podaj plik konfiguracji"},
		{[]string{"report", "--config", cfg, "--year", "1850", "--out", dir}, 2, "rok 1850 jest poza zakresem"},
		{[]string{"cas", "--config", cfg, "--year", "2025", "--half", "3", "--out", dir}, 2, "półrocze musi być 1 albo 2"},
		{[]string{"compare", "--config", cfg, "--years", "2025-2021", "--out", dir}, 2, "rok początkowy 2025 jest późniejszy niż końcowy 2021"},
		{[]string{"db", "load", "--db", "sqlite:" + filepath.Join(dir, "x.db")}, 2, "podaj jeden katalog"},
		{[]string{"db", "load", "--db", "mysql://x", bad}, 1, "nieznany rodzaj bazy"},
		{[]string{"report", "--config", filepath.Join(dir, "nie.toml"), "--year", "2025", "--out", dir}, 1, "nie ma takiego pliku konfiguracji"},
		{[]string{"report", "--config", cfg, "--year", "2025", "--out", dir}, 1, "baza SQLite"},
		{[]string{"db", "load", "--db", "sqlite:" + filepath.Join(dir, "x.db"), bad}, 1, "families.csv:2, kolumna locality: wartość \"miasto\" spoza listy"},
	}
	for _, tc := range cases {
		code, _, stderr := gpwr(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("gpwr %s: exit %d (want %d), stderr:\n%s\nwant it to contain %q", strings.Join(tc.args, " "), code, tc.code, stderr, tc.want)
		}
		if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
			t.Errorf("gpwr %s: stack trace on stderr", strings.Join(tc.args, " "))
		}
	}
}

func TestDBInitPrintsDDL(t *testing.T) {
	code, out, stderr := gpwr(t, "db", "init", "--sql", "--db", "postgres://gmina@localhost/ops", "--schema", "ops_gminy")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"CREATE SCHEMA IF NOT EXISTS ops_gminy;", "CREATE TABLE IF NOT EXISTS ops_gminy.assistant_cases (",
		"end_reason TEXT CHECK (end_reason IN ('goals_achieved', 'family_withdrew', 'no_effect', 'other'))",
		"share_pct BIGINT NOT NULL CHECK (share_pct IN (10, 30, 50))", "REFERENCES ops_gminy.families(id)",
		"CREATE INDEX IF NOT EXISTS benefits_paid_ix ON ops_gminy.benefits (paid_on, kind);"} {
		if !strings.Contains(out, want) {
			t.Errorf("DDL lacks %q", want)
		}
	}
	if code, _, stderr := gpwr(t, "db", "init", "--sql", "--db", "postgres://x/y", "--schema", "zły-schemat;"); code != 2 || !strings.Contains(stderr, "nazwa schematu") {
		t.Errorf("a bad schema name: exit %d %s", code, stderr)
	}
}

// TestPostgresFromEnvironment: with only the standard PG* variables set, the
// db commands and the report reach PostgreSQL without --db.
func TestPostgresFromEnvironment(t *testing.T) {
	t.Setenv("PGHOST", "127.0.0.1")
	t.Setenv("PGPORT", "5432")
	t.Setenv("PGUSER", "postgres")
	t.Setenv("PGDATABASE", "test")
	t.Setenv("PGSSLMODE", "disable")
	t.Setenv("GPWR_DB", "")
	schema := fmt.Sprintf("gpwr_env_%d", time.Now().UnixNano()%1e9)
	defer exec.Command("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-c", "DROP SCHEMA IF EXISTS "+schema+" CASCADE").Run()
	if code, _, stderr := gpwr(t, "db", "init", "--schema", schema); code != 0 {
		t.Fatalf("db init: %d %s", code, stderr)
	}
	if code, _, stderr := gpwr(t, "db", "load", "--schema", schema, "../../samples/ops"); code != 0 {
		t.Fatalf("db load: %d %s", code, stderr)
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "g.toml")
	os.WriteFile(cfg, []byte("[gmina]\nnazwa = \"Próbna\"\nteryt = \"9999011\"\n[ops]\nnazwa = \"GOPS\"\n[program]\nnazwa = \"Program\"\n[zrodla]\nschemat = \""+schema+"\"\n"), 0o644)
	code, _, stderr := gpwr(t, "check", "--config", cfg, "--year", "2025")
	if code != 0 || !strings.Contains(stderr, "bez błędów") {
		t.Fatalf("check via PG* variables: %d %s", code, stderr)
	}
}

// TestInitStarterConfig: gpwr init writes a starter that names what to fill
// in, never overwrites, and once filled in is a valid configuration.
func TestInitStarterConfig(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "gmina.toml")
	if code, _, stderr := gpwr(t, "init", "--out", path); code != 0 || !strings.Contains(stderr, "Uzupełnij pola") {
		t.Fatalf("init: %d %s", code, stderr)
	}
	os.WriteFile(path+".bak", nil, 0o644)
	before, _ := os.ReadFile(path)
	if code, _, stderr := gpwr(t, "init", "--out", path); code != 2 || !strings.Contains(stderr, "już istnieje") {
		t.Errorf("second init: %d %s", code, stderr)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("init overwrote an existing configuration")
	}
	code, _, stderr := gpwr(t, "check", "--config", path, "--year", "2025")
	if code != 1 || !strings.Contains(stderr, "brak wymaganego klucza [gmina] nazwa") || !strings.Contains(stderr, "[gmina] teryt") {
		t.Errorf("unfilled starter: %d %s", code, stderr)
	}
	filled := strings.NewReplacer(
		`nazwa  = ""          # UZUPEŁNIJ, np. "Chmielnik"`, `nazwa = "Chmielnik"`,
		`teryt  = ""`, `teryt = "2604033"`,
		`nazwa      = ""      # UZUPEŁNIJ`, `nazwa = "Miejsko-Gminny Ośrodek Pomocy Społecznej w Chmielniku" #`,
		`nazwa   = ""         # UZUPEŁNIJ`, `nazwa = "Gminny Program Wspierania Rodziny na lata 2026–2028" #`,
	).Replace(string(before))
	if _, err := config.Parse([]byte(filled), path); err != nil {
		t.Errorf("the filled-in starter does not parse: %v", err)
	}
}
