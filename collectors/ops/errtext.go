package ops

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"regexp"
	"strings"
	"syscall"

	"github.com/lib/pq"
	"modernc.org/sqlite"
)

// dbErr is a database driver's error as one Polish phrase for the clerk, with
// what could carry a password removed. The drivers (lib/pq, modernc sqlite,
// the network) speak English; each error a user can cause — a wrong host,
// port, database, user, password or schema, a file that is not a database, a
// missing table, a custom query with a typo — is translated. Only an error
// nobody foresaw keeps the server's own words, after a Polish lead-in.
// It never shows a value read from a row (a query's result could be an id).
func dbErr(err error) string { return redactKV(explainDB(err)) }

var (
	quotedRe   = regexp.MustCompile(`"([^"]*)"`)
	sqliteTail = regexp.MustCompile(`\s*\(\d+\)\s*$`)
	scanArgsRe = regexp.MustCompile(`expected (\d+) destination arguments in Scan`)
)

// firstQuoted is the first "…" in a driver message, in Polish quotes.
func firstQuoted(msg string) string {
	if m := quotedRe.FindStringSubmatch(msg); m != nil {
		return "„" + m[1] + "”"
	}
	return ""
}

func explainDB(err error) string {
	if err == nil {
		return ""
	}
	if errors.Is(err, context.Canceled) {
		return "odczyt przerwany"
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "przekroczony czas oczekiwania na bazę"
	}
	var pe *pq.Error
	if errors.As(err, &pe) {
		return pqText(pe)
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		return sqliteText(se)
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return fmt.Sprintf("nie znaleziono serwera „%s” (sprawdź nazwę hosta w adresie bazy)", dns.Name)
	}
	var op *net.OpError
	if errors.As(err, &op) {
		addr := ""
		if op.Addr != nil {
			addr = " " + op.Addr.String()
		}
		switch {
		case errors.Is(err, syscall.ECONNREFUSED):
			return fmt.Sprintf("serwer%s nie przyjmuje połączeń (czy PostgreSQL działa i czy numer portu jest właściwy?)", addr)
		case op.Timeout():
			return fmt.Sprintf("serwer%s nie odpowiada (przekroczony czas oczekiwania)", addr)
		case errors.Is(err, syscall.ECONNRESET):
			return fmt.Sprintf("serwer%s zerwał połączenie", addr)
		case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
			return fmt.Sprintf("serwer%s jest nieosiągalny w sieci", addr)
		}
		return fmt.Sprintf("błąd połączenia sieciowego z serwerem%s", addr)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return "serwer zerwał połączenie"
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "Scan error"), strings.Contains(msg, "converting"):
		// Never echo the value: it could be an id of a family.
		return "zapytanie zwróciło wartość, która nie jest liczbą całkowitą"
	case scanArgsRe.MatchString(msg):
		return fmt.Sprintf("zapytanie zwraca %s kolumny, a oczekiwano jednej", scanArgsRe.FindStringSubmatch(msg)[1])
	case strings.Contains(msg, "missing destination name") || strings.Contains(msg, "could not find name"):
		return "zapytanie używa parametru innego niż :od i :do"
	}
	return msg
}

// pqText translates a PostgreSQL server error by its SQLSTATE.
func pqText(e *pq.Error) string {
	q := firstQuoted(e.Message)
	switch string(e.Code) {
	case "3D000":
		return fmt.Sprintf("baza danych %s nie istnieje na serwerze (sprawdź nazwę bazy w adresie)", q)
	case "28P01":
		return fmt.Sprintf("serwer odrzucił hasło użytkownika %s (sprawdź PGPASSWORD albo plik ~/.pgpass)", q)
	case "28000":
		if strings.Contains(e.Message, "pg_hba") {
			return "serwer nie zezwala na połączenie z tego komputera lub tego użytkownika (pg_hba.conf)"
		}
		return fmt.Sprintf("serwer nie zna użytkownika %s (sprawdź nazwę użytkownika w adresie albo PGUSER)", q)
	case "42P01":
		return fmt.Sprintf("w bazie brak tabeli %s (utwórz schemat: gpwr db init, albo sprawdź [zrodla] schemat)", q)
	case "3F000":
		return fmt.Sprintf("w bazie brak schematu %s (utwórz go: gpwr db init --schema …, albo sprawdź [zrodla] schemat)", q)
	case "42703":
		return fmt.Sprintf("brak kolumny %s (tabela lub widok nie ma kolumn kontraktu)", q)
	case "42601":
		if q != "" {
			return fmt.Sprintf("błąd składni SQL w pobliżu %s", q)
		}
		return "błąd składni SQL"
	case "42883":
		return "zapytanie używa funkcji lub operatora, których PostgreSQL nie zna"
	case "42804", "42846":
		return "niezgodne typy danych w zapytaniu (np. porównanie daty z tekstem)"
	case "42501":
		return "użytkownik nie ma uprawnień do odczytu tabel (potrzebne GRANT USAGE na schemacie i GRANT SELECT na tabelach)"
	case "25006":
		return "zapytanie próbuje zmieniać dane, a gpwr tylko czyta bazę OPS"
	case "22P02", "22007", "22008":
		return "nieprawidłowa wartość w zapytaniu (liczba lub data w złym zapisie)"
	case "22003":
		return "liczba poza zakresem"
	case "21000":
		return "podzapytanie zwraca więcej niż jeden wiersz"
	case "53300":
		return "serwer ma za dużo otwartych połączeń; spróbuj za chwilę"
	case "57P01", "57P02", "57P03":
		return "serwer PostgreSQL jest zamykany albo uruchamiany; spróbuj za chwilę"
	case "23505":
		return "powtórzony identyfikator (naruszenie klucza tabeli)"
	case "23503":
		return "identyfikator nie istnieje w tabeli nadrzędnej (naruszenie klucza obcego)"
	case "23514", "23502":
		return "wartość narusza regułę tabeli (CHECK / NOT NULL)"
	}
	return fmt.Sprintf("serwer PostgreSQL zgłosił błąd (SQLSTATE %s): %s", e.Code, e.Message)
}

