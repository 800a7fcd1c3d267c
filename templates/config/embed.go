// Package config holds the starter configuration a gmina copies with
// `gpwr init` and fills in (DATA-CONTRACT.md §5).
package config

import _ "embed"

// Starter is the commented starter configuration (gmina.toml).
//
//go:embed gmina.toml
var Starter []byte
