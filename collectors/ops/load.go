package ops

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/gpwr/gpwr/collectors/partner"
	"github.com/gpwr/gpwr/render/plfmt"
)

// RowError is one bad value of a contract CSV: file, line, column and what was
// expected, in Polish.
type RowError struct {
	File   string
	Line   int
	Column string
	Msg    string
}

func (e RowError) Error() string {
	switch {
	case e.Line > 0 && e.Column != "":
		return fmt.Sprintf("%s:%d, kolumna %s: %s", e.File, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// LoadError lists every bad row of a load; nothing was loaded.
type LoadError struct {
	Rows  []RowError // the first MaxRowErrors problems
	Total int        // all problems found
}

// MaxRowErrors bounds the problems kept in a LoadError.
const MaxRowErrors = 500

func (e *LoadError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "nie wczytano niczego: %d %s w plikach CSV", e.Total, plfmt.Plural(int64(e.Total), "błąd", "błędy", "błędów"))
	for _, r := range e.Rows {
		b.WriteString("\n  ")
		b.WriteString(r.Error())
	}
	if e.Total > len(e.Rows) {
		fmt.Fprintf(&b, "\n  … i %d dalszych", e.Total-len(e.Rows))
	}
	return b.String()
}

// LoadOptions tune a load.
type LoadOptions struct {
	// Replace empties every contract table before loading (in the same
	// transaction), so a full export can be re-loaded.
	Replace bool
	// Progress, when set, is called now and then with the table and rows read.
	Progress func(table string, rows int64)
}

// LoadStats counts the rows loaded per table.
type LoadStats map[string]int64

// Load reads the contract CSVs of dir into the database, all or nothing: it
// validates every row (types, codes, dates, references, keys), and commits only
// when no row is bad. A missing file loads nothing into its table.
func (db *DB) Load(ctx context.Context, dir string, opt LoadOptions) (LoadStats, error) {
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return nil, fmt.Errorf("katalog %s nie istnieje albo nie jest katalogiem", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("nie można odczytać katalogu %s: %w", dir, err)
	}
	le := &LoadError{}
	add := func(r RowError) {
		le.Total++
		if len(le.Rows) < MaxRowErrors {
			le.Rows = append(le.Rows, r)
		}
	}
	found := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.EqualFold(filepath.Ext(name), ".csv") {
			continue
		}
		if _, ok := TableByName(strings.TrimSuffix(name, filepath.Ext(name))); !ok {
			add(RowError{File: name, Msg: "plik nie odpowiada żadnej tabeli kontraktu (oczekiwano nazw takich jak families.csv, benefits.csv)"})
			continue
		}
		found++
	}
	if found == 0 && le.Total == 0 {
		return nil, fmt.Errorf("w katalogu %s nie ma plików CSV tabel kontraktu (families.csv, persons.csv, …)", dir)
	}
	if err := db.Init(ctx); err != nil {
		return nil, err
	}
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("baza %s: %s", db.Where, dbErr(err))
	}
	defer tx.Rollback()
	if opt.Replace {
		for i := len(Tables) - 1; i >= 0; i-- {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+db.T(Tables[i].Name)); err != nil {
				return nil, fmt.Errorf("czyszczenie tabeli %s: %s", Tables[i].Name, dbErr(err))
			}
		}
	}
	keys := map[string]map[string]int{} // table -> key -> line (0 = already in the database)
	stats := LoadStats{}
	for _, t := range Tables {
		if t.Key != "" {
			keys[t.Name] = map[string]int{}
			if !opt.Replace {
				if err := db.existingKeys(ctx, tx, t, keys[t.Name]); err != nil {
					return nil, err
				}
			}
		}
		path := filepath.Join(dir, t.Name+".csv")
		f, err := os.Open(path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("nie można otworzyć %s: %w", path, err)
		}
		ins, err := db.inserter(ctx, tx, t)
		if err != nil {
			f.Close()
			return nil, err
		}
		n, err := loadTable(f, t, keys, ins, add, le, opt.Progress)
		f.Close()
		if cerr := ins.close(); err == nil && cerr != nil && le.Total == 0 {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
		stats[t.Name] = n
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	if le.Total > 0 {
		return nil, le
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("zapis do bazy %s: %s", db.Where, dbErr(err))
	}
	return stats, nil
}

// loadTable validates and inserts one CSV; it returns the rows read.
func loadTable(r io.Reader, t Table, keys map[string]map[string]int, ins inserter, add func(RowError), le *LoadError, progress func(string, int64)) (int64, error) {
	file := t.Name + ".csv"
	// A file refused before its end (encoding, header, PESEL) leaves its keys
	// unknown; rows of other tables referring to them are then not reported
	// one by one — the one message about this file says what to fix.
	complete := false
	defer func() {
		if !complete && keys[t.Name] != nil {
			keys[t.Name][incompleteKeys] = -1
		}
	}()
	br := bufio.NewReader(r)
	if msg := utf16Msg(br); msg != "" {
		add(RowError{File: file, Msg: msg})
		return 0, nil
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		add(RowError{File: file, Msg: "plik jest pusty (oczekiwano wiersza nagłówka z nazwami kolumn)"})
		return 0, nil
	}
	if err != nil {
		add(RowError{File: file, Line: 1, Msg: csvMsg(err)})
		return 0, nil
	}
	if !validUTF8(header) {
		add(RowError{File: file, Line: 1, Msg: notUTF8})
		return 0, nil
	}
	// Map file columns to contract columns.
	pos := make([]int, len(t.Cols)) // contract column -> file field, -1 = absent
	for i := range pos {
		pos[i] = -1
	}
	headerOK := true
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		_, ci := t.col(h)
		if ci < 0 {
			add(RowError{File: file, Line: 1, Column: h, Msg: fmt.Sprintf("nieznana kolumna; tabela %s ma kolumny: %s", t.Name, colNames(t))})
			headerOK = false
			continue
		}
		if pos[ci] >= 0 {
			add(RowError{File: file, Line: 1, Column: h, Msg: "kolumna powtórzona w nagłówku"})
			headerOK = false
			continue
		}
		pos[ci] = i
	}
	for ci, c := range t.Cols {
		if pos[ci] < 0 && !c.Null {
			add(RowError{File: file, Line: 1, Column: c.Name, Msg: "brak wymaganej kolumny w nagłówku"})
			headerOK = false
		}
	}
	if !headerOK {
		return 0, nil
	}
	vals := make([]any, len(t.Cols))
	raw := make([]string, len(t.Cols))
	var n int64
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			add(RowError{File: file, Line: line, Msg: csvMsg(err)})
			if le.Total > MaxRowErrors*4 {
				return n, nil
			}
			continue
		}
		line, _ := cr.FieldPos(0)
		n++
		if !validUTF8(rec) {
			// One message for the file: every later line would say the same.
			add(RowError{File: file, Line: line, Msg: notUTF8})
			return n, nil
		}
		if progress != nil && n%50000 == 0 {
			progress(t.Name, n)
		}
		if len(rec) != len(header) {
			add(RowError{File: file, Line: line, Msg: fmt.Sprintf("liczba pól w wierszu (%d) różni się od liczby kolumn w nagłówku (%d)", len(rec), len(header))})
			continue
		}
		bad := false
		for ci, c := range t.Cols {
			s := ""
			if pos[ci] >= 0 {
				s = rec[pos[ci]]
			}
			raw[ci] = s
			if c.Type == Text && partner.HasPESEL(s) {
				// The contract holds pseudonymous ids only. The file is
				// refused with one message that never shows the number.
				add(RowError{File: file, Line: line, Column: c.Name, Msg: "pole zawiera numer PESEL (11 cyfr z poprawną sumą kontrolną); kontrakt dopuszcza tylko identyfikatory pseudonimowe i dane bez danych osobowych – usuń numery PESEL z eksportu i wczytaj pliki ponownie (dalszych wierszy tego pliku nie sprawdzano)"})
				return n, nil
			}
			v, msg := parseValue(c, s)
			if msg != "" {
				add(RowError{File: file, Line: line, Column: c.Name, Msg: msg})
				bad = true
				continue
			}
			if c.Ref != "" && v != nil {
				rt, _, _ := strings.Cut(c.Ref, ".")
				_, unknown := keys[rt][incompleteKeys]
				if _, ok := keys[rt][s]; !ok && !unknown {
					add(RowError{File: file, Line: line, Column: c.Name, Msg: fmt.Sprintf("wartość %q nie istnieje w tabeli %s (oczekiwano istniejącego identyfikatora)", s, rt)})
					bad = true
				}
			}
			vals[ci] = v
		}
		// The row's key is known even when the row is bad, so that rows of
		// other tables referring to it do not add a cascade of errors.
		if t.Key != "" {
			_, ki := t.col(t.Key)
			if k := raw[ki]; k != "" {
				if prev, dup := keys[t.Name][k]; dup {
					where := "już w bazie"
					if prev > 0 {
						where = fmt.Sprintf("już w wierszu %d", prev)
					}
					add(RowError{File: file, Line: line, Column: t.Key, Msg: fmt.Sprintf("identyfikator %q powtórzony (%s); oczekiwano niepowtarzalnego", k, where)})
					bad = true
				} else {
					keys[t.Name][k] = line
				}
			}
		}
		if bad {
			continue
		}
		for _, p := range t.Pairs {
			_, si := t.col(p.Start)
			_, ei := t.col(p.End)
			if raw[ei] != "" && raw[ei] < raw[si] {
				add(RowError{File: file, Line: line, Column: p.End, Msg: fmt.Sprintf("data %s jest wcześniejsza niż %s (%s); oczekiwano daty nie wcześniejszej", raw[ei], p.Start, raw[si])})
				bad = true
			}
		}
		for _, p := range t.IffNull {
			_, ai := t.col(p[0])
			_, bi := t.col(p[1])
			if (raw[ai] == "") != (raw[bi] == "") {
				add(RowError{File: file, Line: line, Column: p[0], Msg: fmt.Sprintf("kolumna %s musi być wypełniona wtedy i tylko wtedy, gdy wypełniona jest kolumna %s", p[0], p[1])})
				bad = true
			}
		}
		for _, fm := range t.FirstOfMonth {
			_, i := t.col(fm)
			if !strings.HasSuffix(raw[i], "-01") {
				add(RowError{File: file, Line: line, Column: fm, Msg: fmt.Sprintf("oczekiwano pierwszego dnia miesiąca (RRRR-MM-01), podano %s", raw[i])})
				bad = true
			}
		}
		if bad || le.Total > 0 {
			continue // keep validating, stop writing
		}
		if err := ins.insert(vals); err != nil {
			return n, fmt.Errorf("%s:%d: zapis do bazy nie powiódł się: %s", file, line, dbErr(err))
		}
	}
	complete = true
	return n, nil
}

