package charts

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"regexp"
	"strings"
	"sync"

	ec "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"github.com/gpwr/gpwr/render/internal/htmlpage"
)

// The ECharts script (echarts@5.6.0, dist/echarts.min.js from npm) is copied
// into assets/ by `go generate ./render/charts` and embedded in the binary, so
// the HTML pages need no network. assets/README.md keeps the directory (and
// the package) buildable before the script is generated.
//
//go:generate go run gen_assets.go
//go:embed assets
var assets embed.FS

// ScriptFile is the path of the embedded ECharts script inside assets.
const ScriptFile = "assets/echarts.min.js"

// ErrNoScript means the binary was built without the ECharts script.
var ErrNoScript = errors.New("brak skryptu ECharts – uruchom ./dev assets")

// Script returns the ECharts library to inline into a page. The embedded
// file is read once per process.
func Script() (string, error) { return echartsJS() }

var echartsJS = sync.OnceValues(func() (string, error) {
	b, err := fs.ReadFile(assets, ScriptFile)
	if err != nil || len(b) == 0 {
		return "", ErrNoScript
	}
	return string(b), nil
})

// CSS styles the figures (chart, caption, data table). Pages that embed
// FigureHTML include it once.
const CSS = `.wykres{margin:1.5rem 0;max-width:60rem}
.wykres figcaption{font-weight:bold;margin-bottom:.5rem}
.wykres .plotno{width:100%;height:380px}
.wykres table{border-collapse:collapse;margin-top:.5rem;font-size:.95rem;min-width:24rem}
.wykres caption{text-align:left;font-weight:normal;font-style:italic;padding:.25rem 0}
.wykres th,.wykres td{border:1px solid #6b7280;padding:.2rem .5rem}
.wykres thead th{background:#e5e7eb;color:#111827}
.wykres td.liczba{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.wykres td.brak{text-align:right;color:#374151;font-style:italic}
@media print{.wykres .plotno{height:300px}.wykres{break-inside:avoid}}`

func (c Chart) caption() string {
	if c.Caption != "" {
		return c.Caption
	}
	return c.Title
}

var idUnsafe = regexp.MustCompile(`[^A-Za-z0-9_]`)

// elementID is the DOM id of the chart and the suffix of its JS variables.
func (c Chart) elementID() string { return "wykres_" + idUnsafe.ReplaceAllString(c.ID, "_") }

// jsNumber is a JS function formatting v the Polish way, as plfmt does (NBSP
// between thousands from five integer digits, decimal comma, U+2212 minus,
// "brak danych" for a missing value). It
// contains no backslash and no double quote: go-echarts passes it through a
// JSON string.
func jsNumber(decimals int, trim bool, suffix string) types.FuncStr {
	t := ""
	if trim {
		t = "f=f.replace(/0+$/,'');"
	}
	return opts.FuncOpts(fmt.Sprintf(`function (v) {`+
		`if (v === null || v === undefined || v === '-' || isNaN(Number(v))) { return '%s'; }`+
		`v = Number(v); var s = Math.abs(v).toFixed(%d).split('.'); var i = s[0], o = '';`+
		`if (i.length > 4) { while (i.length > 3) { o = '%s' + i.slice(-3) + o; i = i.slice(0, -3); } }`+
		`var f = s.length > 1 ? s[1] : ''; %s`+
		`return (v < 0 ? '%s' : '') + i + o + (f ? ',' + f : '') + '%s'; }`,
		BrakDanych, decimals, "\u00a0", t, "\u2212", suffix))
}

// script renders the <script> element that draws d into its element.
func script(c Chart) (string, error) {
	d := c.display()
	axis := jsNumber(2, true, "")
	tip := jsNumber(2, true, "")
	switch d.Unit {
	case UnitZloty:
		tip = jsNumber(2, false, "\u00a0zł")
	case UnitPercent:
		tip = jsNumber(2, true, "\u00a0%")
	}
	nonNeg := true
	for _, s := range d.Series {
		for _, v := range s.Values {
			if v != nil && *v < 0 {
				nonNeg = false
			}
		}
	}
	yAxis := opts.YAxis{Name: c.yLabel(), Type: "value", AxisLabel: &opts.AxisLabel{Formatter: axis}}
	if nonNeg {
		yAxis.Min = 0
	}
	global := []ec.GlobalOpts{
		ec.WithInitializationOpts(opts.Initialization{ChartID: c.elementID(), Width: "100%", Height: "380px"}),
		ec.WithAnimation(false),
		ec.WithColorsOpts(opts.Colors(Palette)),
		ec.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", ValueFormatter: tip}),
		ec.WithLegendOpts(opts.Legend{Show: opts.Bool(len(d.Series) > 1), Bottom: "0"}),
		ec.WithGridOpts(opts.Grid{Left: "3%", Right: "4%", Top: "40", Bottom: "40", ContainLabel: opts.Bool(true)}),
		ec.WithYAxisOpts(yAxis),
	}
	resize := types.FuncStr("window.addEventListener('resize', function () { %MY_ECHARTS%.resize(); });")
	var snip string
	switch d.Kind {
	case Line:
		ch := ec.NewLine()
		ch.SetGlobalOptions(global...)
		ch.SetXAxis(d.Categories)
		for _, s := range d.Series {
			data := make([]opts.LineData, len(s.Values))
			for i, v := range s.Values {
				data[i] = opts.LineData{Value: jsValue(v)}
			}
			ch.AddSeries(s.Name, data, ec.WithLineChartOpts(opts.LineChart{ConnectNulls: opts.Bool(false), ShowSymbol: opts.Bool(true), Symbol: "circle", SymbolSize: 9}), ec.WithLineStyleOpts(opts.LineStyle{Width: 3}))
		}
		ch.AddJSFuncStrs(resize)
		snip = ch.RenderSnippet().Script
	case Bar:
		ch := ec.NewBar()
		ch.SetGlobalOptions(global...)
		ch.SetXAxis(d.Categories)
		for _, s := range d.Series {
			data := make([]opts.BarData, len(s.Values))
			for i, v := range s.Values {
				data[i] = opts.BarData{Value: jsValue(v)}
			}
			ch.AddSeries(s.Name, data)
		}
		ch.AddJSFuncStrs(resize)
		snip = ch.RenderSnippet().Script
	}
	// Labels are data: keep a "</script>" in a title from ending the element.
	open := strings.Index(snip, ">") + 1
	end := strings.LastIndex(snip, "</script>")
	if open <= 0 || end < open {
		return "", fmt.Errorf("wykres %q: nieoczekiwany wynik go-echarts", c.ID)
	}
	return snip[:open] + strings.ReplaceAll(snip[open:end], "</", `<\/`) + snip[end:], nil
}

