package archive

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gpwr/gpwr/collectors/ops"
	"github.com/gpwr/gpwr/model"
)

var t0 = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)

// set builds a year's set from code=value pairs; a negative value is brak danych.
func set(year int, kv ...any) *model.Set {
	s := &model.Set{Period: model.YearPeriod(year)}
	for i := 0; i < len(kv); i += 2 {
		code := kv[i].(string)
		info, _ := ops.Describe(code)
		ind := model.Indicator{Code: code, Label: info.Label, Unit: info.Unit, Source: model.SourceOPS,
			From: s.Period.From, To: s.Period.To}
		if v := int64(kv[i+1].(int)); v >= 0 {
			ind.Value = model.Int(v)
		}
		s.Add(ind)
	}
	s.Sources = []model.Source{{Name: "ops", Kind: "sqlite", ReadAt: t0, SHA256: "abc"}}
	return s
}

func readAll(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestStoreRevisions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "archiwum")
	a, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if e, err := a.Latest("2025"); e != nil || err != nil {
		t.Fatalf("empty archive: Latest = %v, %v", e, err)
	}

	first := set(2025, "asysta.rodziny", 15, "asysta.dzieci", 28, "piecza.koszt", 8607289, "placowki.dzieci", -1)
	r, err := a.Store(first, Computed, "1.0.0", t0)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != New || r.Entry.Revision != 1 || filepath.Base(r.Entry.Path) != "rev-0001.json" {
		t.Fatalf("first store: %+v", r)
	}
	before := readAll(t, dir)

	// The same figures again (sources re-read later, labels changed): nothing written.
	again := set(2025, "placowki.dzieci", -1, "piecza.koszt", 8607289, "asysta.dzieci", 28, "asysta.rodziny", 15)
	again.Sources[0].ReadAt = t0.Add(time.Hour)
	again.Indicators[0].Label = "inna etykieta"
	r, err = a.Store(again, Computed, "1.0.1", t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != Unchanged || r.Entry.Revision != 1 {
		t.Fatalf("same values: %+v", r)
	}
	if got := readAll(t, dir); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Fatalf("unchanged store wrote files: %v", got)
	}
	if !strings.Contains(r.Message(), "bez zmian") {
		t.Errorf("message: %s", r.Message())
	}

	// Records corrected: a new revision with the diff; rev 1 stays byte for byte.
	changed := set(2025, "asysta.rodziny", 17, "asysta.dzieci", 28, "piecza.koszt", 8607289, "placowki.dzieci", 40, "szkolenia.liczba", 4)
	r, err = a.Store(changed, Computed, "1.0.1", t0.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != Revised || r.Entry.Revision != 2 || r.Previous.Revision != 1 || filepath.Base(r.Entry.Path) != "rev-0002.json" {
		t.Fatalf("changed store: %+v", r)
	}
	var lines []string
	for _, c := range r.Changes {
		lines = append(lines, c.String())
	}
	want := []string{
		"asysta.rodziny (Rodziny objęte wsparciem asystenta rodziny w okresie): 15 → 17",
		"placowki.dzieci (Dzieci uczęszczające do placówek wsparcia dziennego w okresie): brak danych → 40",
		"szkolenia.liczba (Szkolenia asystentów rodziny): nowy wskaźnik, 4",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(r.Message(), "rewizję 2") || !strings.Contains(r.Message(), "Zmienione wskaźniki: 3") {
		t.Errorf("message: %s", r.Message())
	}
	after := readAll(t, dir)
	if after["2025/rev-0001.json"] != before["2025/rev-0001.json"] {
		t.Fatal("revision 1 was rewritten")
	}
	if len(after) != 2 {
		t.Fatalf("files: %v", keys(after))
	}

	// A removed code and a money change, printed in złoty.
	third := set(2025, "asysta.rodziny", 17, "asysta.dzieci", 28, "piecza.koszt", 8700000, "placowki.dzieci", 40)
	r, err = a.Store(third, Computed, "1.0.1", t0.Add(3*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	lines = nil
	for _, c := range r.Changes {
		lines = append(lines, c.String())
	}
	want = []string{
		"piecza.koszt (Wydatki gminy na współfinansowanie pieczy zastępczej): 86\u00a0072,89\u00a0zł → 87\u00a0000,00\u00a0zł",
		"szkolenia.liczba (Szkolenia asystentów rodziny): usunięty, było 4",
	}
	if r.Entry.Revision != 3 || strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("rev %d changes:\n%s", r.Entry.Revision, strings.Join(lines, "\n"))
	}

	revs, err := a.Revisions("2025")
	if err != nil || len(revs) != 3 {
		t.Fatalf("Revisions: %d, %v", len(revs), err)
	}
	for i, e := range revs {
		if e.Revision != i+1 || e.Key != "2025" || e.Origin != Computed || e.Set.Period.Year != 2025 {
			t.Errorf("revision %d: %+v", i+1, e)
		}
	}
	if revs[0].ToolVersion != "1.0.0" || !revs[0].CreatedAt.Equal(t0) {
		t.Errorf("provenance of rev 1: %q %v", revs[0].ToolVersion, revs[0].CreatedAt)
	}
	if v, _ := revs[0].Set.Value("piecza.koszt"); v != 8607289 {
		t.Errorf("rev 1 piecza.koszt = %d", v)
	}
	if ind, _ := revs[0].Set.Get("placowki.dzieci"); ind.Value != nil {
		t.Errorf("brak danych came back as %d", *ind.Value)
	}
	if revs[0].Set.Sources[0].SHA256 != "abc" {
		t.Errorf("sources not kept: %+v", revs[0].Set.Sources)
	}
	latest, err := a.Latest("2025")
	if err != nil || latest.Revision != 3 {
		t.Fatalf("Latest: %+v %v", latest, err)
	}

	// Half-years and other years.
	h, _ := model.HalfPeriod(2025, 1)
	hs := set(2025, "asysta.rodziny", 10)
	hs.Period = h
	if r, err := a.Store(hs, Computed, "1", t0); err != nil || r.Entry.Key != "2025-H1" {
		t.Fatalf("half-year: %+v %v", r, err)
	}
	if _, err := a.Store(set(2023, "asysta.rodziny", 9), Typed, "1", t0); err != nil {
		t.Fatal(err)
	}
	ks, _ := a.Keys()
	ys, _ := a.Years()
	if fmt.Sprint(ks) != "[2023 2025 2025-H1]" || fmt.Sprint(ys) != "[2023 2025]" {
		t.Errorf("Keys %v Years %v", ks, ys)
	}
	if e, _ := a.Latest("2023"); e.Origin != Typed {
		t.Errorf("origin %q", e.Origin)
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	a, _ := Open(dir)
	if _, err := a.Store(set(2024, "asysta.rodziny", 1), Computed, "1", t0); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "2024", "rev-0001.json")
	orig, _ := os.ReadFile(p)
	// The exclusive create refuses an existing name and leaves it alone.
	created, err := createExclusive(filepath.Join(dir, "2024"), p, &Entry{Format: 1, Key: "2024", Set: set(2024, "asysta.rodziny", 99)})
	if err != nil || created {
		t.Fatalf("createExclusive over an existing file: created=%v err=%v", created, err)
	}
	if now, _ := os.ReadFile(p); string(now) != string(orig) {
		t.Fatal("existing revision overwritten")
	}
	des, _ := os.ReadDir(filepath.Join(dir, "2024"))
	if len(des) != 1 {
		t.Fatalf("temporary files left behind: %d entries", len(des))
	}
}

// Concurrent runs: every different set gets its own revision, none is lost,
// and identical sets are stored once.
func TestConcurrentStore(t *testing.T) {
	dir := t.TempDir()
	const n = 6
	var wg sync.WaitGroup
	errs := make(chan error, 2*n)
	for i := 0; i < n; i++ {
		wg.Add(2)
		go func(i int) {
			defer wg.Done()
			a, _ := Open(dir)
			_, err := a.Store(set(2025, "asysta.rodziny", 100+i), Computed, "1", t0)
			errs <- err
		}(i)
		go func() {
			defer wg.Done()
			a, _ := Open(dir)
			_, err := a.Store(set(2022, "asysta.rodziny", 7), Computed, "1", t0)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	a, _ := Open(dir)
	revs, err := a.Revisions("2025")
	if err != nil || len(revs) != n {
		t.Fatalf("2025: %d revisions, %v", len(revs), err)
	}
	seen := map[int64]bool{}
	for _, e := range revs {
		v, _ := e.Set.Value("asysta.rodziny")
		seen[v] = true
	}
	if len(seen) != n {
		t.Errorf("values lost: %v", seen)
	}
	if revs, _ := a.Revisions("2022"); len(revs) != 1 {
		t.Errorf("2022: identical concurrent stores gave %d revisions", len(revs))
	}
}

func TestCorruptArchive(t *testing.T) {
	dir := t.TempDir()
	a, _ := Open(dir)
	if _, err := a.Store(set(2024, "asysta.rodziny", 12), Computed, "1", t0); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "2024", "rev-0001.json")
	orig, _ := os.ReadFile(p)

	cases := []struct {
		name, content, want string
	}{
		{"cut short", string(orig[:len(orig)/2]), "plik archiwum jest uszkodzony (to nie jest poprawny JSON"},
		{"syntax", "{\n\"format\": 1,\n\"okres\": \"2024\",,\n}", "błąd składni w wierszu 3"},
		{"not an entry", "{}", "brak pola „format” albo „zestaw”"},
		{"edited by hand", strings.Replace(string(orig), `"wartosc": 12`, `"wartosc": 13`, 1), "nie zgadzają się z sumą kontrolną"},
		{"newer format", strings.Replace(string(orig), `"format": 1`, `"format": 9`, 1), "zaktualizuj gpwr"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := a.Latest("2024")
			if err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Latest: %v; want the file %s and %q", err, p, tc.want)
			}
			// Nothing is written on top of an archive that cannot be read.
			if _, err := a.Store(set(2024, "asysta.rodziny", 14), Computed, "1", t0); err == nil || !strings.Contains(err.Error(), p) {
				t.Fatalf("Store over a corrupt archive: %v", err)
			}
			if _, err := os.Stat(filepath.Join(dir, "2024", "rev-0002.json")); err == nil {
				t.Fatal("a revision was written over a corrupt archive")
			}
		})
	}
}

func TestOpenAndStoreErrors(t *testing.T) {
	f := filepath.Join(t.TempDir(), "plik")
	os.WriteFile(f, []byte("x"), 0o644)
	if _, err := Open(f); err == nil || !strings.Contains(err.Error(), "musi być katalogiem") {
		t.Errorf("Open(file): %v", err)
	}
	a, _ := Open(t.TempDir())
	if _, err := a.Store(&model.Set{}, Computed, "1", t0); err == nil {
		t.Error("a set without a period was stored")
	}
	if _, err := a.Store(set(2024), "inne", "1", t0); err == nil {
		t.Error("an unknown origin was accepted")
	}
	if _, err := a.Latest("../x"); err == nil {
		t.Error("a bad key was accepted")
	}
}