// sqliteText translates an SQLite error by its primary result code.
func sqliteText(e *sqlite.Error) string {
	msg := sqliteTail.ReplaceAllString(e.Error(), "")
	if i := strings.Index(msg, ": "); i >= 0 {
		msg = msg[i+2:] // "SQL logic error: no such table: x" → "no such table: x"
	}
	after := func(prefix string) string {
		return "„" + strings.TrimSpace(strings.TrimPrefix(msg, prefix)) + "”"
	}
	switch e.Code() & 0xff {
	case 26: // SQLITE_NOTADB
		return "plik nie jest bazą SQLite (uszkodzony albo to zupełnie inny plik)"
	case 11: // SQLITE_CORRUPT
		return "plik bazy SQLite jest uszkodzony"
	case 14: // SQLITE_CANTOPEN
		return "nie można otworzyć pliku bazy SQLite (sprawdź ścieżkę i uprawnienia; czy to nie katalog?)"
	case 10: // SQLITE_IOERR
		return "błąd odczytu pliku bazy SQLite (czy ścieżka nie wskazuje katalogu? czy dysk jest dostępny?)"
	case 5, 6: // SQLITE_BUSY, SQLITE_LOCKED
		return "baza SQLite jest zablokowana przez inny program; spróbuj ponownie za chwilę"
	case 8: // SQLITE_READONLY
		return "plik bazy SQLite jest tylko do odczytu (sprawdź uprawnienia)"
	case 13: // SQLITE_FULL
		return "brak miejsca na dysku"
	case 3, 23: // SQLITE_PERM, SQLITE_AUTH
		return "brak uprawnień do pliku bazy SQLite"
	case 19: // SQLITE_CONSTRAINT
		switch {
		case strings.Contains(msg, "UNIQUE"), strings.Contains(msg, "PRIMARY KEY"):
			return "powtórzony identyfikator (naruszenie klucza tabeli)"
		case strings.Contains(msg, "FOREIGN KEY"):
			return "identyfikator nie istnieje w tabeli nadrzędnej (naruszenie klucza obcego)"
		}
		return "wartość narusza regułę tabeli (CHECK / NOT NULL)"
	case 1: // SQLITE_ERROR
		switch {
		case strings.HasPrefix(msg, "no such table:"):
			return "w bazie brak tabeli " + after("no such table:") + " (utwórz schemat: gpwr db init)"
		case strings.HasPrefix(msg, "no such column:"):
			return "brak kolumny " + after("no such column:") + " (tabela nie ma kolumn kontraktu?)"
		case strings.HasPrefix(msg, "no such function:"):
			return "zapytanie używa funkcji " + after("no such function:") + ", której SQLite nie zna"
		case strings.HasSuffix(msg, "syntax error"):
			if q := firstQuoted(msg); q != "" {
				return "błąd składni SQL w pobliżu " + q
			}
			return "błąd składni SQL"
		case strings.Contains(msg, "incomplete input"):
			return "zapytanie SQL jest niedokończone"
		}
		return "błąd zapytania SQL"
	}
	return fmt.Sprintf("błąd bazy SQLite (kod %d)", e.Code())
}

var missingTableRe = regexp.MustCompile(`^w bazie brak tabeli („[^”]*”).*$`)

// customErr is dbErr for the gmina's own query: a missing table is a typo in
// the query, so the hint lists the contract's tables instead of „db init”.
func customErr(err error) string {
	msg := dbErr(err)
	if m := missingTableRe.FindStringSubmatch(msg); m != nil {
		names := make([]string, len(Tables))
		for i, t := range Tables {
			names[i] = t.Name
		}
		return "nie ma tabeli " + m[1] + "; zapytanie może czytać tabele kontraktu: " + strings.Join(names, ", ")
	}
	return msg
}
