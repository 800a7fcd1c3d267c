package run

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gpwr/gpwr/collectors/ops"
	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/samples"
)

// asInput tells an InputError.
func asInput(err error, target **InputError) bool { return errors.As(err, target) }

func testEnv() (*Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &Env{Ctx: context.Background(), Stdout: &out, Stderr: &errb,
		Now: func() time.Time { return time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) }}, &out, &errb
}

// TestDemo runs the whole demo and checks that every output exists, says the
// data is synthetic, and that a second run archives nothing new.
func TestDemo(t *testing.T) {
	out := t.TempDir()
	env, _, errb := testEnv()
	if err := Demo(env, out); err != nil {
		t.Fatalf("demo: %v\n%s", err, errb)
	}
	for _, f := range []string{
		"sprawozdanie_2025/sprawozdanie_gpwr_2025.pdf", "sprawozdanie_2025/sprawozdanie_gpwr_2025.xlsx",
		"sprawozdanie_2025/sprawozdanie_gpwr_2025.html", "sprawozdanie_2025/wskazniki.json",
		"cas_2025_H1/cas_2025_H1.xlsx", "cas_2025_H1/cas_2025_H1.pdf", "cas_2025_H2/wskazniki.json",
		"formularze_2026/zwrot_ppp_2026.csv", "formularze_2026/zwrot_ppp_2026.xlsx",
		"porownanie/porownanie.xlsx", "porownanie/porownanie.html", "porownanie/porownanie.json",
		"archiwum/2021/rev-0001.json", "archiwum/2024/rev-0001.json", "archiwum/2025/rev-0001.json",
	} {
		if st, err := os.Stat(filepath.Join(out, f)); err != nil || st.Size() == 0 {
			t.Errorf("missing output %s: %v", f, err)
		}
	}
	var j struct {
		Synthetic  bool `json:"dane_syntetyczne"`
		Indicators []struct {
			Code   string `json:"kod"`
			Value  *int64 `json:"wartosc"`
			Source string `json:"zrodlo"`
			From   string `json:"od"`
		} `json:"wskazniki"`
	}
	b, _ := os.ReadFile(filepath.Join(out, "sprawozdanie_2025", "wskazniki.json"))
	if err := json.Unmarshal(b, &j); err != nil {
		t.Fatal(err)
	}
	if !j.Synthetic {
		t.Error("wskazniki.json of the demo does not say the data is synthetic")
	}
	sources := map[string]bool{}
	for _, i := range j.Indicators {
		sources[i.Source] = true
		if i.From != "2025-01-01" {
			t.Errorf("%s: od = %q, want 2025-01-01", i.Code, i.From)
		}
	}
	if !sources["ops"] || len(sources) < 5 {
		t.Errorf("indicators come from %v; want the OPS and partner files", sources)
	}
	html, _ := os.ReadFile(filepath.Join(out, "sprawozdanie_2025", "sprawozdanie_gpwr_2025.html"))
	if !strings.Contains(string(html), "DANE FIKCYJNE") {
		t.Error("the HTML report does not say the data is synthetic")
	}
	// The half-year returns made before the report appear in its CAS chapter.
	if !strings.Contains(string(html), "Wybrane dane ze sprawozdań półrocznych za 2025") || !strings.Contains(string(html), "961,96") {
		t.Error("the report does not show the archived half-year returns")
	}
	// A second run: the archive keeps its revisions.
	env2, _, errb2 := testEnv()
	if err := Demo(env2, out); err != nil {
		t.Fatalf("second demo: %v", err)
	}
	if !strings.Contains(errb2.String(), "bez zmian") || strings.Contains(errb2.String(), "rewizja 2") {
		t.Errorf("second demo should find the archive unchanged:\n%s", errb2)
	}
	if _, err := os.Stat(filepath.Join(out, "archiwum", "2025", "rev-0002.json")); err == nil {
		t.Error("an unchanged re-run wrote a second revision")
	}
	if left, _ := filepath.Glob(filepath.Join(out, "*", ".gpwr-tmp-*")); len(left) > 0 {
		t.Errorf("staging directories left behind: %v", left)
	}
}

