package compare

import (
	"bytes"
	"fmt"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/compare/yoy"
	"github.com/gpwr/gpwr/render/plfmt"
)

// Sheet names of porownanie.xlsx.
const (
	SheetCompare  = "Porównanie"
	SheetCharts   = "Wykresy"
	SheetFindings = "Ustalenia"
)

// Layout of the comparison sheet: title in row 1, column headers in row 2,
// the origin of each year in row 3, indicators from row 4; columns A–C are
// code, label and unit, then one column per year, then for each pair of
// adjacent years the absolute and the percentage change.
const (
	rowTitle    = 1
	rowHeader   = 2
	rowOrigin   = 3
	firstData   = 4
	firstYearCo = 4 // column D
)

// Number formats in excelize's invariant syntax; a Polish Excel or LibreOffice
// shows "1 234", "86 072,89 zł", "+12,5%".
const (
	fmtInt         = `#,##0`
	fmtMoney       = `#,##0.00\ "zł"`
	fmtSignedInt   = `+#,##0;-#,##0;0`
	fmtSignedMoney = `+#,##0.00\ "zł";-#,##0.00\ "zł";0.00\ "zł"`
	fmtPct         = `+0.0%;-0.0%;0.0%`
)

// unitText is the unit as the spreadsheet prints it (money in złoty).
func unitText(u model.Unit) string {
	if u == model.UnitMoney {
		return "zł"
	}
	return string(u)
}

// Title is the title of the comparison, e.g. "Porównanie wskaźników – gmina
// Chmielnik, lata 2021–2025".
func Title(c *Comparison, meta Meta) string {
	t := "Porównanie wskaźników"
	if meta.Gmina != "" {
		t += " – gmina " + meta.Gmina
	}
	if n := len(c.Years); n > 0 {
		if n == 1 {
			t += fmt.Sprintf(", rok %d", c.Years[0].Year)
		} else {
			t += fmt.Sprintf(", lata %d–%d", c.Years[0].Year, c.Years[n-1].Year)
		}
	}
	return t
}

// cellName is excelize.CoordinatesToCellName without the error (inputs are ours).
func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

// cellValue is the spreadsheet value of an indicator value: money in złoty.
func cellValue(v int64, u model.Unit) any {
	if u == model.UnitMoney {
		return float64(v) / 100
	}
	return v
}

type styles struct {
	title, header, origin, text, wrap, missing, note int
	num, money, sInt, sMoney, pct, pctFlag           int
}

