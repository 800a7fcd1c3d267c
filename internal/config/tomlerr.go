package config

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// The TOML library reports its errors in English; a clerk edits this file, so
// every message is translated here. The table covers the lexer's and parser's
// messages of BurntSushi/toml v1; anything else gets a general Polish sentence
// (never the English text).
var tomlSyntax = []struct {
	re  *regexp.Regexp
	msg string // $1 is the first group, already quoted in Polish style
}{
	{regexp.MustCompile(`^expected '\.' or '\]' to end table name, but got (.*) instead`), "oczekiwano „]” zamykającego nazwę sekcji, a jest $1"},
	{regexp.MustCompile(`^expected end of table array name delimiter '\]', but got (.*) instead`), "oczekiwano „]]” zamykającego nazwę sekcji [[…]], a jest $1"},
	{regexp.MustCompile(`^unexpected end of table name|^unexpected table separator`), "nazwa sekcji w [ ] nie może być pusta"},
	{regexp.MustCompile(`^expected '\.' or '=', but got (.*) instead`), "po nazwie klucza oczekiwano znaku „=”, a jest $1 (tekst ujmij w cudzysłów \"…\")"},
	{regexp.MustCompile(`^expected value but found (.*) instead`), "oczekiwano wartości: tekstu w cudzysłowie \"…\", liczby, true/false albo listy [ … ], a jest $1"},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.*) instead`), "po wartości oczekiwano końca wiersza albo komentarza (#), a jest $1"},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator \('\]'\), but got (.*)`), "w liście [ … ] oczekiwano przecinka albo „]”, a jest $1"},
	{regexp.MustCompile(`^expected a comma or an inline table terminator '\}', but got (.*) instead`), "w { … } oczekiwano przecinka albo „}”, a jest $1"},
	{regexp.MustCompile(`^unexpected EOF; expected ('|"|'''|""")`), "tekst nie ma zamykającego cudzysłowu $1"},
	{regexp.MustCompile(`^unexpected EOF`), "plik kończy się w połowie wpisu (brak wartości, cudzysłowu albo nawiasu)"},
	{regexp.MustCompile(`^unexpected '=': key name appears blank|^unexpected '='`), "brak nazwy klucza przed „=”"},
	{regexp.MustCompile(`^unexpected '\.'`), "nieoczekiwana kropka w nazwie klucza"},
	{regexp.MustCompile(`^unexpected comma`), "nieoczekiwany przecinek"},
	{regexp.MustCompile(`^Key '(.*)' has already been defined`), "klucz $1 podano drugi raz"},
	{regexp.MustCompile(`^Key '(.*)' was already created`), "klucz $1 jest już zdefiniowany w innej postaci (sekcja [ ] i [[ ]] o tej samej nazwie?)"},
	{regexp.MustCompile(`^"(.*)" is not a table`), "$1 nie jest sekcją"},
	{regexp.MustCompile(`^(?:invalid escape|Escaped character|expected (?:two|four|eight) hexadecimal)`), "nieprawidłowy znak po „\\” w tekście; w ścieżkach Windows pisz / zamiast \\ albo ujmij tekst w apostrofy '…'"},
	{regexp.MustCompile(`^strings cannot contain newlines`), "tekst w cudzysłowie \"…\" musi się skończyć w tym samym wierszu (tekst wielowierszowy ujmij w \"\"\" … \"\"\")"},
	{regexp.MustCompile(`^newlines not allowed within inline tables`), "wpis { … } musi się zmieścić w jednym wierszu"},
	{regexp.MustCompile(`^control characters are not allowed`), "niedozwolony znak sterujący (np. tabulator w tekście w cudzysłowie)"},
	{regexp.MustCompile(`^invalid UTF-8|^files cannot contain NULL bytes`), "plik nie jest zapisany w UTF-8 (zapisz go w edytorze z kodowaniem UTF-8)"},
	{regexp.MustCompile(`(?i)^invalid (?:integer|float)|^expected a digit|^floats must start|^not an? (?:binary|hexadecimal|octal) number|^cannot use sign`), "nieprawidłowa liczba (liczby piszemy cyframi, bez spacji; ułamki z kropką, np. 12.5)"},
	{regexp.MustCompile(`out of range|safe float`), "liczba jest za duża"},
	{regexp.MustCompile(`(?i)datetime|date`), "nieprawidłowa data (oczekiwano RRRR-MM-DD; datę w tekście ujmij w cudzysłów)"},
}

