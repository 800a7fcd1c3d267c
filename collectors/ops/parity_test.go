package ops

import (
	"context"
	"testing"

	"github.com/gpwr/gpwr/model"
)

// TestParityOnSamples loads the demo gmina into PostgreSQL and SQLite and
// compares every indicator and finding of every year and half-year.
func TestParityOnSamples(t *testing.T) {
	dbs := engines(t)
	var periods []model.Period
	for y := 2022; y <= 2025; y++ {
		h1, _ := model.HalfPeriod(y, 1)
		h2, _ := model.HalfPeriod(y, 2)
		periods = append(periods, model.YearPeriod(y), h1, h2)
	}
	results := map[Engine][]*model.Set{}
	for engine, db := range dbs {
		if _, err := db.Load(context.Background(), "../../samples/ops", LoadOptions{}); err != nil {
			t.Fatalf("%s: %v", engine, err)
		}
		for _, p := range periods {
			s, err := db.Collect(context.Background(), p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			results[engine] = append(results[engine], s)
		}
	}
	assertSameSets(t, results[SQLite], results[Postgres])
	// Spot values of the samples (cross-checked by the generator's own
	// calculation in internal/samplegen).
	y2025 := results[Postgres][9]
	for code, want := range map[string]int64{"asysta.rodziny": 55, "asysta.limit_przekroczony": 26, "piecza.koszt": 44340126, "piecza.udzial_niezgodny": 1} {
		if got, _ := y2025.Value(code); got != want {
			t.Errorf("2025 %s = %d, want %d", code, got, want)
		}
	}
	// A family served in both halves counts once in the year and once in each half.
	h1, h2, year := results[SQLite][10], results[SQLite][11], results[SQLite][9]
	a, _ := h1.Value("asysta.rodziny")
	b, _ := h2.Value("asysta.rodziny")
	c, _ := year.Value("asysta.rodziny")
	if !(c < a+b && c >= a && c >= b) {
		t.Errorf("asysta.rodziny: H1 %d, H2 %d, year %d: the year must count families of both halves once", a, b, c)
	}
}

// TestCovers: the samples hold the benefits of 2022–2025; 2021 has assistant
// cases that started earlier, but is not covered.
func TestCovers(t *testing.T) {
	for engine, db := range engines(t) {
		if _, err := db.Load(context.Background(), "../../samples/ops", LoadOptions{}); err != nil {
			t.Fatal(err)
		}
		for y, want := range map[int]bool{2020: false, 2021: false, 2022: true, 2025: true, 2026: false} {
			got, err := db.Covers(context.Background(), model.YearPeriod(y))
			if err != nil || got != want {
				t.Errorf("%s: Covers(%d) = %v, %v; want %v", engine, y, got, err, want)
			}
		}
	}
}
