package cas

import (
	"fmt"
	"strings"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/page"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/border"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"

	gcfg "github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/internal/output"
	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/pdfkit"
	"github.com/gpwr/gpwr/render/plfmt"
)

// PDF layout: a 60-unit grid on A4 portrait (180 mm wide: 3 mm a unit).
const (
	gridSize  = 60
	lpUnits   = 4
	kindUnits = 5
	dataUnits = 6
	vpad      = 1.2 // mm of line spacing: accents on capitals must not touch the line above
)

var (
	grey      = &props.Color{Red: 191, Green: 191, Blue: 191}
	lightGrey = &props.Color{Red: 242, Green: 242, Blue: 242}
	blueish   = &props.Color{Red: 220, Green: 230, Blue: 241}
	yellowish = &props.Color{Red: 255, Green: 242, Blue: 204}
	darkRed   = &props.Color{Red: 156, Green: 0, Blue: 6}
	darkAmber = &props.Color{Red: 127, Green: 96, Blue: 0}
	lineGrey  = &props.Color{Red: 128, Green: 128, Blue: 128}
)

func cellStyle(bg *props.Color) *props.Cell {
	return &props.Cell{BorderType: border.Full, BorderColor: lineGrey, BorderThickness: 0.2, BackgroundColor: bg}
}

// txt is the text of a table cell: 1 mm of padding on every side.
func txt(size float64, style fontstyle.Type, al align.Type) props.Text {
	p := pdfkit.Text(size)
	p.Style, p.Align = style, al
	p.Top, p.Bottom, p.Left, p.Right = 1, 1, 1, 1
	p.VerticalPadding = vpad
	return p
}

// WritePDF writes the print-out: header with gmina and period, the form's
// tables, the checks, „Strona N z M” and a place for signatures.
func WritePDF(path string, f *Filled, findings []model.Finding, cfg *gcfg.Config) error {
	b, err := RenderPDF(f, findings, cfg)
	if err != nil {
		return err
	}
	if err := output.WriteFile(path, b); err != nil {
		return fmt.Errorf("nie można zapisać pliku %s: %w", path, err)
	}
	return nil
}