// incompleteKeys marks, among a table's keys, that its file was not read to
// the end (no real id is empty, so the mark cannot clash).
const incompleteKeys = ""

func colNames(t Table) string {
	names := make([]string, len(t.Cols))
	for i, c := range t.Cols {
		names[i] = c.Name
	}
	return strings.Join(names, ", ")
}

func csvMsg(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
			return "nieprawidłowy cudzysłów w polu (oczekiwano pola w całości ujętego w \"…\")"
		}
		return "nieprawidłowy wiersz CSV: " + pe.Err.Error()
	}
	return "nieprawidłowy plik CSV: " + err.Error()
}

// parseValue converts one CSV field; msg says in Polish what was expected.
func parseValue(c Column, s string) (any, string) {
	if s == "" {
		if c.Null {
			return nil, ""
		}
		return nil, "puste pole; oczekiwano wartości (kolumna jest wymagana)"
	}
	switch c.Type {
	case Date:
		t, err := time.Parse("2006-01-02", s)
		if err != nil || t.Year() < 1900 || t.Year() > 2200 {
			return nil, fmt.Sprintf("%q nie jest datą; oczekiwano RRRR-MM-DD, np. 2025-03-31", s)
		}
		return s, ""
	case Bool:
		switch s {
		case "true":
			return true, ""
		case "false":
			return false, ""
		}
		return nil, fmt.Sprintf("%q nie jest wartością logiczną; oczekiwano true albo false", s)
	case Int:
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, fmt.Sprintf("%q nie jest liczbą całkowitą; oczekiwano cyfr bez spacji i przecinka (kwoty w groszach)", s)
		}
		if c.NonNeg && v < 0 {
			return nil, fmt.Sprintf("wartość %d jest ujemna; oczekiwano liczby ≥ 0", v)
		}
		if len(c.Enum) > 0 && !slices.Contains(c.Enum, s) {
			return nil, fmt.Sprintf("wartość %q spoza listy; oczekiwano jednej z: %s", s, strings.Join(c.Enum, ", "))
		}
		return v, ""
	case Decimal:
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, fmt.Sprintf("%q nie jest liczbą; oczekiwano liczby z kropką dziesiętną, np. 0.5", s)
		}
		if c.NonNeg && v < 0 {
			return nil, fmt.Sprintf("wartość %s jest ujemna; oczekiwano liczby ≥ 0", s)
		}
		return s, ""
	}
	if len(c.Enum) > 0 && !slices.Contains(c.Enum, s) {
		return nil, fmt.Sprintf("wartość %q spoza listy; oczekiwano jednej z: %s", s, strings.Join(c.Enum, ", "))
	}
	return s, ""
}

