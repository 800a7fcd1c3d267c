// Package pdf renders the annual report (*report.Doc) to PDF with maroto/v2
// through render/pdfkit: title page, table of contents with page numbers,
// running header and footer, „Strona N z M”, tables whose header row repeats
// after a page break, charts as images, bookmarks and /Lang pl-PL.
//
// maroto has no table of contents and no repeated table headers, so this
// package lays out every row with a height it measures itself (pdfkit's
// Measurer breaks lines exactly as maroto does) and decides page breaks
// itself. The document is laid out twice: the first pass finds the page of
// each heading, the second prints them in the table of contents, whose size
// does not depend on the numbers, so no page moves between the passes.
package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/image"
	"github.com/johnfercher/maroto/v2/pkg/components/page"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/border"
	"github.com/johnfercher/maroto/v2/pkg/consts/extension"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	"github.com/gpwr/gpwr/internal/output"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/pdfkit"
	"github.com/gpwr/gpwr/render/report"
)

// Write renders d to path, whole or not at all. charts maps Chart.ID to a PNG
// image; a chart without an image prints a placeholder with its text
// alternative. charts may be nil.
func Write(path string, d *report.Doc, charts map[string][]byte) error {
	data, err := Render(d, charts)
	if err != nil {
		return err
	}
	if err := output.WriteFile(path, data); err != nil {
		return fmt.Errorf("nie można zapisać pliku %s: %w", path, err)
	}
	return nil
}

// Render renders d and returns the PDF bytes.
func Render(d *report.Doc, charts map[string][]byte) ([]byte, error) {
	if d == nil {
		return nil, fmt.Errorf("brak dokumentu sprawozdania do zapisania w PDF")
	}
	ms, err := pdfkit.NewMeasurer()
	if err != nil {
		return nil, err
	}
	// Pass 1: find the pages of the headings.
	l1, err := layoutDoc(d, charts, ms, nil)
	if err != nil {
		return nil, err
	}
	pages := l1.pages
	var l *layouter
	for i := 0; i < 3; i++ { // the TOC has a fixed size: the second pass normally agrees
		l, err = layoutDoc(d, charts, ms, pages)
		if err != nil {
			return nil, err
		}
		if samePages(pages, l.pages) {
			break
		}
		pages = l.pages
	}
	doc, err := l.m.Generate()
	if err != nil {
		return nil, fmt.Errorf("nie można wygenerować PDF: %w", err)
	}
	return pdfkit.Finish(doc.GetBytes(), nonEmpty(d.Lang, "pl-PL"), l.bookmarks())
}

