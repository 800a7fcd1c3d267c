package ops

import (
	"context"
	"strings"
	"testing"
)

// TestValidateFindsBrokenRules breaks the rules behind the loader's back, as a
// gmina's own views could, and expects each to be found on both engines.
func TestValidateFindsBrokenRules(t *testing.T) {
	dir := writeCSVs(t, base)
	for engine, db := range engines(t) {
		ctx := context.Background()
		if _, err := db.Load(ctx, dir, LoadOptions{}); err != nil {
			t.Fatal(err)
		}
		fs, err := db.Validate(ctx)
		if err != nil || len(fs) != 0 {
			t.Fatalf("%s: clean data: %v %v", engine, fs, err)
		}
		// Drop the constraints so bad rows can be written, as in a view.
		bad := []string{
			"CREATE TABLE " + db.T("persons2") + " AS SELECT * FROM " + db.T("persons"),
			"DROP TABLE " + db.T("persons") + map[Engine]string{Postgres: " CASCADE"}[engine],
			"CREATE TABLE " + db.T("persons") + " AS SELECT * FROM " + db.T("persons2"),
			"INSERT INTO " + db.T("persons") + " (id, family_id, birth_date, role) VALUES ('P99', 'F404', '2020-01-01', 'kid')",
			"INSERT INTO " + db.T("persons") + " (id, family_id, birth_date, role) VALUES ('P11', 'F1', '2020-01-01', 'child')",
		}
		if engine == SQLite {
			bad = append([]string{"PRAGMA foreign_keys = OFF"}, bad...)
		}
		for _, s := range bad {
			if _, err := db.ExecContext(ctx, s); err != nil {
				t.Fatalf("%s: %s: %v", engine, s, err)
			}
		}
		fs, err = db.Validate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var msgs []string
		for _, f := range fs {
			msgs = append(msgs, f.String())
		}
		all := strings.Join(msgs, "\n")
		for _, want := range []string{
			"tabela persons, kolumna role: 1 wiersz nie spełnia reguły kontraktu: oczekiwano jednej z wartości: parent, child, other",
			"tabela persons, kolumna family_id: 1 wiersz nie spełnia reguły kontraktu: oczekiwano identyfikatora istniejącego w tabeli families",
			"tabela persons, kolumna id: 2 wiersze nie spełniają reguły kontraktu: oczekiwano niepowtarzalnych identyfikatorów",
		} {
			if !strings.Contains(all, want) {
				t.Errorf("%s: missing %q in\n%s", engine, want, all)
			}
		}
	}
}
