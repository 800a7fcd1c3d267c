package run

import (
	"fmt"

	"github.com/gpwr/gpwr/internal/output"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/jsonout"
)

// ReportOptions are the inputs of `gpwr report`.
type ReportOptions struct {
	Sources
	Year      int
	Out       string
	Synthetic bool // the demo: every output says the data is synthetic
}

// Report produces the annual report of a year.
func Report(env *Env, o ReportOptions) error {
	if o.Cfg == nil {
		return Usagef("brak pliku konfiguracji (--config)")
	}
	if err := checkYear(o.Year); err != nil {
		return err
	}
	sets, err := collect(env, o.Sources, model.YearPeriod(o.Year))
	if err != nil {
		return err
	}
	cur := sets[0]
	st, err := output.New(o.Out)
	if err != nil {
		return err
	}
	defer st.Abort()
	meta := jsonout.Meta{Gmina: o.Cfg.Gmina.Nazwa, Teryt: o.Cfg.Gmina.Teryt, Generated: env.Now().UTC().Truncate(1e9), Tool: "gpwr " + ToolVersion(), Synthetic: o.Synthetic}
	if err := jsonout.Write(st.Path(jsonout.FileName), cur, meta); err != nil {
		return err
	}
	files, err := st.Commit()
	if err != nil {
		return err
	}
	report(env, cur, files)
	return nil
}

func checkYear(y int) error {
	if y < 2000 || y > 2100 {
		return Usagef("rok %d jest poza zakresem; oczekiwano roku sprawozdawczego, np. --year 2025", y)
	}
	return nil
}

// report prints what was written and the findings.
func report(env *Env, s *model.Set, files []string) {
	for _, f := range s.Findings {
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
