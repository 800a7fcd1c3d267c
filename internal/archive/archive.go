// Package archive keeps every run's indicators of a period, with their
// provenance, so that comparisons read past years without re-scanning the
// records, and past years typed in from old paper reports sit beside them.
//
// Layout: one directory per period key (model.Period.Key(): "2025",
// "2025-H1"), each revision one JSON file rev-0001.json, rev-0002.json, …
// holding the whole model.Set plus the tool version, the time of creation,
// the origin ("obliczone" or "wpis_reczny") and a SHA-256 of the canonical
// indicator values. A revision file is never rewritten: a new one is created
// with O_EXCL semantics (a hard link of a fully written, fsynced temporary
// file), so two concurrent runs cannot clobber each other.
package archive

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gpwr/gpwr/model"
	"github.com/gpwr/gpwr/render/plfmt"
)

// Origin says how the figures of a revision came about.
type Origin string

const (
	// Computed: computed by gpwr from the OPS records (and partner returns).
	Computed Origin = "obliczone"
	// Typed: typed in from an old paper report (gpwr archive import).
	Typed Origin = "wpis_reczny"
)

// Polish is the origin as a reader sees it.
func (o Origin) Polish() string {
	switch o {
	case Computed:
		return "obliczone z rekordów"
	case Typed:
		return "wpis ręczny ze sprawozdania"
	}
	return string(o)
}

// FormatVersion is the version of the revision file layout.
const FormatVersion = 1

// Entry is one revision of one period.
type Entry struct {
	Format      int       `json:"format"`
	Key         string    `json:"okres"`
	Revision    int       `json:"rewizja"`
	CreatedAt   time.Time `json:"utworzono"`
	ToolVersion string    `json:"wersja_gpwr"`
	Origin      Origin    `json:"pochodzenie"`
	// ValuesSHA256 is the SHA-256 of the canonical indicator values (see ValuesHash).
	ValuesSHA256 string     `json:"sha256_wartosci"`
	Set          *model.Set `json:"zestaw"`

	// Path is the file the entry was read from or written to.
	Path string `json:"-"`
}

// Status is what Store did.
type Status int

const (
	// Unchanged: the latest revision has the same indicator values; nothing written.
	Unchanged Status = iota
	// New: the first revision of the period was written.
	New
	// Revised: a further revision was written; Changes says what differs.
	Revised
)

func (s Status) String() string {
	switch s {
	case Unchanged:
		return "bez zmian"
	case New:
		return "nowy"
	case Revised:
		return "nowa rewizja"
	}
	return "?"
}

// Change is one indicator that differs between two revisions.
type Change struct {
	Code  string
	Label string
	Unit  model.Unit
	// Old and New are the values (nil = brak danych). OldText/NewText are the
	// values of text-typed codes.
	Old, New         *int64
	OldText, NewText string
	// Added: the code is not in the older revision; Removed: not in the newer.
	Added, Removed bool
}

// String describes the change in one Polish line, e.g.
// "asysta.rodziny (Rodziny objęte wsparciem asystenta): 15 → 17".
func (c Change) String() string {
	name := c.Code
	if c.Label != "" {
		name += " (" + c.Label + ")"
	}
	switch {
	case c.Added:
		return fmt.Sprintf("%s: nowy wskaźnik, %s", name, formatValue(c.New, c.NewText, c.Unit))
	case c.Removed:
		return fmt.Sprintf("%s: usunięty, było %s", name, formatValue(c.Old, c.OldText, c.Unit))
	}
	return fmt.Sprintf("%s: %s → %s", name, formatValue(c.Old, c.OldText, c.Unit), formatValue(c.New, c.NewText, c.Unit))
}

// StoreResult is the outcome of Store.
type StoreResult struct {
	Status Status
	// Entry is the revision written, or the latest one when Unchanged.
	Entry *Entry
	// Previous is the revision before Entry (nil for New).
	Previous *Entry
	// Changes lists the differences from Previous (Revised only), by code.
	Changes []Change
}

