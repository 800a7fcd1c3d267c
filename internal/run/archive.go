package run

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gpwr/gpwr/internal/archive"
	"github.com/gpwr/gpwr/internal/output"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/compare"
	"github.com/gpwr/gpwr/render/plfmt"
)

// archiveStore keeps the run's indicators; a changed re-run becomes a new
// revision and the difference is printed.
func archiveStore(in *inputs, set *model.Set) error {
	return store(in, set, archive.Computed)
}

// store archives a set and prints what the archive did, with the changes of a
// new revision.
func store(in *inputs, set *model.Set, origin archive.Origin) error {
	a, err := in.archive()
	if err != nil {
		return err
	}
	res, err := a.Store(set, origin, ToolVersion(), in.env.Now())
	if err != nil {
		return err
	}
	in.env.say("%s", res.Message())
	for i, c := range res.Changes {
		if i == maxChangesShown && len(res.Changes) > maxChangesShown+1 {
			in.env.say("  … i jeszcze %s (wszystkie wartości obu rewizji są w plikach archiwum; porównanie lat: gpwr compare)", plfmt.Count(int64(len(res.Changes)-i), "zmiana", "zmiany", "zmian"))
			break
		}
		in.env.say("  %s", c)
	}
	return nil
}

// maxChangesShown bounds the list of changed indicators printed after a new
// revision: a clerk reads twenty lines, not two hundred.
const maxChangesShown = 20

// latest is the latest archived revision of a period, or nil.
func latest(in *inputs, p model.Period) (*archive.Entry, error) {
	a, err := in.archive()
	if err != nil {
		return nil, err
	}
	return a.Latest(p.Key())
}

// years gives each year's indicators: the latest archived revision, else
// computed from the records (in the command's one snapshot) when they cover
// the year, else absent.
func years(in *inputs, list []int) ([]compare.YearSet, error) {
	a, err := in.archive()
	if err != nil {
		return nil, err
	}
	compute := func(y int) (*model.Set, error) {
		if _, err := in.src.dbName(); err != nil {
			return nil, nil // no records: archive only
		}
		snap, err := in.records()
		if err != nil {
			return nil, err
		}
		if ok, err := snap.Covers(model.YearPeriod(y)); err != nil || !ok {
			return nil, err
		}
		set, _, err := yearWithPartners(in, in.src.ofYear(y), y)
		return set, err
	}
	return compare.Collect(a, list, compute)
}

// CompareOptions are the inputs of `gpwr compare`.
type CompareOptions struct {
	Sources
	Years     []int
	Out       string
	Synthetic bool
}

// Compare writes the multi-year comparison.
func Compare(env *Env, o CompareOptions) error {
	if o.Cfg == nil {
		return Usagef("brak pliku konfiguracji (--config)")
	}
	if len(o.Years) == 0 {
		return Usagef("podaj lata do porównania, np. --years 2021-2025")
	}
	in := newInputs(env, o.Sources)
	defer in.closeRecords()
	ys, err := years(in, o.Years)
	if err != nil {
		return err
	}
	in.closeRecords()
	if !anyData(ys) {
		return &InputError{Msg: fmt.Sprintf("brak danych do porównania: lat %s nie ma w archiwum (%s), a rekordy OPS ich nie obejmują; najpierw utwórz sprawozdania (gpwr report) albo wpisz dawne lata (gpwr archive import)",
			yearsText(o.Years), o.Cfg.Resolve(o.Cfg.Zrodla.Archiwum))}
	}
	c := compare.Build(ys, o.Cfg.Ustawienia.ProgZmianyProcent)
	st, err := output.New(o.Out)
	if err != nil {
		return err
	}
	defer st.Abort()
	meta := compare.Meta{Gmina: o.Cfg.Gmina.Nazwa, OPS: o.Cfg.OPS.Nazwa, ToolVersion: ToolVersion(), Generated: env.Now(), Sample: o.Synthetic}
	if _, err := compare.Write(st.Dir, c, meta); err != nil {
		return fmt.Errorf("zapis porównania: %w", err)
	}
	files, err := st.Commit()
	if err != nil {
		return err
	}
	for _, y := range c.Years {
		env.say("Rok %d: %s", y.Year, y.From.Polish())
	}
	if n := len(c.Findings); n > 0 {
		env.say("Porównanie: %d %s o więcej niż ±%v %% rok do roku – lista w %s.", n,
			plfmt.Plural(int64(n), "wskaźnik zmienił się", "wskaźniki zmieniły się", "wskaźników zmieniło się"), c.Threshold, compare.FileXLSX)
	}
	printResult(env, nil, files)
	return nil
}

// ArchiveImport stores a past year typed in from an old paper report.
func ArchiveImport(env *Env, s Sources, year int, path string) error {
	if s.Cfg == nil {
		return Usagef("brak pliku konfiguracji (--config)")
	}
	if err := checkYear(year); err != nil {
		return err
	}
	in := newInputs(env, s)
	cat, err := in.catalog()
	if err != nil {
		return err
	}
	set, findings, err := archive.Import(path, year, s.Cfg, cat)
	if err != nil {
		return err
	}
	errs := 0
	for _, f := range findings {
		if f.Severity == model.Error {
			errs++
		}
	}
	if errs > 0 {
		return &InputError{Msg: fmt.Sprintf("nie zaimportowano pliku %s: %d %s do poprawienia", path, errs, plfmt.Plural(int64(errs), "błąd", "błędy", "błędów")), Findings: findings}
	}
	for _, f := range findings {
		env.say("Uwaga: %s", f)
	}
	// A year computed from the records is not replaced by figures typed in
	// from paper: the next report would flip it back, and every comparison
	// in between would show the typed figures.
	if e, err := latest(in, set.Period); err != nil {
		return err
	} else if e != nil && e.Origin == archive.Computed {
		return &InputError{Msg: fmt.Sprintf("rok %d jest już w archiwum, obliczony z rekordów OPS (rewizja %d); wpis ręczny go nie zastąpi – importuj tylko lata, których nie ma w rekordach, a błędy w roku %d popraw w danych OPS i uruchom ponownie gpwr report", year, e.Revision, year)}
	}
	return store(in, set, archive.Typed)
}

// anyData tells whether some year of a comparison has figures.
func anyData(ys []compare.YearSet) bool {
	for _, y := range ys {
		if y.Set != nil {
			return true
		}
	}
	return false
}

// yearsText writes a list of years for a message: "2010–2012" or "2019, 2021".
func yearsText(ys []int) string {
	if len(ys) == 0 {
		return ""
	}
	contiguous := true
	for i := 1; i < len(ys); i++ {
		contiguous = contiguous && ys[i] == ys[i-1]+1
	}
	if contiguous && len(ys) > 1 {
		return fmt.Sprintf("%d–%d", ys[0], ys[len(ys)-1])
	}
	parts := make([]string, len(ys))
	for i, y := range ys {
		parts[i] = strconv.Itoa(y)
	}
	return strings.Join(parts, ", ")
}
