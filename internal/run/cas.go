package run

import (
	"errors"
	"fmt"

	"github.com/gpwr/gpwr/internal/output"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/cas"
	"github.com/gpwr/gpwr/render/jsonout"
	"github.com/gpwr/gpwr/render/report"
)

// CASOptions are the inputs of `gpwr cas`.
type CASOptions struct {
	Sources
	Year, Half int
	Out        string
	Synthetic  bool
}

// CAS produces the half-year return in the layout of the ministry's form,
// computed from the records of the half-year (never from yearly figures),
// checked, as XLSX, a PDF print-out and wskazniki.json.
func CAS(env *Env, o CASOptions) error {
	if o.Cfg == nil {
		return Usagef("brak pliku konfiguracji (--config)")
	}
	if err := checkYear(o.Year); err != nil {
		return err
	}
	p, err := model.HalfPeriod(o.Year, o.Half)
	if err != nil {
		return Usagef("%s (--half 1 albo --half 2)", err)
	}
	if err := notFuture(env, p); err != nil {
		return err
	}
	form, err := cas.LoadForm(p, cas.OverrideDir(o.Cfg))
	if err != nil {
		if errors.Is(err, cas.ErrNoForm) {
			return fmt.Errorf("brak definicji formularza CAS obowiązującego w okresie %s – %s", p.From, p.To)
		}
		return err
	}
	in := newInputs(env, o.Sources)
	defer in.closeRecords()
	set, err := collect(in, p)
	if err != nil {
		return err
	}
	in.closeRecords()
	var prev *model.Set
	if e, err := latest(in, p.Previous()); err != nil {
		return err
	} else if e != nil {
		prev = e.Set
	}
	filled := cas.Compute(form, set)
	if o.Synthetic {
		filled.Note = report.SyntheticNote
	}
	findings := append(append([]model.Finding{}, set.Findings...), cas.Check(filled, prev, o.Cfg, model.Date{Time: env.Now()})...)
	st, err := output.New(o.Out)
	if err != nil {
		return err
	}
	defer st.Abort()
	if _, err := cas.Write(st.Dir, filled, findings, o.Cfg); err != nil {
		return fmt.Errorf("zapis sprawozdania CAS: %w", err)
	}
	if err := jsonout.Write(st.Path(jsonout.FileName), set, jsonMeta(env, o.Sources, o.Synthetic)); err != nil {
		return err
	}
	if err := interrupted(env); err != nil {
		return err
	}
	files, err := st.Commit()
	if err != nil {
		return err
	}
	printResult(env, findings, files)
	return archiveStore(in, set)
}

func jsonMeta(env *Env, s Sources, synthetic bool) jsonout.Meta {
	return jsonout.Meta{Gmina: s.Cfg.Gmina.Nazwa, Teryt: s.Cfg.Gmina.Teryt, Generated: env.Now().UTC().Truncate(1e9), Tool: "gpwr " + ToolVersion(), Synthetic: synthetic}
}
