package report_test

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/gpwr/gpwr/render/plfmt"
	. "github.com/gpwr/gpwr/render/report"
	"github.com/gpwr/gpwr/render/report/reporttest"
)

// The stems of the past-tense verbs the built-in templates put next to a
// counted noun; the test checks each one it finds before a number.
var verbStems = []string{"korzysta", "skorzysta", "wychowywa", "zosta", "by", "zakończy", "odby", "działa", "uczęszcza", "przebywa", "mia"}

// Participles chosen by {{forma}}: one, few, many.
var participles = [][3]string{
	{"objęta", "objęte", "objętych"}, {"zakończona", "zakończone", "zakończonych"},
	{"zobowiązana", "zobowiązane", "zobowiązanych"}, {"zatrudniony", "zatrudnionych", "zatrudnionych"},
	{"licząca", "liczące", "liczących"}, {"poświęcone", "poświęcone", "poświęconych"},
}

var numRe = regexp.MustCompile(`(?:^|[^\d,])(\d+)\x{00a0}`)

// narrativeText is every sentence of the document outside tables.
func narrativeText(d *Doc) []string {
	var out []string
	for _, c := range d.Chapters {
		for _, b := range c.Blocks {
			switch b.Kind {
			case BlockParagraph, BlockNote, BlockHeading:
				out = append(out, b.Text)
			case BlockList:
				out = append(out, b.List.Items...)
			}
		}
	}
	return out
}

// nounsByLength lists the ready nouns, longest forms first (so "rodzin
// wspierających" wins over "rodzin").
func nounForms() []struct {
	form string
	noun plfmt.Noun
} {
	var fs []struct {
		form string
		noun plfmt.Noun
	}
	for _, w := range plfmt.Nouns {
		for _, f := range []string{w.One, w.Few, w.Many} {
			fs = append(fs, struct {
				form string
				noun plfmt.Noun
			}{f, w})
		}
	}
	sort.SliceStable(fs, func(i, j int) bool { return len(fs[i].form) > len(fs[j].form) })
	return fs
}

func checkAgreement(t *testing.T, k int64, sentences []string) int {
	t.Helper()
	forms := nounForms()
	checked := 0
	for _, s := range sentences {
		for _, m := range numRe.FindAllStringSubmatchIndex(s, -1) {
			n, _ := strconv.ParseInt(s[m[2]:m[3]], 10, 64)
			rest := s[m[1]:]
			var noun *plfmt.Noun
			for _, f := range forms {
				if strings.HasPrefix(rest, f.form) && (len(rest) == len(f.form) || !isLetter(rest[len(f.form):])) {
					w := f.noun
					noun = &w
					if got, want := f.form, w.Form(n); got != want && !(w.Few == w.Many && got == w.Few && n != 1) {
						// A form of another noun may share the spelling (rodziny is also
						// the few form only): only flag it when no noun accepts it.
						if !anyNounAccepts(forms, rest, n) {
							t.Errorf("k=%d: „%d %s” — oczekiwano „%d %s”: %s", k, n, got, n, want, s)
						}
					}
					checked++
					break
				}
			}
			if noun == nil {
				continue
			}
			// The verb or participle in the three words before the number.
			before := strings.Fields(s[:m[2]])
			if len(before) > 3 {
				before = before[len(before)-3:]
			}
			for _, word := range before {
				word = strings.Trim(word, ",;:.")
				for _, st := range verbStems {
					v := plfmt.Past(st)
					for _, f := range []string{v.M, v.F, v.N, v.Pl, v.PlM} {
						if word == f {
							if want := plfmt.Agree(v, n, *noun); word != want {
								t.Errorf("k=%d: czasownik „%s” przy „%d %s” — oczekiwano „%s”: %s", k, word, n, noun.Form(n), want, s)
							}
						}
					}
				}
				for _, p := range participles {
					for _, f := range p {
						if word == f {
							if want := plfmt.Plural(n, p[0], p[1], p[2]); word != want && !(p[1] == p[2] && word == p[1] && n != 1) {
								t.Errorf("k=%d: imiesłów „%s” przy liczbie %d — oczekiwano „%s”: %s", k, word, n, want, s)
							}
						}
					}
				}
			}
		}
	}
	return checked
}

func anyNounAccepts(forms []struct {
	form string
	noun plfmt.Noun
}, rest string, n int64) bool {
	for _, f := range forms {
		if strings.HasPrefix(rest, f.noun.Form(n)) {
			return true
		}
	}
	return false
}

func isLetter(s string) bool {
	for _, r := range s {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 && r != '\u00a0' && r != '”' && r != '—' && r != '–'
	}
	return false
}

// TestNarrativeAgreement0to200 renders every narrative template with every
// indicator set to each count 0–200 and checks that each number agrees with
// the noun after it (and the verb or participle before it).
func TestNarrativeAgreement0to200(t *testing.T) {
	in := reporttest.Input()
	total := 0
	for k := int64(0); k <= 200; k++ {
		d, err := BuildWith(in, func(string) (int64, bool) { return k, true })
		if err != nil {
			t.Fatal(err)
		}
		txt := narrativeText(d)
		total += checkAgreement(t, k, txt)
		for _, s := range txt {
			if strings.Contains(s, "brak danych") && !strings.Contains(s, "„brak danych”") {
				t.Errorf("k=%d: nieoczekiwane „brak danych” w zdaniu: %s", k, s)
			}
		}
		if t.Failed() {
			return
		}
	}
	if total < 201*15 {
		t.Errorf("checked only %d number–noun pairs: the test does not see the sentences", total)
	}
}

// In publication mode small counts read "mniej niż 3 rodziny".
func TestNarrativePublication(t *testing.T) {
	in := reporttest.Input()
	in.Cfg.Ustawienia.Publikacja = true
	for _, k := range []int64{1, 2} {
		d, err := BuildWith(in, func(string) (int64, bool) { return k, true })
		if err != nil {
			t.Fatal(err)
		}
		all := strings.Join(narrativeText(d), "\n")
		if !strings.Contains(all, "mniej niż 3\u00a0rodziny") {
			t.Errorf("k=%d: no „mniej niż 3 rodziny” in publication mode", k)
		}
		// Supporting families (an institutional count) are not hidden.
		all = strings.ReplaceAll(all, strconv.FormatInt(k, 10)+"\u00a0rodzin"+map[int64]string{1: "a", 2: "y"}[k]+" wspierając", "")
		if strings.Contains(all, strconv.FormatInt(k, 10)+"\u00a0rodzin") {
			t.Errorf("k=%d: a hidden count leaked into the text", k)
		}
	}
}
