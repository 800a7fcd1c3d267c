package partner

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
)

// ReadDir reads every .csv and .xlsx file of dir (not its subdirectories),
// checks each on its own and turns the files without errors into indicators.
//
// Aggregation: the returns of one kind are combined code by code. When two
// institutions of the same kind (e.g. two schools) report the same code,
// counts and amounts are summed over the institutions that reported a value
// (nil when none did); the remark then lists each institution's remark as
// „Nazwa: uwaga”, and names the institutions that did not report it
// („brak danych od: …”), so a partial sum is never mistaken for a full one;
// tekst values are joined the same way. Source is the file name, or the file
// names joined with ", ". Every code of the kind's catalog entry is emitted,
// the ones a file left out as not reported (Value nil).
//
// A file with errors contributes nothing; two files from the same institution
// are both errors (the clerk must keep one). Other files in dir are warnings.
// Partners named in exp.Partners that sent no file are in Missing (not in
// Findings: the caller lists them once, in `gpwr check` and in the report).
func ReadDir(dir string, cat *Catalog, exp Expect) Result {
	var res Result
	entries, err := os.ReadDir(dir)
	if err != nil {
		res.Findings = append(res.Findings, model.Finding{Severity: model.Error, Check: "zwroty.katalog", Place: dir,
			Message: fmt.Sprintf("nie można odczytać katalogu zwrotów partnerów: %s", polishOSError(err))})
		res.Missing = append(res.Missing, exp.Partners...)
		return res
	}
	var rets []*Return
	for _, e := range entries { // os.ReadDir sorts by name
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
			continue // subdirectories, hidden files, Excel's lock files
		}
		switch strings.ToLower(filepath.Ext(name)) {
		case ".csv", ".xlsx", ".xlsm":
		default:
			res.Findings = append(res.Findings, model.Finding{Severity: model.Warning, Check: "zwrot.pominiety", Place: name,
				Message: "plik pominięty: oczekiwano zwrotu w formacie .csv albo .xlsx"})
			continue
		}
		ret, fs := ReadFile(filepath.Join(dir, name), cat, exp)
		res.Findings = append(res.Findings, fs...)
		if ret == nil {
			res.Files = append(res.Files, FileResult{Name: name, Path: filepath.Join(dir, name), Partner: -1, Errors: countSev(fs, model.Error), Warnings: countSev(fs, model.Warning)})
			continue
		}
		rets = append(rets, ret)
	}

	// Two returns from one institution: both are errors.
	byInst := map[string][]*Return{}
	for _, r := range rets {
		if r.Kind != "" && r.Institution != "" {
			k := r.Kind + "|" + normName(r.Institution)
			byInst[k] = append(byInst[k], r)
		}
	}
	for _, r := range rets {
		group := byInst[r.Kind+"|"+normName(r.Institution)]
		if r.Institution == "" || len(group) < 2 {
			continue
		}
		var others []string
		for _, o := range group {
			if o != r {
				others = append(others, o.File)
			}
		}
		res.Findings = append(res.Findings, model.Finding{Severity: model.Error, Check: "zwrot.podwojny", Place: r.File,
			Message: fmt.Sprintf("ta sama instytucja (%s) przysłała też plik %s; oczekiwano jednego zwrotu od instytucji – usuń lub przenieś zbędny plik", r.Institution, strings.Join(others, ", "))})
		r.Errors++
	}

	// Match files to the configured partners.
	matched := make([]bool, len(exp.Partners))
	for _, r := range rets {
		p := matchPartner(r, exp.Partners)
		if p >= 0 {
			matched[p] = true
		} else if len(exp.Partners) > 0 && r.Kind != "" && r.Errors == 0 {
			res.Findings = append(res.Findings, model.Finding{Severity: model.Warning, Check: "zwrot.partner_spoza_listy", Place: r.File,
				Message: fmt.Sprintf("instytucja %s (%s) nie jest wymieniona w konfiguracji jako partner ([[partner]]); zwrot zostanie użyty", quoteOr(r.Institution, r.File), r.Kind)})
		}
		res.Files = append(res.Files, FileResult{Name: r.File, Path: r.Path, Format: r.Format, Encoding: r.Encoding, Kind: r.Kind,
			Institution: r.Institution, Partner: p, Errors: r.Errors, Warnings: r.Warnings})
		src := r.Source
		if r.Errors > 0 {
			src.Note = "zawiera błędy – nie użyto"
		}
		res.Sources = append(res.Sources, src)
	}
	for i, p := range exp.Partners {
		if matched[i] {
			continue
		}
		res.Missing = append(res.Missing, p)
	}

	res.Indicators = aggregate(rets, cat, exp)
	return res
}