// jsValue is a value for ECharts: "-" is its marker of a missing point.
func jsValue(v *float64) interface{} {
	if v == nil {
		return "-"
	}
	return *v
}

var figureTpl = template.Must(template.New("figure").Parse(`<figure class="wykres" id="{{.ID}}-rycina" aria-labelledby="{{.ID}}-podpis">
<figcaption id="{{.ID}}-podpis">{{.Caption}}</figcaption>
<div class="plotno" id="{{.ID}}" role="img" aria-label="{{.Alt}}"></div>
{{.Script}}
<table>
<caption>Dane wykresu „{{.Title}}”{{if .Unit}} ({{.Unit}}){{end}}</caption>
<thead><tr><th scope="col">{{.Corner}}</th>{{range .Series}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr><th scope="row">{{.Cat}}</th>{{range .Cells}}<td class="{{if .Missing}}brak{{else}}liczba{{end}}">{{.Text}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</figure>
`))

type figureCell struct {
	Text    string
	Missing bool
}

type figureRow struct {
	Cat   string
	Cells []figureCell
}

// FigureHTML returns one chart as a <figure>: caption, the ECharts element
// with its text alternative, the drawing script, and a data table for screen
// readers and print. The page must inline Script() before it and include CSS.
func FigureHTML(c Chart) (template.HTML, error) {
	if err := c.Validate(); err != nil {
		return "", err
	}
	sc, err := script(c)
	if err != nil {
		return "", err
	}
	d := c.display()
	data := struct {
		ID, Title, Caption, Alt, Unit, Corner string
		Script                                template.HTML
		Series                                []string
		Rows                                  []figureRow
	}{ID: c.elementID(), Title: c.Title, Caption: c.caption(), Alt: c.Describe(), Unit: d.Unit, Corner: "Rok", Script: template.HTML(sc)}
	for _, s := range d.Series {
		data.Series = append(data.Series, s.Name)
	}
	for i, cat := range d.Categories {
		r := figureRow{Cat: cat}
		for _, s := range d.Series {
			r.Cells = append(r.Cells, figureCell{Text: d.Text(s, i), Missing: s.Values[i] == nil})
		}
		data.Rows = append(data.Rows, r)
	}
	var b bytes.Buffer
	if err := figureTpl.Execute(&b, data); err != nil {
		return "", fmt.Errorf("wykres %q: %w", c.ID, err)
	}
	return template.HTML(b.String()), nil
}

var pageTpl = htmlpage.Parse("page", `{{template "head" .Head}}<body>
<main>
<h1>{{.Title}}</h1>
{{if .Intro}}<p>{{.Intro}}</p>
{{end}}{{range .Figures}}{{.}}{{end}}</main>
</body>
</html>
`)

// HTMLPage writes a self-contained Polish page (lang="pl") with the charts,
// each followed by its data table. The ECharts script is inlined, so the page
// works offline. Chart IDs must be unique.
func HTMLPage(w io.Writer, title string, cs []Chart) error {
	js, err := Script()
	if err != nil {
		return err
	}
	return writePage(w, title, cs, js)
}

func writePage(w io.Writer, title string, cs []Chart, js string) error {
	seen := map[string]string{}
	var figs []template.HTML
	for _, c := range cs {
		id := c.elementID()
		if prev, ok := seen[id]; ok {
			return fmt.Errorf("wykresy %q i %q mają ten sam identyfikator na stronie", prev, c.ID)
		}
		seen[id] = c.ID
		f, err := FigureHTML(c)
		if err != nil {
			return err
		}
		figs = append(figs, f)
	}
	intro := ""
	if len(cs) > 0 {
		intro = "Pod każdym wykresem znajduje się tabela z danymi. „brak danych” oznacza wartość nieustaloną lub nieprzekazaną (nie oznacza zera)."
	}
	return pageTpl.Execute(w, struct {
		Head         htmlpage.Head
		Title, Intro string
		Figures      []template.HTML
	}{htmlpage.Head{Title: title, CSS: template.CSS(htmlpage.BodyCSS + "\n" + CSS), Script: template.JS(js)}, title, intro, figs})
}
