//go:build ignore

// gen_assets copies the ECharts script from the npm package into assets/, for
// //go:embed. Run it with `go generate ./render/charts` after `npm ci`.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

const (
	src = "node_modules/echarts/dist/echarts.min.js"
	dst = "assets/echarts.min.js"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gen_assets:", err)
		os.Exit(1)
	}
}

func run() error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	b, err := os.ReadFile(filepath.Join(root, src))
	if err != nil {
		return fmt.Errorf("brak %s – uruchom najpierw npm ci: %w", src, err)
	}
	if !bytes.Contains(b[:min(len(b), 4096)], []byte("Apache")) || len(b) < 500_000 {
		return fmt.Errorf("%s nie wygląda na echarts.min.js (%d bajtów)", src, len(b))
	}
	if old, err := os.ReadFile(dst); err == nil && bytes.Equal(old, b) {
		return nil
	}
	tmp := dst + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}

// moduleRoot walks up from the working directory (render/charts under go
// generate) to the directory holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("nie znaleziono go.mod nad %s", dir)
		}
		dir = parent
	}
}