// RenderPDF builds the print-out in memory.
func RenderPDF(f *Filled, findings []model.Finding, cfg *gcfg.Config) ([]byte, error) {
	if cfg == nil {
		cfg = &gcfg.Config{}
	}
	// Every text is in pdfkit.Family (through the default font): a built-in
	// family would silently print Polish letters as ".".
	m, err := pdfkit.New(pdfkit.Options{
		Title:    fmt.Sprintf("Sprawozdanie CAS %s – %s", f.Period.Key(), gminaText(cfg)),
		Subject:  f.Form.Title + " " + periodText(f.Period),
		Author:   orEmpty(cfg.OPS.Nazwa, "gpwr"),
		Keywords: "CAS, wspieranie rodziny, piecza zastępcza, " + f.Period.Key(),
		Grid:     gridSize,
		Margins:  pdfkit.Margins{Left: 15, Right: 15, Top: 12, Bottom: 12},
		FontSize: 9,
	})
	if err != nil {
		return nil, err
	}

	header := fmt.Sprintf("%s · %s · %s", gminaText(cfg), "sprawozdanie CAS za "+halfText(f.Period), periodText(f.Period))
	if f.Note != "" {
		header = f.Note + " · " + header
	}
	if err := m.RegisterHeader(
		row.New().Add(text.NewCol(gridSize, header, props.Text{Size: 7.5, Style: fontstyle.Italic, Align: align.Right, Bottom: 1.5, Family: pdfkit.Family, Color: lineGrey})),
	); err != nil {
		return nil, fmt.Errorf("PDF CAS: %w", err)
	}

	// Title block.
	m.AddRows(
		row.New().Add(text.NewCol(gridSize, f.Form.Title, props.Text{Size: 12.5, Style: fontstyle.Bold, Align: align.Center, VerticalPadding: vpad, Family: pdfkit.Family})),
		row.New().Add(text.NewCol(gridSize, periodText(f.Period)+" ("+halfText(f.Period)+")", props.Text{Size: 11, Style: fontstyle.Bold, Align: align.Center, Top: 2, VerticalPadding: vpad, Family: pdfkit.Family})),
		row.New().Add(text.NewCol(gridSize, gminaText(cfg), props.Text{Size: 10, Align: align.Center, Top: 2, VerticalPadding: vpad, Family: pdfkit.Family})),
	)
	if f.Note != "" {
		m.AddRows(row.New().Add(text.NewCol(gridSize, f.Note, props.Text{Size: 10, Style: fontstyle.Bold, Align: align.Center, Top: 2, VerticalPadding: vpad, Family: pdfkit.Family, Color: &props.Color{Red: 180}})))
	}
	if cfg.OPS.Nazwa != "" {
		m.AddRows(row.New().Add(text.NewCol(gridSize, cfg.OPS.Nazwa+orPrefix(", ", cfg.OPS.Adres), props.Text{Size: 9, Align: align.Center, Top: 1, VerticalPadding: vpad, Family: pdfkit.Family})))
	}
	m.AddRows(
		row.New().Add(text.NewCol(gridSize, "Podstawa: "+f.Form.Basis, props.Text{Size: 7.5, Style: fontstyle.Italic, Align: align.Left, Top: 3, VerticalPadding: 0.8, Family: pdfkit.Family})),
		row.New().Add(text.NewCol(gridSize, strings.TrimSpace(f.Form.MoneyNote+" „stan” – stan w ostatnim dniu półrocza ("+plfmt.DateISO(f.Period.To)+"); „półrocze” – łącznie w okresie. X – komórki nie wypełnia się. „brak danych” – brak wartości (nie oznacza zera). * – wiersz niepotwierdzony: układu wiersza nie porównano ze wzorem z rozporządzenia; przed wpisaniem danych porównaj go z formularzem w CAS."), props.Text{Size: 7.5, Style: fontstyle.Italic, Top: 1, Bottom: 2, VerticalPadding: 0.8, Family: pdfkit.Family})),
	)

	for _, fs := range f.Sections {
		rows := sectionRows(fs, f.Period)
		// Keep a section together when it is short, and never leave its
		// title and header alone at the foot of a page.
		need := sectionHeight(len(fs.Rows))
		if need > 120 {
			need = sectionHeight(3)
		}
		if m.FitlnCurrentPage(need) {
			m.AddRows(rows...)
		} else {
			m.AddPages(page.New().Add(rows...))
		}
	}

	// Checks.
	m.AddRows(row.New().Add(text.NewCol(gridSize, "Kontrole przed wpisaniem do CAS", props.Text{Size: 11, Style: fontstyle.Bold, Top: 5, Bottom: 1, VerticalPadding: vpad, Family: pdfkit.Family})))
	m.AddRows(row.New().Add(text.NewCol(gridSize, summaryText(findings), props.Text{Size: 9, Bottom: 1.5, VerticalPadding: vpad, Family: pdfkit.Family})))
	for i, fd := range findings {
		color := darkAmber
		if fd.Severity == model.Error {
			color = darkRed
		}
		sev := txt(8, fontstyle.Bold, align.Left)
		sev.Color = color
		place := fd.Place
		if place == "" {
			place = "—"
		}
		m.AddRows(row.New().Add(
			text.NewCol(3, fmt.Sprintf("%d.", i+1), txt(8, fontstyle.Normal, align.Right)),
			text.NewCol(8, severityText(fd.Severity), sev),
			text.NewCol(13, place, txt(8, fontstyle.Bold, align.Left)),
			text.NewCol(36, fd.Message, txt(8, fontstyle.Normal, align.Left)),
		))
	}

	// Signatures: who prepared and who approved, with room for date and signature.
	signer := strings.TrimSpace(cfg.OPS.Kierownik + orPrefix(", ", cfg.OPS.Stanowisko))
	center := func(s string, size float64, style fontstyle.Type) core.Col {
		return text.NewCol(gridSize/2, s, props.Text{Size: size, Style: style, Align: align.Center, VerticalPadding: vpad, Family: pdfkit.Family})
	}
	sigRows := []core.Row{
		row.New(10),
		row.New().Add(center("Sporządził(a)", 9, fontstyle.Bold), center("Zatwierdził(a)", 9, fontstyle.Bold)),
		row.New(14),
		row.New().Add(center("..........................................................", 9, fontstyle.Normal), center("..........................................................", 9, fontstyle.Normal)),
		row.New().Add(center(orEmpty(cfg.OPS.Sporzadzil, "imię i nazwisko"), 8, fontstyle.Normal), center(orEmpty(signer, "kierownik jednostki"), 8, fontstyle.Normal)),
		row.New().Add(center("data i podpis", 7, fontstyle.Italic), center("data i podpis", 7, fontstyle.Italic)),
	}
	if m.FitlnCurrentPage(50) {
		m.AddRows(sigRows...)
	} else {
		m.AddPages(page.New().Add(sigRows...))
	}
	m.AddRows(row.New().Add(text.NewCol(gridSize, fmt.Sprintf("Definicja formularza: %s (%s). Wydruk pomocniczy programu gpwr – dane wprowadza się do CAS ręcznie.", f.Form.ID, f.Form.Source), props.Text{Size: 7, Style: fontstyle.Italic, Top: 6, Color: lineGrey, Family: pdfkit.Family})))

	doc, err := m.Generate()
	if err != nil {
		return nil, fmt.Errorf("PDF CAS: %w", err)
	}
	return pdfkit.Finish(doc.GetBytes(), "pl-PL", nil)
}

