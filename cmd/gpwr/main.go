// Command gpwr gathers the family-support indicators of a Polish gmina and
// renders the annual report, the half-year CAS return, comparisons and JSON.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"syscall"

	"github.com/urfave/cli/v3"
	"golang.org/x/term"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/internal/run"
	"github.com/gpwr/gpwr/render/compare"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(Main(ctx, os.Args, run.DefaultEnv(ctx)))
}

// Main runs the command line and returns the exit code: 0 success, 1 the run
// failed, 2 a usage error.
func Main(ctx context.Context, args []string, env *run.Env) int {
	polishHelp()
	env.Progress = isTerminal(env.Stderr)
	app := newApp(env)
	err := app.Run(ctx, args)
	if err == nil {
		return 0
	}
	var ie *run.InputError
	switch {
	case run.IsUsage(err):
		fmt.Fprintf(env.Stderr, "gpwr: %s\nPomoc: gpwr --help\n", err)
		return 2
	case errors.As(err, &ie):
		for _, f := range ie.Findings {
			fmt.Fprintf(env.Stderr, "  %s\n", f)
		}
		fmt.Fprintf(env.Stderr, "gpwr: %s\n", ie.Msg)
		return 1
	}
	fmt.Fprintf(env.Stderr, "gpwr: błąd: %s\n", err)
	return 1
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Shared flags.
func dbFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "db", Usage: "baza OPS: sqlite:ŚCIEŻKA, postgres://… albo „host=… dbname=…”", Sources: cli.EnvVars("GPWR_DB")}
}

func schemaFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "schema", Usage: "schemat tabel w PostgreSQL", Value: "gpwr"}
}

func configFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "plik konfiguracji gminy (TOML)", Sources: cli.EnvVars("GPWR_CONFIG")}
}

func yearFlag() *cli.IntFlag {
	return &cli.IntFlag{Name: "year", Aliases: []string{"rok"}, Usage: "rok sprawozdawczy, np. 2025", HideDefault: true}
}

func outFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "katalog wyników"}
}

func partnersFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "partners", Usage: "katalog zwrotów od partnerów (domyślnie [zrodla] zwroty)"}
}

// sources reads --config (a missing flag is a usage error) with the --db and
// --partners of the command, where it has them.
func sources(cmd *cli.Command) (run.Sources, error) {
	path := cmd.String("config")
	if path == "" {
		return run.Sources{}, run.Usagef("podaj plik konfiguracji gminy: --config PLIK.toml")
	}
	cfg, err := config.Load(path)
	if err != nil {
		return run.Sources{}, err
	}
	return run.Sources{Cfg: cfg, DB: cmd.String("db"), Partners: cmd.String("partners")}, nil
}

// configured is sources for a command without arguments whose options names
// are required.
func configured(cmd *cli.Command, names ...string) (run.Sources, error) {
	if err := need(cmd, names...); err != nil {
		return run.Sources{}, err
	}
	return sources(cmd)
}

// needDB refuses `gpwr db …` without a database (--db, GPWR_DB or the PG*
// variables).
func needDB(cmd *cli.Command) error {
	if cmd.String("db") == "" && !run.PostgresFromEnv() {
		return run.Usagef("podaj bazę: --db sqlite:ops.db albo --db postgres://… (albo zmienne PGHOST/PGDATABASE)")
	}
	return nil
}

// usageErr turns the CLI library's flag errors into Polish usage errors.
func usageErr(ctx context.Context, cmd *cli.Command, err error, isSub bool) error {
	return run.Usagef("%s", polishFlagError(err))
}

// need checks the required options and that no stray argument was given
// (commands without positional arguments).
func need(cmd *cli.Command, names ...string) error {
	if err := noArgs(cmd); err != nil {
		return err
	}
	return needFlags(cmd, names...)
}

func needFlags(cmd *cli.Command, names ...string) error {
	for _, n := range names {
		if !cmd.IsSet(n) {
			return run.Usagef("brak wymaganej opcji --%s (%s --help)", n, cmd.FullName())
		}
	}
	return nil
}

