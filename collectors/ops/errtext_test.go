package ops

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
)

// english catches driver words that must not reach a clerk.
var english = regexp.MustCompile(`(?i)\b(error|does not exist|no such|refused|syntax|relation|file is not|unable|dial|lookup|converting|scan|driver|invalid)\b`)

func assertPolish(t *testing.T, got, want string) {
	t.Helper()
	if !strings.Contains(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if english.MatchString(got) {
		t.Errorf("English leaks into %q", got)
	}
}

// TestDBErrTextReal: the errors a clerk causes, produced by the real drivers
// and the real PostgreSQL server, come out as Polish phrases.
func TestDBErrTextReal(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	random := filepath.Join(dir, "losowe.db")
	os.WriteFile(random, []byte(strings.Repeat("to nie jest baza danych ", 500)), 0o644)
	empty := filepath.Join(dir, "pusta.db")
	os.WriteFile(empty, nil, 0o644)
	sqliteErr := func(path, query string) error {
		db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.PingContext(ctx); err != nil {
			return err
		}
		_, err = db.ExecContext(ctx, query)
		return err
	}
	pgErr := func(dsn, query string) error {
		db, err := sql.Open("postgres", dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.PingContext(ctx); err != nil {
			return err
		}
		_, err = db.ExecContext(ctx, query)
		return err
	}
	// The test server must answer, or the PostgreSQL cases test nothing.
	if err := pgErr(pgDSN(), "SELECT 1"); err != nil {
		t.Fatalf("PostgreSQL is required for this test: %v", err)
	}
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"sqlite random bytes", sqliteErr(random, "SELECT 1"), "plik nie jest bazą SQLite"},
		{"sqlite directory", sqliteErr(dir, "SELECT 1"), "katalog"},
		{"sqlite without tables", sqliteErr(empty, "SELECT COUNT(*) FROM families"), "w bazie brak tabeli „families” (utwórz schemat: gpwr db init)"},
		{"sqlite typo", sqliteErr(empty, "SELECT 1 WHERE 1 BETWEN 0 AND 2"), "błąd składni SQL w pobliżu „BETWEN”"},
		{"pg wrong database", pgErr(pgDSN()+" dbname=nie_ma_takiej_bazy_gpwr", "SELECT 1"), "baza danych „nie_ma_takiej_bazy_gpwr” nie istnieje na serwerze"},
		{"pg wrong user", pgErr(pgDSN()+" user=nie_ma_takiego_uzytkownika", "SELECT 1"), "„nie_ma_takiego_uzytkownika”"},
		{"pg wrong port", pgErr("host=127.0.0.1 port=1 user=postgres dbname=test sslmode=disable connect_timeout=3", "SELECT 1"), "serwer 127.0.0.1:1 nie przyjmuje połączeń (czy PostgreSQL działa i czy numer portu jest właściwy?)"},
		{"pg wrong host", pgErr("host=nie-ma-takiego-hosta.test user=postgres dbname=test sslmode=disable connect_timeout=3", "SELECT 1"), "nie znaleziono serwera „nie-ma-takiego-hosta.test”"},
		{"pg missing schema", pgErr(pgDSN(), "SELECT COUNT(*) FROM brak_schematu_gpwr.families"), "w bazie brak tabeli „brak_schematu_gpwr.families”"},
		{"pg typo", pgErr(pgDSN(), "SELECT 1 WHERE 1 BETWEN 0 AND 2"), "błąd składni SQL w pobliżu „BETWEN”"},
		{"pg missing column", pgErr(pgDSN(), "SELECT nie_ma_kolumny FROM (SELECT 1 AS a) x"), "brak kolumny „nie_ma_kolumny”"},
		{"pg read only", pgErr(pgDSN(), "SET TRANSACTION READ ONLY; CREATE TEMP TABLE x (a int)"), ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.err == nil {
				if tc.want == "" {
					return
				}
				t.Fatal("no error")
			}
			assertPolish(t, dbErr(tc.err), tc.want)
		})
	}
}

