package run

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

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
	sub := filepath.Join(dir, strconv.Itoa(year))
	if st, err := os.Stat(sub); err == nil && st.IsDir() {
		return sub, nil
	}
	if hasYearDirs(dir) {
		// zwroty/2024, zwroty/2025 … but none for this year: no partner
		// sent anything yet (the files of other years are not this year's).
		return sub, nil
	}
	return dir, nil
}

// hasYearDirs tells whether dir is laid out by year (zwroty/2025/…).
func hasYearDirs(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if n := e.Name(); e.IsDir() && len(n) == 4 && strings.Trim(n, "0123456789") == "" {
			return true
		}
	}
	return false
}

// ofYear is the sources for computing an earlier year (the report's previous
// years, a comparison): its returns are read only from a directory for that
// year (zwroty/2022, or a --partners directory named 2022). A flat directory
// holds the current year's returns, which are not the earlier year's; that
// year then counts as one from which no partner sent anything.
func (s Sources) ofYear(year int) Sources {
	dir, err := s.partnersDir(year)
	if err != nil || dir == "" || filepath.Base(dir) == strconv.Itoa(year) {
		return s
	}
	out := s
	out.Partners = ""
	if s.Cfg != nil {
		c := *s.Cfg
		c.Zrodla.Zwroty = ""
		out.Cfg = &c
	}
	return out
}

// readPartners reads and checks the partner returns of the period's year,
// from where s says they are (in.src, or in.src.ofYear for an earlier year). A
// missing directory means no partner sent anything.
func readPartners(in *inputs, s Sources, p model.Period) (partner.Result, error) {
	cat, err := in.catalog()
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
	var res partner.Result
	switch _, statErr := os.Stat(dir); {
	case dir == "":
		res = partner.Result{Missing: exp.Partners}
	case statErr != nil:
		in.env.say("Uwaga: katalog zwrotów od partnerów %s nie istnieje – żaden partner nie przysłał danych.", dir)
		res = partner.Result{Missing: exp.Partners}
	default:
		res = partner.ReadDir(dir, cat, exp)
	}
	res.Indicators = append(res.Indicators, notReported(cat, res, p)...)
	return res, nil
}

// notReported gives, for each partner who sent nothing, every code of its kind
// as "brak danych" (nil) with the catalog's label, so that the report and the
// JSON show the indicator as not reported instead of leaving it out. Codes
// another institution of the same kind reported are left alone.
func notReported(cat *partner.Catalog, res partner.Result, p model.Period) []model.Indicator {
	have := map[string]bool{}
	for _, ind := range res.Indicators {
		have[ind.Code] = true
	}
	var out []model.Indicator
	for _, m := range res.Missing {
		k, ok := cat.Kind(m.Rodzaj)
		if !ok {
			continue
		}
		for _, c := range k.Codes {
			if have[c.Code] {
				continue
			}
			have[c.Code] = true
			out = append(out, model.Indicator{Code: c.Code, Label: c.Label, Unit: c.Unit, From: p.From, To: p.To,
				Source: "brak zwrotu: " + m.Nazwa, Remark: "partner nie przysłał zwrotu"})
		}
	}
	return out
}
