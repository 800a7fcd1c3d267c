package samplegen

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/templates/partners"
)

var update = flag.Bool("update", false, "rewrite samples/ops from Demo()")

const samplesDir = "../../samples"

// TestSamplesMatchDemo keeps samples/ops equal, byte for byte, to
// Generate(Demo()). Run with -update after changing the generator.
func TestSamplesMatchDemo(t *testing.T) {
	ops := filepath.Join(samplesDir, "ops")
	if *update {
		if err := Generate(ops, Demo()); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	if err := Generate(dir, Demo()); err != nil {
		t.Fatal(err)
	}
	var total int64
	for _, tb := range Tables {
		name := tb.Name + ".csv"
		want, err := os.ReadFile(filepath.Join(ops, name))
		if err != nil {
			t.Fatalf("%v (run go test ./internal/samplegen -run SamplesMatchDemo -update)", err)
		}
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("samples/ops/%s differs from Generate(Demo()) (run with -update and review the diff)", name)
		}
		total += int64(len(want))
	}
	entries, err := os.ReadDir(ops)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(Tables) {
		t.Errorf("samples/ops holds %d files, want exactly the %d contract tables", len(entries), len(Tables))
	}
	if total > 3<<20 {
		t.Errorf("samples/ops is %d bytes, keep it under 3 MB", total)
	}
}

// TestGenerateIsDeterministic: the same seed gives the same bytes, another seed other bytes.
func TestGenerateIsDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	p := Demo()
	if err := Generate(a, p); err != nil {
		t.Fatal(err)
	}
	if err := Generate(b, p); err != nil {
		t.Fatal(err)
	}
	p.Seed++
	if err := Generate(c, p); err != nil {
		t.Fatal(err)
	}
	read := func(d string) []byte { x, _ := os.ReadFile(filepath.Join(d, "benefits.csv")); return x }
	if !bytes.Equal(read(a), read(b)) {
		t.Error("same seed, different benefits.csv")
	}
	if bytes.Equal(read(a), read(c)) {
		t.Error("another seed, same benefits.csv")
	}
}

func TestBadParams(t *testing.T) {
	for _, mod := range []func(*Params){
		func(p *Params) { p.FirstYear = p.LastYear - 1 },
		func(p *Params) { p.Families = 5 },
		func(p *Params) { p.Assistants = 2 },
		func(p *Params) { p.FosterChildren = 3 },
		func(p *Params) { p.ClientFamilies = p.Families },
	} {
		p := Demo()
		mod(&p)
		dir := t.TempDir()
		if err := Generate(dir, p); err == nil {
			t.Errorf("%+v: no error", p)
		}
		if e, _ := os.ReadDir(dir); len(e) != 0 {
			t.Errorf("bad params left %d files", len(e))
		}
	}
	if _, err := Profile("maly"); err == nil {
		t.Error("unknown profile accepted")
	}
}

// builtinCode matches the built-in indicator codes of DATA-CONTRACT.md §2.
var builtinCode = regexp.MustCompile(`^(asystenci\.liczba(\.(umowa_o_prace|umowa_uslugi|inne))?` +
	`|asysta\.(rodziny|rodziny_sad|rodziny_za_zyciem|rodziny_koniec_okresu|dzieci|limit_przekroczony)` +
	`|asysta\.zakonczone(\.(cel_osiagniety|rezygnacja|brak_efektow|inne))?` +
	`|placowki\.(liczba|miejsca)(\.(care|specialist|street|mixed))?|placowki\.dzieci` +
	`|rodziny_wspierajace\.(liczba|rodziny_objete)` +
	`|piecza\.(dzieci|koszt)(\.(10|30|50))?|piecza\.udzial_niezgodny` +
	`|swiadczenia\.[a-z0-9_]+\.(liczba|kwota)|swiadczenia\.rodziny_pomoc_finansowa` +
	`|praca_socjalna\.(rodziny|osoby)` +
	`|wydatki\.(assistant|assistant_training|day_centre|supporting_family|foster_care|other)(\.(gmina|state_budget|eu|other))?` +
	`|szkolenia\.liczba|dzialania\.[a-z0-9_]+\.(liczba|uczestnicy)` +
	`|niebieskie_karty\.(formularze(\.(police|ops|education|health|gkrpa|other))?|rodziny|rodziny_z_dziecmi|procedury_zakonczone)` +
	`|klienci\.(rodziny_z_dziecmi|rodziny_niepelne|rodziny_wielodzietne))$`)

// TestGminaConfig: samples/gmina.toml parses with config.Load, and every
// indicator of its programme is a built-in code, a partner code of the
// catalog, or a gmina's own SQL indicator.
func TestGminaConfig(t *testing.T) {
	c, err := config.Load(filepath.Join(samplesDir, "gmina.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Gmina.Teryt != "9999011" || !strings.Contains(c.Gmina.Nazwa, "Przykładowo") {
		t.Errorf("gmina %q %q: the demo must be obviously fictional", c.Gmina.Nazwa, c.Gmina.Teryt)
	}
	if c.Zrodla.Baza != "sqlite:ops.db" || c.Zrodla.Zwroty != "zwroty" || c.Zrodla.Archiwum != "archiwum" {
		t.Errorf("zrodla %+v", c.Zrodla)
	}
	if len(c.Program.Cele) < 3 || len(c.Partnerzy) < 9 || len(c.Tekst.Potrzeby) < 5 || c.Tekst.Wstep == "" || c.Tekst.Asystent == "" || c.Tekst.Zakonczenie == "" {
		t.Errorf("config incomplete: %d goals, %d partners, %d needs", len(c.Program.Cele), len(c.Partnerzy), len(c.Tekst.Potrzeby))
	}
	partnerCodes := map[string]bool{}
	err = fs.WalkDir(partners.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".toml") {
			return err
		}
		var cat struct {
			Kod []struct {
				Kod string `toml:"kod"`
			} `toml:"kod"`
		}
		b, _ := fs.ReadFile(partners.FS, path)
		if _, err := toml.Decode(string(b), &cat); err != nil {
			return err
		}
		for _, k := range cat.Kod {
			partnerCodes[k.Kod] = true
		}
		return nil
	})
	if err != nil || len(partnerCodes) == 0 {
		t.Fatalf("partner catalog: %v (%d codes)", err, len(partnerCodes))
	}
	kinds := map[string]bool{}
	for _, p := range c.Partnerzy {
		kinds[p.Rodzaj] = true
	}
	n := 0
	for _, g := range c.Program.Cele {
		for _, a := range g.Dzialania {
			if a.Realizator == "" || len(a.Wskazniki) == 0 {
				t.Errorf("action %q: no realizator or indicators", a.Nazwa)
			}
			for _, w := range a.Wskazniki {
				n++
				switch {
				case w.SQL != "":
				case builtinCode.MatchString(w.Kod):
				case partnerCodes[w.Kod]:
					if k := strings.SplitN(w.Kod, ".", 2)[0]; !kinds[k] {
						t.Errorf("%s: partner kind %q not in [[partner]]", w.Kod, k)
					}
				default:
					t.Errorf("indicator %q is neither built-in nor a partner code", w.Kod)
				}
			}
		}
	}
	if n < 15 {
		t.Errorf("%d indicators in the programme, want a full matrix", n)
	}
}
