package ops

import (
	"context"
	"strings"
	"testing"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
)

// TestCustomSQLIndicators: a programme's own indicator is a read-only query
// over the contract tables with the period's bounds, run in the same snapshot;
// a query that writes fails on both engines.
func TestCustomSQLIndicators(t *testing.T) {
	dir := writeCSVs(t, merge(base, map[string]string{"social_work": `family_id,from_date,to_date
		F1,2025-01-01,
		F8,2024-01-01,2024-12-31`}))
	custom := []config.Wskaznik{
		{Kod: "gmina.praca_socjalna_nowe", Etykieta: "Rodziny, z którymi rozpoczęto pracę socjalną", SQL: "SELECT COUNT(DISTINCT family_id) FROM social_work WHERE from_date BETWEEN :od AND :do"},
		{Kod: "gmina.brak", Etykieta: "Zawsze NULL", SQL: "SELECT NULL"},
	}
	for engine, db := range engines(t) {
		ctx := context.Background()
		if _, err := db.Load(ctx, dir, LoadOptions{}); err != nil {
			t.Fatal(err)
		}
		ro, err := OpenReadOnly(ctx, roName(db), db.Schema)
		if err != nil {
			t.Fatal(err)
		}
		set, err := ro.Collect(ctx, model.YearPeriod(2025), Options{Custom: custom})
		if err != nil {
			t.Fatalf("%s: %v", engine, err)
		}
		if v, ok := set.Value("gmina.praca_socjalna_nowe"); !ok || v != 1 {
			t.Errorf("%s: custom indicator = %d %v, want 1", engine, v, ok)
		}
		if ind, ok := set.Get("gmina.brak"); !ok || ind.Value != nil || ind.Label != "Zawsze NULL" {
			t.Errorf("%s: NULL must be brak danych: %+v", engine, ind)
		}
		_, err = ro.Collect(ctx, model.YearPeriod(2025), Options{Custom: []config.Wskaznik{{Kod: "gmina.zly", SQL: "DELETE FROM families RETURNING 1"}}})
		if err == nil || !strings.Contains(err.Error(), "wskaźnik programu gmina.zly") {
			t.Errorf("%s: a writing query must fail with the indicator named, got %v", engine, err)
		}
		var n int
		db.Get(&n, "SELECT COUNT(*) FROM "+db.T("families"))
		if n != 8 {
			t.Errorf("%s: families deleted by a programme query: %d left", engine, n)
		}
		ro.Close()
	}
}
