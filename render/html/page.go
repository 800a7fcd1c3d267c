package html

import (
	"time"

	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/internal/htmlpage"
	"github.com/gpwr/gpwr/render/report"
)

func dateOf(d *report.Doc) model.Date {
	t := d.Generated.In(time.UTC)
	return model.D(t.Year(), t.Month(), t.Day())
}

// css: dark text on white (contrast ≥ 7:1 for body text, ≥ 4.5:1 everywhere),
// visible focus, tables that scroll instead of overflowing, a print sheet.
const css = `:root{color-scheme:light}
*{box-sizing:border-box}
body{font-family:"Liberation Sans",Arial,Helvetica,sans-serif;color:#111827;background:#fff;margin:0;line-height:1.5;font-size:1rem}
.strona{max-width:64rem;margin:0 auto;padding:0 1.5rem 2rem}
a{color:#1d4ed8}
a:focus,[tabindex]:focus{outline:3px solid #b45309;outline-offset:2px}
.pomin{position:absolute;left:-10000px;top:0;background:#fff;padding:.5rem 1rem}
.pomin:focus{left:1rem;z-index:10}
.baner{background:#fef3c7;color:#7c2d12;border:2px solid #b45309;padding:.75rem 1rem;margin:1rem 0;font-weight:bold}
.baner.publikacja{background:#eff6ff;color:#1e3a8a;border-color:#1d4ed8}
header.tytulowa{border-bottom:3px solid #0b5394;padding:1.5rem 0 1rem;margin-bottom:1.5rem}
header.tytulowa .nadtytul{font-size:1.1rem;margin:0;color:#374151}
h1{font-size:1.9rem;line-height:1.25;margin:.25rem 0 .5rem}
h2{font-size:1.5rem;border-bottom:1px solid #9ca3af;padding-bottom:.25rem;margin-top:2.5rem}
h3{font-size:1.25rem;margin-top:2rem}
h4{font-size:1.1rem;margin-top:1.5rem}
header.tytulowa dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1rem 0 0}
header.tytulowa dt{font-weight:bold}
header.tytulowa dd{margin:0}
nav.spis ul{list-style:none;padding-left:0}
nav.spis ul ul{padding-left:1.5rem}
nav.spis li{margin:.15rem 0}
.uwaga{background:#f3f4f6;border-left:4px solid #0b5394;padding:.5rem .75rem}
.tabela{overflow-x:auto;margin:1rem 0 1.5rem}
.tabela table{border-collapse:collapse;min-width:50%}
.tabela caption{text-align:left;font-weight:bold;padding:.25rem 0 .5rem;caption-side:top}
.tabela th,.tabela td{border:1px solid #6b7280;padding:.3rem .55rem;vertical-align:top;overflow-wrap:anywhere}
.tabela thead th{background:#e5e7eb;text-align:center}
.tabela tbody th{text-align:left;font-weight:normal}
.tabela tfoot th,.tabela tfoot td,.tabela .wytluszczenie{font-weight:bold}
.tabela tfoot{border-top:2px solid #111827}
td.liczba,th.liczba{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.srodek{text-align:center}
td.brak{font-style:italic;color:#374151}
.przypis{font-size:.9rem;color:#374151;margin:.35rem 0}
.podpis{margin:2.5rem 0 1rem auto;max-width:24rem;text-align:center}
.podpis .nazwisko{font-weight:bold}
.podpis .sporzadzil{text-align:left;font-size:.9rem;margin-top:2rem}
footer.stopka{border-top:1px solid #9ca3af;margin-top:3rem;padding-top:.5rem;font-size:.9rem;color:#374151}
@media print{
 body{font-size:10.5pt}
 .strona{max-width:none;padding:0}
 .pomin,nav.spis{display:none}
 a{color:#111827;text-decoration:none}
 h2{break-before:page;border-bottom:1px solid #111827}
 h2,h3,h4,caption{break-after:avoid}
 .tabela{overflow:visible}
 .tabela table{width:100%}
 tr,figure,.podpis{break-inside:avoid}
 thead{display:table-header-group}
 .baner{border:2px solid #111827;background:none;color:#111827}
}
`

var pageTpl = htmlpage.Parse("page", `{{template "head" .Head}}<body>
<div class="strona">
<a class="pomin" href="#tresc">Przejdź do treści</a>
{{if .Doc.Synthetic}}<div class="baner" role="note">{{.Doc.SyntheticNote}}</div>
{{end}}{{if .Doc.Publication}}<div class="baner publikacja" role="note">{{.Doc.PublicationNote}}</div>
{{end}}{{with .Doc.TitlePage}}<header class="tytulowa">
{{if $.ShowKicker}}<p class="nadtytul">{{.Kicker}}</p>
{{end}}<h1>{{$.Doc.Title}}</h1>
{{if .Basis}}<p>{{.Basis}}</p>
{{end}}<dl>
{{if .Gmina}}<dt>Gmina</dt><dd>{{.Gmina}}{{if .Teryt}} (TERYT {{.Teryt}}){{end}}</dd>
{{end}}{{if .Council}}<dt>Adresat</dt><dd>{{.Council}}</dd>
{{end}}{{if .Presenter}}<dt>Przedkłada</dt><dd>{{.Presenter}}</dd>
{{end}}{{if .OPS}}<dt>Opracował</dt><dd>{{.OPS}}{{if .OPSAddress}}, {{.OPSAddress}}{{end}}{{if .OPSContact}}, {{.OPSContact}}{{end}}</dd>
{{end}}{{if .Program}}<dt>Program</dt><dd>{{.Program}}{{if .Resolution}} – {{.Resolution}}{{end}}</dd>
{{end}}{{if .DateText}}<dt>Data</dt><dd>{{.DateText}}</dd>
{{end}}</dl>
</header>
{{end}}<nav class="spis" aria-labelledby="spis-tresci">
<h2 id="spis-tresci">Spis treści</h2>
<ul>
{{range .TOC}}<li><a href="#{{.Anchor}}">{{.Heading}}</a>{{if .Sub}}
<ul>
{{range .Sub}}<li><a href="#{{.Anchor}}">{{.Heading}}</a></li>
{{end}}</ul>
{{end}}</li>
{{end}}</ul>
</nav>
<main id="tresc">
{{.Body}}{{if .Extra}}<h2 id="wykresy">Wykresy</h2>
{{range .Extra}}{{.}}{{end}}{{end}}</main>
<footer class="stopka">
<p>{{.Footer}}</p>
</footer>
</div>
</body>
</html>
`)
