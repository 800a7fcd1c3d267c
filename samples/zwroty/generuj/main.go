// Command generuj writes the sample partner returns of the fictional gmina
// „Przykładowo” (TERYT 9999011) for 2022–2025 in the dialects partners really
// send: UTF-8 with BOM and semicolons (the form), Windows-1250 with semicolons
// and CRLF (Polish Excel's "CSV (rozdzielany średnikami)"), comma-separated
// UTF-8 with LF, UTF-16 with tabs (Excel's "Tekst Unicode"), XLSX with numbers
// as numbers and XLSX with numbers as text. The parish sends nothing in 2023.
//
// Run from the repository root: go run ./samples/zwroty/generuj
package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/gpwr/gpwr/collectors/partner"
	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/render/forms"
)

type pv struct {
	v      []string // per year 2022..2025; "" = leave empty
	remark []string
}

func vals(vs ...string) pv { return pv{v: vs} }

var partners = []config.Partner{
	{Rodzaj: "ppp", Nazwa: "Poradnia Psychologiczno-Pedagogiczna w Przykładowie Wielkim"},
	{Rodzaj: "policja", Nazwa: "Komenda Powiatowa Policji w Przykładowie Wielkim"},
	{Rodzaj: "kuratorzy", Nazwa: "Zespół Kuratorskiej Służby Sądowej przy Sądzie Rejonowym w Przykładowie Wielkim"},
	{Rodzaj: "pcpr", Nazwa: "Powiatowe Centrum Pomocy Rodzinie w Przykładowie Wielkim"},
	{Rodzaj: "szkoly", Nazwa: "Szkoła Podstawowa nr 1 w Przykładowie", Plik: "zwrot_szkoly_sp1"},
	{Rodzaj: "szkoly", Nazwa: "Szkoła Podstawowa w Dąbrówce Przykładowej", Plik: "zwrot_szkoly_sp_dabrowka"},
	{Rodzaj: "gkrpa", Nazwa: "Gminna Komisja Rozwiązywania Problemów Alkoholowych w Przykładowie"},
	{Rodzaj: "kultura", Nazwa: "Gminny Ośrodek Kultury w Przykładowie"},
	{Rodzaj: "sport", Nazwa: "Gminny Ośrodek Sportu i Rekreacji w Przykładowie"},
	{Rodzaj: "parafie", Nazwa: "Parafia pw. Świętej Rodziny w Przykładowie"},
	{Rodzaj: "pik", Nazwa: "Punkt Interwencji Kryzysowej w Przykładowie"},
}

var preparer = map[string]string{
	"ppp": "pedagog Poradni", "policja": "Zespół Prewencji KPP", "kuratorzy": "kierownik zespołu kuratorów",
	"pcpr": "Dział Pieczy Zastępczej", "szkoly": "pedagog szkolny", "gkrpa": "sekretarz Komisji",
	"kultura": "instruktor GOK", "sport": "dyrektor GOSiR", "parafie": "kancelaria parafialna", "pik": "pracownik Punktu",
}

