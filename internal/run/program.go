package run

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gpwr/gpwr/collectors/partner"
	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
)

// configFindings are the problems of the configuration itself that the
// records cannot reveal: template overrides that are missing, unknown partner
// kinds, programme indicators nothing provides (known: the sets that provide
// values). `check` and `report` both list them.
func configFindings(cfg *config.Config, cat *partner.Catalog, known ...*model.Set) []model.Finding {
	out := templatesFindings(cfg)
	out = append(out, partnerKindFindings(cfg, cat)...)
	return append(out, programFindings(cfg, cat, known...)...)
}

// programFindings warns about each indicator of the programme matrix
// ([[program.cel.dzialanie.wskaznik]] kod) that nothing provides: not an
// indicator of the records (built in, of this year), not a code of the partner
// catalog, not the gmina's own SQL. The report would print it as „brak danych”
// year after year; most often it is a typo, so the nearest known code is
// suggested. known lists the codes the year's sets hold.
func programFindings(cfg *config.Config, cat *partner.Catalog, known ...*model.Set) []model.Finding {
	if cfg == nil {
		return nil
	}
	have := map[string]bool{}
	for _, s := range known {
		if s == nil {
			continue
		}
		for _, ind := range s.Indicators {
			have[ind.Code] = true
		}
	}
	if cat != nil {
		for _, k := range cat.Kinds() {
			for _, c := range k.Codes {
				have[c.Code] = true
			}
		}
	}
	var cands []string
	for c := range have {
		cands = append(cands, c)
	}
	sort.Strings(cands)
	file := filepath.Base(cfg.Path)
	var out []model.Finding
	for gi, g := range cfg.Program.Cele {
		for ai, a := range g.Dzialania {
			for wi, w := range a.Wskazniki {
				if w.Kod == "" || w.SQL != "" || have[w.Kod] {
					continue
				}
				msg := fmt.Sprintf("nieznany kod wskaźnika „%s”: nie jest wskaźnikiem z danych OPS za ten okres, kodem z formularza partnera ani własnym zapytaniem SQL (sql = …), więc w sprawozdaniu będzie „brak danych”", w.Kod)
				if near := partner.Nearest(w.Kod, cands); near != "" {
					msg += fmt.Sprintf("; czy chodziło o %s?", near)
				}
				out = append(out, model.Finding{Severity: model.Warning, Check: "program.kod",
					Place:   fmt.Sprintf("%s, [program] cel %d, działanie %d, wskaźnik %d", file, gi+1, ai+1, wi+1),
					Message: msg})
			}
		}
	}
	return out
}

// partnerKindFindings are errors for each [[partner]] whose rodzaj the
// partner catalog does not know (gpwr forms refuses them; check says so too).
func partnerKindFindings(cfg *config.Config, cat *partner.Catalog) []model.Finding {
	if cfg == nil || cat == nil {
		return nil
	}
	var out []model.Finding
	for i, p := range cfg.Partnerzy {
		if _, ok := cat.Kind(p.Rodzaj); ok {
			continue
		}
		msg := fmt.Sprintf("nieznany rodzaj partnera „%s”; oczekiwano rodzaju z katalogu formularzy (%s) albo z własnego katalogu gminy", p.Rodzaj, strings.Join(cat.KindCodes(), ", "))
		if near := cat.NearestKind(p.Rodzaj); near != "" {
			msg += fmt.Sprintf("; czy chodziło o %s?", near)
		}
		out = append(out, model.Finding{Severity: model.Error, Check: "program.partner",
			Place: fmt.Sprintf("%s, [[partner]] nr %d (%s)", filepath.Base(cfg.Path), i+1, p.Nazwa), Message: msg})
	}
	return out
}

// templatesFindings is an error when [zrodla] szablony names a directory that
// does not exist: the gmina's own templates would silently not be used.
func templatesFindings(cfg *config.Config) []model.Finding {
	if cfg == nil || cfg.Zrodla.Szablony == "" {
		return nil
	}
	dir := cfg.Resolve(cfg.Zrodla.Szablony)
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		return nil
	}
	return []model.Finding{{Severity: model.Error, Check: "program.szablony", Place: filepath.Base(cfg.Path) + ", [zrodla] szablony",
		Message: fmt.Sprintf("katalog własnych szablonów %s nie istnieje; oczekiwano katalogu z podkatalogami report/, partners/ albo cas/ (bez niego używane są szablony wbudowane)", dir)}}
}