func countSev(fs []model.Finding, s model.Severity) int {
	n := 0
	for _, f := range fs {
		if f.Severity == s {
			n++
		}
	}
	return n
}

func quoteOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return "„" + s + "”"
}

// matchPartner finds the configured partner a return comes from: the same
// kind and the same institution name (ignoring case, diacritics and
// punctuation); else the same kind and a file name starting with the partner's
// plik; else the only partner of that kind.
func matchPartner(r *Return, ps []config.Partner) int {
	if r.Kind == "" {
		return -1
	}
	only, n := -1, 0
	stem := strings.ToLower(strings.TrimSuffix(r.File, filepath.Ext(r.File)))
	for i, p := range ps {
		if p.Rodzaj != r.Kind {
			continue
		}
		if r.Institution != "" && normName(p.Nazwa) == normName(r.Institution) {
			return i
		}
		only, n = i, n+1
	}
	for i, p := range ps {
		if p.Rodzaj == r.Kind && p.Plik != "" && strings.HasPrefix(stem, strings.ToLower(FileStem(p.Plik))) {
			return i
		}
	}
	if n == 1 {
		return only
	}
	return -1
}

// normName folds an institution name for comparison: lower case, no
// diacritics, letters and digits only.
func normName(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, fold(s))
}

// fold lower-cases s and strips diacritics (ł → l included).
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, strings.ToLower(strings.TrimSpace(s)))
	if err != nil {
		out = strings.ToLower(s)
	}
	return strings.ReplaceAll(out, "ł", "l")
}

// FileStem makes an ASCII file-name stem from any text: Polish letters
// without diacritics, lower case, runs of other characters as one "_".
// render/forms names the forms with it; matchPartner compares with it.
func FileStem(s string) string {
	var b strings.Builder
	under := false
	for _, r := range fold(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			under = false
		} else if !under && b.Len() > 0 {
			b.WriteByte('_')
			under = true
		}
	}
	return strings.TrimSuffix(b.String(), "_")
}

// aggregate turns the error-free returns into indicators, one per code of
// every kind that sent at least one good file, sorted by code.
func aggregate(rets []*Return, cat *Catalog, exp Expect) []model.Indicator {
	from, to := exp.From, exp.To
	if from.IsZero() || to.IsZero() {
		p := model.YearPeriod(exp.Year)
		from, to = p.From, p.To
	}
	byKind := map[string][]*Return{}
	for _, r := range rets {
		if r.Errors == 0 && r.Kind != "" {
			byKind[r.Kind] = append(byKind[r.Kind], r)
		}
	}
	var out []model.Indicator
	for kind, group := range byKind {
		kd, ok := cat.Kind(kind)
		if !ok {
			continue
		}
		var files []string
		for _, r := range group {
			files = append(files, r.File)
		}
		for _, cd := range kd.Codes {
			ind := model.Indicator{Code: cd.Code, Label: cd.Label, Unit: cd.Unit, From: from, To: to, Source: strings.Join(files, ", ")}
			var sum int64
			var reported bool
			var texts, remarks, silent []string
			for _, r := range group {
				who := r.Institution
				if who == "" {
					who = r.File
				}
				var row *Row
				for i := range r.Rows {
					if r.Rows[i].Code == cd.Code {
						row = &r.Rows[i]
					}
				}
				if row == nil || (row.Value == nil && row.Text == "") {
					silent = append(silent, who)
				} else if row.Value != nil {
					sum += *row.Value
					reported = true
				}
				if len(group) == 1 {
					if row != nil {
						ind.Text, ind.Remark = row.Text, row.Remark
					}
					continue
				}
				if row != nil && row.Text != "" {
					texts = append(texts, who+": "+row.Text)
				}
				if row != nil && row.Remark != "" {
					remarks = append(remarks, who+": "+row.Remark)
				}
			}
			if reported {
				ind.Value = model.Int(sum)
			}
			if len(group) > 1 {
				ind.Text = strings.Join(texts, "; ")
				if (reported || len(texts) > 0) && len(silent) > 0 {
					remarks = append(remarks, "brak danych od: "+strings.Join(silent, ", "))
				}
				ind.Remark = strings.Join(remarks, "; ")
			}
			out = append(out, ind)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Code < out[b].Code })
	return out
}
