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
		// Money in grosze, whatever the clerk called the unit (as archive import reads it).
		{Kod: "gmina.koszt", Etykieta: "Koszt", Jednostka: "zł", SQL: "SELECT 12345"},
		{Kod: "gmina.godziny", Etykieta: "Godziny", Jednostka: "godz.", SQL: "SELECT 3"},
	}
	for engine, db := range engines(t) {
		ctx := context.Background()
		ro := loaded(t, db, dir)
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
		for code, want := range map[string]model.Unit{"gmina.praca_socjalna_nowe": model.UnitCount, "gmina.koszt": model.UnitMoney, "gmina.godziny": "godz."} {
			if ind, _ := set.Get(code); ind.Unit != want {
				t.Errorf("%s: %s has unit %q, want %q", engine, code, ind.Unit, want)
			}
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
	}
}

// TestProgramUnit: the spellings of a unit a clerk may type in the config.
func TestProgramUnit(t *testing.T) {
	for in, want := range map[string]model.Unit{
		"": model.UnitCount, "szt.": model.UnitCount, " rodzin ": model.UnitFamilies, "Rodziny": model.UnitFamilies,
		"osób": model.UnitPersons, "dziecko": model.UnitChildren, "dni": model.UnitDays, "miejsc": model.UnitPlaces,
		"zł": model.UnitMoney, "PLN": model.UnitMoney, "gr": model.UnitMoney, "tekst": model.UnitText, "godz.": "godz.",
	} {
		if got := ProgramUnit(in); got != want {
			t.Errorf("ProgramUnit(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSnapshotIsOneMoment: the periods collected through one snapshot see the
// records as they were when it began, even when another program writes in
// between (the report's year and its previous years come from one moment).
func TestSnapshotIsOneMoment(t *testing.T) {
	ctx := context.Background()
	db := engines(t)[Postgres]
	ro := loaded(t, db, writeCSVs(t, base))
	snap, err := ro.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	before, err := snap.Collect(model.YearPeriod(2025), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "INSERT INTO "+db.T("benefits")+" (id, kind, family_id, paid_on, amount_gr) VALUES ('B9', 'zasilek_staly', 'F3', '2025-05-05', 100)"); err != nil {
		t.Fatal(err)
	}
	again, err := snap.Collect(model.YearPeriod(2025), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := again.Value("swiadczenia.zasilek_staly.liczba"); n != 0 {
		t.Errorf("the snapshot sees a benefit written after it began: %d", n)
	}
	if ok, err := snap.Covers(model.YearPeriod(2025)); err != nil || ok {
		t.Errorf("Covers in the snapshot = %v, %v; want false (no benefit when it began)", ok, err)
	}
	assertSameSets(t, []*model.Set{before}, []*model.Set{again})
	fresh, err := ro.Collect(ctx, model.YearPeriod(2025), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := fresh.Value("swiadczenia.zasilek_staly.liczba"); n != 1 {
		t.Errorf("a new snapshot does not see the benefit: %d", n)
	}
}