func noArgs(cmd *cli.Command) error {
	if cmd.Args().Len() > 0 {
		return run.Usagef("nieoczekiwany argument „%s” (opcje piszemy z --, np. --year 2025; %s --help)", cmd.Args().First(), cmd.FullName())
	}
	return nil
}

func newApp(env *run.Env) *cli.Command {
	return &cli.Command{
		Name:    "gpwr",
		Usage:   "sprawozdania z realizacji Gminnego Programu Wspierania Rodziny",
		Version: run.ToolVersion(),
		Description: "gpwr zbiera wskaźniki wspierania rodziny z danych ośrodka pomocy społecznej i ze zwrotów\n" +
			"instytucji partnerskich, sprawdza je i tworzy sprawozdanie roczne dla rady gminy (PDF, XLSX,\n" +
			"HTML), sprawozdanie półroczne do CAS, porównania lat i plik JSON ze wskaźnikami.\n\n" +
			"Na początek: gpwr demo --out demo",
		Writer:          env.Stdout,
		ErrWriter:       env.Stderr,
		HideHelpCommand: true,
		OnUsageError:    usageErr,
		ExitErrHandler:  func(context.Context, *cli.Command, error) {},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.Args().Len() == 0 || cmd.Args().First() == "help" || cmd.Args().First() == "pomoc" {
				return cli.ShowRootCommandHelp(cmd)
			}
			return run.Usagef("nieznane polecenie „%s”; dostępne: init, db, report, check, cas, forms, compare, archive, demo", cmd.Args().First())
		},
		Commands: commands(env),
	}
}

