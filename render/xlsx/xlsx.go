// Package xlsx writes the annual report as an Excel workbook: the indicator
// sheet „Wskaźniki” (each figure beside the previous years, with the change),
// one sheet per table of the report, and native line and column charts on the
// sheet „Wykresy”. Numbers are stored as numbers with Polish-looking formats
// (money in złoty, converted exactly from grosze); "brak danych" stays text and
// is never 0.
package xlsx

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/gpwr/gpwr/internal/output"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/charts"
	"github.com/gpwr/gpwr/render/internal/layout"
	"github.com/gpwr/gpwr/render/plfmt"
	"github.com/gpwr/gpwr/render/report"
)

// Sheet names of the fixed sheets.
const (
	SheetIndicators = "Wskaźniki"
	SheetCharts     = "Wykresy"
)

// Number formats, in the invariant (en-US) syntax that Excel and LibreOffice
// show in the reader's locale: "1 234,56 zł" in Polish.
const (
	FmtMoney   = `#,##0.00\ "zł"`
	FmtCount   = `#,##0`
	FmtPercent = `0.0%`
	FmtDecimal = `#,##0.0`
)

// firstHeaderRow is the row of the (last) column header on every data sheet;
// rows 1–2 hold the title and the notes (synthetic data, publication mode).
const firstHeaderRow = 4

// Write writes the workbook of d to path, whole or not at all (a temporary
// file in the same directory, renamed into place).
func Write(path string, d *report.Doc) error {
	if d == nil {
		return fmt.Errorf("xlsx: brak dokumentu sprawozdania do zapisania w %s", path)
	}
	f := excelize.NewFile()
	defer f.Close()
	w := &writer{f: f, d: d, used: map[string]bool{}}
	if err := w.build(); err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	buf, err := f.WriteToBuffer()
	if err == nil {
		err = output.WriteFile(path, buf.Bytes())
	}
	if err != nil {
		return fmt.Errorf("nie udało się zapisać %s: %w", path, err)
	}
	return nil
}

type writer struct {
	f    *excelize.File
	d    *report.Doc
	used map[string]bool // sheet names, lower-cased
	st   styles
}

type styles struct {
	title, note, header, text, textBold, missing                      int
	money, moneyBold, count, countBold, percent, percentBold, decimal int
	chartTitle                                                        int
}

func (w *writer) build() error {
	if err := w.makeStyles(); err != nil {
		return err
	}
	if err := w.f.SetSheetName("Sheet1", SheetIndicators); err != nil {
		return err
	}
	w.used[strings.ToLower(SheetIndicators)] = true
	w.used[strings.ToLower(SheetCharts)] = true
	if err := w.indicators(); err != nil {
		return fmt.Errorf("arkusz %s: %w", SheetIndicators, err)
	}
	for _, t := range w.d.Tables() {
		name := w.sheetName(t)
		if err := w.table(name, t); err != nil {
			return fmt.Errorf("arkusz %s: %w", name, err)
		}
	}
	if err := w.charts(); err != nil {
		return fmt.Errorf("arkusz %s: %w", SheetCharts, err)
	}
	for _, sh := range w.f.GetSheetList() {
		if err := w.printSetup(sh); err != nil {
			return err
		}
	}
	w.f.SetActiveSheet(0)
	return w.props()
}

func (w *writer) makeStyles() error {
	border := []excelize.Border{
		{Type: "left", Color: "9CA3AF", Style: 1}, {Type: "right", Color: "9CA3AF", Style: 1},
		{Type: "top", Color: "9CA3AF", Style: 1}, {Type: "bottom", Color: "9CA3AF", Style: 1},
	}
	var firstErr error
	mk := func(s *excelize.Style) int {
		id, err := w.f.NewStyle(s)
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("styl arkusza: %w", err)
		}
		return id
	}
	num := func(code string, bold bool) int {
		c := code
		return mk(&excelize.Style{CustomNumFmt: &c, Border: border, Font: &excelize.Font{Bold: bold},
			Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}})
	}
	w.st = styles{
		title: mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}}),
		note:  mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "9F1239"}}),
		header: mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E5E7EB"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}),
		text:     mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}),
		textBold: mk(&excelize.Style{Border: border, Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}),
		missing: mk(&excelize.Style{Border: border, Font: &excelize.Font{Italic: true, Color: "4B5563"},
			Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}}),
		money: num(FmtMoney, false), moneyBold: num(FmtMoney, true),
		count: num(FmtCount, false), countBold: num(FmtCount, true),
		percent: num(FmtPercent, false), percentBold: num(FmtPercent, true),
		decimal:    num(FmtDecimal, false),
		chartTitle: mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}}),
	}
	return firstErr
}

