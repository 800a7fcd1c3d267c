// Package htmlpage is the frame every HTML page of gpwr shares (the annual
// report, the chart page, the multi-year comparison): the doctype, lang="pl",
// the <head> with its metadata, the inline style sheet and the inlined
// ECharts script, so the pages stay self-contained and work offline.
package htmlpage

import "html/template"

// Head is what the shared <head> prints.
type Head struct {
	Title  string
	Meta   []Meta       // <meta name content>, in order; empty contents are left out
	CSS    template.CSS // the page's whole style sheet
	Script template.JS  // the inlined ECharts library; "" for a page without charts
}

// Meta is one <meta name="…" content="…">.
type Meta struct{ Name, Content string }

// Generator is the <meta name="generator"> of every page.
func Generator(version string) Meta {
	if version == "" {
		return Meta{"generator", "gpwr"}
	}
	return Meta{"generator", "gpwr " + version}
}

// BodyCSS is the plain layout of the single-column pages (charts, comparison):
// one centred column of dark text on white.
const BodyCSS = `body{font-family:"Liberation Sans",Arial,sans-serif;color:#111827;background:#fff;margin:0 auto;padding:1rem 1.5rem;max-width:64rem;line-height:1.45}
h1{font-size:1.6rem}`

// head opens the page: a page template calls {{template "head" .Head}} first
// and closes </html> itself.
const head = `{{define "head"}}<!DOCTYPE html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
{{range .Meta}}{{if .Content}}<meta name="{{.Name}}" content="{{.Content}}">
{{end}}{{end}}<style>
{{.CSS}}
</style>
{{with .Script}}<script>{{.}}</script>
{{end}}</head>
{{end}}`

// Parse parses a page template that starts with {{template "head" .Head}}.
// It panics on a bad template, as template.Must does: page templates are
// constants of the program.
func Parse(name, page string) *template.Template {
	return template.Must(template.Must(template.New(name).Parse(head)).Parse(page))
}