// TestReportRefusesBadPartnerFile: a bad partner return stops the report before
// anything is written, names the file, and leaves earlier outputs untouched.
func TestReportRefusesBadPartnerFile(t *testing.T) {
	work, cfg, db := sampleGmina(t)
	env, _, _ := testEnv()
	out := filepath.Join(work, "wyniki")
	os.MkdirAll(out, 0o755)
	old := filepath.Join(out, "wskazniki.json")
	os.WriteFile(old, []byte("poprzedni"), 0o644)
	bad := filepath.Join(work, "zwroty", "2025", "zwrot_policja_2025.csv")
	b, _ := os.ReadFile(bad)
	b = bytes.Replace(b, []byte("meta.teryt;"), []byte("meta.teryt;1234567;"), 1)
	os.WriteFile(bad, append(b, []byte("policja.nieznany;Coś;5;\n")...), 0o644)
	err := Report(env, ReportOptions{Sources: Sources{Cfg: cfg, DB: db}, Year: 2025, Out: out})
	var ie *InputError
	if !asInput(err, &ie) || !strings.Contains(ie.Msg, "zwrot_policja_2025.csv") {
		t.Fatalf("want an input error naming the file, got %v", err)
	}
	found := false
	for _, f := range ie.Findings {
		if strings.HasPrefix(f.Place, "zwrot_policja_2025.csv:") && strings.Contains(f.Message, "policja.nieznany") {
			found = true
		}
	}
	if !found {
		t.Errorf("the unknown code is not named with its line: %v", ie.Findings)
	}
	if got, _ := os.ReadFile(old); string(got) != "poprzedni" {
		t.Error("a failed run changed the previous output")
	}
	if ents, _ := os.ReadDir(out); len(ents) != 1 {
		t.Errorf("a failed run left files: %v", ents)
	}
}

// TestReportSameOnPostgres runs the annual report of the samples on SQLite and
// on PostgreSQL (a fresh schema, reached as a gmina would: [zrodla] baza and
// schemat) and compares every indicator of the two wskazniki.json files.
func TestReportSameOnPostgres(t *testing.T) {
	work := t.TempDir()
	if err := samples.Extract(work); err != nil {
		t.Fatal(err)
	}
	env, _, errb := testEnv()
	lite := "sqlite:" + filepath.Join(work, "ops.db")
	pg := os.Getenv("GPWR_TEST_PG")
	if pg == "" {
		pg = "host=127.0.0.1 port=5432 user=postgres dbname=test sslmode=disable"
	}
	schema := "gpwr_run_" + strings.ReplaceAll(filepath.Base(work), "-", "_")
	defer func() {
		if db, err := ops.Open(context.Background(), pg, schema); err == nil {
			db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
	}()
	values := map[string]map[string]any{}
	for _, db := range []struct{ name, dsn, schema string }{{"sqlite", lite, ""}, {"postgres", pg, schema}} {
		if err := DBLoad(env, db.dsn, db.schema, filepath.Join(work, "ops"), false); err != nil {
			t.Fatalf("%s: %v", db.name, err)
		}
		cfg, err := config.Load(filepath.Join(work, "gmina.toml"))
		if err != nil {
			t.Fatal(err)
		}
		cfg.Zrodla.Baza = db.dsn
		if db.schema != "" {
			cfg.Zrodla.Schemat = db.schema
		}
		cfg.Zrodla.Archiwum = filepath.Join(work, "archiwum-"+db.name)
		out := filepath.Join(work, "out-"+db.name)
		if err := Report(env, ReportOptions{Sources: Sources{Cfg: cfg}, Year: 2025, Out: out}); err != nil {
			t.Fatalf("%s: %v\n%s", db.name, err, errb)
		}
		var j struct {
			Indicators []struct {
				Code  string `json:"kod"`
				Value any    `json:"wartosc"`
				Text  string `json:"tekst"`
			} `json:"wskazniki"`
		}
		b, _ := os.ReadFile(filepath.Join(out, "wskazniki.json"))
		if err := json.Unmarshal(b, &j); err != nil {
			t.Fatal(err)
		}
		values[db.name] = map[string]any{}
		for _, i := range j.Indicators {
			values[db.name][i.Code] = fmt.Sprint(i.Value, i.Text)
		}
	}
	if len(values["sqlite"]) < 100 || len(values["sqlite"]) != len(values["postgres"]) {
		t.Fatalf("%d indicators on SQLite, %d on PostgreSQL", len(values["sqlite"]), len(values["postgres"]))
	}
	for code, v := range values["sqlite"] {
		if values["postgres"][code] != v {
			t.Errorf("%s: SQLite %v, PostgreSQL %v", code, v, values["postgres"][code])
		}
	}
}