// newSheet creates a data sheet with the title in A1 and the notes in A2.
func (w *writer) newSheet(name, title string) error {
	if name != SheetIndicators {
		if _, err := w.f.NewSheet(name); err != nil {
			return err
		}
	}
	if err := w.set(name, 1, 1, title, w.st.title); err != nil {
		return err
	}
	var notes []string
	if w.d.Synthetic {
		notes = append(notes, w.d.SyntheticNote)
	}
	if w.d.Publication {
		notes = append(notes, w.d.PublicationNote)
	}
	if len(notes) > 0 {
		return w.set(name, 1, 2, strings.Join(notes, " "), w.st.note)
	}
	return nil
}

func (w *writer) set(sheet string, col, row int, v any, style int) error {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	if v != nil {
		if err := w.f.SetCellValue(sheet, ref, v); err != nil {
			return err
		}
	}
	return w.f.SetCellStyle(sheet, ref, ref, style)
}

// zloty converts grosze to złoty. The quotient is the double nearest the
// exact decimal, and excelize writes the shortest decimal that reads back as
// that double, so the file holds exactly "86072.89" for 8 607 289 gr.
func zloty(gr int64) float64 { return float64(gr) / 100 }

// unitLabel is the unit as the sheet shows it (money is shown in złoty).
func unitLabel(u model.Unit) string {
	if u == model.UnitMoney {
		return "zł"
	}
	return string(u)
}

// value writes a number with the format of its unit, or the text when the
// value is not reported, hidden or textual.
func (w *writer) value(sheet string, col, row int, v *int64, u model.Unit, text string, bold bool) error {
	if v == nil {
		st := w.st.missing
		if text != plfmt.BrakDanych && !strings.HasPrefix(text, "<") {
			st = w.st.text
		}
		return w.set(sheet, col, row, text, st)
	}
	if u == model.UnitMoney {
		return w.set(sheet, col, row, zloty(*v), pick(bold, w.st.moneyBold, w.st.money))
	}
	return w.set(sheet, col, row, *v, pick(bold, w.st.countBold, w.st.count))
}

func pick(b bool, yes, no int) int {
	if b {
		return yes
	}
	return no
}

