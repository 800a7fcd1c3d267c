package ops

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// TestLoadEncodings: the contract says UTF-8. A BOM is accepted; a file in
// Windows-1250 or UTF-16 is refused with one message naming the file (and the
// first line with a non-UTF-8 letter), never loaded with broken letters.
func TestLoadEncodings(t *testing.T) {
	activities := "id,kind,held_on,participants,title\nD1,leisure,2025-03-01,12,Wyjazd do kina\nD2,leisure,2025-04-01,8,Spotkanie w świetlicy — zajęcia\nD3,leisure,2025-05-01,5,Piknik\n"
	cp1250, err := charmap.Windows1250.NewEncoder().String(activities)
	if err != nil {
		t.Fatal(err)
	}
	cp1250Header, err := charmap.Windows1250.NewEncoder().String(strings.Replace(activities, "title", "tytuł", 1))
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(activities)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, body, want string // want "" = loads
	}{
		{"UTF-8", activities, ""},
		{"UTF-8 with BOM", "\ufeff" + activities, ""},
		{"Windows-1250", cp1250, "activities.csv:3: plik nie jest zapisany w UTF-8 (to zapewne Windows-1250 z Excela albo starszego programu); oczekiwano UTF-8 – w Excelu zapisz go jako „CSV UTF-8 (rozdzielany przecinkami)”"},
		{"Windows-1250 header", cp1250Header, "activities.csv:1: plik nie jest zapisany w UTF-8"},
		{"UTF-16", utf16, "activities.csv: plik jest zapisany w UTF-16 („Tekst Unicode”); oczekiwano UTF-8"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeCSVs(t, base)
			if err := os.WriteFile(filepath.Join(dir, "activities.csv"), []byte(tc.body), 0o644); err != nil {
				t.Fatal(err)
			}
			db := engines(t)[SQLite]
			_, err := db.Load(context.Background(), dir, LoadOptions{})
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				var title string
				if err := db.Get(&title, "SELECT title FROM activities WHERE id = 'D2'"); err != nil || title != "Spotkanie w świetlicy — zajęcia" {
					t.Errorf("title %q %v", title, err)
				}
				return
			}
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("want a LoadError, got %v", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got\n%s\nwant\n%s", err, tc.want)
			}
			if le.Total != 1 {
				t.Errorf("want one message for the file, got %d:\n%s", le.Total, err)
			}
		})
	}
}

// TestLoadNoCascade: a row of families with a bad value is reported once; the
// persons, cases and benefits of that family do not each add an error
// „nie istnieje w tabeli families”.
func TestLoadNoCascade(t *testing.T) {
	dir := writeCSVs(t, merge(base, map[string]string{
		"families": "id,locality,single_parent\nF1,miasto,\nF2,rural,false\nF3,urban,true\nF4,,\nF5,rural,\nF6,,\nF7,,\nF8,urban,false",
	}))
	db := engines(t)[SQLite]
	_, err := db.Load(context.Background(), dir, LoadOptions{})
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("want a LoadError, got %v", err)
	}
	if le.Total != 1 || !strings.Contains(err.Error(), `families.csv:2, kolumna locality: wartość "miasto" spoza listy`) {
		t.Errorf("want exactly the one bad value, got %d:\n%s", le.Total, err)
	}
}

// TestLoadRefusesPESEL: a PESEL in any text field (an id, a title) refuses the
// file with one message naming the line and column, never the number.
func TestLoadRefusesPESEL(t *testing.T) {
	cases := []struct {
		name   string
		tables map[string]string
		want   string
	}{
		{"as a person id", map[string]string{"persons": "id,family_id,birth_date,role\nP11,F1,2007-01-01,child\n44051401458,F1,2007-01-02,child\nP13,F2,2020-01-01,child",
			"day_centre_attendance": "centre_id,person_id,from_date,to_date\nC1,P13,2025-01-01,", "day_centres": "id,name,form,run_by,places,opened_on,closed_on\nC1,Świetlica,care,gmina,20,2020-01-01,"},
			"persons.csv:3, kolumna id: pole zawiera numer PESEL"},
		{"as a reference", map[string]string{"persons": "id,family_id,birth_date,role\nP11,44051401458,2007-01-01,child"},
			"persons.csv:2, kolumna family_id: pole zawiera numer PESEL"},
		{"in a title", map[string]string{"activities": "id,kind,held_on,participants,title\nD1,leisure,2025-03-01,1,Wizyta u Jana (44051401458)"},
			"activities.csv:2, kolumna title: pole zawiera numer PESEL"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeCSVs(t, merge(base, tc.tables))
			_, err := engines(t)[SQLite].Load(context.Background(), dir, LoadOptions{})
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("want a LoadError, got %v", err)
			}
			if le.Total != 1 || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %d:\n%s\nwant %s", le.Total, err, tc.want)
			}
			if strings.Contains(err.Error(), "44051401458") {
				t.Errorf("the PESEL is printed: %s", err)
			}
		})
	}
	// An amount of 11 digits is money, not a PESEL.
	dir := writeCSVs(t, merge(base, map[string]string{"expenditures": "id,task,source,spent_on,amount_gr,note\nW1,other,gmina,2025-01-01,44051401458,"}))
	if _, err := engines(t)[SQLite].Load(context.Background(), dir, LoadOptions{}); err != nil {
		t.Errorf("an 11-digit amount refused: %v", err)
	}
}

// TestLoadNoCascadeAfterBadHeader: a families.csv with a misspelled column is
// one error, not one more for every person of every family.
func TestLoadNoCascadeAfterBadHeader(t *testing.T) {
	dir := writeCSVs(t, merge(base, map[string]string{"families": "id,lokalnosc,single_parent\nF1,urban,\nF2,,\nF3,,\nF4,,\nF5,,\nF6,,\nF7,,\nF8,,"}))
	_, err := engines(t)[SQLite].Load(context.Background(), dir, LoadOptions{})
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("want a LoadError, got %v", err)
	}
	if le.Total != 1 || !strings.Contains(err.Error(), "families.csv:1, kolumna lokalnosc: nieznana kolumna") {
		t.Errorf("got %d:\n%s", le.Total, err)
	}
}
