package report

import (
	"time"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
)

// Input is everything Build needs.
type Input struct {
	Cfg *config.Config
	// Current is the reporting year: built-in indicators and partner
	// indicators (whose Source is the partner file), findings, sources, lists.
	Current *model.Set
	// History holds previous years, oldest first; may be empty or have gaps.
	History []*model.Set
	// Halves are the half-year returns of the year prepared with gpwr (from the
	// archive: Period.Half 1 and/or 2), shown in the chapter on the CAS
	// returns; may be empty.
	Halves []HalfYear
	// Missing lists the partners the config names who sent nothing.
	Missing []config.Partner
	// Synthetic marks demo data: every output says so on its face.
	Synthetic bool
	// Generated is the time of the run (metadata, default report date).
	Generated time.Time
	// TemplatesDir is a directory of the gmina's own narrative templates
	// overriding the built-in ones ("" = none; cfg.Zrodla.Szablony is used too).
	TemplatesDir string
}

// HalfYear is a half-year return of the reporting year as the archive keeps it.
type HalfYear struct {
	Set      *model.Set
	Prepared time.Time // when gpwr computed it (the archive revision)
	Revision int
}
