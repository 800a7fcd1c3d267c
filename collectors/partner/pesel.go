package partner

// peselWeights are the weights of the PESEL checksum.
var peselWeights = [10]int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3}

// validPESEL tells whether d (11 ASCII digits) has a valid PESEL checksum.
// The birth date is deliberately not checked: a false alarm only makes the
// partner resend the file, a missed PESEL would leak personal data.
func validPESEL(d string) bool {
	if len(d) != 11 {
		return false
	}
	sum := 0
	for i := 0; i < 10; i++ {
		c := d[i]
		if c < '0' || c > '9' {
			return false
		}
		sum += int(c-'0') * peselWeights[i]
	}
	if d[10] < '0' || d[10] > '9' {
		return false
	}
	return (10-sum%10)%10 == int(d[10]-'0')
}

// peselLines returns the 1-based lines of text holding a run of exactly 11
// digits (not part of a longer run of digits) with a valid PESEL checksum.
// Each line is listed once. The numbers themselves are never returned.
func peselLines(text string) []int {
	var lines []int
	line, last := 1, 0
	for i := 0; i < len(text); {
		c := text[i]
		if c == '\n' {
			line++
			i++
			continue
		}
		if c < '0' || c > '9' {
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j-i == 11 && validPESEL(text[i:j]) && line != last {
			lines = append(lines, line)
			last = line
		}
		i = j
	}
	return lines
}

// HasPESEL tells whether s holds a run of exactly 11 digits with a valid
// PESEL checksum (see peselLines), never saying which.
func HasPESEL(s string) bool { return len(peselLines(s)) > 0 }
