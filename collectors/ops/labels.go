package ops

import "github.com/gpwr/gpwr/model"

// Def is the Polish label and unit of a built-in indicator code.
type Def struct {
	Label string
	Unit  model.Unit
}

// Polish names of the contract's code values, used in labels.
var (
	employmentCode = map[string]string{"task_time_contract": "umowa_o_prace", "service_contract": "umowa_uslugi", "other": "inne"}
	employmentPL   = map[string]string{"task_time_contract": "na podstawie umowy o pracę w systemie zadaniowego czasu pracy", "service_contract": "na podstawie umowy o świadczenie usług", "other": "w innej formie"}
	endReasonCode  = map[string]string{"goals_achieved": "cel_osiagniety", "family_withdrew": "rezygnacja", "no_effect": "brak_efektow", "other": "inne"}
	endReasonPL    = map[string]string{"goals_achieved": "osiągnięcie celów", "family_withdrew": "zaprzestanie współpracy przez rodzinę", "no_effect": "brak efektów", "other": "inne przyczyny"}
	// CentreFormPL names the forms of day centres.
	CentreFormPL = map[string]string{"care": "opiekuńcza", "specialist": "specjalistyczna", "street": "praca podwórkowa", "mixed": "łączona"}
	// centreFormLoc names the forms after "w formie" (locative).
	centreFormLoc = map[string]string{"care": "opiekuńczej", "specialist": "specjalistycznej", "street": "pracy podwórkowej", "mixed": "łączonej"}
	// TaskPL names the expenditure tasks.
	TaskPL = map[string]string{"assistant": "asystenci rodziny", "assistant_training": "szkolenia asystentów rodziny", "day_centre": "placówki wsparcia dziennego", "supporting_family": "rodziny wspierające", "foster_care": "współfinansowanie pieczy zastępczej", "other": "pozostałe zadania"}
	// SourcePL names the sources of financing.
	SourcePL = map[string]string{"gmina": "środki własne gminy", "state_budget": "budżet państwa", "eu": "środki Unii Europejskiej", "other": "inne źródła"}
	// FiledByPL names who files a blue-card form.
	FiledByPL = map[string]string{"police": "Policja", "ops": "ośrodek pomocy społecznej", "education": "oświata", "health": "ochrona zdrowia", "gkrpa": "GKRPA", "other": "inne podmioty"}
	// filedByGen names them after "przez przedstawicieli" (genitive).
	filedByGen = map[string]string{"police": "Policji", "ops": "ośrodka pomocy społecznej", "education": "oświaty", "health": "ochrony zdrowia", "gkrpa": "GKRPA", "other": "innych podmiotów"}
	// ActivityPL names the usual activity kinds (the code is free: an unknown
	// kind is printed as it is).
	ActivityPL = map[string]string{"leisure": "zajęcia czasu wolnego i festyny rodzinne", "pcpr_meeting": "spotkania z PCPR",
		"workshop": "warsztaty dla rodziców", "zi_working_group": "grupy diagnostyczno-pomocowe (robocze) Zespołu Interdyscyplinarnego",
		"training": "szkolenia", "support_group": "grupy wsparcia", "camp": "wypoczynek letni dzieci"}
	// PaidByPL names who paid a training.
	PaidByPL = map[string]string{"ops": "OPS", "free": "bezpłatne", "other": "inny podmiot"}
)

