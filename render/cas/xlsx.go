package cas

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/internal/output"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/plfmt"
)

// Sheet names of the workbook.
const (
	SheetForm   = "Sprawozdanie"
	SheetChecks = "Kontrole"
)

type xlsxStyles struct {
	title, sub, note, section, header, colNo int
	lp, label                                []int // by depth
	count, money, x, missing, small          int
	chkHead, chkErr, chkWarn, chkText        int
}

func newXLSXStyles(x *excelize.File) (xlsxStyles, error) {
	var st xlsxStyles
	var err error
	mk := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = x.NewStyle(s)
		return id
	}
	thin := []excelize.Border{{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1}, {Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	countFmt := "#,##0"
	moneyFmt := "#,##0"
	st.title = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	st.sub = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 11}})
	st.note = mk(&excelize.Style{Font: &excelize.Font{Size: 9, Italic: true}, Alignment: wrapTop})
	st.section = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 11}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}}, Border: thin, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	st.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 10}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}, Border: thin, Alignment: &excelize.Alignment{WrapText: true, Horizontal: "center", Vertical: "center"}})
	st.colNo = mk(&excelize.Style{Font: &excelize.Font{Size: 8, Italic: true}, Border: thin, Alignment: &excelize.Alignment{Horizontal: "center"}})
	for d := 0; d < 4; d++ {
		st.lp = append(st.lp, mk(&excelize.Style{Font: &excelize.Font{Bold: d == 0, Size: 10}, Border: thin, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}}))
		st.label = append(st.label, mk(&excelize.Style{Font: &excelize.Font{Bold: d == 0, Size: 10}, Border: thin, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top", Indent: 2 * d}}))
	}
	st.count = mk(&excelize.Style{Font: &excelize.Font{Size: 10}, Border: thin, CustomNumFmt: &countFmt, Alignment: &excelize.Alignment{Vertical: "top"}})
	st.money = mk(&excelize.Style{Font: &excelize.Font{Size: 10}, Border: thin, CustomNumFmt: &moneyFmt, Alignment: &excelize.Alignment{Vertical: "top"}})
	st.x = mk(&excelize.Style{Font: &excelize.Font{Size: 10, Bold: true}, Border: thin, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"BFBFBF"}}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	st.missing = mk(&excelize.Style{Font: &excelize.Font{Size: 9, Italic: true, Color: "9C0006"}, Border: thin, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}})
	st.small = mk(&excelize.Style{Font: &excelize.Font{Size: 8}, Border: thin, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	st.chkHead = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}, Border: thin, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	st.chkErr = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "9C0006"}, Border: thin, Alignment: wrapTop})
	st.chkWarn = mk(&excelize.Style{Font: &excelize.Font{Color: "7F6000"}, Border: thin, Alignment: wrapTop})
	st.chkText = mk(&excelize.Style{Border: thin, Alignment: wrapTop})
	return st, err
}

func colName(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}

func ref(col, row int) string { return colName(col) + strconv.Itoa(row) }

// WriteXLSX writes the workbook, whole or not at all: the form in its layout
// on „Sprawozdanie”, the findings on „Kontrole”. cfg may be nil.
func WriteXLSX(path string, f *Filled, findings []model.Finding, cfg *config.Config) error {
	if cfg == nil {
		cfg = &config.Config{}
	}
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", SheetForm); err != nil {
		return err
	}
	if _, err := x.NewSheet(SheetChecks); err != nil {
		return err
	}
	st, err := newXLSXStyles(x)
	if err != nil {
		return fmt.Errorf("arkusz CAS: %w", err)
	}
	if err := writeFormSheet(x, st, f, findings, cfg); err != nil {
		return fmt.Errorf("arkusz CAS: %w", err)
	}
	if err := writeChecksSheet(x, st, findings); err != nil {
		return fmt.Errorf("arkusz CAS: %w", err)
	}
	x.SetActiveSheet(0)
	now := time.Now().UTC().Format(time.RFC3339)
	if err := x.SetDocProps(&excelize.DocProperties{
		Title:       fmt.Sprintf("Sprawozdanie CAS %s – %s", f.Period.Key(), gminaText(cfg)),
		Subject:     f.Form.Title + " " + periodText(f.Period),
		Creator:     "gpwr",
		Description: f.Form.Basis,
		Keywords:    "CAS; wspieranie rodziny; piecza zastępcza; " + f.Period.Key(),
		Category:    "Sprawozdanie rzeczowo-finansowe",
		Language:    "pl-PL",
		Identifier:  f.Form.ID,
		Created:     now,
		Modified:    now,
	}); err != nil {
		return err
	}
	if err := x.SetAppProps(&excelize.AppProperties{Application: "gpwr", Company: cfg.OPS.Nazwa}); err != nil {
		return err
	}
	buf, err := x.WriteToBuffer()
	if err == nil {
		err = output.WriteFile(path, buf.Bytes())
	}
	if err != nil {
		return fmt.Errorf("nie można zapisać pliku %s: %w", path, err)
	}
	return nil
}