// indicators writes the „Wskaźniki” sheet.
func (w *writer) indicators() error {
	const sh = SheetIndicators
	d := w.d
	if err := w.newSheet(sh, fmt.Sprintf("Wskaźniki za rok %d na tle lat poprzednich – %s", d.Year, d.Gmina)); err != nil {
		return err
	}
	years := d.Years
	if len(years) == 0 || years[len(years)-1] != d.Year {
		years = append(append([]int(nil), years...), d.Year)
	}
	prev := years[:len(years)-1]
	head := []string{"Kod", "Etykieta", "Jednostka"}
	for _, y := range prev {
		head = append(head, strconv.Itoa(y))
	}
	head = append(head, "Wartość "+strconv.Itoa(d.Year), "Zmiana r/r", "Zmiana r/r %", "Źródło", "Uwagi")
	hr := firstHeaderRow
	widths := make([]int, len(head))
	for i, h := range head {
		if err := w.set(sh, i+1, hr, h, w.st.header); err != nil {
			return err
		}
		widths[i] = utf8.RuneCountInString(h)
	}
	yearCol := 4 // first year column
	curCol := yearCol + len(prev)
	for i, ind := range d.Indicators {
		r := hr + 1 + i
		texts := []string{ind.Code, ind.Label, unitLabel(ind.Unit)}
		for c, s := range texts {
			if err := w.set(sh, c+1, r, s, w.st.text); err != nil {
				return err
			}
		}
		for j := range prev {
			var v *int64
			if j < len(ind.History) {
				v = ind.History[j]
			}
			txt := plfmt.BrakDanych // a year with no data …
			if j < len(ind.HistoryText) && ind.HistoryText[j] != "" {
				txt = ind.HistoryText[j] // … or hidden ("<3"), or a text value
			}
			if err := w.value(sh, yearCol+j, r, v, ind.Unit, txt, false); err != nil {
				return err
			}
		}
		text := ind.Text
		if text == "" {
			text = plfmt.BrakDanych
		}
		if err := w.value(sh, curCol, r, ind.Value, ind.Unit, text, true); err != nil {
			return err
		}
		if ind.Change != nil {
			err := w.value(sh, curCol+1, r, ind.Change, ind.Unit, "", false)
			if err != nil {
				return err
			}
		} else if err := w.set(sh, curCol+1, r, nil, w.st.missing); err != nil {
			return err
		}
		if ind.ChangePct != nil {
			if err := w.set(sh, curCol+2, r, *ind.ChangePct/100, w.st.percent); err != nil {
				return err
			}
		} else if err := w.set(sh, curCol+2, r, nil, w.st.missing); err != nil {
			return err
		}
		for c, s := range []string{ind.Source, ind.Remark} {
			if err := w.set(sh, curCol+3+c, r, s, w.st.text); err != nil {
				return err
			}
		}
		for c, s := range texts {
			widths[c] = max(widths[c], utf8.RuneCountInString(s))
		}
		widths[curCol+2] = max(widths[curCol+2], utf8.RuneCountInString(ind.Source))
		widths[curCol+3] = max(widths[curCol+3], utf8.RuneCountInString(ind.Remark))
	}
	for c := yearCol; c <= curCol+2; c++ {
		widths[c-1] = max(widths[c-1], 14)
	}
	last := hr + len(d.Indicators)
	return w.finishSheet(sh, hr, 2, len(head), last, widths)
}

// finishSheet sets column widths, freezes the rows down to the header row
// filterRow (and freezeCols columns), and puts an autofilter on that row.
func (w *writer) finishSheet(sh string, filterRow, freezeCols, cols, lastRow int, widths []int) error {
	for c := 1; c <= cols; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		wd := float64(min(max(widths[c-1]+2, 8), 60))
		if err := w.f.SetColWidth(sh, name, name, wd); err != nil {
			return err
		}
	}
	top, _ := excelize.CoordinatesToCellName(freezeCols+1, filterRow+1)
	pane := "bottomLeft"
	if freezeCols > 0 {
		pane = "bottomRight"
	}
	if err := w.f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: freezeCols, YSplit: filterRow, TopLeftCell: top, ActivePane: pane}); err != nil {
		return err
	}
	if lastRow > filterRow {
		from, _ := excelize.CoordinatesToCellName(1, filterRow)
		to, _ := excelize.CoordinatesToCellName(cols, lastRow)
		if err := w.f.AutoFilter(sh, from+":"+to, nil); err != nil {
			return err
		}
	}
	return nil
}

// sheetName makes a valid, unique sheet name for t: at most 31 characters,
// none of []:*?/\, not starting or ending with an apostrophe.
func (w *writer) sheetName(t *report.Table) string {
	base := t.Sheet
	if strings.TrimSpace(base) == "" {
		base = t.Caption
	}
	base = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return ' '
		}
		return r
	}, base)
	base = strings.Join(strings.Fields(base), " ")
	base = strings.Trim(base, "'")
	if base == "" {
		base = "Tabela " + strconv.Itoa(t.Number)
	}
	name := truncate(base, 31)
	for i := 2; w.used[strings.ToLower(name)]; i++ {
		suf := " (" + strconv.Itoa(i) + ")"
		name = strings.TrimRight(truncate(base, 31-len(suf)), " '") + suf
	}
	w.used[strings.ToLower(name)] = true
	return name
}

func cellRef(col, row int) string {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	return ref
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimRight(string([]rune(s)[:n]), " '")
}

