package run

import (
	"fmt"

	"github.com/gpwr/gpwr/collectors/ops"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/plfmt"
)

// CheckOptions are the inputs of `gpwr check`.
type CheckOptions struct {
	Sources
	Year int
}

// Check reads every input of a year without rendering anything and lists every
// problem: broken contract rules in the records, findings of the indicator
// checks, problems of the partner returns. Errors make it fail (exit 1).
func Check(env *Env, o CheckOptions) error {
	if o.Cfg == nil {
		return Usagef("brak pliku konfiguracji (--config)")
	}
	if err := checkYear(o.Year); err != nil {
		return err
	}
	name, err := o.dbName()
	if err != nil {
		return err
	}
	db, err := ops.OpenReadOnly(env.Ctx, name, o.Cfg.Zrodla.Schemat)
	if err != nil {
		return err
	}
	findings, err := db.Validate(env.Ctx)
	db.Close()
	if err != nil {
		return err
	}
	sets, err := collect(env, o.Sources, model.YearPeriod(o.Year))
	if err != nil {
		return err
	}
	findings = append(findings, sets[0].Findings...)
	pr, err := readPartners(env, o.Sources, model.YearPeriod(o.Year))
	if err != nil {
		return err
	}
	findings = append(findings, pr.Findings...)
	cat, err := o.catalog()
	if err != nil {
		return err
	}
	findings = append(findings, templatesFindings(o.Cfg)...)
	findings = append(findings, partnerKindFindings(o.Cfg, cat)...)
	findings = append(findings, programFindings(o.Cfg, cat, sets[0], &model.Set{Indicators: pr.Indicators})...)
	errs := 0
	for _, f := range findings {
		label := "uwaga"
		if f.Severity == model.Error {
			label = "BŁĄD"
			errs++
		}
		fmt.Fprintf(env.Stdout, "%s: %s\n", label, f)
	}
	for _, p := range pr.Missing {
		fmt.Fprintf(env.Stdout, "uwaga: brak zwrotu od partnera: %s (%s)\n", p.Nazwa, p.Rodzaj)
	}
	if errs > 0 {
		return &InputError{Msg: fmt.Sprintf("kontrola danych za %d: %d %s do poprawienia", o.Year, errs, plfmt.Plural(int64(errs), "błąd", "błędy", "błędów"))}
	}
	env.say("Kontrola danych za %d: bez błędów (%d %s).", o.Year, len(findings), plfmt.Plural(int64(len(findings)), "uwaga", "uwagi", "uwag"))
	return nil
}