func writeFormSheet(x *excelize.File, st xlsxStyles, f *Filled, findings []model.Finding, cfg *config.Config) error {
	sh := SheetForm
	nData := maxColumns(f.Form)
	kindCol := 3 + nData // after Lp., Wyszczególnienie and the data columns
	statusCol := kindCol + 1
	last := statusCol
	var e firstError
	do := e.do
	set := func(col, row int, v any, style int) {
		do(x.SetCellValue(sh, ref(col, row), v))
		do(x.SetCellStyle(sh, ref(col, row), ref(col, row), style))
	}
	merge := func(row int, v any, style int, height float64) {
		set(1, row, v, style)
		do(x.MergeCell(sh, ref(1, row), ref(last, row)))
		do(x.SetCellStyle(sh, ref(1, row), ref(last, row), style))
		if height > 0 {
			do(x.SetRowHeight(sh, row, height))
		}
	}

	do(x.SetColWidth(sh, "A", "A", 7))
	do(x.SetColWidth(sh, "B", "B", 58))
	do(x.SetColWidth(sh, colName(3), colName(2+nData), 15))
	do(x.SetColWidth(sh, colName(kindCol), colName(kindCol), 16))
	do(x.SetColWidth(sh, colName(statusCol), colName(statusCol), 16))

	r := 1
	merge(r, f.Form.Title, st.title, 34)
	r++
	merge(r, periodText(f.Period)+" ("+halfText(f.Period)+")", st.sub, 0)
	r++
	who := gminaText(cfg)
	if cfg.OPS.Nazwa != "" {
		who += " · " + cfg.OPS.Nazwa
	}
	merge(r, who, st.sub, 0)
	r++
	if f.Note != "" {
		merge(r, f.Note, st.title, 20)
		r++
	}
	merge(r, "Podstawa: "+f.Form.Basis, st.note, 26)
	r++
	note := f.Form.MoneyNote + " „Stan” – w ostatnim dniu półrocza; „za półrocze” – łącznie w okresie. " +
		"Wierszy o statusie „niepotwierdzony” nie porównano ze wzorem z rozporządzenia: przed wpisaniem danych porównaj je z formularzem w CAS. " +
		"„brak danych” oznacza brak wartości (nie oznacza zera). " + summaryText(findings) + " Zob. arkusz „Kontrole”."
	merge(r, strings.TrimSpace(note), st.note, 40)
	r += 2

	for _, fs := range f.Sections {
		sec := fs.Section
		merge(r, fmt.Sprintf("Dział %s. %s", sec.Symbol, sec.Title), st.section, 20)
		r++
		set(1, r, "Lp.", st.header)
		set(2, r, "Wyszczególnienie", st.header)
		for ci := 0; ci < nData; ci++ {
			h := ""
			if ci < len(sec.Columns) {
				h = sec.Columns[ci].Title()
			}
			set(3+ci, r, h, st.header)
		}
		set(kindCol, r, "Rodzaj danych", st.header)
		set(statusCol, r, "Status wiersza", st.header)
		do(x.SetRowHeight(sh, r, 30))
		r++
		set(1, r, "", st.colNo)
		set(2, r, "", st.colNo)
		for ci := 0; ci < nData; ci++ {
			v := ""
			if ci < len(sec.Columns) {
				v = strconv.Itoa(sec.Columns[ci].No)
			}
			set(3+ci, r, v, st.colNo)
		}
		set(kindCol, r, "", st.colNo)
		set(statusCol, r, "", st.colNo)
		r++
		for _, fr := range fs.Rows {
			row := fr.Row
			d := min(row.Depth, len(st.lp)-1)
			set(1, r, row.Lp, st.lp[d])
			set(2, r, row.Label, st.label[d])
			for ci := 0; ci < nData; ci++ {
				if ci >= len(fr.Cells) {
					set(3+ci, r, "", st.small)
					continue
				}
				c := fr.Cells[ci]
				switch v := c.Shown(); {
				case c.X:
					set(3+ci, r, "X", st.x)
				case v == nil:
					set(3+ci, r, plfmt.BrakDanych, st.missing)
				case c.Column.Unit == Money:
					set(3+ci, r, *v, st.money)
				default:
					set(3+ci, r, *v, st.count)
				}
			}
			set(kindCol, r, kindText(row, f.Period), st.small)
			set(statusCol, r, row.Status, st.small)
			r++
		}
		r++
	}
	merge(r, "Sporządził(a): "+orDots(cfg.OPS.Sporzadzil)+"     Data: ..............................     Podpis: ..............................", st.sub, 24)
	r++
	merge(r, "Zatwierdził(a): "+orDots(cfg.OPS.Kierownik)+"     Podpis: ..............................", st.sub, 24)
	r++
	merge(r, fmt.Sprintf("Definicja formularza: %s (%s). Wygenerowano w programie gpwr.", f.Form.ID, f.Form.Source), st.note, 0)

	do(x.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 2, TopLeftCell: "C3", ActivePane: "bottomRight"}))
	one := 1
	land := "landscape"
	if nData <= 3 {
		land = "portrait"
	}
	size := 9 // A4
	do(x.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &size, Orientation: &land, FitToWidth: &one}))
	fit := true
	do(x.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}))
	return e.err
}