// table writes one report table on its own sheet.
func (w *writer) table(sh string, t *report.Table) error {
	if err := w.newSheet(sh, t.Label()); err != nil {
		return err
	}
	cols := len(t.Columns)
	for _, row := range append(append(append([][]report.Cell{}, t.Header...), t.Rows...), t.Footer...) {
		cols = max(cols, layout.Width(row))
	}
	widths := make([]int, cols)
	r := firstHeaderRow - len(t.Header) + 1
	if r < 3 {
		r = 3
	}
	write := func(row []report.Cell, kind string) error {
		for _, pc := range layout.Row(row) {
			cell, c, span := pc.Cell, pc.Col+1, pc.Span
			var err error
			style := w.st.header
			if kind == "header" {
				err = w.set(sh, c, r, cell.Text, style)
			} else {
				err = w.cell(sh, c, r, cell, kind == "footer")
				style, _ = w.f.GetCellStyle(sh, cellRef(c, r))
			}
			for k := 1; k < span && err == nil; k++ {
				err = w.set(sh, c+k, r, nil, style)
			}
			if span > 1 && err == nil {
				err = w.f.MergeCell(sh, cellRef(c, r), cellRef(c+span-1, r))
			}
			if err != nil {
				return err
			}
			if span == 1 {
				n := utf8.RuneCountInString(cell.Text)
				if kind == "header" {
					n = min(n, 24) // headers wrap
				}
				widths[c-1] = max(widths[c-1], n)
			}
		}
		r++
		return nil
	}
	for _, row := range t.Header {
		if err := write(row, "header"); err != nil {
			return err
		}
	}
	headerLast := r - 1
	for _, row := range t.Rows {
		if err := write(row, "body"); err != nil {
			return err
		}
	}
	bodyLast := r - 1
	for _, row := range t.Footer {
		if err := write(row, "footer"); err != nil {
			return err
		}
	}
	r++
	for _, n := range t.Notes {
		if err := w.set(sh, 1, r, n, 0); err != nil {
			return err
		}
		r++
	}
	for i := range widths {
		if widths[i] < 10 {
			widths[i] = 10
		}
	}
	return w.finishSheet(sh, headerLast, 0, cols, bodyLast, widths)
}

// cell writes one body or footer cell of a report table.
func (w *writer) cell(sh string, col, row int, c report.Cell, footer bool) error {
	bold := c.Bold || footer
	switch {
	case c.Value != nil:
		return w.value(sh, col, row, c.Value, c.Unit, c.Text, bold)
	case c.Float != nil:
		if c.Unit == "%" {
			return w.set(sh, col, row, *c.Float/100, pick(bold, w.st.percentBold, w.st.percent))
		}
		return w.set(sh, col, row, *c.Float, w.st.decimal)
	case c.Missing || c.Hidden:
		return w.set(sh, col, row, c.Text, w.st.missing)
	}
	return w.set(sh, col, row, c.Text, pick(bold, w.st.textBold, w.st.text))
}