// data[partner index][code] = values 2022..2025 (+ remarks)
var data = map[int]map[string]pv{
	0: {
		"ppp.rodziny_wsparcie":  vals("28", "31", "34", "36"),
		"ppp.porady":            vals("74", "81", "88", "95"),
		"ppp.grupy_wsparcia":    {v: []string{"0", "1", "1", "1"}, remark: []string{"grupa edukacyjna dla osób doświadczających przemocy nie zawiązała się", "", "", ""}},
		"ppp.terapia_rodzin":    {v: []string{"0", "0", "0", "0"}, remark: []string{"w Poradni nie jest prowadzona terapia rodzinna", "w Poradni nie jest prowadzona terapia rodzinna", "w Poradni nie jest prowadzona terapia rodzinna", "w Poradni nie jest prowadzona terapia rodzinna"}},
		"ppp.opinie_orzeczenia": vals("41", "45", "52", "49"),
	},
	1: {
		"policja.rozmowy_profilaktyczne": vals("18", "22", "25", "27"),
		"policja.dzielnicowi":            {v: []string{"3", "3", "3", "4"}, remark: []string{"", "", "", "od 1 lipca nowy rejon dzielnicowego"}},
		"policja.niebieskie_karty":       vals("14", "11", "13", "9"),
		"policja.interwencje_domowe":     vals("62", "58", "55", "51"),
		"policja.grupy_robocze":          vals("21", "19", "24", "20"),
	},
	2: {
		"kuratorzy.rodziny_nadzor":       vals("17", "19", "18", "21"),
		"kuratorzy.nadzory_nowe":         vals("5", "6", "4", "7"),
		"kuratorzy.zobowiazania_terapia": {v: []string{"2", "3", "brak danych", "2"}, remark: []string{"", "", "zmiana systemu ewidencji w sądzie", ""}},
	},
	3: {
		"pcpr.dzieci_piecza":                 vals("9", "10", "8", "11"),
		"pcpr.dzieci_piecza_rodzinna":        vals("6", "7", "6", "8"),
		"pcpr.dzieci_piecza_instytucjonalna": vals("3", "3", "2", "3"),
		"pcpr.dzieci_powroty":                vals("1", "0", "2", "1"),
		"pcpr.informacje":                    {v: []string{"7", "9", "8", "12"}, remark: []string{"w formie przekazu ustnego", "w formie przekazu ustnego", "w formie przekazu ustnego", "w formie przekazu ustnego i ulotek"}},
		"pcpr.rodziny_zastepcze":             vals("3", "3", "4", "4"),
	},
	4: {
		"szkoly.programy_profilaktyczne": vals("3", "3", "4", "4"),
		"szkoly.programy_opis":           vals("program wychowawczo-profilaktyczny; „Trzymaj formę”; „Bieg po zdrowie”", "program wychowawczo-profilaktyczny; „Trzymaj formę”; „Bieg po zdrowie”", "program wychowawczo-profilaktyczny; „Trzymaj formę”; „Bieg po zdrowie”; „Cyfrowy detoks”", "program wychowawczo-profilaktyczny; „Trzymaj formę”; „Bieg po zdrowie”; „Cyfrowy detoks”"),
		"szkoly.prelekcje":               vals("6", "8", "7", "9"),
		"szkoly.spotkania_rodzice":       vals("4", "4", "5", "6"),
		"szkoly.uczniowie_pomoc_pp":      vals("38", "41", "44", "47"),
		"szkoly.wspolpraca_asystent":     vals("5", "6", "4", "7"),
		"szkoly.niebieskie_karty":        vals("1", "0", "2", "1"),
	},
	5: {
		"szkoly.programy_profilaktyczne": vals("1", "2", "2", "2"),
		"szkoly.programy_opis":           vals("program wychowawczo-profilaktyczny", "program wychowawczo-profilaktyczny; „Znajdź właściwe rozwiązanie”", "program wychowawczo-profilaktyczny; „Znajdź właściwe rozwiązanie”", "program wychowawczo-profilaktyczny; „Znajdź właściwe rozwiązanie”"),
		"szkoly.prelekcje":               vals("3", "3", "4", "4"),
		"szkoly.spotkania_rodzice":       {v: []string{"2", "2", "b.d.", "3"}, remark: []string{"", "", "pedagog na urlopie, brak ewidencji", ""}},
		"szkoly.uczniowie_pomoc_pp":      vals("12", "14", "13", "15"),
		"szkoly.wspolpraca_asystent":     vals("2", "1", "2", "2"),
		"szkoly.niebieskie_karty":        vals("0", "1", "0", "0"),
	},
	6: {
		"gkrpa.wnioski_leczenie":     vals("4", "3", "5", "2"),
		"gkrpa.formy_czasu_wolnego":  vals("3", "4", "4", "5"),
		"gkrpa.formy_opis":           vals("wycieczki, mikołajki", "wycieczki, piknik rodzinny, mikołajki", "wycieczki, piknik rodzinny, mikołajki", "wycieczki, piknik rodzinny, półkolonie, mikołajki"),
		"gkrpa.uczestnicy":           vals("96", "110", "118", "124"),
		"gkrpa.kwota_dofinansowania": {v: []string{"9 800,00 zł", "11 250,00 zł", "12 500,00 zł", "13 740,50 zł"}, remark: []string{"", "", "dofinansowanie wycieczek organizowanych przez GOPS", "dofinansowanie wycieczek i półkolonii"}},
		"gkrpa.niebieskie_karty":     vals("0", "0", "1", "0"),
	},
	7: {
		"kultura.formy_czasu_wolnego": vals("14", "17", "19", "21"),
		"kultura.stale_formy":         vals("6", "6", "7", "7"),
		"kultura.stale_formy_opis":    vals("zespół wokalny, koło plastyczne, kółko teatralne, zajęcia taneczne, rytmika, orkiestra dęta", "zespół wokalny, koło plastyczne, kółko teatralne, zajęcia taneczne, rytmika, orkiestra dęta", "zespół wokalny, koło plastyczne, kółko teatralne, zajęcia taneczne, rytmika, orkiestra dęta, szachy", "zespół wokalny, koło plastyczne, kółko teatralne, zajęcia taneczne, rytmika, orkiestra dęta, szachy"),
		"kultura.ferie_wakacje":       vals("8", "9", "11", "10"),
		"kultura.uczestnicy":          {v: []string{"brak danych", "brak danych", "85", "92"}, remark: []string{"nie prowadzimy imiennej ewidencji uczestników", "nie prowadzimy imiennej ewidencji uczestników", "od 2024 r. listy obecności", ""}},
	},
	8: {
		"sport.imprezy":               vals("11", "13", "12", "15"),
		"sport.imprezy_ferie_wakacje": vals("4", "5", "6", "6"),
		"sport.turnieje":              vals("3", "4", "4", "5"),
		"sport.zajecia_opis":          vals("piłka nożna, siatkówka, tenis stołowy", "piłka nożna, siatkówka, tenis stołowy, koszykówka", "piłka nożna, siatkówka, tenis stołowy, koszykówka", "piłka nożna, siatkówka plażowa, tenis stołowy, koszykówka, gry i zabawy"),
		"sport.uczestnicy":            {v: []string{"b.d.", "b.d.", "b.d.", "b.d."}, remark: []string{"szacunkowo ok. 300 osób, bez ewidencji", "", "", ""}},
	},
	9: {
		"parafie.dzialania_rodziny": {v: []string{"brak danych", "", "brak danych", "brak danych"}, remark: []string{"rejestry nie są prowadzone", "", "rejestry nie są prowadzone", "rejestry nie są prowadzone"}},
		"parafie.poradnictwo":       vals("brak danych", "", "brak danych", "brak danych"),
		"parafie.pomoc_rzeczowa":    {v: []string{"22", "", "25", "27"}, remark: []string{"paczki świąteczne Caritas", "", "paczki świąteczne Caritas", "paczki świąteczne Caritas"}},
		"parafie.dzialania_opis":    vals("festyn rodzinny, rekolekcje dla rodzin", "", "festyn rodzinny, rekolekcje dla rodzin, Dzień Babci i Dziadka", "festyn rodzinny, rekolekcje dla rodzin"),
	},
	10: {
		"pik.porady_socjalne":            vals("31", "28", "35", "33"),
		"pik.pisma_urzedowe":             vals("12", "10", "14", "11"),
		"pik.konsultacje_psychologiczne": vals("9", "11", "8", "12"),
		"pik.konsultacje_pedagogiczne":   vals("5", "4", "6", "7"),
		"pik.mediacje":                   {v: []string{"2", "1", "3", "2"}, remark: []string{"mediacje rodzinne z udziałem dzieci i dorosłych", "", "", "mediacje rodzinne z udziałem dzieci i dorosłych"}},
		"pik.mediacje_dzieci":            {v: []string{"2", "1", "3", "2"}, remark: []string{"w każdej mediacji uczestniczyło jedno małoletnie dziecko", "", "", "w każdej mediacji uczestniczyło jedno małoletnie dziecko"}},
	},
}

