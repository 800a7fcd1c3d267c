package report

// BuildWith builds with every indicator value replaced by override (tests).
var BuildWith = build
