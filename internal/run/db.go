package run

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/gpwr/gpwr/collectors/ops"
	"github.com/gpwr/gpwr/render/plfmt"
)

// DBInit creates the reference schema; with printSQL it only prints the DDL.
func DBInit(env *Env, name, schema string, printSQL bool) error {
	if printSQL {
		t, err := ops.ParseTarget(name)
		if err != nil {
			return &UsageError{Msg: err.Error()}
		}
		if schema == "" {
			schema = "gpwr"
		}
		if err := ops.CheckSchema(schema); err != nil {
			return &UsageError{Msg: err.Error()}
		}
		for _, s := range ops.DDL(t.Engine, schema) {
			fmt.Fprintln(env.Stdout, s+";")
		}
		return nil
	}
	db, err := ops.Open(env.Ctx, name, schema)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Init(env.Ctx); err != nil {
		return err
	}
	env.say("Utworzono schemat danych OPS w bazie %s.", db.Where)
	return nil
}

// DBLoad loads the contract CSVs of dir, all or nothing.
func DBLoad(env *Env, name, schema, dir string, replace bool) error {
	if _, err := os.Stat(dir); err != nil {
		return Usagef("katalog z plikami CSV %s nie istnieje", dir)
	}
	db, err := ops.Open(env.Ctx, name, schema)
	if err != nil {
		return err
	}
	defer db.Close()
	var bar *progressbar.ProgressBar
	opt := ops.LoadOptions{Replace: replace}
	if env.Progress {
		bar = progressbar.NewOptions64(-1, progressbar.OptionSetWriter(env.Stderr),
			progressbar.OptionSetDescription("Wczytywanie"), progressbar.OptionShowCount(),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
		opt.Progress = func(table string, rows int64) {
			bar.Describe("Wczytywanie " + table)
			bar.Set64(rows)
		}
	}
	start := env.Now()
	stats, err := db.Load(env.Ctx, dir, opt)
	if bar != nil {
		bar.Finish()
	}
	if err != nil {
		return err
	}
	var names []string
	var total int64
	for k, v := range stats {
		names = append(names, fmt.Sprintf("%s %d", k, v))
		total += v
	}
	sort.Strings(names)
	secs := strings.Replace(fmt.Sprintf("%.1f", env.Now().Sub(start).Seconds()), ".", ",", 1)
	env.say("Wczytano %s %s do bazy %s w %s s: %s.", plfmt.Int(total), plfmt.Plural(total, "wiersz", "wiersze", "wierszy"), db.Where, secs, strings.Join(names, ", "))
	return nil
}
