package run

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/samples"
)

// DemoYear is the year the demo reports on; the samples cover 2022–2025 and a
// year 2021 typed in from a paper report.
const DemoYear = 2025

// Demo runs every command on the embedded synthetic gmina: loads its records
// into a fresh SQLite file, archives the earlier years, imports the typed-in
// year, and writes both CAS half-years, the annual report (which shows them),
// next year's partner forms and the comparison of years into out. Every
// output says the data is synthetic.
func Demo(env *Env, out string) error {
	if out == "" {
		return Usagef("podaj katalog wyników: gpwr demo --out KATALOG")
	}
	work, err := os.MkdirTemp("", "gpwr-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	if err := samples.Extract(work); err != nil {
		return fmt.Errorf("rozpakowanie danych przykładowych: %w", err)
	}
	cfg, err := config.Load(filepath.Join(work, "gmina.toml"))
	if err != nil {
		return err
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	// The archive lives with the results, so a second demo shows "bez zmian".
	cfg.Zrodla.Archiwum = filepath.Join(abs, "archiwum")
	dbName := "sqlite:" + filepath.Join(work, "ops.db")
	env.say("DEMO – dane fikcyjne gminy „%s” (wygenerowane, nie dotyczą żadnej prawdziwej osoby).", cfg.Gmina.Nazwa)
	if err := DBLoad(env, dbName, "", filepath.Join(work, "ops"), false); err != nil {
		return err
	}
	src := Sources{Cfg: cfg, DB: dbName}
	if err := demoPastYears(env, src, filepath.Join(work, "wpis", "2021.csv")); err != nil {
		return err
	}
	steps := []struct {
		what string
		fn   func() error
	}{
		{"CAS za I półrocze", func() error {
			return CAS(env, CASOptions{Sources: src, Year: DemoYear, Half: 1, Out: filepath.Join(out, "cas_"+strconv.Itoa(DemoYear)+"_H1"), Synthetic: true})
		}},
		{"CAS za II półrocze", func() error {
			return CAS(env, CASOptions{Sources: src, Year: DemoYear, Half: 2, Out: filepath.Join(out, "cas_"+strconv.Itoa(DemoYear)+"_H2"), Synthetic: true})
		}},
		{"sprawozdanie roczne", func() error {
			return Report(env, ReportOptions{Sources: src, Year: DemoYear, Out: filepath.Join(out, "sprawozdanie_"+strconv.Itoa(DemoYear)), Synthetic: true})
		}},
		{"formularze dla partnerów", func() error {
			return Forms(env, src, DemoYear+1, filepath.Join(out, "formularze_"+strconv.Itoa(DemoYear+1)))
		}},
		{"porównanie lat", func() error {
			return Compare(env, CompareOptions{Sources: src, Years: []int{2021, 2022, 2023, 2024, DemoYear}, Out: filepath.Join(out, "porownanie"), Synthetic: true})
		}},
	}
	for _, s := range steps {
		env.say("— %s", s.what)
		if err := s.fn(); err != nil {
			return fmt.Errorf("%s: %w", s.what, err)
		}
	}
	env.say("Gotowe. Wyniki (DANE FIKCYJNE) w katalogu %s.", out)
	return nil
}

// demoPastYears checks the demo's records against the contract, imports the
// year typed in from paper and archives the years from 2022 to DemoYear-1,
// all computed from one snapshot.
func demoPastYears(env *Env, src Sources, typed string) error {
	in := newInputs(env, src)
	defer in.closeRecords()
	fs, err := in.validate()
	if err != nil {
		return err
	}
	if len(fs) > 0 {
		return fmt.Errorf("dane przykładowe naruszają kontrakt: %v", fs[0])
	}
	if err := ArchiveImport(env, src, 2021, typed); err != nil {
		return err
	}
	for y := 2022; y < DemoYear; y++ {
		set, _, err := yearWithPartners(in, src, y)
		if err != nil {
			return err
		}
		if err := archiveStore(in, set); err != nil {
			return err
		}
	}
	return nil
}

// yearWithPartners is the year's indicators from the records with the partner
// returns merged in (read from where s says), and the partners who sent
// nothing. Errors in the returns stop the run and name the files to fix.
func yearWithPartners(in *inputs, s Sources, year int) (*model.Set, []config.Partner, error) {
	p := model.YearPeriod(year)
	set, err := collect(in, p)
	if err != nil {
		return nil, nil, err
	}
	pr, err := readPartners(in, s, p)
	if err != nil {
		return nil, nil, err
	}
	if pr.Errors() > 0 {
		return nil, nil, &InputError{Msg: fmt.Sprintf("zwroty partnerów za %d mają błędy; popraw pliki: %s", year, strings.Join(pr.BadFiles(), ", ")), Findings: pr.Findings}
	}
	for _, ind := range pr.Indicators {
		set.Add(ind)
	}
	set.Findings = append(set.Findings, pr.Findings...)
	set.Sources = append(set.Sources, pr.Sources...)
	set.Sort()
	return set, pr.Missing, nil
}
