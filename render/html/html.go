// Package html writes the annual report as one accessible, self-contained
// HTML page for the gmina's BIP: lang="pl", a title, headings in order, a
// table of contents, real tables with captions and header scopes, every chart
// with a caption, a text alternative and its data table, inline CSS (with a
// print stylesheet) and the ECharts script inlined, so the file works offline
// and can be published as it is. It is meant to pass WCAG 2.1 AA.
package html

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"strings"

	"github.com/gpwr/gpwr/internal/output"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/charts"
	"github.com/gpwr/gpwr/render/charts/fromreport"
	"github.com/gpwr/gpwr/render/internal/htmlpage"
	"github.com/gpwr/gpwr/render/internal/layout"
	"github.com/gpwr/gpwr/render/plfmt"
	"github.com/gpwr/gpwr/render/report"
)

// Write writes the HTML report of d to path, whole or not at all. cs are the
// interactive charts: a chart block of d is drawn from the chart with the same
// ID in cs, or from the block itself when cs has none; charts of cs that no
// block names are shown in a closing section „Wykresy”.
func Write(path string, d *report.Doc, cs []charts.Chart) error {
	if d == nil {
		return fmt.Errorf("html: brak dokumentu sprawozdania do zapisania w %s", path)
	}
	var buf bytes.Buffer
	if err := render(&buf, d, cs, charts.Script); err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	if err := output.WriteFile(path, buf.Bytes()); err != nil {
		return fmt.Errorf("nie udało się zapisać %s: %w", path, err)
	}
	return nil
}

// page is what the template prints.
type page struct {
	Head     htmlpage.Head
	Doc      *report.Doc
	TOC      []tocEntry
	Body     template.HTML
	Extra    []template.HTML // charts no block names
	HasChart bool
	Footer   string
	// ShowKicker is false when the title already starts with the kicker.
	ShowKicker bool
}

type tocEntry struct {
	Anchor, Heading string
	Sub             []tocEntry
}

// render writes the page; script supplies the ECharts library (a stub in the
// golden test, so the file stays readable).
func render(w io.Writer, d *report.Doc, cs []charts.Chart, script func() (string, error)) error {
	byID := map[string]charts.Chart{}
	for _, c := range cs {
		byID[c.ID] = c
	}
	used := map[string]bool{}
	p := page{Doc: d}
	p.Head = htmlpage.Head{Title: d.Title, CSS: template.CSS(css + charts.CSS), Meta: []htmlpage.Meta{
		{Name: "author", Content: d.Meta.Author}, {Name: "description", Content: d.Meta.Subject},
		{Name: "keywords", Content: d.Meta.Keywords}, htmlpage.Generator(""),
	}}
	p.ShowKicker = d.TitlePage.Kicker != "" && !strings.HasPrefix(d.Title, d.TitlePage.Kicker)
	var body strings.Builder
	anchors := map[string]int{}
	for i, ch := range d.Chapters {
		anchor := ch.Anchor
		if anchor == "" {
			anchor = fmt.Sprintf("rozdzial-%d", i+1)
		}
		if n := anchors[anchor]; n > 0 {
			anchor = fmt.Sprintf("%s-%d", anchor, n+1)
		}
		anchors[ch.Anchor]++
		e := tocEntry{Anchor: anchor, Heading: ch.Heading()}
		if ch.Level >= 2 && len(p.TOC) > 0 {
			last := &p.TOC[len(p.TOC)-1]
			last.Sub = append(last.Sub, e)
		} else {
			p.TOC = append(p.TOC, e)
		}
		level := 2
		if ch.Level >= 2 {
			level = 3
		}
		fmt.Fprintf(&body, "<h%d id=\"%s\">%s</h%d>\n", level, attr(anchor), text(ch.Heading()), level)
		for _, b := range ch.Blocks {
			if err := block(&body, b, level, byID, used, &p.HasChart); err != nil {
				return fmt.Errorf("rozdział „%s”: %w", ch.Heading(), err)
			}
		}
	}
	for _, c := range cs {
		if used[c.ID] {
			continue
		}
		f, err := charts.FigureHTML(c)
		if err != nil {
			return err
		}
		p.Extra = append(p.Extra, f)
		p.HasChart = true
	}
	if len(p.Extra) > 0 {
		p.TOC = append(p.TOC, tocEntry{Anchor: "wykresy", Heading: "Wykresy"})
	}
	p.Body = template.HTML(body.String())
	if p.HasChart {
		js, err := script()
		if err != nil {
			return err
		}
		p.Head.Script = template.JS(js)
	}
	p.Footer = "Dokument wygenerowany programem gpwr"
	if !d.Generated.IsZero() {
		p.Footer += " " + plfmt.DateShort(dateOf(d)) + "."
	}
	return pageTpl.Execute(w, p)
}