func commands(env *run.Env) []*cli.Command {
	return []*cli.Command{
		{
			Name:            "db",
			Usage:           "baza danych OPS: utworzenie schematu i wczytanie plików CSV",
			HideHelpCommand: true,
			Commands: []*cli.Command{
				{
					Name:         "init",
					Usage:        "utwórz schemat referencyjny (PostgreSQL albo SQLite)",
					UsageText:    "gpwr db init --db BAZA [--schema gpwr] [--sql]",
					OnUsageError: usageErr,
					Flags:        []cli.Flag{dbFlag(), schemaFlag(), &cli.BoolFlag{Name: "sql", Usage: "tylko wypisz polecenia SQL (DDL) schematu"}},
					Action: func(ctx context.Context, cmd *cli.Command) error {
						if !cmd.Bool("sql") {
							if err := needDB(cmd); err != nil {
								return err
							}
						}
						return run.DBInit(env, cmd.String("db"), cmd.String("schema"), cmd.Bool("sql"))
					},
				},
				{
					Name:         "load",
					Usage:        "wczytaj pliki CSV kontraktu z katalogu (wszystko albo nic)",
					UsageText:    "gpwr db load --db BAZA [--replace] KATALOG",
					OnUsageError: usageErr,
					Flags: []cli.Flag{dbFlag(), schemaFlag(),
						&cli.BoolFlag{Name: "replace", Usage: "przed wczytaniem usuń dotychczasowe dane z tabel (w tej samej transakcji)"}},
					Action: func(ctx context.Context, cmd *cli.Command) error {
						if err := needDB(cmd); err != nil {
							return err
						}
						if cmd.Args().Len() != 1 {
							return run.Usagef("podaj jeden katalog z plikami CSV, np. gpwr db load --db sqlite:ops.db dane/")
						}
						return run.DBLoad(env, cmd.String("db"), cmd.String("schema"), cmd.Args().First(), cmd.Bool("replace"))
					},
				},
			},
		},
		{
			Name:         "report",
			Usage:        "sprawozdanie roczne dla rady gminy (PDF, XLSX, HTML, wykresy, wskazniki.json)",
			UsageText:    "gpwr report --config PLIK --year RRRR [--db BAZA] [--partners KATALOG] --out KATALOG",
			OnUsageError: usageErr,
			Flags:        []cli.Flag{configFlag(), yearFlag(), dbFlag(), partnersFlag(), outFlag()},
			Action: func(ctx context.Context, cmd *cli.Command) error {
				src, err := configured(cmd, "year", "out")
				if err != nil {
					return err
				}
				return run.Report(env, run.ReportOptions{Sources: src, Year: int(cmd.Int("year")), Out: cmd.String("out")})
			},
		},
		{
			Name:         "check",
			Usage:        "kontrola danych OPS i zwrotów partnerów (bez tworzenia sprawozdania)",
			UsageText:    "gpwr check --config PLIK --year RRRR [--db BAZA] [--partners KATALOG]",
			OnUsageError: usageErr,
			Flags:        []cli.Flag{configFlag(), yearFlag(), dbFlag(), partnersFlag()},
			Action: func(ctx context.Context, cmd *cli.Command) error {
				src, err := configured(cmd, "year")
				if err != nil {
					return err
				}
				return run.Check(env, run.CheckOptions{Sources: src, Year: int(cmd.Int("year"))})
			},
		},
		{
			Name:         "cas",
			Usage:        "sprawozdanie półroczne do CAS (XLSX w układzie formularza, wydruk PDF, kontrole)",
			UsageText:    "gpwr cas --config PLIK --year RRRR --half 1|2 [--db BAZA] --out KATALOG",
			OnUsageError: usageErr,
			Flags: []cli.Flag{configFlag(), yearFlag(), &cli.IntFlag{Name: "half", Aliases: []string{"polrocze"}, Usage: "półrocze: 1 (01.01–30.06) albo 2 (01.07–31.12)", HideDefault: true},
				dbFlag(), outFlag()},
			Action: func(ctx context.Context, cmd *cli.Command) error {
				src, err := configured(cmd, "year", "half", "out")
				if err != nil {
					return err
				}
				return run.CAS(env, run.CASOptions{Sources: src, Year: int(cmd.Int("year")), Half: int(cmd.Int("half")), Out: cmd.String("out")})
			},
		},
		{
			Name:         "forms",
			Usage:        "puste formularze zwrotów dla partnerów (CSV i XLSX) z instrukcją",
			UsageText:    "gpwr forms --config PLIK --year RRRR --out KATALOG",
			OnUsageError: usageErr,
			Flags:        []cli.Flag{configFlag(), yearFlag(), outFlag()},
			Action: func(ctx context.Context, cmd *cli.Command) error {
				src, err := configured(cmd, "year", "out")
				if err != nil {
					return err
				}
				return run.Forms(env, src, int(cmd.Int("year")), cmd.String("out"))
			},
		},
		{
			Name:         "compare",
			Usage:        "porównanie lat: XLSX, HTML z wykresami i porownanie.json",
			UsageText:    "gpwr compare --config PLIK --years 2021-2025 [--db BAZA] --out KATALOG",
			OnUsageError: usageErr,
			Flags:        []cli.Flag{configFlag(), &cli.StringFlag{Name: "years", Aliases: []string{"lata"}, Usage: "zakres lat, np. 2021-2025"}, dbFlag(), outFlag()},
			Action: func(ctx context.Context, cmd *cli.Command) error {
				if err := need(cmd, "years", "out"); err != nil {
					return err
				}
				list, err := compare.ParseYears(cmd.String("years"))
				if err != nil {
					return run.Usagef("%s", err)
				}
				src, err := sources(cmd)
				if err != nil {
					return err
				}
				return run.Compare(env, run.CompareOptions{Sources: src, Years: list, Out: cmd.String("out")})
			},
		},
		{
			Name:         "init",
			Usage:        "nowy plik konfiguracji gminy z komentarzami, do uzupełnienia",
			UsageText:    "gpwr init --out gmina.toml",
			OnUsageError: usageErr,
			Flags:        []cli.Flag{&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "plik konfiguracji do utworzenia, np. gmina.toml"}},
			Action: func(ctx context.Context, cmd *cli.Command) error {
				if err := need(cmd, "out"); err != nil {
					return err
				}
				return run.Init(env, cmd.String("out"))
			},
		},
		{
			Name:         "demo",
			Usage:        "wszystko powyższe na wbudowanych danych fikcyjnej gminy „Przykładowo”",
			UsageText:    "gpwr demo --out KATALOG",
			OnUsageError: usageErr,
			Flags:        []cli.Flag{outFlag()},
			Action: func(ctx context.Context, cmd *cli.Command) error {
				if err := need(cmd, "out"); err != nil {
					return err
				}
				return run.Demo(env, cmd.String("out"))
			},
		},
		{
			Name:            "archive",
			Usage:           "archiwum wskaźników gminy",
			HideHelpCommand: true,
			Commands: []*cli.Command{{
				Name:         "import",
				Usage:        "wpisz rok z dawnego sprawozdania papierowego (CSV albo XLSX: kod, wartosc, uwagi)",
				UsageText:    "gpwr archive import --config PLIK --year RRRR PLIK.csv|PLIK.xlsx",
				OnUsageError: usageErr,
				Flags:        []cli.Flag{configFlag(), yearFlag()},
				Action: func(ctx context.Context, cmd *cli.Command) error {
					if err := needFlags(cmd, "year"); err != nil {
						return err
					}
					if cmd.Args().Len() != 1 {
						return run.Usagef("podaj jeden plik do zaimportowania, np. gpwr archive import --config gmina.toml --year 2019 rok2019.csv")
					}
					src, err := sources(cmd)
					if err != nil {
						return err
					}
					return run.ArchiveImport(env, src, int(cmd.Int("year")), cmd.Args().First())
				},
			}},
		},
	}
}