// firstError keeps the first error of a run of excelize calls.
type firstError struct{ err error }

func (e *firstError) do(err error) {
	if e.err == nil {
		e.err = err
	}
}

func orDots(s string) string {
	if strings.TrimSpace(s) == "" {
		return ".............................................."
	}
	return s
}

func writeChecksSheet(x *excelize.File, st xlsxStyles, findings []model.Finding) error {
	sh := SheetChecks
	var e firstError
	do := e.do
	heads := []string{"Lp.", "Waga", "Miejsce", "Komunikat", "Kod kontroli"}
	widths := []float64{6, 13, 26, 90, 22}
	for i, h := range heads {
		do(x.SetColWidth(sh, colName(i+1), colName(i+1), widths[i]))
		do(x.SetCellValue(sh, ref(i+1, 1), h))
		do(x.SetCellStyle(sh, ref(i+1, 1), ref(i+1, 1), st.chkHead))
	}
	if len(findings) == 0 {
		do(x.SetCellValue(sh, "A2", "Kontrole nie wykazały uwag."))
		do(x.MergeCell(sh, "A2", "E2"))
	}
	for i, fd := range findings {
		r := i + 2
		sev := st.chkWarn
		if fd.Severity == model.Error {
			sev = st.chkErr
		}
		vals := []any{i + 1, severityText(fd.Severity), fd.Place, fd.Message, fd.Check}
		for c, v := range vals {
			style := st.chkText
			if c == 1 {
				style = sev
			}
			do(x.SetCellValue(sh, ref(c+1, r), v))
			do(x.SetCellStyle(sh, ref(c+1, r), ref(c+1, r), style))
		}
	}
	if len(findings) > 0 {
		do(x.AutoFilter(sh, fmt.Sprintf("A1:E%d", len(findings)+1), nil))
	}
	do(x.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	return e.err
}
