// Package samples embeds the synthetic demo gmina „Przykładowo” in the binary,
// for `gpwr demo`: the contract CSVs of its OPS records (ops/), the partner
// returns of each year (zwroty/RRRR/), a year typed in from an old paper
// report (wpis/) and its configuration (gmina.toml). All of it is invented.
package samples

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed gmina.toml ops/*.csv zwroty/20* wpis
var files embed.FS

// FS is the embedded sample tree.
func FS() fs.FS { return files }

// Extract writes the sample tree into dir.
func Extract(dir string) error {
	return fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
}
