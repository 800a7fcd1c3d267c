// Package samplegen writes a synthetic gmina in the contract's CSV form
// (DATA-CONTRACT.md §1): one file per table, deterministic from a seed, with
// the contract's edge cases planted at known ids so that indicator tests can
// point at them. Rows are streamed; memory depends on the number of families
// and cases, not on the number of benefit rows.
//
// All data is invented: ids are synthetic ("R000123", "O000456"), there are
// no names, PESEL numbers or addresses of clients.
package samplegen

import "fmt"

// Params sizes the synthetic gmina.
type Params struct {
	// Seed makes the output reproducible: the same Params give the same bytes.
	Seed uint64
	// FirstYear and LastYear are the calendar years the records cover
	// (benefits, charges and other payments fall into them; cases and
	// placements may start earlier). The planted edge cases are written for
	// LastYear = 2025 and move with LastYear; they need FirstYear ≤ LastYear-3.
	FirstYear, LastYear int
	// Families is the number of rows of families.csv (the first 20 are the
	// planted edge-case families R000001–R000020).
	Families int
	// ClientFamilies is the number of families that are clients of the OPS
	// (social assistance, social work) at some time in the years.
	ClientFamilies int
	// BenefitsPerYear is the approximate number of benefits.csv rows per year.
	BenefitsPerYear int
	// Assistants is the number of family assistants (the first four, A001–A004,
	// are planted; at least 4).
	Assistants int
	// DayCentres is the number of day-support centres (the first two are planted; at least 2).
	DayCentres int
	// SupportingFamilies is the number of supporting families (the first three are planted; at least 3).
	SupportingFamilies int
	// FosterChildren is the number of children in foster care at some time in
	// the years, the six planted ones included (at least 6).
	FosterChildren int
	// BlueCardsPerYear is the number of Blue Card procedures opened per year.
	BlueCardsPerYear int
	// TrainingsPerYear is the number of assistants' trainings per year.
	TrainingsPerYear int
	// ActivitiesPerYear is the number of activities (meetings, trips, workshops) per year.
	ActivitiesPerYear int
}

// Demo is the shipped demo gmina „Gmina Przykładowo” (samples/ops): a small
// rural–urban gmina like Chmielnik or Kłobuck, years 2022–2025.
func Demo() Params {
	return Params{
		Seed:               20260301,
		FirstYear:          2022,
		LastYear:           2025,
		Families:           1500,
		ClientFamilies:     1150,
		BenefitsPerYear:    5000,
		Assistants:         4,
		DayCentres:         2,
		SupportingFamilies: 3,
		FosterChildren:     22,
		BlueCardsPerYear:   22,
		TrainingsPerYear:   5,
		ActivitiesPerYear:  12,
	}
}

// Large is the load profile: 20,000 families, about 1,000,000 benefits a
// year over 2021–2025, everything else in proportion.
func Large() Params {
	return Params{
		Seed:               20260302,
		FirstYear:          2021,
		LastYear:           2025,
		Families:           20000,
		ClientFamilies:     10000,
		BenefitsPerYear:    1000000,
		Assistants:         50,
		DayCentres:         20,
		SupportingFamilies: 35,
		FosterChildren:     210,
		BlueCardsPerYear:   300,
		TrainingsPerYear:   60,
		ActivitiesPerYear:  150,
	}
}

// Profile returns the named profile ("demo" or "large").
func Profile(name string) (Params, error) {
	switch name {
	case "demo":
		return Demo(), nil
	case "large":
		return Large(), nil
	}
	return Params{}, fmt.Errorf("nieznany profil %q: oczekiwano demo albo large", name)
}

func (p Params) validate() error {
	switch {
	case p.LastYear < 2000 || p.LastYear > 2100:
		return fmt.Errorf("rok końcowy %d poza zakresem 2000–2100", p.LastYear)
	case p.FirstYear > p.LastYear-3:
		return fmt.Errorf("potrzeba co najmniej czterech lat danych, podano %d–%d", p.FirstYear, p.LastYear)
	case p.Families < plantedFamilies+10:
		return fmt.Errorf("za mało rodzin: %d (co najmniej %d)", p.Families, plantedFamilies+10)
	case p.ClientFamilies < 10 || p.ClientFamilies > p.Families-plantedFamilies:
		return fmt.Errorf("liczba rodzin-klientów %d poza zakresem 10–%d", p.ClientFamilies, p.Families-plantedFamilies)
	case p.Families > 999999:
		return fmt.Errorf("za dużo rodzin: %d (najwyżej 999999)", p.Families)
	case p.BenefitsPerYear < 100 || p.BenefitsPerYear > 10_000_000:
		return fmt.Errorf("liczba świadczeń rocznie %d poza zakresem 100–10 000 000", p.BenefitsPerYear)
	case p.Assistants < 4 || p.Assistants > 999:
		return fmt.Errorf("liczba asystentów %d poza zakresem 4–999", p.Assistants)
	case p.DayCentres < 2 || p.DayCentres > 99:
		return fmt.Errorf("liczba placówek %d poza zakresem 2–99", p.DayCentres)
	case p.SupportingFamilies < 3 || p.SupportingFamilies > 999:
		return fmt.Errorf("liczba rodzin wspierających %d poza zakresem 3–999", p.SupportingFamilies)
	case p.FosterChildren < 6 || p.FosterChildren > p.Families/4:
		return fmt.Errorf("liczba dzieci w pieczy %d poza zakresem 6–%d", p.FosterChildren, p.Families/4)
	case p.BlueCardsPerYear < 0 || p.TrainingsPerYear < 0 || p.ActivitiesPerYear < 0:
		return fmt.Errorf("liczby nie mogą być ujemne")
	}
	return nil
}
