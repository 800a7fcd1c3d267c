package run

import (
	"github.com/gpwr/gpwr/internal/output"
	"github.com/gpwr/gpwr/render/forms"
)

// Forms writes the blank partner returns of a year for every [[partner]].
func Forms(env *Env, s Sources, year int, out string) error {
	if s.Cfg == nil {
		return Usagef("brak pliku konfiguracji (--config)")
	}
	if err := checkYear(year); err != nil {
		return err
	}
	if len(s.Cfg.Partnerzy) == 0 {
		return Usagef("w pliku konfiguracji nie ma żadnego partnera ([[partner]] z kluczami rodzaj i nazwa)")
	}
	cat, err := newInputs(env, s).catalog()
	if err != nil {
		return err
	}
	st, err := output.New(out)
	if err != nil {
		return err
	}
	defer st.Abort()
	if _, err := forms.Write(st.Dir, s.Cfg, cat, year); err != nil {
		return err
	}
	files, err := st.Commit()
	if err != nil {
		return err
	}
	printResult(env, nil, files)
	return nil
}
