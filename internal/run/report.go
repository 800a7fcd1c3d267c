package run

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/gpwr/gpwr/internal/output"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/charts"
	"github.com/gpwr/gpwr/render/charts/fromreport"
	"github.com/gpwr/gpwr/render/compare/yoy"
	"github.com/gpwr/gpwr/render/html"
	"github.com/gpwr/gpwr/render/jsonout"
	"github.com/gpwr/gpwr/render/pdf"
	"github.com/gpwr/gpwr/render/plfmt"
	"github.com/gpwr/gpwr/render/report"
	"github.com/gpwr/gpwr/render/xlsx"
)

// ReportOptions are the inputs of `gpwr report`.
type ReportOptions struct {
	Sources
	Year      int
	Out       string
	Synthetic bool // the demo: every output says the data is synthetic
}

// Report file names.
func reportStem(year int) string { return "sprawozdanie_gpwr_" + strconv.Itoa(year) }

// Report produces the annual report of a year. The steps, in order:
//  1. the year's indicators from the OPS records, in one read-only snapshot;
//  2. the partner returns, checked — any error stops the run before rendering;
//  3. the previous years, from the archive or the records;
//  4. the document, built once from the model;
//  5. the renderers, each into the staging directory: JSON, chart PNGs, PDF,
//     XLSX, HTML with offline charts;
//  6. the files moved into place, all or nothing;
//  7. the year archived (a changed re-run becomes a new revision).
func Report(env *Env, o ReportOptions) error {
	if o.Cfg == nil {
		return Usagef("brak pliku konfiguracji (--config)")
	}
	if err := checkYear(o.Year); err != nil {
		return err
	}
	if err := notFuture(env, model.YearPeriod(o.Year)); err != nil {
		return err
	}
	step := env.steps(8)
	defer step("")
	in := newInputs(env, o.Sources)
	defer in.closeRecords()
	step("Odczyt danych OPS i zwrotów partnerów")
	cur, missing, err := yearWithPartners(in, o.Sources, o.Year)
	if err != nil {
		return err
	}
	if errs := cur.Errors(); len(errs) > 0 {
		return &InputError{Msg: fmt.Sprintf("dane OPS za %d mają błędy (%d); sprawozdanie nie zostało utworzone", o.Year, len(errs)), Findings: errs}
	}
	// Programme indicators nothing provides (typos): told on the terminal,
	// not written into the council's document.
	cat, err := in.catalog()
	if err != nil {
		return err
	}
	for _, f := range configFindings(o.Cfg, cat, cur) {
		env.say("Uwaga: %s", f)
	}
	var prevYears []int
	for y := o.Year - 5; y < o.Year; y++ {
		prevYears = append(prevYears, y)
	}
	step("Lata poprzednie")
	ys, err := years(in, prevYears)
	if err != nil {
		return err
	}
	in.closeRecords() // all read: the snapshot is not held while rendering
	var history []*model.Set
	for _, y := range ys {
		if y.Set != nil {
			history = append(history, y.Set)
		}
		if y.Set != nil && y.Year == o.Year-1 {
			// Implausible moves of the key figures: the same rule as compare and CAS.
			for _, f := range yoy.Changes(y.Set, cur, o.Cfg.Ustawienia.ProgZmianyProcent) {
				if yoy.IsKey(f.Place) {
					cur.Findings = append(cur.Findings, f)
				}
			}
		}
	}
	halves, err := archivedHalves(in, o.Year)
	if err != nil {
		return err
	}
	step("Budowa sprawozdania")
	doc, err := report.Build(report.Input{Cfg: o.Cfg, Current: cur, History: history, Halves: halves, Missing: missing,
		Synthetic: o.Synthetic, Generated: env.Now(), TemplatesDir: o.templatesDir("report")})
	if err != nil {
		return err
	}
	st, err := output.New(o.Out)
	if err != nil {
		return err
	}
	defer st.Abort()
	stem := reportStem(o.Year)
	meta := jsonMeta(env, o.Sources, o.Synthetic)
	for _, m := range missing {
		meta.PartnersNo = append(meta.PartnersNo, m.Nazwa)
	}
	if err := jsonout.Write(st.Path(jsonout.FileName), cur, meta); err != nil {
		return err
	}
	step("Wykresy")
	cs := fromreport.Doc(doc)
	pngs := map[string][]byte{}
	if err := os.MkdirAll(st.Path("wykresy"), 0o755); err != nil {
		return err
	}
	for _, c := range cs {
		b, err := charts.PNG(c)
		if err != nil {
			return fmt.Errorf("wykres %s: %w", c.Title, err)
		}
		pngs[c.ID] = b
		if err := output.WriteFile(st.Path(filepath.Join("wykresy", c.ID+".png")), b); err != nil {
			return err
		}
	}
	renderers := []struct {
		what string
		fn   func() error
	}{
		{"PDF", func() error { return pdf.Write(st.Path(stem+".pdf"), doc, pngs) }},
		{"XLSX", func() error { return xlsx.Write(st.Path(stem+".xlsx"), doc) }},
		{"HTML", func() error { return html.Write(st.Path(stem+".html"), doc, cs) }},
	}
	for _, r := range renderers {
		step("Zapis " + r.what)
		if err := r.fn(); err != nil {
			return fmt.Errorf("sprawozdanie %s: %w", r.what, err)
		}
	}
	if err := interrupted(env); err != nil {
		return err
	}
	files, err := st.Commit()
	if err != nil {
		return err
	}
	printResult(env, cur.Findings, files)
	for _, m := range missing {
		env.say("Brak zwrotu od partnera: %s (%s) – w sprawozdaniu „brak danych”.", m.Nazwa, m.Rodzaj)
	}
	return archiveStore(in, cur)
}