// charts writes the data of every chart of the document on „Wykresy” with a
// native Excel chart beside each block. A value hidden in publication mode is
// an empty cell (a gap, as Excel would draw text as 0); the note in A2 says so.
func (w *writer) charts() error {
	const sh = SheetCharts
	if err := w.newSheet(sh, "Wykresy wskaźników w latach"); err != nil {
		return err
	}
	list := w.d.Charts()
	if len(list) == 0 {
		return w.set(sh, 1, 4, "Sprawozdanie nie zawiera wykresów.", 0)
	}
	if err := w.f.SetColWidth(sh, "A", "A", 12); err != nil {
		return err
	}
	maxSeries := 1
	for _, c := range list {
		maxSeries = max(maxSeries, len(c.Series))
	}
	last, _ := excelize.ColumnNumberToName(1 + maxSeries)
	if err := w.f.SetColWidth(sh, "B", last, 16); err != nil {
		return err
	}
	chartCol, _ := excelize.ColumnNumberToName(maxSeries + 3)
	r := 4
	for _, c := range list {
		if err := w.set(sh, 1, r, c.Label(), w.st.chartTitle); err != nil {
			return err
		}
		hr := r + 1
		if err := w.set(sh, 1, hr, "Rok", w.st.header); err != nil {
			return err
		}
		for j, s := range c.Series {
			if err := w.set(sh, 2+j, hr, s.Name, w.st.header); err != nil {
				return err
			}
		}
		for i, cat := range c.Categories {
			if err := w.set(sh, 1, hr+1+i, cat, w.st.text); err != nil {
				return err
			}
			for j, s := range c.Series {
				var v *int64
				if i < len(s.Values) {
					v = s.Values[i]
				}
				if v == nil { // an empty cell: a gap in the chart, never 0
					if err := w.set(sh, 2+j, hr+1+i, nil, w.st.missing); err != nil {
						return err
					}
					continue
				}
				if err := w.value(sh, 2+j, hr+1+i, v, c.Unit, "", false); err != nil {
					return err
				}
			}
		}
		lastRow := hr + len(c.Categories)
		ch := &excelize.Chart{
			Type:         excelize.Line,
			Title:        excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title}}},
			Legend:       excelize.ChartLegend{Position: "bottom"},
			Dimension:    excelize.ChartDimension{Width: 640, Height: 320},
			ShowBlanksAs: "gap",
			YAxis: excelize.ChartAxis{MajorGridLines: true, Minimum: ptr(0.0),
				NumFmt: excelize.ChartNumFmt{CustomNumFmt: FmtCount},
				Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: yLabel(c)}}}},
		}
		if c.Unit == model.UnitMoney {
			ch.YAxis.NumFmt.CustomNumFmt = `#,##0\ "zł"`
		}
		if c.Kind == "bar" {
			ch.Type = excelize.Col
			ch.VaryColors = ptr(false)
		}
		for j := range c.Series {
			col, _ := excelize.ColumnNumberToName(2 + j)
			ser := excelize.ChartSeries{
				Name:       fmt.Sprintf("'%s'!$%s$%d", sh, col, hr),
				Categories: fmt.Sprintf("'%s'!$A$%d:$A$%d", sh, hr+1, lastRow),
				Values:     fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sh, col, hr+1, col, lastRow),
			}
			// The same colours as the PNG and HTML charts.
			colour := strings.TrimPrefix(charts.Palette[j%len(charts.Palette)], "#")
			fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}
			ser.Fill = fill
			if ch.Type == excelize.Line {
				ser.Marker = excelize.ChartMarker{Symbol: "circle", Size: 6, Fill: fill, Border: excelize.LineOptions{Fill: fill}}
				ser.Line = excelize.LineOptions{Width: 2.25, Fill: fill}
			}
			ch.Series = append(ch.Series, ser)
		}
		if err := w.f.AddChart(sh, fmt.Sprintf("%s%d", chartCol, r), ch); err != nil {
			return err
		}
		r += max(len(c.Categories)+4, 18)
	}
	return nil
}

func yLabel(c *report.Chart) string {
	if c.YLabel != "" {
		return c.YLabel
	}
	return unitLabel(c.Unit)
}

func ptr[T any](v T) *T { return &v }

// printSetup prints a sheet on A4 landscape, all columns on one page width,
// with the header rows repeated on every page.
func (w *writer) printSetup(sh string) error {
	if err := w.f.SetPageLayout(sh, &excelize.PageLayoutOptions{
		Size: ptr(9), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0),
	}); err != nil {
		return err
	}
	if err := w.f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	if sh == SheetCharts {
		return nil
	}
	return w.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: sh,
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", sh, firstHeaderRow),
	})
}

// props sets the document properties.
func (w *writer) props() error {
	d := w.d
	t := d.Generated
	if t.IsZero() {
		t = time.Now()
	}
	stamp := t.UTC().Format(time.RFC3339)
	title := d.Meta.Title
	if title == "" {
		title = d.Title
	}
	creator := d.Meta.Author
	if creator == "" {
		creator = d.Meta.Creator
	}
	desc := d.Meta.Subject
	if d.Synthetic {
		desc = strings.TrimSpace(d.SyntheticNote + " " + desc)
	}
	if err := w.f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: d.Meta.Subject, Creator: creator, LastModifiedBy: creator,
		Keywords: d.Meta.Keywords, Description: desc, Language: "pl-PL",
		Category: "Sprawozdanie", Created: stamp, Modified: stamp,
	}); err != nil {
		return err
	}
	app := d.Meta.Creator
	if app == "" {
		app = "gpwr"
	}
	return w.f.SetAppProps(&excelize.AppProperties{Application: app, Company: d.TitlePage.OPS})
}
