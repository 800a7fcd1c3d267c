// Package output writes a run's files whole or not at all: renderers write into
// a staging directory beside the target, and only when every renderer has
// succeeded are the files moved into place. A failed run leaves the previous
// outputs as they were.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"syscall"
)

// Stage is a staging directory for one run.
type Stage struct {
	Out string // the target directory
	Dir string // where renderers write
}

// New creates the target directory if needed and a staging directory in it.
func New(out string) (*Stage, error) {
	if out == "" {
		return nil, fmt.Errorf("nie podano katalogu wyników (--out)")
	}
	if st, err := os.Stat(out); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("%s jest plikiem, a nie katalogiem; podaj w --out katalog wyników", out)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, fmt.Errorf("nie można utworzyć katalogu wyników %s: %s", out, osReason(err))
	}
	dir, err := os.MkdirTemp(out, ".gpwr-tmp-")
	if err != nil {
		return nil, fmt.Errorf("nie można pisać w katalogu wyników %s: %s", out, osReason(err))
	}
	return &Stage{Out: out, Dir: dir}, nil
}

// Path is a file name inside the staging directory.
func (s *Stage) Path(name string) string { return filepath.Join(s.Dir, name) }

// Commit moves every staged file into the target directory (each rename is
// atomic) and removes the staging directory. It returns the final paths.
func (s *Stage) Commit() ([]string, error) {
	var files []string
	err := filepath.Walk(s.Dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if !info.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var done []string
	for _, f := range files {
		rel, _ := filepath.Rel(s.Dir, f)
		dst := filepath.Join(s.Out, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return done, fmt.Errorf("nie można utworzyć katalogu %s: %s", filepath.Dir(dst), osReason(err))
		}
		if st, err := os.Stat(dst); err == nil && st.IsDir() {
			return done, fmt.Errorf("nie można zapisać %s: w tym miejscu jest katalog o tej nazwie", dst)
		}
		if err := os.Rename(f, dst); err != nil {
			return done, fmt.Errorf("nie można zapisać %s: %s", dst, osReason(err))
		}
		done = append(done, dst)
	}
	return done, os.RemoveAll(s.Dir)
}

// Abort removes the staging directory and everything in it.
func (s *Stage) Abort() { os.RemoveAll(s.Dir) }

// WriteFile writes a file atomically: a temporary file in the same directory,
// synced, then renamed over the target.
func WriteFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".gpwr-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := f.Chmod(0o644); err != nil { // CreateTemp makes 0600; outputs are to be read by others
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// osReason says in Polish why a file operation failed (the system's own words
// are English).
func osReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "brak uprawnień do zapisu"
	case errors.Is(err, syscall.ENOSPC):
		return "brak miejsca na dysku"
	case errors.Is(err, syscall.ENOTDIR):
		return "część ścieżki jest plikiem, a nie katalogiem"
	case errors.Is(err, syscall.EROFS):
		return "dysk jest tylko do odczytu"
	case errors.Is(err, fs.ErrNotExist):
		return "nie ma takiego katalogu"
	case errors.Is(err, fs.ErrExist):
		return "plik lub katalog o tej nazwie już istnieje"
	}
	return "błąd systemu plików"
}
