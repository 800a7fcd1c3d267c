// Package cas embeds the built-in definitions of the CAS half-year form, one
// TOML file per version of the form (see 2019.toml for the format). The
// renderer in render/cas reads them through FS; a gmina may override them
// from a directory on disk.
package cas

import "embed"

// FS holds the built-in form definitions (*.toml at the top level).
//
//go:embed *.toml
var FS embed.FS
