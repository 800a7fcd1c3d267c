package ops

import (
	"fmt"
	"regexp"
	"strings"
)

// The few places where PostgreSQL and SQLite SQL differ. Dates are DATE on
// PostgreSQL and ISO text on SQLite; both compare correctly as such.

// param is a date parameter: typed on PostgreSQL, plain text on SQLite.
func (db *DB) param(name string) string {
	if db.Engine == Postgres {
		return "CAST(:" + name + " AS DATE)"
	}
	return ":" + name
}

// plus18 is the day a person born on x turns 18 (29 February → 28 February in a
// common year, as art. 112 of the Civil Code counts it).
func (db *DB) plus18(x string) string {
	if db.Engine == Postgres {
		return fmt.Sprintf("CAST(%s + INTERVAL '18 years' AS DATE)", x)
	}
	return fmt.Sprintf("date(%s, '+18 years', 'floor')", x)
}

// nextDay is the day after x.
func (db *DB) nextDay(x string) string {
	if db.Engine == Postgres {
		return fmt.Sprintf("CAST(%s + 1 AS DATE)", x)
	}
	return fmt.Sprintf("date(%s, '+1 day')", x)
}

// monthIndex is year*12 + month of x, to count calendar months between dates.
func (db *DB) monthIndex(x string) string {
	if db.Engine == Postgres {
		return fmt.Sprintf("(CAST(EXTRACT(YEAR FROM %s) AS INTEGER) * 12 + CAST(EXTRACT(MONTH FROM %s) AS INTEGER))", x, x)
	}
	return fmt.Sprintf("(CAST(strftime('%%Y', %s) AS INTEGER) * 12 + CAST(strftime('%%m', %s) AS INTEGER))", x, x)
}

// dateText gives x as YYYY-MM-DD text.
func (db *DB) dateText(x string) string {
	if db.Engine == Postgres {
		return fmt.Sprintf("to_char(%s, 'YYYY-MM-DD')", x)
	}
	return x
}

var tokRe = regexp.MustCompile(`\{([a-z_0-9]+)(?::([^}]*))?\}`)

// sql expands a query template: {from} and {to} are the period's bounds as
// dates, {table} a contract table, {plus18:x}, {next:x}, {month:x}, {text:x}
// the dialect's expressions.
func (db *DB) sql(q string) string {
	return tokRe.ReplaceAllStringFunc(q, func(tok string) string {
		m := tokRe.FindStringSubmatch(tok)
		switch m[1] {
		case "from", "to":
			return db.param(m[1])
		case "plus18":
			return db.plus18(m[2])
		case "next":
			return db.nextDay(m[2])
		case "month":
			return db.monthIndex(m[2])
		case "text":
			return db.dateText(m[2])
		}
		if _, ok := TableByName(m[1]); ok {
			return db.T(m[1])
		}
		panic("unknown token " + tok) // programming error in a query template
	})
}

// active is the contract's "active in P" for a start and an end column.
func active(start, end string) string {
	return strings.NewReplacer("$S", start, "$E", end).Replace("($S <= {to} AND ($E IS NULL OR $E >= {from}))")
}

// activeOnTo is "active on P.to".
func activeOnTo(start, end string) string {
	return strings.NewReplacer("$S", start, "$E", end).Replace("($S <= {to} AND ($E IS NULL OR $E >= {to}))")
}

// within is "x in P".
func within(x string) string { return fmt.Sprintf("(%s >= {from} AND %s <= {to})", x, x) }
