package compare

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/gpwr/gpwr/internal/archive"
	"github.com/gpwr/gpwr/model"
)

// Collect gathers the sets of the years as `gpwr compare` needs them: the
// latest archived revision of the year (FromArchive, or FromTyped when it was
// typed in), else what compute returns (FromRecords), else Absent. compute
// returns nil, nil when the records do not cover the year; it may be nil
// (archive only). An unreadable archive or a failing compute is an error.
func Collect(a *archive.Archive, years []int, compute func(year int) (*model.Set, error)) ([]YearSet, error) {
	out := make([]YearSet, 0, len(years))
	for _, y := range years {
		e, err := a.Latest(strconv.Itoa(y))
		if err != nil {
			return nil, err
		}
		if e != nil {
			out = append(out, YearSet{Year: y, Set: e.Set, From: FromEntry(e)})
			continue
		}
		if compute != nil {
			s, err := compute(y)
			if err != nil {
				return nil, fmt.Errorf("rok %d: %w", y, err)
			}
			if s != nil {
				out = append(out, YearSet{Year: y, Set: s, From: FromRecords})
				continue
			}
		}
		out = append(out, YearSet{Year: y, From: Absent})
	}
	return out, nil
}

var yearsRe = regexp.MustCompile(`^\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?$`)

// MaxYears bounds a comparison's span.
const MaxYears = 30

// ParseYears reads the --years flag: "2021-2025" (also with an en dash), a
// single year "2025", or a comma-separated list "2019,2021,2025".
func ParseYears(s string) ([]int, error) {
	if strings.Contains(s, ",") {
		var out []int
		seen := map[int]bool{}
		for _, part := range strings.Split(s, ",") {
			ys, err := ParseYears(part)
			if err != nil {
				return nil, err
			}
			for _, y := range ys {
				if !seen[y] {
					seen[y] = true
					out = append(out, y)
				}
			}
		}
		if len(out) > MaxYears {
			return nil, fmt.Errorf("--years: najwyżej %d lat w jednym porównaniu, podano %d", MaxYears, len(out))
		}
		return out, nil
	}
	m := yearsRe.FindStringSubmatch(s)
	if m == nil {
		return nil, fmt.Errorf("--years: oczekiwano lat w postaci RRRR-RRRR (np. 2021-2025), RRRR albo listy RRRR,RRRR; podano %q", s)
	}
	from, _ := strconv.Atoi(m[1])
	to := from
	if m[2] != "" {
		to, _ = strconv.Atoi(m[2])
	}
	switch {
	case from < 1990 || to > 2200:
		return nil, fmt.Errorf("--years: rok spoza zakresu 1990–2200: %q", strings.TrimSpace(s))
	case to < from:
		return nil, fmt.Errorf("--years: rok początkowy %d jest późniejszy niż końcowy %d", from, to)
	case to-from+1 > MaxYears:
		return nil, fmt.Errorf("--years: najwyżej %d lat w jednym porównaniu, podano %d", MaxYears, to-from+1)
	}
	out := make([]int, 0, to-from+1)
	for y := from; y <= to; y++ {
		out = append(out, y)
	}
	return out, nil
}
