package ops

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadRejectsBadRows(t *testing.T) {
	cases := []struct {
		name   string
		tables map[string]string
		want   string // the message names file, line, column and what was expected
	}{
		{"bad date", map[string]string{"persons": "id,family_id,birth_date,role\nP1,F1,2025-02-30,child"},
			"persons.csv:2, kolumna birth_date: \"2025-02-30\" nie jest datą; oczekiwano RRRR-MM-DD"},
		{"bad boolean", map[string]string{"families": "id,locality,single_parent\nF1,urban,tak"},
			"families.csv:2, kolumna single_parent: \"tak\" nie jest wartością logiczną; oczekiwano true albo false"},
		{"amount with a decimal comma", map[string]string{"benefits": "id,kind,family_id,paid_on,amount_gr\nB1,zasilek_rodzinny,F1,2025-01-01,\"12,50\""},
			"benefits.csv:2, kolumna amount_gr: \"12,50\" nie jest liczbą całkowitą"},
		{"negative amount", map[string]string{"benefits": "id,kind,family_id,paid_on,amount_gr\nB1,zasilek_rodzinny,F1,2025-01-01,-5"},
			"benefits.csv:2, kolumna amount_gr: wartość -5 jest ujemna; oczekiwano liczby ≥ 0"},
		{"unknown code", map[string]string{"persons": "id,family_id,birth_date,role\nP1,F1,2020-01-01,dziecko"},
			"persons.csv:2, kolumna role: wartość \"dziecko\" spoza listy; oczekiwano jednej z: parent, child, other"},
		{"share not 10/30/50", map[string]string{"foster_charges": "id,person_id,service_month,share_pct,amount_gr,paid_on\nK1,P11,2025-01-01,20,100,2025-02-01"},
			"foster_charges.csv:2, kolumna share_pct: wartość \"20\" spoza listy; oczekiwano jednej z: 10, 30, 50"},
		{"service month not the first day", map[string]string{"foster_charges": "id,person_id,service_month,share_pct,amount_gr,paid_on\nK1,P11,2025-01-15,10,100,2025-02-01"},
			"foster_charges.csv:2, kolumna service_month: oczekiwano pierwszego dnia miesiąca"},
		{"required value missing", map[string]string{"persons": "id,family_id,birth_date,role\nP1,F1,,child"},
			"persons.csv:2, kolumna birth_date: puste pole; oczekiwano wartości"},
		{"unknown family", map[string]string{"persons": "id,family_id,birth_date,role\nP11,F1,2007-01-01,child\nP2,F99,2020-01-01,child"},
			"persons.csv:3, kolumna family_id: wartość \"F99\" nie istnieje w tabeli families"},
		{"unknown benefit kind", map[string]string{"benefits": "id,kind,family_id,paid_on,amount_gr\nB1,becikowe,F1,2025-01-01,100"},
			"benefits.csv:2, kolumna kind: wartość \"becikowe\" nie istnieje w tabeli benefit_kinds"},
		{"end before start", map[string]string{"social_work": "family_id,from_date,to_date\nF1,2025-05-01,2025-04-30"},
			"social_work.csv:2, kolumna to_date: data 2025-04-30 jest wcześniejsza niż from_date (2025-05-01)"},
		{"end reason without end", map[string]string{"assistant_cases": "id,family_id,assistant_id,started_on,ended_on,end_reason,court_ordered,za_zyciem\nC1,F1,A1,2025-01-01,,other,false,false"},
			"assistant_cases.csv:2, kolumna end_reason: kolumna end_reason musi być wypełniona wtedy i tylko wtedy, gdy wypełniona jest kolumna ended_on"},
		{"duplicate id", map[string]string{"families": "id,locality,single_parent\nF1,urban,\nF2,,\nF1,rural,"},
			"families.csv:4, kolumna id: identyfikator \"F1\" powtórzony (już w wierszu 2)"},
		{"unknown column", map[string]string{"families": "id,miejscowosc,single_parent\nF1,urban,"},
			"families.csv:1, kolumna miejscowosc: nieznana kolumna; tabela families ma kolumny: id, locality, single_parent"},
		{"missing column", map[string]string{"persons": "id,family_id,role\nP1,F1,child"},
			"persons.csv:1, kolumna birth_date: brak wymaganej kolumny w nagłówku"},
		{"wrong number of fields", map[string]string{"families": "id,locality,single_parent\nF1,urban"},
			"families.csv:2: liczba pól w wierszu (2) różni się od liczby kolumn w nagłówku (3)"},
		{"broken quote", map[string]string{"families": "id,locality,single_parent\nF1,\"urban,"},
			"families.csv:2: nieprawidłowy cudzysłów"},
		{"unknown file", map[string]string{"rodziny": "id\nF1"},
			"rodziny.csv: plik nie odpowiada żadnej tabeli kontraktu"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeCSVs(t, merge(base, tc.tables))
			for engine, db := range engines(t) {
				_, err := db.Load(context.Background(), dir, LoadOptions{})
				var le *LoadError
				if !errors.As(err, &le) {
					t.Fatalf("%s: want a LoadError, got %v", engine, err)
				}
				if !strings.Contains(err.Error(), tc.want) {
					t.Errorf("%s: error\n%s\ndoes not contain\n%s", engine, err, tc.want)
				}
				// All or nothing: not even the good tables were loaded.
				var n int
				if err := db.Get(&n, "SELECT COUNT(*) FROM "+db.T("families")); err != nil {
					t.Fatal(err)
				}
				if n != 0 {
					t.Errorf("%s: %d families loaded from a bad directory", engine, n)
				}
			}
		})
	}
}

func TestLoadAppendAndReplace(t *testing.T) {
	dir := writeCSVs(t, base)
	for engine, db := range engines(t) {
		ctx := context.Background()
		st, err := db.Load(ctx, dir, LoadOptions{})
		if err != nil {
			t.Fatalf("%s: %v", engine, err)
		}
		if st["persons"] != 16 || st["families"] != 8 {
			t.Errorf("%s: stats %v", engine, st)
		}
		_, err = db.Load(ctx, dir, LoadOptions{})
		if err == nil || !strings.Contains(err.Error(), "powtórzony (już w bazie)") {
			t.Errorf("%s: a second load into the same tables must name the duplicates, got %v", engine, err)
		}
		if _, err := db.Load(ctx, dir, LoadOptions{Replace: true}); err != nil {
			t.Errorf("%s: replace: %v", engine, err)
		}
	}
}

func TestLoadDirectoryProblems(t *testing.T) {
	db := engines(t)[SQLite]
	if _, err := db.Load(context.Background(), filepath.Join(t.TempDir(), "nie-ma"), LoadOptions{}); err == nil || !strings.Contains(err.Error(), "nie istnieje") {
		t.Errorf("missing dir: %v", err)
	}
	empty := t.TempDir()
	os.WriteFile(filepath.Join(empty, "notatki.txt"), []byte("x"), 0o644)
	if _, err := db.Load(context.Background(), empty, LoadOptions{}); err == nil || !strings.Contains(err.Error(), "nie ma plików CSV") {
		t.Errorf("empty dir: %v", err)
	}
}

func TestReadOnlyConnection(t *testing.T) {
	dir := writeCSVs(t, base)
	for engine, db := range engines(t) {
		ro := loaded(t, db, dir)
		tx, err := ro.ReadTx(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec("DELETE FROM " + ro.T("persons")); err == nil {
			t.Errorf("%s: a write succeeded inside the read-only snapshot", engine)
		}
		tx.Rollback()
	}
}