// polishHelp translates the help templates of the CLI library.
func polishHelp() {
	r := strings.NewReplacer(
		"NAME:", "NAZWA:", "USAGE:", "UŻYCIE:", "VERSION:", "WERSJA:", "DESCRIPTION:", "OPIS:",
		"COMMANDS:", "POLECENIA:", "GLOBAL OPTIONS:", "OPCJE OGÓLNE:", "OPTIONS:", "OPCJE:",
		"CATEGORY:", "KATEGORIA:", "AUTHOR", "AUTOR", "COPYRIGHT:", "PRAWA AUTORSKIE:",
		"[global options]", "[opcje ogólne]", "[command [command options]]", "[polecenie [opcje polecenia]]",
		"[arguments...]", "[argumenty…]")
	cli.RootCommandHelpTemplate = r.Replace(cli.RootCommandHelpTemplate)
	cli.CommandHelpTemplate = r.Replace(cli.CommandHelpTemplate)
	cli.SubcommandHelpTemplate = r.Replace(cli.SubcommandHelpTemplate)
	cli.HelpFlag = &cli.BoolFlag{Name: "help", Aliases: []string{"h"}, Usage: "pokaż pomoc", HideDefault: true, Local: true}
	cli.VersionPrinter = func(cmd *cli.Command) { fmt.Fprintf(cmd.Root().Writer, "gpwr wersja %s\n", cmd.Root().Version) }
	cli.VersionFlag = &cli.BoolFlag{Name: "version", Aliases: []string{"v"}, Usage: "pokaż wersję", HideDefault: true, Local: true}
	std := cli.FlagStringer
	cli.FlagStringer = func(f cli.Flag) string {
		return strings.NewReplacer("(default: ", "(domyślnie: ", " string", " TEKST", " int", " LICZBA").Replace(std(f))
	}
}

// polishFlagError translates the CLI library's flag errors.
func polishFlagError(err error) string {
	s := err.Error()
	switch {
	case strings.Contains(s, "flag provided but not defined"):
		name := strings.TrimSpace(s[strings.LastIndex(s, ":")+1:])
		return "nieznana opcja --" + strings.TrimLeft(name, "-")
	case invalidRe.MatchString(s):
		m := invalidRe.FindStringSubmatch(s)
		return fmt.Sprintf("opcja --%s: oczekiwano liczby, podano „%s”", m[2], m[1])
	case strings.HasPrefix(s, "flag needs an argument:"):
		name := strings.TrimLeft(strings.TrimSpace(strings.TrimPrefix(s, "flag needs an argument:")), "-")
		return fmt.Sprintf("opcja --%s wymaga wartości", name)
	}
	return s
}

var invalidRe = regexp.MustCompile(`invalid value "(.*)" for flag -+(\S+?):`)