// block writes one block of a chapter whose heading is h<level>.
func block(w *strings.Builder, b report.Block, level int, byID map[string]charts.Chart, used map[string]bool, hasChart *bool) error {
	switch b.Kind {
	case report.BlockParagraph:
		fmt.Fprintf(w, "<p>%s</p>\n", text(b.Text))
	case report.BlockNote:
		fmt.Fprintf(w, "<p class=\"uwaga\">%s</p>\n", text(b.Text))
	case report.BlockHeading:
		fmt.Fprintf(w, "<h%d>%s</h%d>\n", level+1, text(b.Text), level+1)
	case report.BlockList:
		if b.List == nil {
			return nil
		}
		tag := "ul"
		if b.List.Ordered {
			tag = "ol"
		}
		fmt.Fprintf(w, "<%s>\n", tag)
		for _, it := range b.List.Items {
			fmt.Fprintf(w, "<li>%s</li>\n", text(it))
		}
		fmt.Fprintf(w, "</%s>\n", tag)
	case report.BlockTable:
		if b.Table != nil {
			table(w, b.Table)
		}
	case report.BlockChart:
		if b.Chart == nil {
			return nil
		}
		c, ok := byID[b.Chart.ID]
		if !ok {
			c = fromreport.Chart(*b.Chart)
		} else if c.Caption == "" {
			c.Caption = b.Chart.Label()
		}
		used[b.Chart.ID] = true
		f, err := charts.FigureHTML(c)
		if err != nil {
			return err
		}
		w.WriteString(string(f))
		*hasChart = true
	case report.BlockSignature:
		if s := b.Signature; s != nil {
			w.WriteString("<div class=\"podpis\">\n")
			if s.PlaceDate != "" {
				fmt.Fprintf(w, "<p class=\"miejsce-data\">%s</p>\n", text(s.PlaceDate))
			}
			fmt.Fprintf(w, "<p class=\"podpisujacy\">%s", text(s.Position))
			if s.Institution != "" {
				fmt.Fprintf(w, "<br>%s", text(s.Institution))
			}
			if s.Name != "" {
				fmt.Fprintf(w, "<br><span class=\"nazwisko\">%s</span>", text(s.Name))
			}
			w.WriteString("</p>\n")
			if s.PreparedBy != "" {
				fmt.Fprintf(w, "<p class=\"sporzadzil\">%s %s</p>\n", text(s.PreparedLabel), text(s.PreparedBy))
			}
			w.WriteString("</div>\n")
		}
	default:
		return fmt.Errorf("nieznany rodzaj bloku %q", b.Kind)
	}
	return nil
}

// table writes a report table: caption, header cells with scope, row headers
// in the first column, numbers right-aligned, notes under it. The wrapper is
// a focusable region so a wide table scrolls by keyboard too.
func table(w *strings.Builder, t *report.Table) {
	id := t.ID
	if id == "" {
		id = fmt.Sprintf("tabela-%d", t.Number)
	}
	fmt.Fprintf(w, "<div class=\"tabela\" role=\"region\" aria-labelledby=\"%s-podpis\" tabindex=\"0\">\n", attr(id))
	fmt.Fprintf(w, "<table id=\"%s\">\n<caption id=\"%s-podpis\">%s</caption>\n", attr(id), attr(id), text(t.Label()))
	if len(t.Header) > 0 {
		w.WriteString("<thead>\n")
		for _, row := range t.Header {
			w.WriteString("<tr>")
			for _, pc := range layout.Row(row) {
				c := pc.Cell
				span := ""
				scope := "col"
				if pc.Span > 1 {
					span = fmt.Sprintf(" colspan=\"%d\"", pc.Span)
					scope = "colgroup"
				}
				if c.Text == "" {
					w.WriteString("<td" + span + "></td>")
					continue
				}
				fmt.Fprintf(w, "<th scope=\"%s\"%s>%s</th>", scope, span, text(c.Text))
			}
			w.WriteString("</tr>\n")
		}
		w.WriteString("</thead>\n")
	}
	rows := func(tag string, rs [][]report.Cell, groups bool) {
		if len(rs) == 0 {
			return
		}
		var rowspan map[[2]int]int
		if groups {
			rowspan = groupSpans(t, rs)
		}
		fmt.Fprintf(w, "<%s>\n", tag)
		for r, row := range rs {
			w.WriteString("<tr>")
			for i, pc := range layout.Row(row) {
				c := pc.Cell
				n, grouped := rowspan[[2]int{r, pc.Col}]
				if grouped && n == 0 {
					continue // covered by the cell above (rowspan)
				}
				span := ""
				if pc.Span > 1 {
					span = fmt.Sprintf(" colspan=\"%d\"", pc.Span)
				}
				if n > 1 {
					span += fmt.Sprintf(" rowspan=\"%d\"", n)
				}
				col := pc.Col
				if pc.Span > 1 { // a spanning row (a goal) is text, whatever its first column holds
					col = -1
				}
				cls := cellClass(t, col, c)
				if i == 0 && isLabel(c) {
					fmt.Fprintf(w, "<th scope=\"row\"%s%s>%s</th>", cls, span, text(c.Text))
				} else {
					fmt.Fprintf(w, "<td%s%s>%s</td>", cls, span, text(c.Text))
				}
			}
			w.WriteString("</tr>\n")
		}
		fmt.Fprintf(w, "</%s>\n", tag)
	}
	rows("tbody", t.Rows, true)
	rows("tfoot", t.Footer, false)
	w.WriteString("</table>\n")
	for _, n := range t.Notes {
		fmt.Fprintf(w, "<p class=\"przypis\">%s</p>\n", text(n))
	}
	w.WriteString("</div>\n")
}

