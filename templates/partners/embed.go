// Package partners holds the built-in partner catalog: one TOML file per
// partner kind (DATA-CONTRACT.md §3) with the Polish name of the kind, a short
// instruction for the partner and the codes its return carries. The files are
// data, embedded into the binary; collectors/partner.LoadCatalog reads them and
// merges a gmina's own files over them.
//
// File format (keys in Polish because a gmina's clerk writes her own files in
// the same format):
//
//	rodzaj     = "ppp"                       # kind code, lower-case ASCII
//	nazwa      = "Poradnia …"                # Polish name of the kind
//	kolejnosc  = 10                          # order in forms and lists (optional)
//	instrukcja = """…"""                     # short instruction for the partner
//
//	[[kod]]
//	kod       = "ppp.porady"                 # <rodzaj>.<name>, stable
//	etykieta  = "Liczba udzielonych porad"   # label printed on the form
//	typ       = "liczba"                     # liczba | kwota | tekst
//	jednostka = "szt."                       # rodziny, osoby, dzieci, szt., …; kwota = gr
//	dzialanie = "…"                          # the programme action it usually serves
package partners

import "embed"

// FS holds the built-in catalog files (*.toml).
//
//go:embed *.toml
var FS embed.FS
