// Command gpwr-samplegen writes the synthetic gmina „Gmina Przykładowo” in the
// contract's CSV form (DATA-CONTRACT.md §1).
//
//	go run ./cmd/gpwr-samplegen -profile demo -out samples/ops
//	go run ./cmd/gpwr-samplegen -profile large -out /tmp/large
//
// It prints the row count of every table to stderr.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/gpwr/gpwr/internal/samplegen"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("gpwr-samplegen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	profile := fs.String("profile", "demo", "profil danych: demo (mała gmina, 2022–2025) albo large (20 000 rodzin, 2021–2025)")
	out := fs.String("out", "", "katalog, do którego zostaną zapisane pliki CSV (wymagany)")
	seed := fs.Uint64("seed", 0, "ziarno generatora (0 = ziarno profilu)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Użycie: gpwr-samplegen -profile demo|large -out KATALOG [-seed N]")
		fmt.Fprintln(stderr, "Zapisuje syntetyczną gminę „Przykładowo” jako pliki CSV kontraktu danych.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	p, err := samplegen.Profile(*profile)
	if err != nil {
		fmt.Fprintln(stderr, "gpwr-samplegen:", err)
		return 2
	}
	if *seed != 0 {
		p.Seed = *seed
	}
	start := time.Now()
	counts, err := samplegen.Run(*out, p)
	if err != nil {
		fmt.Fprintln(stderr, "gpwr-samplegen:", err)
		return 1
	}
	var total int64
	for _, c := range counts {
		fmt.Fprintf(stderr, "%-26s %10d\n", c.Table+".csv", c.Rows)
		total += c.Rows
	}
	fmt.Fprintf(stderr, "%-26s %10d  (%s, %.1f s)\n", "razem wierszy", total, *out, time.Since(start).Seconds())
	return 0
}
