package run

import (
	"fmt"

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
	in := newInputs(env, o.Sources)
	defer in.closeRecords()
	findings, err := in.validate()
	if err != nil {
		return err
	}
	p := model.YearPeriod(o.Year)
	set, err := collect(in, p)
	if err != nil {
		return err
	}
	in.closeRecords()
	findings = append(findings, set.Findings...)
	pr, err := readPartners(in, o.Sources, p)
	if err != nil {
		return err
	}
	findings = append(findings, pr.Findings...)
	cat, err := in.catalog()
	if err != nil {
		return err
	}
	findings = append(findings, configFindings(o.Cfg, cat, set, &model.Set{Indicators: pr.Indicators})...)
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