// notFuture refuses a period that has not begun: its figures would all be
// zero, and the archive would keep them as if they were a real period.
func notFuture(env *Env, p model.Period) error {
	today := model.Date{Time: env.Now()}
	if p.From.After(today.Time) {
		return Usagef("okres %s jeszcze się nie rozpoczął (dziś jest %s); sprawozdanie sporządza się za okres, który trwa albo już się zakończył",
			plfmt.PeriodText(p), plfmt.DateShort(today))
	}
	return nil
}

// interrupted tells whether the user stopped the run (Ctrl-C): nothing is
// moved into place then, and the staging directory is removed.
func interrupted(env *Env) error {
	if env.Ctx != nil && env.Ctx.Err() != nil {
		return fmt.Errorf("przerwano na żądanie użytkownika; nowe wyniki nie zostały zapisane, poprzednie pliki pozostały bez zmian")
	}
	return nil
}

func checkYear(y int) error {
	if y < 2000 || y > 2100 {
		return Usagef("rok %d jest poza zakresem; oczekiwano roku sprawozdawczego, np. --year 2025", y)
	}
	return nil
}

// printResult prints what was written and the findings.
func printResult(env *Env, findings []model.Finding, files []string) {
	for _, f := range findings {
		label := "Uwaga"
		if f.Severity == model.Error {
			label = "Błąd"
		}
		env.say("%s: %s", label, f)
	}
	for _, f := range files {
		fmt.Fprintln(env.Stdout, f)
	}
}

// archivedHalves are the year's half-year returns kept in the archive by
// earlier `gpwr cas` runs, for the report's chapter on the CAS returns.
func archivedHalves(in *inputs, year int) ([]report.HalfYear, error) {
	var out []report.HalfYear
	for h := 1; h <= 2; h++ {
		p, _ := model.HalfPeriod(year, h)
		e, err := latest(in, p)
		if err != nil {
			return nil, err
		}
		if e != nil {
			out = append(out, report.HalfYear{Set: e.Set, Prepared: e.CreatedAt, Revision: e.Revision})
		}
	}
	return out, nil
}