// Defs are the fixed built-in codes of DATA-CONTRACT.md §2. Codes built from
// values in the records (benefit kinds, activity kinds) are labelled by
// BenefitDefs and ActivityDefs; Describe knows both.
var Defs = map[string]Def{
	"asystenci.liczba":                      {"Asystenci rodziny zatrudnieni na koniec okresu", model.UnitPersons},
	"asysta.rodziny":                        {"Rodziny objęte wsparciem asystenta rodziny w okresie", model.UnitFamilies},
	"asysta.rodziny_sad":                    {"Rodziny zobowiązane przez sąd do współpracy z asystentem", model.UnitFamilies},
	"asysta.rodziny_za_zyciem":              {"Rodziny objęte wsparciem asystenta na podstawie ustawy „Za życiem”", model.UnitFamilies},
	"asysta.rodziny_koniec_okresu":          {"Rodziny współpracujące z asystentem na koniec okresu", model.UnitFamilies},
	"asysta.dzieci":                         {"Dzieci w rodzinach objętych wsparciem asystenta", model.UnitChildren},
	"asysta.zakonczone":                     {"Rodziny, z którymi zakończono współpracę w okresie", model.UnitFamilies},
	"asysta.limit_przekroczony":             {"Dni, w których asystent pracował z liczbą rodzin przekraczającą limit", model.UnitDays},
	"placowki.liczba":                       {"Placówki wsparcia dziennego na koniec okresu", model.UnitCount},
	"placowki.miejsca":                      {"Miejsca w placówkach wsparcia dziennego na koniec okresu", model.UnitPlaces},
	"placowki.dzieci":                       {"Dzieci uczęszczające do placówek wsparcia dziennego w okresie", model.UnitChildren},
	"rodziny_wspierajace.liczba":            {"Rodziny wspierające (umowy obowiązujące na koniec okresu)", model.UnitFamilies},
	"rodziny_wspierajace.rodziny_objete":    {"Rodziny objęte pomocą rodzin wspierających w okresie", model.UnitFamilies},
	"piecza.dzieci":                         {"Dzieci w pieczy zastępczej, za których pobyt gmina ponosiła wydatki w okresie", model.UnitChildren},
	"piecza.koszt":                          {"Wydatki gminy na współfinansowanie pieczy zastępczej", model.UnitMoney},
	"piecza.udzial_niezgodny":               {"Obciążenia naliczone według niewłaściwego udziału procentowego", model.UnitCount},
	"swiadczenia.rodziny_pomoc_finansowa":   {"Rodziny, którym wypłacono świadczenia z pomocy społecznej", model.UnitFamilies},
	"praca_socjalna.rodziny":                {"Rodziny objęte pracą socjalną", model.UnitFamilies},
	"praca_socjalna.osoby":                  {"Osoby w rodzinach objętych pracą socjalną", model.UnitPersons},
	"szkolenia.liczba":                      {"Szkolenia asystentów rodziny", model.UnitCount},
	"niebieskie_karty.formularze":           {"Formularze „Niebieska Karta” sporządzone w okresie", model.UnitCount},
	"niebieskie_karty.rodziny":              {"Rodziny, w których sporządzono formularz „Niebieska Karta”", model.UnitFamilies},
	"niebieskie_karty.rodziny_z_dziecmi":    {"Rodziny, w których procedura „Niebieskie Karty” dotyczyła dzieci", model.UnitFamilies},
	"niebieskie_karty.procedury_zakonczone": {"Procedury „Niebieskie Karty” zakończone w okresie", model.UnitCount},
	"klienci.rodziny_z_dziecmi":             {"Rodziny z dziećmi korzystające z pomocy społecznej lub pracy socjalnej", model.UnitFamilies},
	"klienci.rodziny_niepelne":              {"w tym rodziny niepełne", model.UnitFamilies},
	"klienci.rodziny_wielodzietne":          {"w tym rodziny wielodzietne (3 i więcej dzieci)", model.UnitFamilies},
}

func init() {
	for k, code := range employmentCode {
		Defs["asystenci.liczba."+code] = Def{"Asystenci zatrudnieni " + employmentPL[k], model.UnitPersons}
	}
	for k, code := range endReasonCode {
		Defs["asysta.zakonczone."+code] = Def{"Zakończenie współpracy: " + endReasonPL[k], model.UnitFamilies}
	}
	for f := range CentreFormPL {
		Defs["placowki.liczba."+f] = Def{"Placówki wsparcia dziennego w formie " + centreFormLoc[f], model.UnitCount}
		Defs["placowki.miejsca."+f] = Def{"Miejsca w placówkach wsparcia dziennego w formie " + centreFormLoc[f], model.UnitPlaces}
	}
	for _, s := range shares {
		Defs["piecza.dzieci."+s] = Def{"Dzieci w pieczy zastępczej – udział gminy " + s + " %", model.UnitChildren}
		Defs["piecza.koszt."+s] = Def{"Wydatki na pieczę zastępczą – udział gminy " + s + " %", model.UnitMoney}
	}
	for t, tpl := range TaskPL {
		Defs["wydatki."+t] = Def{"Wydatki: " + tpl, model.UnitMoney}
		for s, spl := range SourcePL {
			Defs["wydatki."+t+"."+s] = Def{"Wydatki: " + tpl + " – " + spl, model.UnitMoney}
		}
	}
	for f := range FiledByPL {
		Defs["niebieskie_karty.formularze."+f] = Def{"Formularze „Niebieska Karta” sporządzone przez przedstawicieli " + filedByGen[f], model.UnitCount}
	}
}
