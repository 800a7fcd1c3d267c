// Package ops is the collector of the OPS records (DATA-CONTRACT.md §1) on
// PostgreSQL and on the embedded SQLite default: the reference schema, the CSV
// loader, the database checks and the built-in indicators of §2, aggregated in
// SQL in one read-only snapshot.
package ops

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"  // PostgreSQL driver "postgres"
	_ "modernc.org/sqlite" // pure-Go SQLite driver "sqlite"
)

func init() { sqlx.BindDriver("sqlite", sqlx.QUESTION) }

// Engine is the kind of database.
type Engine string

const (
	Postgres Engine = "postgres"
	SQLite   Engine = "sqlite"
)

// DB is an open OPS database with its dialect.
type DB struct {
	*sqlx.DB
	Engine Engine
	Schema string // PostgreSQL schema of the tables; "" on SQLite
	// Where names the database for messages and provenance, without a password.
	Where string
	path  string // SQLite file
}

// Target is a parsed database name: "sqlite:PATH", a PostgreSQL URL or a
// key=value DSN.
type Target struct {
	Engine Engine
	DSN    string // driver DSN
	Path   string // SQLite file
	Where  string // printable, password removed
}

var kvRe = regexp.MustCompile(`^\s*[a-z_]+\s*=`)

// ParseTarget reads a database name. An empty name means the standard PG*
// environment variables alone.
func ParseTarget(name string) (Target, error) {
	switch {
	case strings.HasPrefix(name, "sqlite:"):
		p := strings.TrimPrefix(name, "sqlite:")
		p = strings.TrimPrefix(p, "//")
		if p == "" {
			return Target{}, errors.New("baza SQLite: brak ścieżki pliku po „sqlite:”")
		}
		return Target{Engine: SQLite, Path: p, Where: "sqlite:" + p}, nil
	case strings.HasPrefix(name, "postgres://"), strings.HasPrefix(name, "postgresql://"):
		u, err := url.Parse(name)
		if err != nil {
			return Target{}, fmt.Errorf("adres bazy PostgreSQL jest nieprawidłowy (oczekiwano postgres://użytkownik@host:port/baza)")
		}
		q := u.Query()
		if q.Get("sslmode") == "" && os.Getenv("PGSSLMODE") == "" {
			q.Set("sslmode", "prefer")
			u.RawQuery = q.Encode()
		}
		return Target{Engine: Postgres, DSN: u.String(), Where: u.Redacted()}, nil
	case name == "" || kvRe.MatchString(name):
		dsn := name
		if !strings.Contains(dsn, "sslmode=") && os.Getenv("PGSSLMODE") == "" {
			dsn = strings.TrimSpace(dsn + " sslmode=prefer")
		}
		return Target{Engine: Postgres, DSN: dsn, Where: redactKV(dsn)}, nil
	}
	return Target{}, fmt.Errorf("nieznany rodzaj bazy %q: oczekiwano „sqlite:ŚCIEŻKA”, adresu postgres://… albo parametrów „host=… dbname=…”", name)
}

var pwRe = regexp.MustCompile(`password\s*=\s*('[^']*'|\S+)`)

func redactKV(dsn string) string { return pwRe.ReplaceAllString(dsn, "password=xxxxx") }

// Open connects for writing (db init, db load).
func Open(ctx context.Context, name, schema string) (*DB, error) {
	return open(ctx, name, schema, false)
}

// OpenReadOnly connects for reading only: on SQLite the file is opened read-only
// (SQLite ignores read-only transactions); on PostgreSQL every read runs in a
// READ ONLY transaction.
func OpenReadOnly(ctx context.Context, name, schema string) (*DB, error) {
	return open(ctx, name, schema, true)
}

func open(ctx context.Context, name, schema string, ro bool) (*DB, error) {
	t, err := ParseTarget(name)
	if err != nil {
		return nil, err
	}
	if schema == "" {
		schema = "gpwr"
	}
	if err := CheckSchema(schema); err != nil {
		return nil, err
	}
	var db *sqlx.DB
	switch t.Engine {
	case SQLite:
		if ro {
			st, err := os.Stat(t.Path)
			if err != nil {
				return nil, fmt.Errorf("baza SQLite %s nie istnieje (utwórz ją: gpwr db init, gpwr db load)", t.Path)
			}
			if st.IsDir() {
				return nil, fmt.Errorf("baza SQLite %s jest katalogiem, a nie plikiem bazy (podaj ścieżkę pliku, np. sqlite:ops.db)", t.Path)
			}
		} else if dir := filepath.Dir(t.Path); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("nie można utworzyć katalogu bazy %s: %w", dir, err)
			}
		}
		dsn := "file:" + filepath.ToSlash(t.Path) + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)"
		if ro {
			dsn = "file:" + filepath.ToSlash(t.Path) + "?mode=ro&_pragma=query_only(1)&_pragma=busy_timeout(5000)"
		}
		db, err = sqlx.Open("sqlite", dsn)
		if err != nil {
			return nil, err
		}
		db.SetMaxOpenConns(1)
		schema = ""
	case Postgres:
		db, err = sqlx.Open("postgres", t.DSN)
		if err != nil {
			return nil, fmt.Errorf("baza PostgreSQL %s: %w", t.Where, err)
		}
		db.SetMaxOpenConns(2)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("nie można połączyć się z bazą %s: %s", t.Where, dbErr(err))
	}
	return &DB{DB: db, Engine: t.Engine, Schema: schema, Where: t.Where, path: t.Path}, nil
}

var identRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// CheckSchema refuses a schema name that is not a plain SQL identifier (it is
// put into SQL text, so it must never carry anything else).
func CheckSchema(schema string) error {
	if !identRe.MatchString(schema) {
		return fmt.Errorf("nazwa schematu %q jest nieprawidłowa (oczekiwano liter łacińskich, cyfr i _)", schema)
	}
	return nil
}

// T qualifies a table name with the schema.
func (db *DB) T(table string) string {
	if db.Schema == "" {
		return table
	}
	return db.Schema + "." + table
}

// ReadTx starts the one read-only, consistent-snapshot transaction of a run.
func (db *DB) ReadTx(ctx context.Context) (*sqlx.Tx, error) {
	opts := &sql.TxOptions{ReadOnly: true}
	if db.Engine == Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	tx, err := db.BeginTxx(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("nie można rozpocząć odczytu z bazy %s: %s", db.Where, dbErr(err))
	}
	return tx, nil
}
