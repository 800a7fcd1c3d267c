// Package reporttpl embeds the built-in narrative templates of the annual
// report (Go text/template, one file per chapter). A gmina copies a file into
// its own directory ([zrodla] szablony, subdirectory report/) and edits it;
// that copy then wins over the built-in one. See README.md here for the
// functions and data a template can use.
package reporttpl

import "embed"

// FS holds the built-in templates (*.tmpl).
//
//go:embed *.tmpl README.md
var FS embed.FS
