package run

import (
	"os"
	"path/filepath"
	"strconv"

	"github.com/gpwr/gpwr/collectors/partner"
	"github.com/gpwr/gpwr/model"
)

// templatesDir is the gmina's directory of template overrides, with sub as the
// part of the templates ("" when the gmina has none).
func (s Sources) templatesDir(sub string) string {
	if s.Cfg == nil || s.Cfg.Zrodla.Szablony == "" {
		return ""
	}
	d := filepath.Join(s.Cfg.Resolve(s.Cfg.Zrodla.Szablony), sub)
	if _, err := os.Stat(d); err != nil {
		return ""
	}
	return d
}

// catalog is the partner catalog: built in, plus the gmina's own kinds.
func (s Sources) catalog() (*partner.Catalog, error) {
	return partner.LoadCatalog(s.templatesDir("partners"))
}

// partnersDir decides where the year's returns are: --partners, else
// [zrodla] zwroty; a directory with a sub-directory named after the year
// (zwroty/2025) means that sub-directory.
func (s Sources) partnersDir(year int) (string, error) {
	dir := s.Partners
	if dir == "" && s.Cfg != nil && s.Cfg.Zrodla.Zwroty != "" {
		dir = s.Cfg.Resolve(s.Cfg.Zrodla.Zwroty)
	} else if dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return "", Usagef("katalog zwrotów od partnerów %s nie istnieje", dir)
		}
	}
	if dir == "" {
		return "", nil
	}
	if st, err := os.Stat(filepath.Join(dir, strconv.Itoa(year))); err == nil && st.IsDir() {
		dir = filepath.Join(dir, strconv.Itoa(year))
	}
	return dir, nil
}

// readPartners reads and checks the partner returns of the period's year. A
// missing directory means no partner sent anything.
func readPartners(env *Env, s Sources, p model.Period) (partner.Result, error) {
	cat, err := s.catalog()
	if err != nil {
		return partner.Result{}, err
	}
	dir, err := s.partnersDir(p.Year)
	if err != nil {
		return partner.Result{}, err
	}
	exp := partner.Expect{Year: p.Year, From: p.From, To: p.To}
	if s.Cfg != nil {
		exp.Teryt = s.Cfg.Gmina.Teryt
		exp.Partners = s.Cfg.Partnerzy
		exp.Encoding = s.Cfg.Ustawienia.Kodowanie
	}
	if dir == "" {
		return partner.Result{Missing: exp.Partners}, nil
	}
	if _, err := os.Stat(dir); err != nil {
		env.say("Uwaga: katalog zwrotów od partnerów %s nie istnieje — żaden partner nie przysłał danych.", dir)
		return partner.Result{Missing: exp.Partners}, nil
	}
	return partner.ReadDir(dir, cat, exp), nil
}
