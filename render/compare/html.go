package compare

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"

	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/charts"
	"github.com/gpwr/gpwr/render/compare/yoy"
	"github.com/gpwr/gpwr/render/internal/htmlpage"
	"github.com/gpwr/gpwr/render/plfmt"
)

// Charts returns one line chart per key indicator present in c, in
// yoy.KeyIndicators order (money in grosze, shown by the chart in złoty).
func Charts(c *Comparison) []charts.Chart {
	var out []charts.Chart
	cats := make([]string, len(c.Years))
	for i, y := range c.Years {
		cats[i] = strconv.Itoa(y.Year)
	}
	for _, r := range keyRows(c) {
		vals := make([]*float64, len(r.Values))
		for i, v := range r.Values {
			if v != nil {
				vals[i] = charts.F(float64(*v))
			}
		}
		unit := string(r.Unit)
		if r.Unit == model.UnitMoney {
			unit = charts.UnitGrosze
		}
		out = append(out, charts.Chart{
			ID: r.Code, Title: r.Label, Unit: unit, Kind: charts.Line,
			Categories: cats, Series: []charts.Series{{Name: r.Label, Values: vals}},
		})
	}
	return out
}

// css is the comparison page's own style sheet, after htmlpage.BodyCSS.
const css = `h2{font-size:1.25rem;margin-top:2rem}
.probka{border:2px solid #9c0006;background:#fff1f2;color:#7f1d1d;padding:.5rem 1rem;font-weight:bold}
table.dane{border-collapse:collapse;font-size:.95rem;margin:.5rem 0}
table.dane caption{text-align:left;font-style:italic;padding:.25rem 0}
table.dane th,table.dane td{border:1px solid #6b7280;padding:.2rem .5rem;vertical-align:top}
table.dane thead th{background:#e5e7eb;vertical-align:bottom}
table.dane tbody th{text-align:left;font-weight:normal;min-width:16rem}
table.dane td.liczba{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
table.dane td.brak{text-align:right;color:#374151;font-style:italic}
table.dane td.alarm{font-weight:bold;color:#7f1d1d;background:#ffe4e6}
.tabela-przewijana{overflow-x:auto}
`

var pageTpl = htmlpage.Parse("page", `{{template "head" .Head}}<body>
<main>
<h1>{{.Title}}</h1>
{{if .Sample}}<p class="probka">{{.Sample}}</p>
{{end}}<p>Wygenerowano {{.Generated}}. Kwoty w złotych; „brak danych” oznacza wartość nieustaloną lub nieprzekazaną (nie oznacza zera). Zmiany większe niż ±{{.Threshold}} rok do roku są wyróżnione i wymienione w części „Zmiany do sprawdzenia”.</p>
<h2 id="zrodla">Skąd pochodzą dane poszczególnych lat</h2>
<table class="dane">
<caption>Źródło danych każdego roku</caption>
<thead><tr><th scope="col">Rok</th><th scope="col">Źródło danych</th></tr></thead>
<tbody>
{{range .Years}}<tr><th scope="row">{{.Year}}</th><td>{{.From}}</td></tr>
{{end}}</tbody>
</table>
<h2 id="wykresy">Kluczowe wskaźniki</h2>
{{if .Figures}}{{range .Figures}}{{.}}{{end}}{{else}}<p>Żaden z kluczowych wskaźników nie występuje w wybranych latach.</p>
{{end}}<h2 id="zmiany">Zmiany do sprawdzenia</h2>
{{if .Findings}}<ul>
{{range .Findings}}<li><code>{{.Place}}</code>: {{.Message}}</li>
{{end}}</ul>
{{else}}<p>Brak zmian przekraczających próg.</p>
{{end}}<h2 id="wszystkie">Wszystkie wskaźniki</h2>
<div class="tabela-przewijana" tabindex="0" role="region" aria-label="Tabela wszystkich wskaźników (przewijana w poziomie)">
<table class="dane">
<caption>Wskaźniki w kolejnych latach ze zmianą rok do roku</caption>
<thead><tr><th scope="col">Wskaźnik</th><th scope="col">Kod</th><th scope="col">Jednostka</th>{{range .Years}}<th scope="col">{{.Year}}</th>{{end}}{{range .Spans}}<th scope="col">Zmiana {{.}}</th><th scope="col">Zmiana % {{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr><th scope="row">{{.Label}}</th><td><code>{{.Code}}</code></td><td>{{.Unit}}</td>{{range .Cells}}<td class="{{.Class}}">{{.Text}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</div>
</main>
</body>
</html>
`)