func newStyles(f *excelize.File) (*styles, error) {
	var s styles
	var err error
	mk := func(dst *int, st *excelize.Style) {
		if err != nil {
			return
		}
		*dst, err = f.NewStyle(st)
	}
	border := []excelize.Border{{Type: "bottom", Color: "#BFBFBF", Style: 1}}
	numFmt := func(code string) *string { return &code }
	mk(&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	mk(&s.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#DDEBF7"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}, Border: []excelize.Border{{Type: "bottom", Color: "#000000", Style: 1}}})
	mk(&s.origin, &excelize.Style{Font: &excelize.Font{Italic: true, Color: "#404040"}, Alignment: &excelize.Alignment{WrapText: true, Horizontal: "center"}, Border: border})
	mk(&s.text, &excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.wrap, &excelize.Style{Border: border, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	mk(&s.missing, &excelize.Style{Font: &excelize.Font{Italic: true, Color: "#7F7F7F"}, Border: border, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}})
	mk(&s.note, &excelize.Style{Font: &excelize.Font{Italic: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	mk(&s.num, &excelize.Style{CustomNumFmt: numFmt(fmtInt), Border: border, Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.money, &excelize.Style{CustomNumFmt: numFmt(fmtMoney), Border: border, Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.sInt, &excelize.Style{CustomNumFmt: numFmt(fmtSignedInt), Border: border, Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.sMoney, &excelize.Style{CustomNumFmt: numFmt(fmtSignedMoney), Border: border, Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.pct, &excelize.Style{CustomNumFmt: numFmt(fmtPct), Border: border, Alignment: &excelize.Alignment{Vertical: "top"}})
	mk(&s.pctFlag, &excelize.Style{CustomNumFmt: numFmt(fmtPct), Font: &excelize.Font{Bold: true, Color: "#9C0006"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#FFC7CE"}}, Border: border, Alignment: &excelize.Alignment{Vertical: "top"}})
	return &s, err
}

// XLSX renders porownanie.xlsx: the sheet „Porównanie” (one row per
// indicator, one column per year, absolute and percentage change), the sheet
// „Wykresy” (a table of the key indicators by year and a native line chart
// of each) and the sheet „Ustalenia” (changes beyond the threshold).
func XLSX(c *Comparison, meta Meta) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	if err := f.SetSheetName("Sheet1", SheetCompare); err != nil {
		return nil, err
	}
	w := &sheetWriter{f: f}
	writeCompareSheet(w, c, meta, st)
	writeChartsSheet(w, c, meta, st)
	writeFindingsSheet(w, c, st)
	if w.err != nil {
		return nil, w.err
	}
	title := Title(c, meta)
	desc := "Wskaźniki Gminnego Programu Wspierania Rodziny rok do roku, ze zmianą bezwzględną i procentową."
	if meta.Sample {
		desc = SampleNote + ". " + desc
	}
	creator := meta.OPS
	if creator == "" {
		creator = "gpwr"
	}
	when := meta.Generated
	if when.IsZero() {
		when = time.Now()
	}
	ts := when.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: "Porównanie wskaźników wspierania rodziny", Creator: creator, LastModifiedBy: creator,
		Description: desc, Keywords: "wspieranie rodziny; porównanie; wskaźniki", Category: "Sprawozdawczość",
		Language: "pl-PL", Created: ts, Modified: ts,
	}); err != nil {
		return nil, err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "gpwr " + meta.ToolVersion, Company: meta.OPS}); err != nil {
		return nil, err
	}
	f.SetActiveSheet(0)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sheetWriter keeps the first error of a run of excelize calls.
type sheetWriter struct {
	f   *excelize.File
	err error
}

func (w *sheetWriter) set(sheet, cell string, v any, style int) {
	if w.err != nil {
		return
	}
	if w.err = w.f.SetCellValue(sheet, cell, v); w.err == nil && style != 0 {
		w.err = w.f.SetCellStyle(sheet, cell, cell, style)
	}
}

func (w *sheetWriter) do(err error) {
	if w.err == nil {
		w.err = err
	}
}

func writeCompareSheet(w *sheetWriter, c *Comparison, meta Meta, st *styles) {
	sh := SheetCompare
	n := len(c.Years)
	lastCol := firstYearCo + n - 1 + 2*(n-1)
	title := Title(c, meta)
	if meta.Sample {
		title += " (" + SampleNote + ")"
	}
	w.set(sh, cellName(1, rowTitle), title, st.title)
	w.do(w.f.MergeCell(sh, cellName(1, rowTitle), cellName(max(lastCol, 3), rowTitle)))
	w.do(w.f.SetRowHeight(sh, rowTitle, 22))

	for i, h := range []string{"Kod", "Wskaźnik", "Jednostka"} {
		w.set(sh, cellName(i+1, rowHeader), h, st.header)
	}
	w.set(sh, cellName(1, rowOrigin), "", st.origin)
	w.set(sh, cellName(2, rowOrigin), "Źródło danych roku", st.origin)
	w.set(sh, cellName(3, rowOrigin), "", st.origin)
	for i, y := range c.Years {
		w.set(sh, cellName(firstYearCo+i, rowHeader), strconv.Itoa(y.Year), st.header)
		w.set(sh, cellName(firstYearCo+i, rowOrigin), y.From.Polish(), st.origin)
	}
	for i := 1; i < n; i++ {
		col := firstYearCo + n + 2*(i-1)
		span := fmt.Sprintf("%d–%d", c.Years[i-1].Year, c.Years[i].Year)
		w.set(sh, cellName(col, rowHeader), "Zmiana "+span, st.header)
		w.set(sh, cellName(col+1, rowHeader), "Zmiana % "+span, st.header)
		w.set(sh, cellName(col, rowOrigin), "", st.origin)
		w.set(sh, cellName(col+1, rowOrigin), "", st.origin)
	}
	w.do(w.f.SetRowHeight(sh, rowHeader, 32))

	for ri, r := range c.Rows {
		row := firstData + ri
		w.set(sh, cellName(1, row), r.Code, st.text)
		w.set(sh, cellName(2, row), r.Label, st.wrap)
		w.set(sh, cellName(3, row), unitText(r.Unit), st.text)
		valStyle, dStyle := st.num, st.sInt
		if r.Unit == model.UnitMoney {
			valStyle, dStyle = st.money, st.sMoney
		}
		for i, v := range r.Values {
			cell := cellName(firstYearCo+i, row)
			if v == nil {
				w.set(sh, cell, plfmt.BrakDanych, st.missing)
				continue
			}
			w.set(sh, cell, cellValue(*v, r.Unit), valStyle)
		}
		for i, d := range r.Deltas {
			col := firstYearCo + n + 2*i
			if d.Abs == nil {
				w.set(sh, cellName(col, row), "–", st.missing)
			} else {
				w.set(sh, cellName(col, row), cellValue(*d.Abs, r.Unit), dStyle)
			}
			if d.Pct == nil {
				w.set(sh, cellName(col+1, row), "–", st.missing)
			} else {
				ps := st.pct
				if d.Flagged {
					ps = st.pctFlag
				}
				w.set(sh, cellName(col+1, row), *d.Pct/100, ps)
			}
		}
	}
	if len(c.Rows) == 0 {
		w.set(sh, cellName(1, firstData), "Żaden z wybranych lat nie ma wskaźników.", st.note)
	}
	w.do(w.f.SetColWidth(sh, "A", "A", 34))
	w.do(w.f.SetColWidth(sh, "B", "B", 52))
	w.do(w.f.SetColWidth(sh, "C", "C", 10))
	w.do(w.f.SetColWidth(sh, colName(firstYearCo), colName(max(lastCol, firstYearCo)), 15))
	w.do(w.f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 3, YSplit: rowOrigin, TopLeftCell: cellName(firstYearCo, firstData), ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: cellName(firstYearCo, firstData), ActiveCell: cellName(firstYearCo, firstData), Pane: "bottomRight"}}}))
	if len(c.Rows) > 0 {
		w.do(w.f.AutoFilter(sh, fmt.Sprintf("A%d:%s%d", rowHeader, colName(max(lastCol, 3)), firstData+len(c.Rows)-1), nil))
	}
}

// Layout of the charts sheet: title row 1, note row 2, table header row 4,
// one row per year from row 5, charts below the table.
const (
	chartsHeader = 4
	chartsFirst  = 5
)

// keyRows are the rows of the key indicators present, in yoy.KeyIndicators order.
func keyRows(c *Comparison) []Row {
	var out []Row
	for _, code := range yoy.KeyIndicators {
		if r, ok := c.Row(code); ok {
			out = append(out, r)
		}
	}
	return out
}

func writeChartsSheet(w *sheetWriter, c *Comparison, meta Meta, st *styles) {
	sh := SheetCharts
	if _, err := w.f.NewSheet(sh); err != nil {
		w.do(err)
		return
	}
	title := "Wykresy kluczowych wskaźników"
	if meta.Gmina != "" {
		title += " – gmina " + meta.Gmina
	}
	if meta.Sample {
		title += " (" + SampleNote + ")"
	}
	w.set(sh, "A1", title, st.title)
	w.set(sh, "A2", "Puste pole w tabeli oznacza brak danych (nie zero); na wykresie jest wtedy przerwa. Kwoty w złotych.", st.note)
	keys := keyRows(c)
	w.do(w.f.MergeCell(sh, "A2", cellName(max(len(keys)+1, 8), 2)))
	w.do(w.f.SetRowHeight(sh, 2, 30))
	w.set(sh, cellName(1, chartsHeader), "Rok", st.header)
	for i, y := range c.Years {
		w.set(sh, cellName(1, chartsFirst+i), strconv.Itoa(y.Year), st.text)
	}
	for k, r := range keys {
		col := 2 + k
		w.set(sh, cellName(col, chartsHeader), fmt.Sprintf("%s (%s)", r.Label, unitText(r.Unit)), st.header)
		style := st.num
		if r.Unit == model.UnitMoney {
			style = st.money
		}
		for i, v := range r.Values {
			if v != nil {
				w.set(sh, cellName(col, chartsFirst+i), cellValue(*v, r.Unit), style)
			}
		}
	}
	w.do(w.f.SetRowHeight(sh, chartsHeader, 60))
	w.do(w.f.SetColWidth(sh, "A", "A", 10))
	if len(keys) > 0 {
		w.do(w.f.SetColWidth(sh, "B", colName(len(keys)+1), 18))
	}
	lastYearRow := chartsFirst + len(c.Years) - 1
	anchor := lastYearRow + 3
	for k, r := range keys {
		col := colName(2 + k)
		yFmt := fmtInt
		if r.Unit == model.UnitMoney {
			yFmt = fmtMoney
		}
		ch := &excelize.Chart{
			Type: excelize.Line,
			Series: []excelize.ChartSeries{{
				Name:       fmt.Sprintf("'%s'!$%s$%d", sh, col, chartsHeader),
				Categories: fmt.Sprintf("'%s'!$A$%d:$A$%d", sh, chartsFirst, lastYearRow),
				Values:     fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sh, col, chartsFirst, col, lastYearRow),
				Marker:     excelize.ChartMarker{Symbol: "circle", Size: 6},
			}},
			Title:        excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: fmt.Sprintf("%s (%s)", r.Label, unitText(r.Unit))}}},
			Legend:       excelize.ChartLegend{Position: "none"},
			ShowBlanksAs: "gap",
			YAxis:        excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: yFmt}},
			Dimension:    excelize.ChartDimension{Width: 560, Height: 300},
			Format:       excelize.GraphicOptions{AltText: fmt.Sprintf("Wykres liniowy: %s, lata %d–%d", r.Label, c.Years[0].Year, c.Years[len(c.Years)-1].Year)},
		}
		// Two charts side by side, 16 rows per chart row.
		cell := fmt.Sprintf("%s%d", []string{"A", "I"}[k%2], anchor+16*(k/2))
		if k%2 == 1 && len(keys) < 3 {
			cell = fmt.Sprintf("A%d", anchor+16*k)
		}
		w.do(w.f.AddChart(sh, cell, ch))
	}
	if len(keys) == 0 {
		w.set(sh, cellName(1, chartsFirst+len(c.Years)+1), "Żaden z kluczowych wskaźników nie występuje w wybranych latach.", st.note)
	}
}

func writeFindingsSheet(w *sheetWriter, c *Comparison, st *styles) {
	sh := SheetFindings
	if _, err := w.f.NewSheet(sh); err != nil {
		w.do(err)
		return
	}
	w.set(sh, "A1", fmt.Sprintf("Zmiany rok do roku większe niż ±%s", yoy.ThresholdText(c.Threshold)), st.title)
	w.set(sh, "A2", "Kod", st.header)
	w.set(sh, "B2", "Ustalenie", st.header)
	for i, f := range c.Findings {
		w.set(sh, cellName(1, 3+i), f.Place, st.text)
		w.set(sh, cellName(2, 3+i), f.Message, st.wrap)
	}
	if len(c.Findings) == 0 {
		w.set(sh, "A3", "Brak zmian przekraczających próg.", st.note)
	}
	w.do(w.f.SetColWidth(sh, "A", "A", 34))
	w.do(w.f.SetColWidth(sh, "B", "B", 100))
	w.do(w.f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}))
}
