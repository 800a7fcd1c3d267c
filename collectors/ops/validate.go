package ops

import (
	"context"
	"fmt"
	"strings"

	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/plfmt"
)

// rule is one referential rule of DATA-CONTRACT.md §1 as a query counting the
// rows that break it.
type rule struct {
	table, column string
	where         string // the condition of a bad row
	msg           string // what was expected
}

func (db *DB) rules() []rule {
	var out []rule
	for _, t := range Tables {
		for _, c := range t.Cols {
			if !c.Null {
				out = append(out, rule{t.Name, c.Name, c.Name + " IS NULL", "oczekiwano wartości (kolumna wymagana)"})
			}
			if len(c.Enum) > 0 {
				out = append(out, rule{t.Name, c.Name, fmt.Sprintf("%s IS NOT NULL AND %s NOT IN (%s)", c.Name, c.Name, c.enumSQL()),
					"oczekiwano jednej z wartości: " + strings.Join(c.Enum, ", ")})
			}
			if c.NonNeg {
				out = append(out, rule{t.Name, c.Name, c.Name + " < 0", "oczekiwano wartości nieujemnej"})
			}
			if c.Ref != "" {
				rt, rc, _ := strings.Cut(c.Ref, ".")
				out = append(out, rule{t.Name, c.Name, fmt.Sprintf("%s IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %s r WHERE r.%s = %s.%s)", c.Name, db.T(rt), rc, "x", c.Name),
					fmt.Sprintf("oczekiwano identyfikatora istniejącego w tabeli %s", rt)})
			}
		}
		for _, p := range t.Pairs {
			out = append(out, rule{t.Name, p.End, fmt.Sprintf("%s < %s", p.End, p.Start), fmt.Sprintf("oczekiwano daty nie wcześniejszej niż %s", p.Start)})
		}
		for _, p := range t.IffNull {
			out = append(out, rule{t.Name, p[0], fmt.Sprintf("(%s IS NULL) <> (%s IS NULL)", p[0], p[1]), fmt.Sprintf("oczekiwano wartości wtedy i tylko wtedy, gdy wypełniona jest kolumna %s", p[1])})
		}
		for _, f := range t.FirstOfMonth {
			cond := fmt.Sprintf("EXTRACT(DAY FROM %s) <> 1", f)
			if db.Engine == SQLite {
				cond = fmt.Sprintf("strftime('%%d', %s) <> '01'", f)
			}
			out = append(out, rule{t.Name, f, cond, "oczekiwano pierwszego dnia miesiąca"})
		}
		if t.Key != "" {
			out = append(out, rule{t.Name, t.Key, fmt.Sprintf("%s IN (SELECT %s FROM %s GROUP BY %s HAVING COUNT(*) > 1)", t.Key, t.Key, db.T(t.Name), t.Key),
				"oczekiwano niepowtarzalnych identyfikatorów"})
		}
	}
	return out
}

// Validate checks every referential rule of the contract in the database (for
// data that did not come through the loader, e.g. a gmina's own views) and
// returns a finding per broken rule with the number of rows; no ids are shown.
func (db *DB) Validate(ctx context.Context) ([]model.Finding, error) {
	s, err := db.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return s.Validate()
}

// Validate is DB.Validate in the snapshot: the records checked are the ones
// the indicators are computed from.
func (s *Snapshot) Validate() ([]model.Finding, error) {
	db := s.db
	var out []model.Finding
	for _, r := range db.rules() {
		var n int64
		q := fmt.Sprintf("SELECT COUNT(*) FROM %s x WHERE %s", db.T(r.table), r.where)
		if err := s.tx.QueryRowxContext(s.ctx, q).Scan(&n); err != nil {
			return nil, fmt.Errorf("sprawdzanie tabeli %s w bazie %s: %s", r.table, db.Where, dbErr(err))
		}
		if n > 0 {
			out = append(out, model.Finding{Severity: model.Error, Check: "kontrakt", Place: "tabela " + r.table + ", kolumna " + r.column,
				Message: fmt.Sprintf("%d %s reguły kontraktu: %s", n, plfmt.Plural(int64(n), "wiersz nie spełnia", "wiersze nie spełniają", "wierszy nie spełnia"), r.msg)})
		}
	}
	return out, nil
}