// inserter writes validated rows of one table.
type inserter interface {
	insert(vals []any) error
	close() error
}

type stmtInserter struct{ stmt *sql.Stmt }

func (s stmtInserter) insert(vals []any) error { _, err := s.stmt.Exec(vals...); return err }

// close flushes (COPY needs a final Exec with no arguments) and closes.
func (s stmtInserter) close() error {
	s.stmt.Close()
	return nil
}

type copyInserter struct{ stmtInserter }

func (c copyInserter) close() error {
	_, err := c.stmt.Exec()
	c.stmt.Close()
	if err != nil {
		return fmt.Errorf("zapis do bazy nie powiódł się: %s", dbErr(err))
	}
	return nil
}

func (db *DB) inserter(ctx context.Context, tx *sqlx.Tx, t Table) (inserter, error) {
	cols := make([]string, len(t.Cols))
	for i, c := range t.Cols {
		cols[i] = c.Name
	}
	if db.Engine == Postgres {
		st, err := tx.PrepareContext(ctx, pq.CopyInSchema(db.Schema, t.Name, cols...))
		if err != nil {
			return nil, fmt.Errorf("tabela %s w bazie %s: %s (czy schemat istnieje? gpwr db init)", t.Name, db.Where, dbErr(err))
		}
		return copyInserter{stmtInserter{st}}, nil
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")
	st, err := tx.PrepareContext(ctx, fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", db.T(t.Name), strings.Join(cols, ", "), marks))
	if err != nil {
		return nil, fmt.Errorf("tabela %s w bazie %s: %s", t.Name, db.Where, dbErr(err))
	}
	return stmtInserter{st}, nil
}

// existingKeys reads the keys already in the database (a load that appends).
func (db *DB) existingKeys(ctx context.Context, tx *sqlx.Tx, t Table, into map[string]int) error {
	rows, err := tx.QueryContext(ctx, fmt.Sprintf("SELECT %s FROM %s", t.Key, db.T(t.Name)))
	if err != nil {
		return fmt.Errorf("odczyt tabeli %s z bazy %s: %s", t.Name, db.Where, dbErr(err))
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return err
		}
		into[k] = 0
	}
	return rows.Err()
}

// notUTF8 says what to do with a CSV that is not UTF-8 (DATA-CONTRACT.md §1);
// a Windows-1250 file would otherwise load with broken Polish letters.
const notUTF8 = "plik nie jest zapisany w UTF-8 (to zapewne Windows-1250 z Excela albo starszego programu); oczekiwano UTF-8 – w Excelu zapisz go jako „CSV UTF-8 (rozdzielany przecinkami)” i wczytaj ponownie"

// validUTF8 tells whether every field of a record is valid UTF-8.
func validUTF8(rec []string) bool {
	for _, f := range rec {
		if !utf8.ValidString(f) {
			return false
		}
	}
	return true
}

// utf16Msg recognises a UTF-16 file (Excel's „Tekst Unicode”) by its byte
// order mark or its zero bytes, and says what to do.
func utf16Msg(br *bufio.Reader) string {
	b, _ := br.Peek(64)
	if len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff) || bytes.IndexByte(b, 0) >= 0 {
		return "plik jest zapisany w UTF-16 („Tekst Unicode”); oczekiwano UTF-8 – w Excelu zapisz go jako „CSV UTF-8 (rozdzielany przecinkami)”"
	}
	return ""
}