// Message is one Polish sentence for the user about what Store did.
func (r StoreResult) Message() string {
	if r.Entry == nil {
		return ""
	}
	switch r.Status {
	case Unchanged:
		return fmt.Sprintf("Archiwum: okres %s bez zmian (rewizja %d z %s).", r.Entry.Key, r.Entry.Revision, r.Entry.CreatedAt.Local().Format("2006-01-02 15:04"))
	case New:
		return fmt.Sprintf("Archiwum: zapisano okres %s (rewizja 1, %s).", r.Entry.Key, filepath.Base(r.Entry.Path))
	}
	return fmt.Sprintf("Archiwum: okres %s był już zarchiwizowany; wartości się zmieniły, zapisano rewizję %d (%s), poprzednia rewizja %d pozostaje bez zmian. Zmienione wskaźniki: %d.",
		r.Entry.Key, r.Entry.Revision, filepath.Base(r.Entry.Path), r.Previous.Revision, len(r.Changes))
}

// Archive is the gmina's archive directory.
type Archive struct {
	dir string
}

// Open opens the archive in dir. The directory is created on the first Store;
// an archive that does not exist yet is empty.
func Open(dir string) (*Archive, error) {
	if strings.TrimSpace(dir) == "" {
		return nil, errors.New("nie podano katalogu archiwum")
	}
	st, err := os.Stat(dir)
	switch {
	case err == nil && !st.IsDir():
		return nil, fmt.Errorf("%s: archiwum musi być katalogiem, a jest plikiem", dir)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: nie można otworzyć katalogu archiwum: %v", dir, err)
	}
	return &Archive{dir: dir}, nil
}

var (
	keyRe = regexp.MustCompile(`^[0-9]{4}(-H[12])?$`)
	revRe = regexp.MustCompile(`^rev-([0-9]{4,})\.json$`)
)