// groupSpans finds the cells of Group columns (report.Column.Group) that
// stand for the rows under them: the filled cell gets its rowspan (>1), each
// empty cell it covers 0. Cells not in the map are written as they are.
func groupSpans(t *report.Table, rs [][]report.Cell) map[[2]int]int {
	out := map[[2]int]int{}
	placed := make([][]layout.Placed, len(rs))
	for i, r := range rs {
		placed[i] = layout.Row(r)
	}
	at := func(r, col int) (report.Cell, bool) { // the single-column cell of row r at col
		for _, pc := range placed[r] {
			if pc.Col == col && pc.Span == 1 {
				return pc.Cell, true
			}
		}
		return report.Cell{}, false
	}
	for col, c := range t.Columns {
		if !c.Group {
			continue
		}
		for r := 0; r < len(rs); r++ {
			top, ok := at(r, col)
			if !ok || top.Text == "" {
				continue
			}
			n := 1
			for r+n < len(rs) {
				below, ok := at(r+n, col)
				if !ok || below.Text != "" || !continues(placed[r+n], t) {
					break
				}
				out[[2]int{r + n, col}] = 0
				n++
			}
			if n > 1 {
				out[[2]int{r, col}] = n
			}
			r += n - 1
		}
	}
	return out
}

// continues tells that a row goes on with the group above: every Group
// column of it is empty (a new action fills them).
func continues(row []layout.Placed, t *report.Table) bool {
	for _, pc := range row {
		if pc.Span > 1 {
			return false
		}
		if pc.Col < len(t.Columns) && t.Columns[pc.Col].Group && pc.Cell.Text != "" {
			return false
		}
	}
	return true
}

// isLabel tells a row label (text, no number) from a value cell.
func isLabel(c report.Cell) bool {
	return c.Value == nil && c.Float == nil && !c.Missing && !c.Hidden && c.Text != ""
}

func cellClass(t *report.Table, col int, c report.Cell) template.HTMLAttr {
	var cls []string
	numeric := c.Value != nil || c.Float != nil || c.Missing || c.Hidden
	if col >= 0 && col < len(t.Columns) && t.Columns[col].Align == report.Right && c.Unit != model.UnitText {
		numeric = true
	}
	if c.Unit == model.UnitText { // a partner's description wraps like text
		numeric = false
	}
	if numeric {
		cls = append(cls, "liczba")
	} else if col >= 0 && col < len(t.Columns) && t.Columns[col].Align == report.Center {
		cls = append(cls, "srodek")
	}
	if c.Missing || c.Hidden {
		cls = append(cls, "brak")
	}
	if c.Bold {
		cls = append(cls, "wytluszczenie")
	}
	if len(cls) == 0 {
		return ""
	}
	return template.HTMLAttr(` class="` + strings.Join(cls, " ") + `"`)
}

func text(s string) string { return template.HTMLEscapeString(s) }
func attr(s string) string { return template.HTMLEscapeString(s) }
