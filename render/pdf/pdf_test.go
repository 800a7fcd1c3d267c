package pdf_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/gpwr/gpwr/render/internal/golden"
	"github.com/gpwr/gpwr/render/pdf"
	"github.com/gpwr/gpwr/render/report"
	"github.com/gpwr/gpwr/render/report/reporttest"
)

// tool runs an external program the test needs; a missing tool fails the test.
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is missing (install poppler-utils and qpdf): %v", name, err)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func write(t *testing.T) (string, *report.Doc) {
	t.Helper()
	d, err := report.Build(reporttest.Input())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sprawozdanie.pdf")
	if err := pdf.Write(path, d, nil); err != nil {
		t.Fatal(err)
	}
	return path, d
}

func TestReportPDF(t *testing.T) {
	path, d := write(t)

	// The text, laid out as on paper.
	txt := tool(t, "pdftotext", "-layout", path, "-")
	golden.Check(t, "report.txt.golden", []byte(txt))
	for _, want := range []string{"Spis treści", "Strona 1 z ", "DANE FIKCYJNE", "86 072,89 zł", "Świadczenia pieniężne", "Sporządził(a):", "mgr Joanna Przykładowa", "brak danych"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the PDF text lacks %q", want)
		}
	}

	// Fonts: only Liberation, embedded, with a Unicode map.
	fonts := tool(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
	// Object numbers vary between runs: keep name, type, encoding and flags.
	var norm []string
	for _, l := range lines {
		f := strings.Fields(l)
		norm = append(norm, strings.Join(f[:len(f)-2], " "))
	}
	sort.Strings(norm)
	golden.Check(t, "report.fonts.golden", []byte(strings.Join(norm, "\n")+"\n"))
	if len(lines) == 0 {
		t.Fatal("pdffonts lists no font")
	}
	for _, l := range lines {
		f := strings.Fields(l)
		if !strings.Contains(f[0], "liberation") || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
			t.Errorf("font not Liberation, embedded, with ToUnicode: %s", l)
		}
	}
	if strings.Contains(fonts, "Helvetica") || strings.Contains(fonts, "Arial") {
		t.Error("a built-in font is used: Polish letters would vanish")
	}

	// Structure: qpdf finds no error; /Lang and the outline are there.
	tool(t, "qpdf", "--check", path)
	qdf := filepath.Join(t.TempDir(), "q.pdf")
	tool(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
	raw, _ := os.ReadFile(qdf)
	if !bytes.Contains(raw, []byte("/Lang (pl-PL)")) {
		t.Error("catalog has no /Lang (pl-PL)")
	}
	if !bytes.Contains(raw, []byte("/Outlines")) {
		t.Error("no outline (bookmarks)")
	}
	info := tool(t, "pdfinfo", path)
	for _, want := range []string{"Title:           " + d.Meta.Title, "Author:          " + d.Meta.Author, "Page size:       595.28 x 841.89 pts (A4)"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	pages, _ := strconv.Atoi(regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)[1])

	// Bookmarks point at the pages where the headings are printed.
	xml := tool(t, "pdftohtml", "-xml", "-i", "-stdout", "-q", path)
	items := regexp.MustCompile(`<item page="(\d+)">([^<]*)</item>`).FindAllStringSubmatch(xml, -1)
	if len(items) < len(d.Chapters) {
		t.Fatalf("%d bookmarks for %d chapters", len(items), len(d.Chapters))
	}
	pageText := func(n int) string {
		return tool(t, "pdftotext", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-layout", path, "-")
	}
	for _, it := range items[2:] {
		n, _ := strconv.Atoi(it[1])
		title := strings.NewReplacer("&quot;", "\"", "&amp;", "&").Replace(it[2])
		if !strings.Contains(collapse(pageText(n)), collapse(title)) {
			t.Errorf("bookmark %q points at page %d, which does not print it", title, n)
		}
	}

	// The table of contents gives the same pages as the bookmarks.
	toc := collapse(pageText(2))
	for _, c := range d.Chapters {
		re := regexp.MustCompile(regexp.QuoteMeta(collapse(c.Heading())) + ` (\d+)`)
		m := re.FindStringSubmatch(toc)
		if m == nil {
			t.Errorf("TOC lacks %q", c.Heading())
			continue
		}
		n, _ := strconv.Atoi(m[1])
		if n < 3 || n > pages || !strings.Contains(collapse(pageText(n)), collapse(c.Heading())) {
			t.Errorf("TOC says %q is on page %s, but it is not", c.Heading(), m[1])
		}
	}

	// A table broken across pages repeats its header.
	found := 0
	for n := 3; n <= pages; n++ {
		pt := collapse(pageText(n))
		for _, tab := range d.Tables() {
			cont := collapse(tab.Label() + " (cd.)")
			if !strings.Contains(pt, cont) {
				continue
			}
			found++
			after := pt[strings.Index(pt, cont):]
			if h := collapse(tab.Header[0][1].Text); !strings.Contains(after, h) {
				t.Errorf("page %d continues %q without its header row (%q)", n, tab.Label(), h)
			}
		}
	}
	if found == 0 {
		t.Error("no table continues on a next page: the fixture no longer tests header repetition")
	}
}

func collapse(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// A chart image given by ID is embedded; absent ones get a placeholder.
func TestChartsAndPlaceholder(t *testing.T) {
	d, err := report.Build(reporttest.Input())
	if err != nil {
		t.Fatal(err)
	}
	png := tinyPNG()
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := pdf.Write(path, d, map[string][]byte{"wykres-asysta": png}); err != nil {
		t.Fatal(err)
	}
	txt := tool(t, "pdftotext", path, "-")
	if n := strings.Count(txt, "[wykres nie został dołączony"); n != 4 {
		t.Errorf("%d placeholders, want 4 (5 charts, 1 image given)", n)
	}
	imgs := tool(t, "pdfimages", "-list", path)
	if strings.Count(imgs, "\n") < 3 {
		t.Errorf("no embedded image:\n%s", imgs)
	}
}

func TestNilDoc(t *testing.T) {
	dir := t.TempDir()
	if err := pdf.Write(filepath.Join(dir, "x.pdf"), nil, nil); err == nil {
		t.Error("nil document accepted")
	}
	if es, _ := os.ReadDir(dir); len(es) != 0 {
		t.Errorf("a failed render left files: %v", es)
	}
}