// sectionRows builds one Dział: its title, the column header, the column
// numbers and the rows.
func sectionRows(fs FilledSection, p model.Period) []core.Row {
	sec := fs.Section
	n := len(sec.Columns)
	labelUnits := gridSize - lpUnits - kindUnits - dataUnits*n
	var rows []core.Row
	title := text.NewCol(gridSize, fmt.Sprintf("Dział %s. %s", sec.Symbol, sec.Title), txt(10, fontstyle.Bold, align.Left))
	title.WithStyle(cellStyle(blueish))
	rows = append(rows, row.New().Add(title))

	hdr := []core.Col{
		text.NewCol(lpUnits, "Lp.", txt(8, fontstyle.Bold, align.Center)),
		text.NewCol(labelUnits, "Wyszczególnienie", txt(8, fontstyle.Bold, align.Center)),
	}
	for _, c := range sec.Columns {
		hdr = append(hdr, text.NewCol(dataUnits, c.Title(), txt(7.5, fontstyle.Bold, align.Center)))
	}
	hdr = append(hdr, text.NewCol(kindUnits, "Rodzaj", txt(7.5, fontstyle.Bold, align.Center)))
	for _, c := range hdr {
		c.WithStyle(cellStyle(lightGrey))
	}
	rows = append(rows, row.New().Add(hdr...))

	nums := []core.Col{col.New(lpUnits), col.New(labelUnits)}
	for _, c := range sec.Columns {
		nums = append(nums, text.NewCol(dataUnits, fmt.Sprint(c.No), props.Text{Size: 6.5, Style: fontstyle.Italic, Align: align.Center, Family: pdfkit.Family}))
	}
	nums = append(nums, col.New(kindUnits))
	for _, c := range nums {
		c.WithStyle(cellStyle(nil))
	}
	rows = append(rows, row.New(3.5).Add(nums...))

	for _, fr := range fs.Rows {
		r := fr.Row
		style := fontstyle.Normal
		if r.Depth == 0 {
			style = fontstyle.Bold
		}
		lp := r.Lp
		if r.Status != Confirmed {
			lp += "*"
		}
		label := txt(8.5, style, align.Left)
		label.Left = 1 + 3*float64(r.Depth)
		cols := []core.Col{
			text.NewCol(lpUnits, lp, txt(8.5, style, align.Left)),
			text.NewCol(labelUnits, r.Label, label),
		}
		for _, c := range fr.Cells {
			var cc core.Col
			switch {
			case c.X:
				cc = text.NewCol(dataUnits, "X", txt(8.5, fontstyle.Bold, align.Center))
				cc.WithStyle(cellStyle(grey))
			case c.Shown() == nil:
				t := txt(7.5, fontstyle.Italic, align.Right)
				t.Color = darkRed
				cc = text.NewCol(dataUnits, plfmt.BrakDanych, t)
				cc.WithStyle(cellStyle(yellowish))
			default:
				cc = text.NewCol(dataUnits, cellText(c), txt(8.5, fontstyle.Normal, align.Right))
				cc.WithStyle(cellStyle(nil))
			}
			cols = append(cols, cc)
		}
		kind := "półrocze"
		if r.Kind == Stock {
			kind = "stan"
		}
		cols = append(cols, text.NewCol(kindUnits, kind, txt(7, fontstyle.Normal, align.Center)))
		for i, c := range cols {
			if i < 2 || i == len(cols)-1 {
				c.WithStyle(cellStyle(nil))
			}
		}
		rows = append(rows, row.New().Add(cols...))
	}
	rows = append(rows, row.New(4))
	return rows
}

// sectionHeight estimates (mm) the height of a section's title, header and
// first n rows.
func sectionHeight(n int) float64 { return 8 + 11 + 3.5 + 4 + 6.5*float64(n) }

func orEmpty(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

func orPrefix(prefix, s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return prefix + s
}
