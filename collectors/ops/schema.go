package ops

import (
	"context"
	"fmt"
	"strings"
)

// DDL returns the statements that create the reference schema on the engine.
func DDL(e Engine, schema string) []string {
	var out []string
	q := func(t string) string {
		if e == Postgres {
			return schema + "." + t
		}
		return t
	}
	if e == Postgres {
		out = append(out, "CREATE SCHEMA IF NOT EXISTS "+schema)
	}
	for _, t := range Tables {
		var cols []string
		for _, c := range t.Cols {
			def := c.Name + " " + sqlType(e, c.Type)
			if !c.Null {
				def += " NOT NULL"
			}
			if c.Name == t.Key {
				def += " PRIMARY KEY"
			}
			if len(c.Enum) > 0 {
				def += fmt.Sprintf(" CHECK (%s IN (%s))", c.Name, c.enumSQL())
			}
			if e == SQLite && c.Type == Date {
				def += fmt.Sprintf(" CHECK (%s IS NULL OR %s = date(%s))", c.Name, c.Name, c.Name)
			}
			if e == SQLite && c.Type == Bool {
				def += fmt.Sprintf(" CHECK (%s IN (0, 1))", c.Name)
			}
			if c.NonNeg {
				def += fmt.Sprintf(" CHECK (%s >= 0)", c.Name)
			}
			if c.Ref != "" {
				rt, rc, _ := strings.Cut(c.Ref, ".")
				def += fmt.Sprintf(" REFERENCES %s(%s)", q(rt), rc)
			}
			cols = append(cols, def)
		}
		for _, p := range t.Pairs {
			cols = append(cols, fmt.Sprintf("CHECK (%s IS NULL OR %s >= %s)", p.End, p.End, p.Start))
		}
		for _, p := range t.IffNull {
			cols = append(cols, fmt.Sprintf("CHECK ((%s IS NULL) = (%s IS NULL))", p[0], p[1]))
		}
		out = append(out, fmt.Sprintf("CREATE TABLE IF NOT EXISTS %s (\n  %s\n)", q(t.Name), strings.Join(cols, ",\n  ")))
	}
	for _, ix := range indexes {
		out = append(out, fmt.Sprintf("CREATE INDEX IF NOT EXISTS %s ON %s (%s)", ix.name, q(ix.table), ix.cols))
	}
	return out
}

// indexes serve the period filters of the indicator queries.
var indexes = []struct{ name, table, cols string }{
	{"persons_family_ix", "persons", "family_id"},
	{"assistant_cases_start_ix", "assistant_cases", "started_on"},
	{"assistant_cases_family_ix", "assistant_cases", "family_id"},
	{"attendance_from_ix", "day_centre_attendance", "from_date"},
	{"sf_cases_from_ix", "supporting_family_cases", "from_date"},
	{"foster_charges_paid_ix", "foster_charges", "paid_on"},
	{"benefits_paid_ix", "benefits", "paid_on, kind"},
	{"social_work_from_ix", "social_work", "from_date"},
	{"expenditures_spent_ix", "expenditures", "spent_on"},
	{"blue_card_forms_filed_ix", "blue_card_forms", "filed_on"},
}

func sqlType(e Engine, t ColType) string {
	if e == Postgres {
		switch t {
		case Date:
			return "DATE"
		case Bool:
			return "BOOLEAN"
		case Int:
			return "BIGINT"
		case Decimal:
			return "NUMERIC(6,3)"
		}
		return "TEXT"
	}
	switch t {
	case Bool, Int:
		return "INTEGER"
	case Decimal:
		return "REAL"
	}
	return "TEXT"
}

// Init creates the reference schema (idempotent).
func (db *DB) Init(ctx context.Context) error {
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("baza %s: %s", db.Where, dbErr(err))
	}
	defer tx.Rollback()
	for _, stmt := range DDL(db.Engine, db.Schema) {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("tworzenie schematu w bazie %s: %s", db.Where, dbErr(err))
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("tworzenie schematu w bazie %s: %s", db.Where, dbErr(err))
	}
	return nil
}
