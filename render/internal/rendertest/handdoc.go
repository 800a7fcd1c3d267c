// Package rendertest holds a small hand-made report document shared by the
// tests of the XLSX and HTML renderers. It covers every kind of cell and block
// those renderers handle; the full synthetic report comes from
// report.Build(reporttest.Input()).
package rendertest

import (
	"fmt"
	"time"

	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/report"
)

func f64(v float64) *float64 { return &v }

func i64(v int64) *int64 { return &v }

func money(text string, gr int64) report.Cell {
	return report.Cell{Text: text, Value: i64(gr), Unit: model.UnitMoney}
}

func count(n int64) report.Cell {
	return report.Cell{Text: fmt.Sprint(n), Value: i64(n), Unit: model.UnitFamilies}
}

// HandDoc is a small document with every kind of cell the renderer handles:
// money, counts, percent, "brak danych", a hidden cell, a spanning header,
// two tables whose sheet names collide after cleaning, and two charts.
func HandDoc() *report.Doc {
	miss := report.Cell{Text: "brak danych", Missing: true}
	return &report.Doc{
		Title: "Sprawozdanie z realizacji Gminnego Programu Wspierania Rodziny na lata 2023–2025 za rok 2025",
		Gmina: "Gmina Zielonka Dolna", Lang: "pl-PL", Year: 2025, Years: []int{2023, 2024, 2025},
		Generated: time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC),
		Synthetic: true, SyntheticNote: "UWAGA: dane syntetyczne (demonstracja) — nie dotyczą żadnej rzeczywistej gminy.",
		Meta:      report.Meta{Title: "Sprawozdanie GPWR 2025", Author: "mgr Joanna Przykładowa", Subject: "Wspieranie rodziny", Keywords: "GPWR, 2025", Creator: "gpwr"},
		TitlePage: report.TitlePage{OPS: "Gminny Ośrodek Pomocy Społecznej w Zielonce Dolnej"},
		Indicators: []report.IndicatorRow{
			{Code: "asysta.rodziny", Label: "Rodziny objęte wsparciem asystenta", Unit: model.UnitFamilies, Source: "ops",
				Value: i64(21), Text: "21", History: []*int64{i64(18), nil, i64(21)}},
			{Code: "piecza.koszt", Label: "Wydatki gminy na pieczę zastępczą", Unit: model.UnitMoney, Source: "ops",
				Value: i64(8607289), Text: "86 072,89 zł", History: []*int64{i64(7000000), i64(8000001), i64(8607289)},
				Change: i64(607288), ChangePct: f64(7.591)},
			{Code: "ppp.porady", Label: "Porady PPP", Unit: model.UnitCount, Source: "ppp_2025.csv", Remark: "poradnia nie prowadzi rejestru",
				Text: "brak danych", Missing: true, History: []*int64{i64(4), i64(5), nil}},
		},
		Chapters: []report.Chapter{
			{Number: "1", Title: "Asystenci rodziny", Level: 1, Blocks: []report.Block{
				{Kind: report.BlockTable, Table: &report.Table{
					ID: "tab-asysta", Number: 1, Caption: "Rodziny z asystentem", Sheet: "Asysta: rodziny/dzieci",
					Columns: []report.Column{{Align: report.Left}, {Align: report.Right}, {Align: report.Right}},
					Header: [][]report.Cell{
						{{Text: "Wyszczególnienie"}, {Text: "Liczba", Span: 2}},
						{{Text: ""}, {Text: "2024"}, {Text: "2025"}},
					},
					Rows: [][]report.Cell{
						{{Text: "Rodziny"}, count(19), count(21)},
						{{Text: "w tym z postanowienia sądu"}, miss, {Text: "<3", Hidden: true}},
						{{Text: "Udział rodzin zobowiązanych"}, {Text: "12,5 %", Float: f64(12.5), Unit: "%"}, miss},
					},
					Footer: [][]report.Cell{{{Text: "Razem", Bold: true}, count(19), count(21)}},
					Notes:  []string{"Źródło: rejestr OPS."},
				}},
				{Kind: report.BlockChart, Chart: &report.Chart{ID: "wykres-asysta", Number: 1, Title: "Rodziny z asystentem", Kind: "line",
					Unit: model.UnitFamilies, Categories: []string{"2023", "2024", "2025"},
					Series: []report.Series{{Name: "Rodziny", Values: []*int64{i64(18), nil, i64(21)}}}}},
			}},
			{Number: "2", Title: "Piecza zastępcza", Level: 1, Blocks: []report.Block{
				{Kind: report.BlockTable, Table: &report.Table{
					ID: "tab-piecza", Number: 2, Caption: "Koszty pieczy", Sheet: "Asysta rodziny dzieci",
					Header: [][]report.Cell{{{Text: "Udział"}, {Text: "Kwota"}}},
					Rows: [][]report.Cell{
						{{Text: "10 %"}, money("12 345,67 zł", 1234567)},
						{{Text: "50 %"}, money("86 072,89 zł", 8607289)},
					},
				}},
				{Kind: report.BlockTable, Table: &report.Table{
					ID: "tab-x", Number: 3, Caption: "Tabela o bardzo długim tytule, który nie mieści się w nazwie arkusza",
					Header: [][]report.Cell{{{Text: "A"}}}, Rows: [][]report.Cell{{{Text: "x"}}},
				}},
				{Kind: report.BlockChart, Chart: &report.Chart{ID: "wykres-piecza", Number: 2, Title: "Wydatki na pieczę", Kind: "bar",
					Unit: model.UnitMoney, YLabel: "zł", Categories: []string{"2023", "2024", "2025"},
					Series: []report.Series{
						{Name: "10 %", Values: []*int64{i64(1000000), i64(1234567), nil}},
						{Name: "50 %", Values: []*int64{i64(7000000), i64(8000001), i64(8607289)}},
					}}},
			}},
		},
	}
}