// dialect per partner index and year
func dialect(pi, year int) string {
	switch pi {
	case 1:
		return "cp1250"
	case 2:
		return "xlsx"
	case 3:
		return "comma"
	case 5:
		if year == 2025 {
			return "xlsx_text"
		}
	case 8:
		if year == 2024 {
			return "utf16"
		}
	case 0:
		if year == 2023 {
			return "xlsx"
		}
	}
	return "bom"
}

func main() {
	cat, err := partner.LoadCatalog("")
	must(err)
	cfg := &config.Config{Gmina: config.Gmina{Nazwa: "Przykładowo", Teryt: "9999011"},
		OPS:     config.OPS{Nazwa: "Gminny Ośrodek Pomocy Społecznej w Przykładowie", Adres: "ul. Przykładowa 1, 99-999 Przykładowo"},
		Program: config.Program{Nazwa: "Gminny Program Wspierania Rodziny na lata 2023–2025"}, Partnerzy: partners}
	root := flag.String("out", "samples/zwroty", "output directory")
	flag.Parse()
	for yi, year := range []int{2022, 2023, 2024, 2025} {
		dir := filepath.Join(*root, strconv.Itoa(year))
		must(os.MkdirAll(dir, 0o755))
		fs, err := forms.Build(cfg, cat, year)
		must(err)
		for pi, f := range fs {
			if pi == 9 && year == 2023 {
				continue // the parish sent nothing in 2023
			}
			d := data[pi]
			rows := f.Rows // filled in place: f.CSV and f.WriteXLSX print them
			for i := range rows {
				code := rows[i][0]
				if code == partner.MetaPreparer {
					rows[i][2] = preparer[f.Partner.Rodzaj]
				}
				if v, ok := d[code]; ok {
					rows[i][2] = v.v[yi]
					if v.remark != nil {
						rows[i][3] = v.remark[yi]
					}
				}
			}
			name := f.Stem
			switch dialect(pi, year) {
			case "xlsx", "xlsx_text":
				p := filepath.Join(dir, name+".xlsx")
				must(f.WriteXLSX(p, cfg))
				if dialect(pi, year) == "xlsx" {
					x, err := excelize.OpenFile(p)
					must(err)
					for i, r := range rows {
						if n, err := strconv.Atoi(r[2]); err == nil && !strings.HasPrefix(r[0], "meta.") {
							cell, _ := excelize.CoordinatesToCellName(3, i+1)
							must(x.SetCellInt(forms.SheetData, cell, int64(n)))
						}
					}
					must(x.Save())
					x.Close()
				}
			case "cp1250":
				b := encodeCSV(rows, ';', true)
				out, err := charmap.Windows1250.NewEncoder().Bytes(b)
				must(err)
				must(os.WriteFile(filepath.Join(dir, name+".csv"), out, 0o644))
			case "comma":
				must(os.WriteFile(filepath.Join(dir, name+".csv"), encodeCSV(rows, ',', false), 0o644))
			case "utf16":
				b := encodeCSV(rows, '\t', true)
				out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(b)
				must(err)
				must(os.WriteFile(filepath.Join(dir, name+".csv"), out, 0o644))
			default: // the form as gpwr writes it: UTF-8 with BOM, ';', CRLF
				must(os.WriteFile(filepath.Join(dir, name+".csv"), f.CSV(), 0o644))
			}
		}
	}
	fmt.Println("ok")
}

func encodeCSV(rows [][4]string, sep rune, crlf bool) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Comma = sep
	w.UseCRLF = crlf
	for _, r := range rows {
		must(w.Write(r[:]))
	}
	w.Flush()
	return buf.Bytes()
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}
