package partner

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
)

// sampleConfig is the configuration of the sample gmina „Przykładowo”
// (samples/gmina.toml), which asks every sample partner for returns
// (samples/zwroty/README.md).
func sampleConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.Load(filepath.Join("..", "..", "samples", "gmina.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Partnerzy) != 11 {
		t.Fatalf("samples/gmina.toml lists %d partners, want the 11 sample partners", len(cfg.Partnerzy))
	}
	return cfg
}

// TestSamples reads the shipped sample returns of every year: no errors,
// every dialect present, the parish missing in 2023 only, and a few values.
func TestSamples(t *testing.T) {
	cat := mustCatalog(t)
	partners := sampleConfig(t).Partnerzy
	formats := map[string]bool{}
	for _, year := range []int{2022, 2023, 2024, 2025} {
		dir := filepath.Join("..", "..", "samples", "zwroty", strconv.Itoa(year))
		res := ReadDir(dir, cat, Expect{Teryt: "9999011", Year: year, Partners: partners})
		for _, f := range res.Findings {
			t.Errorf("%d: %s", year, f)
		}
		if year == 2023 {
			if len(res.Missing) != 1 || res.Missing[0].Rodzaj != "parafie" {
				t.Errorf("2023 missing: %+v", res.Missing)
			}
		} else if len(res.Missing) != 0 {
			t.Errorf("%d missing: %+v", year, res.Missing)
		}
		for _, f := range res.Files {
			formats[f.Format+" "+f.Encoding] = true
			if f.Partner < 0 {
				t.Errorf("%d: %s matches no configured partner", year, f.Name)
			}
		}
		set := model.Set{Indicators: res.Indicators}
		if year == 2025 {
			want := map[string]int64{
				"policja.dzielnicowi":        4,
				"szkoly.prelekcje":           13, // 9 + 4, two schools
				"gkrpa.kwota_dofinansowania": 1374050,
				"kuratorzy.rodziny_nadzor":   21,
				"pcpr.dzieci_piecza":         11,
				"ppp.rodziny_wsparcie":       36,
			}
			for code, v := range want {
				if got, ok := set.Value(code); !ok || got != v {
					t.Errorf("2025 %s = %d (%v), want %d", code, got, ok, v)
				}
			}
			if ind, _ := set.Get("parafie.dzialania_rodziny"); ind.Value != nil || ind.Remark != "rejestry nie są prowadzone" {
				t.Errorf("brak danych lost: %+v", ind)
			}
		}
	}
	for _, want := range []string{"csv windows-1250", "xlsx ", "csv utf-8 (BOM)", "csv utf-8", "csv utf-16"} {
		if !formats[want] {
			t.Errorf("no sample in %q; have %v", want, formats)
		}
	}
}

// TestSamplesWithDemoConfig reads the returns with the demo configuration
// (samples/gmina.toml), as `gpwr demo` does: no errors, and only the kinds
// that configuration leaves out may be flagged as unknown partners.
func TestSamplesWithDemoConfig(t *testing.T) {
	cfg := sampleConfig(t)
	cat := mustCatalog(t)
	configured := map[string]bool{}
	for _, p := range cfg.Partnerzy {
		configured[p.Rodzaj] = true
	}
	for _, year := range []int{2022, 2023, 2024, 2025} {
		dir := filepath.Join("..", "..", "samples", cfg.Zrodla.Zwroty, strconv.Itoa(year))
		res := ReadDir(dir, cat, Expect{Teryt: cfg.Gmina.Teryt, Year: year, Partners: cfg.Partnerzy, Encoding: cfg.Ustawienia.Kodowanie})
		if res.Errors() != 0 {
			t.Errorf("%d: %v", year, res.Findings)
		}
		for _, f := range res.Files {
			if f.Partner < 0 && configured[f.Kind] {
				t.Errorf("%d: %s (%s) matches no configured partner", year, f.Name, f.Kind)
			}
		}
	}
}
