package report

import (
	"regexp"
	"strings"
	"testing"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
)

// TestTemplateErrorsPolish: a mistake in the gmina's own template is reported
// in Polish with the line, not in text/template's English.
func TestTemplateErrorsPolish(t *testing.T) {
	b := &builder{cfg: &config.Config{}, cur: &model.Set{}}
	b.data = narrData{}
	cases := []struct{ text, want string }{
		{"Akapit.\n{{ .Nieistnieje", "błąd w szablonie /g/report/placowki.tmpl: wiersz 2: niezamknięte {{ … }}"},
		{"{{ .Nieistnieje }}", "błąd podczas wypełniania szablonu /g/report/placowki.tmpl: wiersz 1, kolumna 3: w wyrażeniu {{.Nieistnieje}}: nieznane pole .Nieistnieje"},
		{"{{ nieznana 3 }}", "błąd w szablonie /g/report/placowki.tmpl: wiersz 1: funkcja „nieznana” nie istnieje"},
		{"{{ if true }}tekst", "błąd w szablonie /g/report/placowki.tmpl: wiersz 1: nieoczekiwany koniec pliku (brak {{end}}?)"},
		{"tekst {{ end }}", "błąd w szablonie /g/report/placowki.tmpl: wiersz 1: nadmiarowe {{end}}"},
	}
	english := regexp.MustCompile(`(?i)\b(unexpected|unclosed|executing|evaluate|function|not defined|in type|template:)\b`)
	for _, tc := range cases {
		_, err := b.execText(tc.text, "/g/report/placowki.tmpl")
		if err == nil {
			t.Errorf("%q: no error", tc.text)
			continue
		}
		if !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q:\ngot  %q\nwant %q", tc.text, err, tc.want)
		}
		if english.MatchString(err.Error()) {
			t.Errorf("English in %q", err)
		}
	}
}
