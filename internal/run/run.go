// Package run is the pipeline of gpwr, its steps listed in order in one place:
// sources → collectors → model → checks → renderers → files. The command line
// (cmd/gpwr) parses flags and calls one function here.
package run

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/gpwr/gpwr/collectors/ops"
	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
)

// Version of the tool, set at build time with -ldflags "-X …/run.Version=…".
var Version = "0.1.0-dev"

// ToolVersion is the version with the VCS revision when known.
func ToolVersion() string {
	v := Version
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 7 {
				v += "+" + s.Value[:7]
			}
		}
	}
	return v
}

// UsageError is a mistake in the command line (exit code 2).
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Usagef makes a UsageError.
func Usagef(format string, a ...any) error { return &UsageError{Msg: fmt.Sprintf(format, a...)} }

// InputError means the inputs have errors the user must fix (exit code 1);
// the findings say where.
type InputError struct {
	Msg      string
	Findings []model.Finding
}

func (e *InputError) Error() string { return e.Msg }

// Env is what every command shares.
type Env struct {
	Ctx    context.Context
	Stdout io.Writer
	Stderr io.Writer
	Now    func() time.Time
	// Progress says whether to draw progress bars (stderr is a terminal).
	Progress bool
}

// DefaultEnv writes to the process's streams.
func DefaultEnv(ctx context.Context) *Env {
	return &Env{Ctx: ctx, Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now}
}

func (e *Env) say(format string, a ...any) { fmt.Fprintf(e.Stderr, format+"\n", a...) }

// steps returns a function that advances a progress bar of n steps on stderr,
// described by its argument; "" ends the bar. Without a terminal it does
// nothing (no \r frames in logs).
func (e *Env) steps(n int) func(string) {
	if !e.Progress {
		return func(string) {}
	}
	bar := progressbar.NewOptions(n, progressbar.OptionSetWriter(e.Stderr), progressbar.OptionShowCount(),
		progressbar.OptionThrottle(50*time.Millisecond), progressbar.OptionClearOnFinish())
	started := false
	return func(desc string) {
		if desc == "" {
			bar.Finish()
			return
		}
		if started {
			bar.Add(1)
		}
		started = true
		bar.Describe(desc)
	}
}

// Sources are the resolved inputs of a command.
type Sources struct {
	Cfg      *config.Config
	DB       string // database name; "" = from config / GPWR_DB
	Partners string // directory of partner returns; "" = from config
}

// dbName decides the database: the flag, then GPWR_DB, then [zrodla] baza.
func (s Sources) dbName() (string, error) {
	switch {
	case s.DB != "":
		return s.DB, nil
	case os.Getenv("GPWR_DB") != "":
		return os.Getenv("GPWR_DB"), nil
	case s.Cfg != nil && s.Cfg.Zrodla.Baza != "":
		return s.Cfg.ResolveDB(s.Cfg.Zrodla.Baza), nil
	case PostgresFromEnv():
		return "", nil // the standard PG* variables alone
	}
	return "", Usagef("nie wskazano bazy danych OPS: podaj --db, zmienną GPWR_DB, [zrodla] baza w pliku konfiguracji albo zmienne PGHOST/PGDATABASE")
}

// PostgresFromEnv tells whether the standard PostgreSQL variables name a
// database, so that no --db is needed.
func PostgresFromEnv() bool {
	for _, v := range []string{"PGHOST", "PGDATABASE", "PGSERVICE"} {
		if os.Getenv(v) != "" {
			return true
		}
	}
	return false
}

// collect reads the indicators of one period from the command's snapshot of
// the OPS records.
func collect(in *inputs, p model.Period) (*model.Set, error) {
	snap, err := in.records()
	if err != nil {
		return nil, err
	}
	opt := ops.Options{Now: in.env.Now()}
	if cfg := in.src.Cfg; cfg != nil {
		opt.Limit = cfg.Ustawienia.LimitRodzinAsystenta
		for _, g := range cfg.Program.Cele {
			for _, a := range g.Dzialania {
				for _, w := range a.Wskazniki {
					if w.SQL != "" {
						opt.Custom = append(opt.Custom, w)
					}
				}
			}
		}
	}
	return snap.Collect(p, opt)
}

// IsUsage tells a usage error.
func IsUsage(err error) bool {
	var u *UsageError
	return errors.As(err, &u)
}