// revNumbers lists the revision numbers present for key, ascending.
func (a *Archive) revNumbers(key string) ([]int, error) {
	if !keyRe.MatchString(key) {
		return nil, fmt.Errorf("nieprawidłowy klucz okresu %q: oczekiwano RRRR albo RRRR-H1/RRRR-H2", key)
	}
	des, err := os.ReadDir(filepath.Join(a.dir, key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: nie można odczytać katalogu archiwum: %v", filepath.Join(a.dir, key), err)
	}
	var out []int
	for _, de := range des {
		m := revRe.FindStringSubmatch(de.Name())
		if m == nil || de.IsDir() {
			continue
		}
		n, err := strconv.Atoi(m[1])
		if err != nil || n < 1 {
			continue
		}
		out = append(out, n)
	}
	sort.Ints(out)
	return out, nil
}

func (a *Archive) revPath(key string, n int) string {
	return filepath.Join(a.dir, key, fmt.Sprintf("rev-%04d.json", n))
}

// Latest is the newest revision of the period key, or nil, nil when the
// period is not archived.
func (a *Archive) Latest(key string) (*Entry, error) {
	ns, err := a.revNumbers(key)
	if err != nil || len(ns) == 0 {
		return nil, err
	}
	return a.read(a.revPath(key, ns[len(ns)-1]))
}

// Revisions returns every revision of the period key, oldest first.
func (a *Archive) Revisions(key string) ([]*Entry, error) {
	ns, err := a.revNumbers(key)
	if err != nil {
		return nil, err
	}
	out := make([]*Entry, 0, len(ns))
	for _, n := range ns {
		e, err := a.read(a.revPath(key, n))
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// Keys lists the archived period keys ("2024", "2025-H1", …), sorted.
func (a *Archive) Keys() ([]string, error) {
	des, err := os.ReadDir(a.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: nie można odczytać katalogu archiwum: %v", a.dir, err)
	}
	var out []string
	for _, de := range des {
		if !de.IsDir() || !keyRe.MatchString(de.Name()) {
			continue
		}
		ns, err := a.revNumbers(de.Name())
		if err != nil {
			return nil, err
		}
		if len(ns) > 0 {
			out = append(out, de.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// Years lists the calendar years archived as a whole year (key "RRRR"), ascending.
func (a *Archive) Years() ([]int, error) {
	keys, err := a.Keys()
	if err != nil {
		return nil, err
	}
	var out []int
	for _, k := range keys {
		if len(k) == 4 {
			y, _ := strconv.Atoi(k)
			out = append(out, y)
		}
	}
	return out, nil
}

// read loads and verifies one revision file.
func (a *Archive) read(path string) (*Entry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: nie można odczytać pliku archiwum: %v", path, err)
	}
	var e Entry
	if err := json.Unmarshal(b, &e); err != nil {
		return nil, fmt.Errorf("%s: plik archiwum jest uszkodzony (to nie jest poprawny JSON: %s); przywróć go z kopii zapasowej", path, jsonProblem(b, err))
	}
	if e.Set == nil || e.Format == 0 {
		return nil, fmt.Errorf("%s: plik archiwum jest uszkodzony (brak pola „format” albo „zestaw”); przywróć go z kopii zapasowej", path)
	}
	if e.Format > FormatVersion {
		return nil, fmt.Errorf("%s: plik archiwum ma format %d, a ta wersja gpwr zna format do %d; zaktualizuj gpwr", path, e.Format, FormatVersion)
	}
	if h := ValuesHash(e.Set); h != e.ValuesSHA256 {
		return nil, fmt.Errorf("%s: wartości wskaźników nie zgadzają się z sumą kontrolną pliku (plik zmieniony ręcznie?); przywróć go z kopii zapasowej", path)
	}
	e.Path = path
	return &e, nil
}

// jsonProblem names the line of a JSON syntax error.
func jsonProblem(b []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + strings.Count(string(b[:min(int(se.Offset), len(b))]), "\n")
		return fmt.Sprintf("błąd składni w wierszu %d", line)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("niewłaściwy typ wartości w polu %q", te.Field)
	}
	return err.Error()
}

// ValuesHash is the SHA-256 (hex) of the canonical indicator values of s: one
// line per indicator, sorted by code, "code\tvalue\ttext\n" with value "null"
// for brak danych and the text Go-quoted. Labels, units, sources and findings
// do not enter it: a revision is new only when a figure changed.
func ValuesHash(s *model.Set) string {
	inds := append([]model.Indicator(nil), s.Indicators...)
	sort.Slice(inds, func(i, j int) bool { return inds[i].Code < inds[j].Code })
	h := sha256.New()
	for _, ind := range inds {
		v := "null"
		if ind.Value != nil {
			v = strconv.FormatInt(*ind.Value, 10)
		}
		fmt.Fprintf(h, "%s\t%s\t%s\n", ind.Code, v, strconv.Quote(ind.Text))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Diff lists the indicators whose value differs between old and cur, by code.
func Diff(old, cur *model.Set) []Change {
	om := map[string]model.Indicator{}
	for _, ind := range old.Indicators {
		om[ind.Code] = ind
	}
	cm := map[string]model.Indicator{}
	for _, ind := range cur.Indicators {
		cm[ind.Code] = ind
	}
	var out []Change
	for code, c := range cm {
		o, ok := om[code]
		if !ok {
			out = append(out, Change{Code: code, Label: c.Label, Unit: c.Unit, New: c.Value, NewText: c.Text, Added: true})
			continue
		}
		if !sameValue(o.Value, c.Value) || o.Text != c.Text {
			out = append(out, Change{Code: code, Label: c.Label, Unit: c.Unit, Old: o.Value, New: c.Value, OldText: o.Text, NewText: c.Text})
		}
	}
	for code, o := range om {
		if _, ok := cm[code]; !ok {
			out = append(out, Change{Code: code, Label: o.Label, Unit: o.Unit, Old: o.Value, OldText: o.Text, Removed: true})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

func sameValue(a, b *int64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// maxAttempts bounds the retries when concurrent runs race for a revision number.
const maxAttempts = 50

// Store archives s under its period key. Same indicator values as the latest
// revision: nothing is written (Unchanged). Otherwise a new revision file is
// created; an existing file is never overwritten. A corrupt latest revision
// is an error: nothing is written on top of an archive that cannot be read.
func (a *Archive) Store(s *model.Set, origin Origin, toolVersion string, now time.Time) (StoreResult, error) {
	if s == nil {
		return StoreResult{}, errors.New("archiwum: brak wskaźników do zapisania")
	}
	if s.Period.Year == 0 {
		return StoreResult{}, errors.New("archiwum: zestaw wskaźników nie ma okresu sprawozdawczego")
	}
	if origin != Computed && origin != Typed {
		return StoreResult{}, fmt.Errorf("archiwum: nieznane pochodzenie danych %q (oczekiwano %q albo %q)", origin, Computed, Typed)
	}
	key := s.Period.Key()
	dir := filepath.Join(a.dir, key)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return StoreResult{}, fmt.Errorf("%s: nie można utworzyć katalogu archiwum: %v", dir, err)
	}
	hash := ValuesHash(s)
	for attempt := 0; attempt < maxAttempts; attempt++ {
		latest, err := a.Latest(key)
		if err != nil {
			return StoreResult{}, err
		}
		if latest != nil && latest.ValuesSHA256 == hash {
			return StoreResult{Status: Unchanged, Entry: latest}, nil
		}
		e := &Entry{
			Format:       FormatVersion,
			Key:          key,
			Revision:     1,
			CreatedAt:    now.UTC().Truncate(time.Second),
			ToolVersion:  toolVersion,
			Origin:       origin,
			ValuesSHA256: hash,
			Set:          s,
		}
		res := StoreResult{Status: New, Entry: e}
		if latest != nil {
			e.Revision = latest.Revision + 1
			res.Status = Revised
			res.Previous = latest
			res.Changes = Diff(latest.Set, s)
		}
		path := a.revPath(key, e.Revision)
		created, err := createExclusive(dir, path, e)
		if err != nil {
			return StoreResult{}, err
		}
		if !created {
			continue // another run took this number: look again
		}
		e.Path = path
		return res, nil
	}
	return StoreResult{}, fmt.Errorf("%s: nie udało się zapisać nowej rewizji (zbyt wiele jednoczesnych zapisów)", dir)
}

// createExclusive writes e to a temporary file in dir, fsyncs it and links it
// to path, which must not exist. It reports false when path already exists.
func createExclusive(dir, path string, e *Entry) (bool, error) {
	b, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return false, fmt.Errorf("archiwum: nie można zapisać wskaźników: %v", err)
	}
	b = append(b, '\n')
	tmp, err := os.CreateTemp(dir, ".tmp-rev-*")
	if err != nil {
		return false, fmt.Errorf("%s: nie można utworzyć pliku w archiwum: %v", dir, err)
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName)
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return false, fmt.Errorf("%s: nie można zapisać pliku archiwum: %v", tmpName, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return false, fmt.Errorf("%s: nie można zapisać pliku archiwum na dysk: %v", tmpName, err)
	}
	if err := tmp.Close(); err != nil {
		return false, fmt.Errorf("%s: nie można zapisać pliku archiwum: %v", tmpName, err)
	}
	if err := os.Link(tmpName, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return false, nil
		}
		return false, fmt.Errorf("%s: nie można utworzyć pliku archiwum: %v", path, err)
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return true, nil
}

// formatValue prints a value for a Change line.
func formatValue(v *int64, text string, u model.Unit) string {
	return plfmt.Value(model.Indicator{Value: v, Text: text, Unit: u})
}
