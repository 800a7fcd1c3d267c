package samplegen

import "math"

// date is a calendar date as days since 1970-01-01. Integer arithmetic only,
// so that generation is identical on every platform.
type date int32

// noDate is a NULL date (an open end).
const noDate date = math.MinInt32

// mkDate builds a date from year, month (1–12) and day (days_from_civil).
func mkDate(y, m, d int) date {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mm := m + 9
	if m > 2 {
		mm = m - 3
	}
	doy := (153*mm+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return date(era*146097 + doe - 719468)
}

// civil splits a date into year, month, day (civil_from_days).
func (d date) civil() (y, m, dd int) {
	z := int(d) + 719468
	era := z
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, dd
}

func (d date) year() int { y, _, _ := d.civil(); return y }

// String gives YYYY-MM-DD, or "" for noDate (NULL in the CSV).
func (d date) String() string {
	if d == noDate {
		return ""
	}
	y, m, dd := d.civil()
	b := [10]byte{
		byte('0' + y/1000%10), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + dd/10), byte('0' + dd%10),
	}
	return string(b[:])
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// addYears moves a date by whole years; 29 February becomes 28 February.
func (d date) addYears(n int) date {
	y, m, dd := d.civil()
	y += n
	if m == 2 && dd == 29 && !isLeap(y) {
		dd = 28
	}
	return mkDate(y, m, dd)
}

// turns18 is the day a person born on d turns 18 (DATA-CONTRACT.md §2).
func (d date) turns18() date { return d.addYears(18) }

// addMonths gives the year and month n months after month m of year y.
func addMonths(y, m, n int) (int, int) {
	t := y*12 + (m - 1) + n
	return t / 12, t%12 + 1
}

// monthIndex counts months: y*12+m-1.
func monthIndex(d date) int { y, m, _ := d.civil(); return y*12 + m - 1 }

// isChildOn tells whether a person born on b is a child (born, not yet 18) on day d.
func isChildOn(b, d date) bool { return b <= d && d < b.turns18() }

func minDate(a, b date) date {
	if a < b {
		return a
	}
	return b
}

func maxDate(a, b date) date {
	if a > b {
		return a
	}
	return b
}

// parseDate reads a planted YYYY-MM-DD literal; it panics on a typo in the
// generator's own tables (never on user input).
func parseDate(s string) date {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		panic("samplegen: bad date literal " + s)
	}
	n := func(a string) int {
		v := 0
		for _, c := range a {
			v = v*10 + int(c-'0')
		}
		return v
	}
	return mkDate(n(s[0:4]), n(s[5:7]), n(s[8:10]))
}