func samePages(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// Colours.
var (
	navy      = &props.Color{Red: 22, Green: 54, Blue: 92}
	grey      = &props.Color{Red: 95, Green: 95, Blue: 95}
	lightGrey = &props.Color{Red: 190, Green: 190, Blue: 190}
	headBg    = &props.Color{Red: 221, Green: 230, Blue: 241}
	footBg    = &props.Color{Red: 240, Green: 243, Blue: 247}
	goalBg    = &props.Color{Red: 232, Green: 238, Blue: 245}
	noteBg    = &props.Color{Red: 255, Green: 246, Blue: 214}
	red       = &props.Color{Red: 170, Green: 20, Blue: 20}
)

const eps = 0.05

type layouter struct {
	d       *report.Doc
	charts  map[string][]byte
	ms      *pdfkit.Measurer
	m       core.Maroto
	avail   float64 // content height of a page
	headerH float64
	footerH float64
	used    float64 // height used on the current page (header included)
	page    int
	toc     map[string]int // heading pages from the previous pass (nil in the first)
	pages   map[string]int // heading pages found in this pass, by anchor
	tocAt   int            // page of the table of contents
}

func layoutDoc(d *report.Doc, charts map[string][]byte, ms *pdfkit.Measurer, toc map[string]int) (*layouter, error) {
	m, err := pdfkit.New(pdfkit.Options{
		Title: d.Meta.Title, Author: d.Meta.Author, Subject: d.Meta.Subject,
		Keywords: d.Meta.Keywords, Creator: nonEmpty(d.Meta.Creator, "gpwr"), Created: d.Generated,
	})
	if err != nil {
		return nil, err
	}
	l := &layouter{d: d, charts: charts, ms: ms, m: m, toc: toc, pages: map[string]int{},
		avail: pdfkit.PageHeight - pdfkit.MarginTop - pdfkit.MarginBottom, page: 1}
	if err := l.registerHeaderFooter(); err != nil {
		return nil, err
	}
	l.used = l.headerH
	l.titlePage()
	l.newPage()
	l.tableOfContents()
	l.newPage()
	annexStarted := false
	for i := range d.Chapters {
		c := &d.Chapters[i]
		if c.Annex && !annexStarted {
			annexStarted = true
			l.newPage()
		}
		l.chapter(c)
	}
	return l, nil
}

// ---- rows and pages -------------------------------------------------------

func (l *layouter) newPage() {
	if l.used <= l.headerH+eps {
		return
	}
	l.m.AddPages(page.New())
	l.page++
	l.used = l.headerH
}

func (l *layouter) space() float64 { return l.avail - l.footerH - l.used }

// need starts a new page unless h fits on this one.
func (l *layouter) need(h float64) {
	if h > l.space()-eps {
		l.newPage()
	}
}

// add places a row of known height h, breaking the page first when needed.
func (l *layouter) add(r core.Row, h float64) {
	l.need(h)
	l.m.AddRows(r)
	l.used += h
}

func (l *layouter) spacer(h float64) {
	if h >= l.space() {
		l.newPage()
		return
	}
	if l.used <= l.headerH+eps { // no space at the top of a page
		return
	}
	l.m.AddRows(row.New(h).Add(col.New(pdfkit.Grid)))
	l.used += h
}

// textRow makes a full-width text row and returns it with its height.
func (l *layouter) textRow(s string, p props.Text, style *props.Cell) (core.Row, float64) {
	h := l.ms.Height(s, p, pdfkit.ContentWidth)
	c := text.NewCol(pdfkit.Grid, s, p)
	if style != nil {
		c.WithStyle(style)
	}
	return row.New(h).Add(c), h
}

// paragraph prints running text, split across pages at line boundaries.
func (l *layouter) paragraph(s string, p props.Text, style *props.Cell, gapAfter float64) {
	lines := l.ms.Split(s, p, pdfkit.ContentWidth)
	if len(lines) == 0 {
		return
	}
	fh := pdfkit.FontHeight(p.Size)
	lineH := fh + p.VerticalPadding
	for len(lines) > 0 {
		// How many lines fit here (at least two, or move to the next page).
		room := l.space() - p.Top - p.Bottom + p.VerticalPadding
		n := int(math.Floor((room + eps) / lineH))
		if n < 2 && len(lines) > 1 || n < 1 {
			l.newPage()
			continue
		}
		if n > len(lines) {
			n = len(lines)
		}
		if len(lines)-n == 1 && n > 2 { // no widow line on the next page
			n--
		}
		chunk := strings.Join(lines[:n], " ")
		r, h := l.textRow(chunk, p, style)
		l.add(r, h)
		lines = lines[n:]
	}
	l.spacer(gapAfter)
}

// ---- header, footer, title page, table of contents -----------------------

func (l *layouter) registerHeaderFooter() error {
	d := l.d
	hp := pdfkit.Text(8)
	hp.Color = grey
	hp.Top = 0.5
	left := hp
	right := hp
	right.Align = align.Right
	h1 := 6.0
	r := row.New(h1).Add(
		text.NewCol(pdfkit.Grid/2, d.Gmina, left),
		text.NewCol(pdfkit.Grid/2, d.Short, right),
	).WithStyle(&props.Cell{BorderType: border.Bottom, BorderColor: lightGrey, BorderThickness: 0.2})
	rows := []core.Row{r}
	l.headerH = h1
	if d.Synthetic {
		sp := pdfkit.Bold(8)
		sp.Color = red
		sp.Align = align.Center
		sp.Top = 1
		rows = append(rows, row.New(5).Add(text.NewCol(pdfkit.Grid, d.SyntheticNote, sp)))
		l.headerH += 5
	}
	rows = append(rows, row.New(3).Add(col.New(pdfkit.Grid)))
	l.headerH += 3
	if err := l.m.RegisterHeader(rows...); err != nil {
		return fmt.Errorf("nagłówek strony PDF: %w", err)
	}
	fp := pdfkit.Text(7.5)
	fp.Color = grey
	fp.Top = 1.5
	foot := row.New(7).Add(text.NewCol(pdfkit.Grid*2/3, d.TitlePage.OPS, fp), col.New(pdfkit.Grid/3)).
		WithStyle(&props.Cell{BorderType: border.Top, BorderColor: lightGrey, BorderThickness: 0.2})
	if err := l.m.RegisterFooter(foot); err != nil {
		return fmt.Errorf("stopka strony PDF: %w", err)
	}
	l.footerH = 7
	return nil
}

func centered(size float64, bold bool, c *props.Color) props.Text {
	p := pdfkit.Text(size)
	if bold {
		p.Style = fontstyle.Bold
	}
	p.Align = align.Center
	p.Color = c
	return p
}

func (l *layouter) titlePage() {
	tp := l.d.TitlePage
	put := func(s string, p props.Text, gap float64) {
		if strings.TrimSpace(s) == "" {
			return
		}
		r, h := l.textRow(s, p, nil)
		l.add(r, h)
		l.spacer(gap)
	}
	put(tp.OPS, centered(12, true, navy), 1)
	put(tp.OPSAddress, centered(10, false, grey), 0.5)
	put(tp.OPSContact, centered(9, false, grey), 0)
	l.spacer(38)
	put(tp.Kicker, centered(16, false, navy), 3)
	for _, s := range tp.TitleLines {
		put(s, centered(22, true, navy), 1.5)
	}
	l.spacer(4)
	put(tp.ForYear, centered(18, true, navy), 10)
	put(tp.Subtitle, centered(11, false, nil), 14)
	if tp.Resolution != "" {
		put("Program "+tp.Resolution, centered(10, false, grey), 2)
	}
	put(tp.Presented, centered(10, false, grey), 14)
	if tp.Synthetic != "" {
		p := centered(12, true, red)
		p.Top, p.Bottom = 3, 3
		put(tp.Synthetic, p, 4)
	}
	if tp.Publication != "" {
		put(tp.Publication, centered(9, false, grey), 4)
	}
	// Signatory block at the bottom of the page.
	block := []struct {
		s string
		p props.Text
	}{
		{tp.DateText, centered(10, false, nil)},
		{tp.Position, centered(10, false, nil)},
		{l.d.Signature.Institution, centered(10, false, nil)},
		{tp.Signatory, centered(11, true, nil)},
	}
	var hs float64
	for _, b := range block {
		if strings.TrimSpace(b.s) != "" {
			hs += l.ms.Height(b.s, b.p, pdfkit.ContentWidth) + 1.5
		}
	}
	if gap := l.space() - hs - 1; gap > 0 {
		l.spacer(gap)
	}
	for _, b := range block {
		put(b.s, b.p, 1.5)
	}
}

const tocRowH = 6.2

func (l *layouter) tableOfContents() {
	l.tocAt = l.page
	p := pdfkit.Bold(15)
	p.Color = navy
	p.Bottom = 2
	r, h := l.textRow("Spis treści", p, nil)
	l.add(r, h)
	l.spacer(2)
	for _, c := range l.d.Chapters {
		tp := pdfkit.Text(10)
		tp.Top = 1.4
		if c.Level <= 1 {
			tp.Style = fontstyle.Bold
		} else {
			tp.Left = 6
		}
		np := tp
		np.Left = 0
		np.Align = align.Right
		num := "…"
		if l.toc != nil {
			if pg, ok := l.toc[c.Anchor]; ok {
				num = strconv.Itoa(pg)
			}
		}
		rr := row.New(tocRowH).Add(
			text.NewCol(pdfkit.Grid-12, c.Heading(), tp),
			text.NewCol(12, num, np),
		).WithStyle(&props.Cell{BorderType: border.Bottom, BorderColor: &props.Color{Red: 225, Green: 225, Blue: 225}, BorderThickness: 0.1})
		l.add(rr, tocRowH)
	}
}

// ---- chapters and blocks --------------------------------------------------

func (l *layouter) chapter(c *report.Chapter) {
	size, gapBefore := 14.0, 6.0
	if c.Level >= 2 {
		size, gapBefore = 12, 4
	}
	p := pdfkit.Bold(size)
	p.Color = navy
	p.Bottom = 1.5
	r, h := l.textRow(c.Heading(), p, nil)
	// Keep the heading with the start of its content.
	first := 24.0
	if l.used > l.headerH+eps {
		l.need(gapBefore + h + first)
		l.spacer(gapBefore)
	}
	l.need(h + first)
	l.pages[c.Anchor] = l.page
	l.add(r, h)
	for _, b := range c.Blocks {
		l.block(b)
	}
}

func (l *layouter) block(b report.Block) {
	switch b.Kind {
	case report.BlockParagraph:
		l.paragraph(b.Text, pdfkit.Text(10.5), nil, 2.5)
	case report.BlockHeading:
		p := pdfkit.Bold(10.5)
		p.Top = 1
		r, h := l.textRow(b.Text, p, nil)
		l.need(h + 12)
		l.add(r, h)
		l.spacer(1)
	case report.BlockNote:
		p := pdfkit.Text(10)
		p.Style = fontstyle.Italic
		p.Left, p.Right, p.Top, p.Bottom = 2.5, 2.5, 2, 2
		l.paragraph(b.Text, p, &props.Cell{BackgroundColor: noteBg}, 3)
	case report.BlockList:
		l.list(b.List)
	case report.BlockTable:
		l.table(b.Table)
	case report.BlockChart:
		l.chart(b.Chart)
	case report.BlockSignature:
		l.signature(b.Signature)
	}
}

func (l *layouter) list(li *report.List) {
	const markW = 7
	bp := pdfkit.Text(10.5)
	textW := mm(pdfkit.Grid - markW)
	for i, it := range li.Items {
		mark := "•"
		if li.Ordered {
			mark = strconv.Itoa(i+1) + "."
		}
		mp := bp
		mp.Align = align.Right
		mp.Right = 2
		h := l.ms.Height(it, bp, textW) + 1
		r := row.New(h).Add(text.NewCol(markW, mark, mp), text.NewCol(pdfkit.Grid-markW, it, bp))
		l.add(r, h)
	}
	l.spacer(2.5)
}

// grid turns relative column widths into grid units summing to pdfkit.Grid.
func grid(cols []report.Column, n int) []int {
	ws := make([]float64, n)
	var sum float64
	for i := range ws {
		w := 1.0
		if i < len(cols) && cols[i].Width > 0 {
			w = cols[i].Width
		}
		ws[i] = w
		sum += w
	}
	out := make([]int, n)
	type rem struct {
		i int
		r float64
	}
	var rems []rem
	total := 0
	for i, w := range ws {
		x := w / sum * pdfkit.Grid
		out[i] = int(math.Floor(x))
		if out[i] < 1 {
			out[i] = 1
		}
		total += out[i]
		rems = append(rems, rem{i, x - math.Floor(x)})
	}
	for total < pdfkit.Grid {
		best := 0
		for j := range rems {
			if rems[j].r > rems[best].r {
				best = j
			}
		}
		out[rems[best].i]++
		rems[best].r = -1
		total++
	}
	for total > pdfkit.Grid { // only when many columns were raised to 1
		for i := range out {
			if out[i] > 1 && total > pdfkit.Grid {
				out[i]--
				total--
			}
		}
	}
	return out
}

type cellKind int

const (
	kHeader cellKind = iota
	kBody
	kFooter
)

// cellProps are the text properties and the grid units of cell i of a row,
// and the columns it spans.
func cellProps(t *report.Table, cells []report.Cell, i int, g []int, kind cellKind) (props.Text, int, int) {
	c := cells[i]
	span := max(c.Span, 1)
	size := 0
	for j := i; j < i+span && j < len(g); j++ {
		size += g[j]
	}
	p := pdfkit.Text(8.5)
	p.Left, p.Right, p.Top, p.Bottom = 1.2, 1.2, 1.3, 1.1
	p.VerticalPadding = 0.6
	if c.Bold || kind != kBody {
		p.Style = fontstyle.Bold
	}
	if kind == kHeader {
		p.Align = align.Center
		p.Size = 8
	} else if i < len(t.Columns) && span == 1 && c.Unit != model.UnitText {
		switch t.Columns[i].Align {
		case report.Right:
			p.Align = align.Right
		case report.Center:
			p.Align = align.Center
		}
	}
	if c.Hidden {
		p.Style = fontstyle.BoldItalic
	}
	if c.Missing {
		p.Style = fontstyle.Italic
		p.Color = grey
	}
	if c.Indent > 0 && kind == kBody {
		p.Left += 3.5 * float64(c.Indent)
	}
	return p, size, span
}

// mm is the width of size grid units.
func mm(size int) float64 { return float64(size) / pdfkit.Grid * pdfkit.ContentWidth }

// cellHeight is the height cell i of a row needs.
func (l *layouter) cellHeight(t *report.Table, cells []report.Cell, i int, g []int) float64 {
	p, size, _ := cellProps(t, cells, i, g, kBody)
	w := mm(size)
	return l.ms.Height(l.ms.Fit(cells[i].Text, p, w), p, w)
}

// contTop is the top padding of a cell that continues the one above.
const contTop = 0.2

// flowGroups spreads the text of each Group column's cell over the rows it
// stands for (the rows whose cells continue it), as a cell spanning rows
// would show it: every row takes the lines that fit in the height its other
// cells need, the last row takes the rest. It returns a copy of the rows.
func (l *layouter) flowGroups(t *report.Table, conts [][]bool, g []int) [][]report.Cell {
	rows := make([][]report.Cell, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = append([]report.Cell(nil), r...)
	}
	for s := 0; s < len(rows); s++ {
		e := s
		for e+1 < len(rows) && anyTrue(conts[e+1]) {
			e++
		}
		if e == s {
			continue
		}
		// Heights the non-group cells need.
		hs := make([]float64, e-s+1)
		for r := s; r <= e; r++ {
			for j := range rows[r] {
				if j < len(t.Columns) && t.Columns[j].Group {
					continue
				}
				hs[r-s] = math.Max(hs[r-s], l.cellHeight(t, rows[r], j, g))
			}
		}
		for j := 0; j < len(t.Columns) && j < len(rows[s]); j++ {
			if !t.Columns[j].Group || rows[s][j].Span > 1 {
				continue
			}
			p, size, _ := cellProps(t, rows[s], j, g, kBody)
			w := mm(size)
			lines := l.ms.Split(l.ms.Fit(rows[s][j].Text, p, w), p, w)
			lineH := pdfkit.FontHeight(p.Size) + p.VerticalPadding
			for r := s; r <= e; r++ {
				if r > s && !conts[r][j] {
					break
				}
				top := p.Top
				if r > s {
					top = contTop
				}
				n := int(math.Floor((hs[r-s] - top - p.Bottom + p.VerticalPadding + eps) / lineH))
				if r == e || n > len(lines) {
					n = len(lines)
				}
				if r == s {
					n = max(n, 1)
				}
				n = min(n, len(lines))
				rows[r][j].Text = strings.Join(lines[:n], " ")
				lines = lines[n:]
			}
		}
		s = e
	}
	return rows
}

// tableRow builds one table row and returns it with its height. cont[i]
// tells that column i of this row continues the cell above (an empty cell of
// a Group column) and next[i] that the cell below continues this one: the
// border between them is left out, so the cells read as one.
func (l *layouter) tableRow(t *report.Table, cells []report.Cell, g []int, kind cellKind, shade bool, cont, next []bool) (core.Row, float64) {
	var cols []core.Col
	var maxH float64
	for i := 0; i < len(cells) && i < len(g); i++ {
		c := cells[i]
		p, size, span := cellProps(t, cells, i, g, kind)
		w := mm(size)
		if i < len(cont) && cont[i] {
			p.Top = contTop // the text goes on from the row above
		}
		txt := l.ms.Fit(c.Text, p, w)
		if h := l.ms.Height(txt, p, w); h > maxH {
			maxH = h
		}
		bt := border.Full
		if i < len(cont) && cont[i] {
			bt &^= border.Top
		}
		if i < len(next) && next[i] {
			bt &^= border.Bottom
		}
		style := &props.Cell{BorderType: bt, BorderColor: lightGrey, BorderThickness: 0.15}
		switch {
		case kind == kHeader:
			style.BackgroundColor = headBg
		case kind == kFooter:
			style.BackgroundColor = footBg
		case span > 1 && c.Bold:
			style.BackgroundColor = goalBg
		case shade:
			style.BackgroundColor = &props.Color{Red: 250, Green: 251, Blue: 253}
		}
		cols = append(cols, text.NewCol(size, txt, p).WithStyle(style))
		i += span - 1
	}
	return row.New(maxH).Add(cols...), maxH
}

func (l *layouter) table(t *report.Table) {
	n := len(t.Columns)
	for _, rs := range [][][]report.Cell{t.Header, t.Rows, t.Footer} {
		for _, r := range rs {
			if len(r) > n {
				n = len(r)
			}
		}
	}
	if n == 0 {
		return
	}
	g := l.fitHeader(t, grid(t.Columns, n))
	cp := pdfkit.Bold(9.5)
	cp.Color = navy
	cp.Bottom = 1.2
	capRow, capH := l.textRow(t.Label(), cp, nil)
	type built struct {
		r core.Row
		h float64
	}
	var head []built
	var headH float64
	for _, hr := range t.Header {
		r, h := l.tableRow(t, hr, g, kHeader, false, nil, nil)
		head = append(head, built{r, h})
		headH += h
	}
	conts := continuations(t)
	rows := l.flowGroups(t, conts, g)
	var body []built
	shades := make([]bool, len(rows))
	group := 0
	for i, br := range rows {
		if i > 0 && !anyTrue(conts[i]) {
			group++
		}
		shades[i] = group%2 == 1
		var next []bool
		if i+1 < len(conts) {
			next = conts[i+1]
		}
		r, h := l.tableRow(t, br, g, kBody, shades[i], conts[i], next)
		body = append(body, built{r, h})
	}
	// carried rebuilds a row that continues a group at the top of a new page:
	// its empty group cells say "(cd.)" and the number of the group.
	carried := func(i int) (built, bool) {
		if i >= len(rows) || !anyTrue(conts[i]) {
			return built{}, false
		}
		r := append([]report.Cell(nil), rows[i]...)
		start := i
		for start > 0 && anyTrue(conts[start]) {
			start--
		}
		changed := false
		for j := range r {
			if j < len(conts[i]) && conts[i][j] && r[j].Text == "" {
				if j == 0 {
					r[j].Text = rows[start][j].Text
				} else if !changed {
					r[j].Text = "(cd.)"
				}
				changed = true
			}
		}
		var next []bool
		if i+1 < len(conts) {
			next = conts[i+1]
		}
		cont := make([]bool, len(conts[i])) // the header above closes the cells
		row, h := l.tableRow(t, r, g, kBody, shades[i], cont, next)
		return built{row, h}, true
	}
	for _, fr := range t.Footer {
		r, h := l.tableRow(t, fr, g, kFooter, false, nil, nil)
		body = append(body, built{r, h})
	}
	// Caption, header and the first rows stay together.
	firstH := 0.0
	for i := 0; i < len(body) && i < 2; i++ {
		firstH += body[i].h
	}
	l.need(capH + headH + firstH)
	l.add(capRow, capH)
	emitHead := func() {
		for _, b := range head {
			l.add(b.r, b.h)
		}
	}
	emitHead()
	for i, b := range body {
		need := b.h
		if i == len(body)-2 && i >= 2 { // never leave the last row (a total) alone on a page
			need += body[i+1].h
		}
		// groupH is the height of the rows from k that read as one (an
		// action with its indicators), or of row k alone when they are long.
		groupH := func(k int) float64 {
			gh := body[k].h
			for j := k + 1; j < len(conts) && anyTrue(conts[j]); j++ {
				gh += body[j].h
			}
			if gh > 70 {
				return body[k].h
			}
			return gh
		}
		if i < len(conts) {
			need = math.Max(need, groupH(i)) // a short group is not split
		}
		if i+1 < len(conts) && len(t.Rows[i]) > 0 && t.Rows[i][0].Span >= n { // a section row stays with what follows
			need = b.h + groupH(i+1)
		}
		if need > l.space()-eps {
			l.newPage()
			cont := cp
			cont.Size = 8.5
			cont.Style = fontstyle.BoldItalic
			r, h := l.textRow(t.Label()+" (cd.)", cont, nil)
			l.add(r, h)
			emitHead()
			if c, ok := carried(i); ok {
				b = c
			}
		}
		l.add(b.r, b.h)
	}
	for _, note := range t.Notes {
		np := pdfkit.Text(8)
		np.Style = fontstyle.Italic
		np.Color = grey
		np.Top = 1
		r, h := l.textRow(note, np, nil)
		l.add(r, h)
	}
	l.spacer(4)
}

// continuations tells, for every body row and column, whether the cell is
// an empty cell of a Group column under a cell of the same group (see
// report.Column.Group).
func continuations(t *report.Table) [][]bool {
	out := make([][]bool, len(t.Rows))
	for i, r := range t.Rows {
		out[i] = make([]bool, len(r))
		if i == 0 {
			continue
		}
		prev := t.Rows[i-1]
		covered := 0 // columns under a spanning cell of this row
		for j := 0; j < len(r) && j < len(t.Columns); j++ {
			if covered > 0 {
				covered--
				continue
			}
			if r[j].Span > 1 {
				covered = r[j].Span - 1
				continue
			}
			if !t.Columns[j].Group || r[j].Text != "" {
				continue
			}
			// The cell above belongs to the group when it is not a spanning row.
			if j < len(prev) && prev[0].Span <= 1 {
				out[i][j] = true
			}
		}
	}
	return out
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}

// fitHeader widens the columns whose header has a word wider than the column
// (so "Finansowanie" is never broken between letters), taking the room from
// the widest columns.
func (l *layouter) fitHeader(t *report.Table, g []int) []int {
	unit := pdfkit.ContentWidth / pdfkit.Grid
	need := make([]int, len(g))
	for _, hr := range t.Header {
		for i, c := range hr {
			if i >= len(g) || c.Span > 1 {
				continue
			}
			p := pdfkit.Bold(8)
			w := 2.4 + 0.4
			for _, word := range strings.Fields(c.Text) {
				if ww := l.ms.Width(word, p) + 2.8; ww > w {
					w = ww
				}
			}
			need[i] = int(math.Ceil(w / unit))
		}
	}
	out := append([]int(nil), g...)
	for i := range out {
		for out[i] < need[i] {
			// Take one unit from the column with the most room above its need.
			best, room := -1, 0
			for j := range out {
				if r := out[j] - max(need[j], 1); j != i && r > room {
					best, room = j, r
				}
			}
			if best < 0 {
				break
			}
			out[best]--
			out[i]++
		}
	}
	return out
}

func (l *layouter) chart(c *report.Chart) {
	cp := pdfkit.Bold(9.5)
	cp.Color = navy
	cp.Bottom = 1.2
	capRow, capH := l.textRow(c.Label(), cp, nil)
	const imgH = 82.0
	ap := pdfkit.Text(8)
	ap.Style = fontstyle.Italic
	ap.Color = grey
	ap.Top = 1
	alt := "Opis wykresu: " + c.Alt
	altH := l.ms.Height(alt, ap, pdfkit.ContentWidth)
	png, ok := l.charts[c.ID]
	bodyH := imgH
	if !ok || len(png) == 0 {
		bodyH = 14
	}
	l.need(capH + bodyH + altH)
	l.add(capRow, capH)
	if ok && len(png) > 0 {
		l.add(image.NewFromBytesRow(imgH, png, extension.Png, props.Rect{Center: true, Percent: 100}), imgH)
	} else {
		pp := pdfkit.Text(9)
		pp.Style = fontstyle.Italic
		pp.Color = grey
		pp.Align = align.Center
		pp.Top = 4.5
		r := row.New(bodyH).Add(text.NewCol(pdfkit.Grid, "[wykres nie został dołączony – wartości podaje opis poniżej]", pp).
			WithStyle(&props.Cell{BorderType: border.Full, BorderColor: lightGrey, BorderThickness: 0.15}))
		l.add(r, bodyH)
	}
	r, h := l.textRow(alt, ap, nil)
	l.add(r, h)
	l.spacer(5)
}

func (l *layouter) signature(s *report.Signature) {
	left := pdfkit.Text(10)
	right := pdfkit.Text(10)
	right.Align = align.Center
	const half = pdfkit.Grid / 2
	w := pdfkit.ContentWidth / 2
	prep := ""
	if s.PreparedBy != "" {
		prep = s.PreparedLabel + " " + s.PreparedBy
	}
	rb := right
	rb.Style = fontstyle.Bold
	// Right column, as the real reports sign: the position, the institution
	// under it, room for the handwritten signature, the name.
	hPos := l.ms.Height(s.Position, right, w)
	hInst := 0.0
	if s.Institution != "" {
		hInst = l.ms.Height(s.Institution, right, w)
	}
	hPlace := l.ms.Height(s.PlaceDate, left, w)
	hName := l.ms.Height(s.Name, rb, w)
	hPrep := l.ms.Height(prep, left, w)
	h1 := math.Max(hPlace, hPos)
	h2 := math.Max(hName, hPrep)
	l.need(10 + h1 + hInst + 16 + h2)
	l.spacer(10)
	l.add(row.New(h1).Add(text.NewCol(half, s.PlaceDate, left), text.NewCol(half, s.Position, right)), h1)
	if hInst > 0 {
		l.add(row.New(hInst).Add(col.New(half), text.NewCol(half, s.Institution, right)), hInst)
	}
	dots := right
	dots.Color = grey
	dots.Top = 11
	l.add(row.New(16).Add(col.New(half), text.NewCol(half, strings.Repeat(".", 48), dots)), 16)
	l.add(row.New(h2).Add(text.NewCol(half, prep, left), text.NewCol(half, s.Name, rb)), h2)
	l.spacer(4)
}

// bookmarks builds the outline: level-1 chapters with their sections.
func (l *layouter) bookmarks() []pdfkit.Bookmark {
	out := []pdfkit.Bookmark{{Title: "Strona tytułowa", Page: 1}, {Title: "Spis treści", Page: l.tocAt}}
	for _, c := range l.d.Chapters {
		b := pdfkit.Bookmark{Title: c.Heading(), Page: l.pages[c.Anchor]}
		if b.Page < 1 {
			continue
		}
		if c.Level >= 2 && len(out) > 2 {
			parent := &out[len(out)-1]
			parent.Kids = append(parent.Kids, b)
			continue
		}
		out = append(out, b)
	}
	return out
}
