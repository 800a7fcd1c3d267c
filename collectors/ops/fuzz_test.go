package ops

import (
	"bytes"
	"strings"
	"testing"
)

type countInserter struct{ n int }

func (c *countInserter) insert([]any) error { c.n++; return nil }
func (c *countInserter) close() error       { return nil }

// FuzzLoadTable feeds arbitrary bytes to the contract CSV reader of every
// table: it must never panic, every problem must name the file and a line, and
// a row is written only when no problem was found.
func FuzzLoadTable(f *testing.F) {
	for name, body := range base {
		f.Add(uint8(tableIndex(name)), []byte(strings.ReplaceAll(body, "\t", "")))
	}
	f.Add(uint8(tableIndex("assistant_cases")), []byte("id,family_id,assistant_id,started_on,ended_on,end_reason,court_ordered,za_zyciem\nC1,F1,A1,2025-01-01,2024-01-01,other,true,false\n"))
	f.Add(uint8(tableIndex("foster_charges")), []byte("id,person_id,service_month,share_pct,amount_gr,paid_on\n\"K1\",P11,2025-01-15,20,-5,x\n"))
	f.Add(uint8(tableIndex("families")), []byte("\ufeffid,locality\r\n\"F\"\"1\",urban\r\nF2,\"rur\nal\"\r\n"))
	f.Fuzz(func(t *testing.T, table uint8, data []byte) {
		tb := Tables[int(table)%len(Tables)]
		keys := map[string]map[string]int{}
		for _, other := range Tables {
			keys[other.Name] = map[string]int{"F1": 0, "P11": 0, "A1": 0, "zasilek_rodzinny": 0}
		}
		var errs []RowError
		le := &LoadError{}
		add := func(r RowError) {
			le.Total++
			errs = append(errs, r)
		}
		ins := &countInserter{}
		n, err := loadTable(bytes.NewReader(data), tb, keys, ins, add, le, nil)
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		for _, e := range errs {
			if e.File != tb.Name+".csv" || e.Line < 0 || e.Msg == "" {
				t.Fatalf("problem without its place: %+v", e)
			}
		}
		if len(errs) > 0 && int64(ins.n) > n {
			t.Fatalf("%d rows written of %d read", ins.n, n)
		}
	})
}

func tableIndex(name string) int {
	for i, t := range Tables {
		if t.Name == name {
			return i
		}
	}
	return 0
}
