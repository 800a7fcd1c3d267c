package ops

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gpwr/gpwr/internal/samplegen"
	"github.com/gpwr/gpwr/model"
)

// benchSchema holds the large synthetic gmina in the test database. It is
// generated and loaded once (several minutes) and reused by later runs.
const benchSchema = "gpwr_bench"

// largeDB returns the PostgreSQL database with the large gmina of
// samplegen.Large(): 20,000 families, about 1,000,000 benefits a year over
// 2021–2025.
func largeDB(b *testing.B) *DB {
	ctx := context.Background()
	db, err := Open(ctx, pgDSN(), benchSchema)
	if err != nil {
		b.Fatalf("PostgreSQL is required: %v", err)
	}
	var n int64
	if err := db.Get(&n, "SELECT COUNT(*) FROM "+db.T("benefits")); err == nil && n > 4_000_000 {
		return db
	}
	db.ExecContext(ctx, "DROP SCHEMA IF EXISTS "+benchSchema+" CASCADE")
	dir := b.TempDir()
	start := time.Now()
	if err := samplegen.Generate(dir, samplegen.Large()); err != nil {
		b.Fatal(err)
	}
	gen := time.Since(start)
	start = time.Now()
	st, err := db.Load(ctx, dir, LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	db.ExecContext(ctx, "ANALYZE")
	b.Logf("large gmina: generated in %s, loaded in %s: %v", gen.Round(time.Second), time.Since(start).Round(time.Second), st)
	return db
}

// BenchmarkCollectLarge collects the indicators of one year of the large gmina
// on PostgreSQL and, for comparison, times the same aggregate queries run by
// psql. Reported: ns/op (gpwr), psql-ms (psql), ratio (gpwr / psql; the target
// is at most 2).
//
//	./dev bench
func BenchmarkCollectLarge(b *testing.B) {
	db := largeDB(b)
	defer db.Close()
	ctx := context.Background()
	p := model.YearPeriod(2025)
	var queries []string
	traceQuery = func(q string, args []any) { queries = append(queries, literal(q, args)) }
	if _, err := db.Collect(ctx, p, Options{}); err != nil { // warm-up, and the queries
		b.Fatal(err)
	}
	traceQuery = nil
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := db.Collect(ctx, p, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	per := time.Since(start) / time.Duration(b.N)
	b.StopTimer()
	psql := psqlTime(b, queries)
	b.ReportMetric(float64(psql.Milliseconds()), "psql-ms")
	b.ReportMetric(float64(per)/float64(psql), "ratio")
}

// literal inlines the positional parameters for psql.
func literal(q string, args []any) string {
	for i := len(args); i >= 1; i-- {
		var v string
		switch a := args[i-1].(type) {
		case string:
			v = "'" + strings.ReplaceAll(a, "'", "''") + "'"
		default:
			v = fmt.Sprint(a)
		}
		q = strings.ReplaceAll(q, "$"+strconv.Itoa(i), v)
	}
	return q
}

var timingRe = regexp.MustCompile(`Time: ([0-9.]+) ms`)

// psqlTime runs the queries in one REPEATABLE READ READ ONLY transaction with
// psql, as gpwr does, and sums the server-reported times (best of three).
func psqlTime(b *testing.B, queries []string) time.Duration {
	var sql strings.Builder
	sql.WriteString("\\timing on\nBEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n")
	for _, q := range queries {
		sql.WriteString(q + ";\n")
	}
	sql.WriteString("COMMIT;\n")
	f := filepath.Join(b.TempDir(), "q.sql")
	os.WriteFile(f, []byte(sql.String()), 0o644)
	best := time.Duration(1 << 62)
	for i := 0; i < 3; i++ {
		out, err := exec.Command("psql", "-X", "-q", "-o", "/dev/null", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-f", f).CombinedOutput()
		if err != nil {
			b.Fatalf("psql: %v\n%s", err, out)
		}
		var sum float64
		for _, m := range timingRe.FindAllStringSubmatch(string(out), -1) {
			v, _ := strconv.ParseFloat(m[1], 64)
			sum += v
		}
		if d := time.Duration(sum * float64(time.Millisecond)); d < best {
			best = d
		}
	}
	return best
}
