package ops

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pgDSN is the PostgreSQL server of the tests. CI makes sure it runs; a test
// that needs it fails (never skips) when it is missing.
func pgDSN() string {
	if v := os.Getenv("GPWR_TEST_PG"); v != "" {
		return v
	}
	return "host=127.0.0.1 port=5432 user=postgres dbname=test sslmode=disable"
}

// engines opens an empty database of each engine: a new SQLite file and a new
// PostgreSQL schema (dropped at the end).
func engines(t *testing.T) map[Engine]*DB {
	t.Helper()
	ctx := context.Background()
	lite, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "ops.db"), "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lite.Close() })
	schema := fmt.Sprintf("gpwr_t%d", rand.Uint64()%1e12)
	pg, err := Open(ctx, pgDSN(), schema)
	if err != nil {
		t.Fatalf("PostgreSQL is required for this test (start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start): %v", err)
	}
	t.Cleanup(func() {
		pg.ExecContext(context.Background(), "DROP SCHEMA IF EXISTS "+schema+" CASCADE")
		pg.Close()
	})
	return map[Engine]*DB{SQLite: lite, Postgres: pg}
}

// loaded loads the CSVs of dir into db and reopens it read-only, as a run
// reads it (closed at the end of the test).
func loaded(t *testing.T, db *DB, dir string) *DB {
	t.Helper()
	if _, err := db.Load(context.Background(), dir, LoadOptions{}); err != nil {
		t.Fatalf("%s: load: %v", db.Engine, err)
	}
	ro, err := OpenReadOnly(context.Background(), roName(db), db.Schema)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	return ro
}

// writeCSVs writes tables given as compact text: the first line is the header.
func writeCSVs(t *testing.T, tables map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range tables {
		var lines []string
		for _, l := range strings.Split(strings.TrimSpace(body), "\n") {
			lines = append(lines, strings.TrimSpace(l))
		}
		if err := os.WriteFile(filepath.Join(dir, name+".csv"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// merge overlays tables: a table of b replaces the one of a.
func merge(a, b map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}