type htmlCell struct{ Text, Class string }

type htmlRow struct {
	Label, Code, Unit string
	Cells             []htmlCell
}

// HTML renders porownanie.html: a self-contained Polish page (lang="pl")
// with the origin of each year, an ECharts line chart per key indicator (via
// render/charts, the script inlined, so it works offline) with a data table
// under each, the changes beyond the threshold, and every indicator in a
// table.
func HTML(c *Comparison, meta Meta) ([]byte, error) {
	js, err := charts.Script()
	if err != nil {
		return nil, err
	}
	var figs []template.HTML
	for _, ch := range Charts(c) {
		f, err := charts.FigureHTML(ch)
		if err != nil {
			return nil, err
		}
		figs = append(figs, f)
	}
	type year struct {
		Year int
		From string
	}
	var years []year
	for _, y := range c.Years {
		years = append(years, year{y.Year, y.From.Polish()})
	}
	var spans []string
	for i := 1; i < len(c.Years); i++ {
		spans = append(spans, fmt.Sprintf("%d–%d", c.Years[i-1].Year, c.Years[i].Year))
	}
	var rows []htmlRow
	for _, r := range c.Rows {
		hr := htmlRow{Label: r.Label, Code: r.Code, Unit: unitText(r.Unit)}
		for _, v := range r.Values {
			if v == nil {
				hr.Cells = append(hr.Cells, htmlCell{plfmt.BrakDanych, "brak"})
				continue
			}
			hr.Cells = append(hr.Cells, htmlCell{formatIn(*v, r.Unit), "liczba"})
		}
		for _, d := range r.Deltas {
			if d.Abs == nil {
				hr.Cells = append(hr.Cells, htmlCell{"–", "brak"})
			} else if r.Unit == model.UnitMoney {
				hr.Cells = append(hr.Cells, htmlCell{plfmt.SignedAmount(*d.Abs), "liczba"})
			} else {
				hr.Cells = append(hr.Cells, htmlCell{plfmt.Signed(*d.Abs), "liczba"})
			}
			switch {
			case d.Pct == nil:
				hr.Cells = append(hr.Cells, htmlCell{"–", "brak"})
			case d.Flagged:
				hr.Cells = append(hr.Cells, htmlCell{plfmt.SignedPercent(*d.Pct, 1), "liczba alarm"})
			default:
				hr.Cells = append(hr.Cells, htmlCell{plfmt.SignedPercent(*d.Pct, 1), "liczba"})
			}
		}
		rows = append(rows, hr)
	}
	sample := ""
	if meta.Sample {
		sample = SampleNote + "."
	}
	generated := ""
	if !meta.Generated.IsZero() {
		generated = plfmt.Date(model.Date{Time: meta.Generated}) + " "
	}
	generated += "programem gpwr " + meta.ToolVersion
	var b bytes.Buffer
	title := Title(c, meta)
	err = pageTpl.Execute(&b, struct {
		Head                                htmlpage.Head
		Title, Sample, Generated, Threshold string
		Years                               []year
		Figures                             []template.HTML
		Findings                            []model.Finding
		Spans                               []string
		Rows                                []htmlRow
	}{
		Head: htmlpage.Head{Title: title, Meta: []htmlpage.Meta{htmlpage.Generator(meta.ToolVersion)},
			CSS: template.CSS(htmlpage.BodyCSS + "\n" + css + charts.CSS), Script: template.JS(js)},
		Title: title, Sample: sample, Generated: generated, Threshold: yoy.ThresholdText(c.Threshold),
		Years: years, Figures: figs, Findings: c.Findings, Spans: spans, Rows: rows,
	})
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// formatIn formats a value in its unit for print: amounts in złoty.
func formatIn(v int64, u model.Unit) string {
	return plfmt.Value(model.Indicator{Value: &v, Unit: u})
}