// TestDBErrTextUnit covers errors that cannot be produced on demand here.
func TestDBErrTextUnit(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(10, 0, 0, 1), Port: 5433}, Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	cases := []struct {
		err  error
		want string
	}{
		{refused, "serwer 10.0.0.1:5433 nie przyjmuje połączeń"},
		{context.Canceled, "odczyt przerwany"},
		{fmt.Errorf("pq: %w", &net.DNSError{Err: "no such host", Name: "baza.gmina.local"}), "nie znaleziono serwera „baza.gmina.local”"},
	}
	for _, tc := range cases {
		assertPolish(t, dbErr(tc.err), tc.want)
	}
	// The password never shows, even in an error nobody foresaw.
	if got := dbErr(fmt.Errorf("cannot parse host=x password=tajne1 dbname=y")); strings.Contains(got, "tajne1") {
		t.Errorf("password printed: %q", got)
	}
}

// TestCustomSQLErrorsPolish: a programme's own query with a typo, an unknown
// table or a text result fails with the indicator named, in Polish, and never
// echoes a value of the records (here a family id).
func TestCustomSQLErrorsPolish(t *testing.T) {
	dir := writeCSVs(t, base)
	cases := []struct{ sql, want string }{
		{"SELECT COUNT(*) FROM families WHERE 1 BETWEN 0 AND 2", "zapytanie SQL nie powiodło się: błąd składni SQL w pobliżu „BETWEN”"},
		{"SELECT COUNT(*) FROM rodziny", "zapytanie SQL nie powiodło się: nie ma tabeli „rodziny”; zapytanie może czytać tabele kontraktu: families, persons,"},
		{"SELECT id FROM families WHERE id = 'F1'", "zapytanie zwróciło wartość, która nie jest liczbą całkowitą"},
		{"SELECT COUNT(*), 2 FROM families", "zapytanie zwraca 2 kolumny, a oczekiwano jednej"},
		{"SELECT COUNT(nie_ma) FROM families", "brak kolumny"},
		{"SELECT COUNT(*) FROM families WHERE :rok = 2025", "zapytanie SQL jest nieprawidłowe: zapytanie używa parametru innego niż :od i :do"},
	}
	for engine, db := range engines(t) {
		ctx := context.Background()
		ro := loaded(t, db, dir)
		for _, tc := range cases {
			_, err := ro.Collect(ctx, model.YearPeriod(2025), Options{Custom: []config.Wskaznik{{Kod: "gmina.x", Etykieta: "X", SQL: tc.sql}}})
			if err == nil {
				t.Errorf("%s: %q: no error", engine, tc.sql)
				continue
			}
			msg := err.Error()
			if !strings.Contains(msg, "wskaźnik programu gmina.x") || !strings.Contains(msg, tc.want) {
				t.Errorf("%s: %q:\ngot  %q\nwant %q", engine, tc.sql, msg, tc.want)
			}
			if strings.Contains(msg, "F1") {
				t.Errorf("%s: a family id is printed: %q", engine, msg)
			}
			if english.MatchString(msg) {
				t.Errorf("%s: English leaks into %q", engine, msg)
			}
		}
	}
}

// TestCollectInterrupted: a run stopped (Ctrl-C) while it reads says so in
// Polish, on both engines.
func TestCollectInterrupted(t *testing.T) {
	dir := writeCSVs(t, base)
	for engine, db := range engines(t) {
		ro := loaded(t, db, dir)
		ctx, cancel := context.WithCancel(context.Background())
		snap, err := ro.Snapshot(ctx)
		if err != nil {
			t.Fatal(err)
		}
		cancel()
		_, err = snap.Collect(model.YearPeriod(2025), Options{})
		snap.Close()
		if err == nil || err.Error() != "odczyt przerwany" {
			t.Errorf("%s: got %v, want „odczyt przerwany”", engine, err)
		}
	}
}