// tomlSyntaxMsg translates a syntax error of the TOML library.
func tomlSyntaxMsg(pe toml.ParseError) string {
	msg := pe.Message
	if msg == "" {
		msg = pe.Error()
	}
	for _, t := range tomlSyntax {
		if m := t.re.FindStringSubmatch(msg); m != nil {
			out := t.msg
			if len(m) > 1 {
				out = strings.ReplaceAll(out, "$1", plQuote(m[1]))
			}
			return out
		}
	}
	return "nieprawidłowy zapis (sprawdź cudzysłowy, nawiasy [ ] i znak = w tym wierszu)"
}

// plQuote turns the library's Go-quoted token ('\n', "x", EOF) into Polish words.
func plQuote(s string) string {
	s = strings.TrimSpace(s)
	switch s {
	case `'\n'`, `"\n"`, `'\r'`, `"\r"`:
		return "koniec wiersza"
	case "EOF", "end of file":
		return "koniec pliku"
	}
	if len(s) >= 2 && (s[0] == '\'' || s[0] == '"') && s[len(s)-1] == s[0] {
		s = s[1 : len(s)-1]
	}
	return "„" + s + "”"
}

// decodeErrRe matches the library's decoding (type) errors, which are plain
// errors: `toml: line 39 (last key "ustawienia.limit"): incompatible types:
// TOML value has type string; destination has type integer`.
var decodeErrRe = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)

// tomlTypes names a Go or TOML type in Polish: what was expected (genitive)
// and what was given (accusative).
var tomlTypes = []struct{ name, expected, given string }{
	{"string", "tekstu w cudzysłowie", "tekst"},
	{"integer", "liczby całkowitej", "liczbę całkowitą"},
	{"int", "liczby całkowitej", "liczbę całkowitą"},
	{"float", "liczby", "liczbę"},
	{"bool", "wartości true albo false", "wartość true/false"},
	{"array", "listy [ … ]", "listę [ … ]"},
	{"slice", "listy [ … ]", "listę [ … ]"},
	{"table", "sekcji", "sekcję"},
	{"map", "sekcji", "sekcję"},
	{"struct", "sekcji", "sekcję"},
	{"datetime", "daty", "datę"},
	{"time", "daty", "datę"},
}

// typeName puts a Go or TOML type name in Polish (expected: genitive).
func typeName(s string, expected bool) string {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, t := range tomlTypes {
		if strings.Contains(s, t.name) {
			if expected {
				return t.expected
			}
			return t.given
		}
	}
	if expected {
		return "innej wartości"
	}
	return "inną wartość"
}

var incompatibleRe = regexp.MustCompile(`TOML value has type (\S+); destination has type (.+)$`)
var mismatchRe = regexp.MustCompile(`expected (\S+) but found (\S+)`)

// decodeError translates a decoding error into the line and a Polish message
// naming the key ("[ustawienia] limit_rodzin_asystenta") and what was expected.
func decodeError(err error) (line int, msg string) {
	m := decodeErrRe.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, "nieprawidłowa wartość w pliku konfiguracji"
	}
	line, _ = strconv.Atoi(m[1]) // "" (no line) gives 0
	key := keyName(m[2])
	switch detail := m[3]; {
	case incompatibleRe.MatchString(detail):
		t := incompatibleRe.FindStringSubmatch(detail)
		return line, key + ": oczekiwano " + typeName(t[2], true) + ", podano " + typeName(t[1], false)
	case mismatchRe.MatchString(detail):
		t := mismatchRe.FindStringSubmatch(detail)
		return line, key + ": oczekiwano " + typeName(t[1], true) + ", podano " + typeName(t[2], false)
	case strings.Contains(detail, "out of range"):
		return line, key + ": liczba jest za duża"
	}
	return line, key + ": nieprawidłowa wartość"
}

// keyName writes a dotted key as the clerk sees it in the file:
// "ustawienia.limit_rodzin_asystenta" → "[ustawienia] limit_rodzin_asystenta".
func keyName(k string) string {
	i := strings.LastIndex(k, ".")
	if i < 0 {
		return k
	}
	return "[" + k[:i] + "] " + k[i+1:]
}

// tomlLine is the line of a syntax error as the clerk sees it: when the
// library stopped on the end of a line, it already counts the next one.
func tomlLine(pe toml.ParseError) int {
	line := pe.Position.Line
	if line > 1 && strings.HasSuffix(strings.TrimSpace(pe.Message), `got '\n' instead`) {
		line--
	}
	return line
}
