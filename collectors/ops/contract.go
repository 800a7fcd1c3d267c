package ops

import "strings"

// The tables of DATA-CONTRACT.md §1, as data: the DDL of the reference schema,
// the CSV loader and the database checks are all derived from this one list.

// ColType is the contract type of a column.
type ColType int

const (
	Text ColType = iota
	Date
	Bool
	Int     // whole number (grosze, counts, places)
	Decimal // fte
)

// Column of a contract table.
type Column struct {
	Name string
	Type ColType
	Null bool     // NULL allowed (the contract's "?")
	Enum []string // allowed values, when the contract lists them
	Ref  string   // "table.column" the value must exist in
	// NonNeg: the value must not be negative (amounts, places, participants).
	NonNeg bool
}

// DatePair is an end date that must not be before its start date.
type DatePair struct{ Start, End string }

// Table of the contract.
type Table struct {
	Name  string
	Cols  []Column
	Key   string // primary-key column ("" when the table has none)
	Pairs []DatePair
	// IffNull: columns that must be both NULL or both set (end_reason iff ended_on).
	IffNull [][2]string
	// FirstOfMonth: date columns that must be the first day of a month.
	FirstOfMonth []string
}

var (
	employment  = []string{"task_time_contract", "service_contract", "other"}
	endReasons  = []string{"goals_achieved", "family_withdrew", "no_effect", "other"}
	centreForms = []string{"care", "specialist", "street", "mixed"}
	runBy       = []string{"gmina", "commissioned"}
	fosterForms = []string{"kinship_family", "non_professional_family", "professional_family", "family_home", "care_institution", "therapeutic_institution", "pre_adoption_centre"}
	shares      = []string{"10", "30", "50"}
	categories  = []string{"family_benefit", "social_assistance", "alimony_fund", "other"}
	tasks       = []string{"assistant", "assistant_training", "day_centre", "supporting_family", "foster_care", "other"}
	sources     = []string{"gmina", "state_budget", "eu", "other"}
	paidBy      = []string{"ops", "free", "other"}
	filedBy     = []string{"police", "ops", "education", "health", "gkrpa", "other"}
)

// Tables lists the contract tables in load order: every table comes after the
// tables it refers to.
var Tables = []Table{
	{Name: "families", Key: "id", Cols: []Column{
		{Name: "id", Type: Text},
		{Name: "locality", Type: Text, Null: true, Enum: []string{"urban", "rural"}},
		{Name: "single_parent", Type: Bool, Null: true},
	}},
	{Name: "persons", Key: "id", Cols: []Column{
		{Name: "id", Type: Text},
		{Name: "family_id", Type: Text, Ref: "families.id"},
		{Name: "birth_date", Type: Date},
		{Name: "role", Type: Text, Enum: []string{"parent", "child", "other"}},
	}},
	{Name: "assistants", Key: "id", Pairs: []DatePair{{"employed_from", "employed_to"}}, Cols: []Column{
		{Name: "id", Type: Text},
		{Name: "employment", Type: Text, Enum: employment},
		{Name: "fte", Type: Decimal, Null: true, NonNeg: true},
		{Name: "employed_from", Type: Date},
		{Name: "employed_to", Type: Date, Null: true},
	}},
	{Name: "assistant_cases", Key: "id", Pairs: []DatePair{{"started_on", "ended_on"}}, IffNull: [][2]string{{"end_reason", "ended_on"}}, Cols: []Column{
		{Name: "id", Type: Text},
		{Name: "family_id", Type: Text, Ref: "families.id"},
		{Name: "assistant_id", Type: Text, Ref: "assistants.id"},
		{Name: "started_on", Type: Date},
		{Name: "ended_on", Type: Date, Null: true},
		{Name: "end_reason", Type: Text, Null: true, Enum: endReasons},
		{Name: "court_ordered", Type: Bool},
		{Name: "za_zyciem", Type: Bool},
	}},
	{Name: "day_centres", Key: "id", Pairs: []DatePair{{"opened_on", "closed_on"}}, Cols: []Column{
		{Name: "id", Type: Text},
		{Name: "name", Type: Text},
		{Name: "form", Type: Text, Enum: centreForms},
		{Name: "run_by", Type: Text, Enum: runBy},
		{Name: "places", Type: Int, NonNeg: true},
		{Name: "opened_on", Type: Date},
		{Name: "closed_on", Type: Date, Null: true},
	}},
	{Name: "day_centre_attendance", Pairs: []DatePair{{"from_date", "to_date"}}, Cols: []Column{
		{Name: "centre_id", Type: Text, Ref: "day_centres.id"},
		{Name: "person_id", Type: Text, Ref: "persons.id"},
		{Name: "from_date", Type: Date},
		{Name: "to_date", Type: Date, Null: true},
	}},
	{Name: "supporting_families", Key: "id", Pairs: []DatePair{{"agreement_from", "agreement_to"}}, Cols: []Column{
		{Name: "id", Type: Text},
		{Name: "agreement_from", Type: Date},
		{Name: "agreement_to", Type: Date, Null: true},
	}},
	{Name: "supporting_family_cases", Pairs: []DatePair{{"from_date", "to_date"}}, Cols: []Column{
		{Name: "supporting_family_id", Type: Text, Ref: "supporting_families.id"},
		{Name: "family_id", Type: Text, Ref: "families.id"},
		{Name: "from_date", Type: Date},
		{Name: "to_date", Type: Date, Null: true},
	}},
	{Name: "foster_children", Key: "person_id", Cols: []Column{
		{Name: "person_id", Type: Text, Ref: "persons.id"},
		{Name: "first_placed_on", Type: Date},
	}},
	{Name: "foster_placements", Pairs: []DatePair{{"from_date", "to_date"}}, Cols: []Column{
		{Name: "person_id", Type: Text, Ref: "persons.id"},
		{Name: "form", Type: Text, Enum: fosterForms},
		{Name: "from_date", Type: Date},
		{Name: "to_date", Type: Date, Null: true},
	}},
	{Name: "foster_charges", Key: "id", FirstOfMonth: []string{"service_month"}, Cols: []Column{
		{Name: "id", Type: Text},
		{Name: "person_id", Type: Text, Ref: "persons.id"},
		{Name: "service_month", Type: Date},
		{Name: "share_pct", Type: Int, Enum: shares},
		{Name: "amount_gr", Type: Int, NonNeg: true},
		{Name: "paid_on", Type: Date},
	}},
	{Name: "benefit_kinds", Key: "code", Cols: []Column{
		{Name: "code", Type: Text},
		{Name: "label", Type: Text},
		{Name: "category", Type: Text, Enum: categories},
		{Name: "sort_order", Type: Int},
	}},
	{Name: "benefits", Key: "id", Cols: []Column{
		{Name: "id", Type: Text},
		{Name: "kind", Type: Text, Ref: "benefit_kinds.code"},
		{Name: "family_id", Type: Text, Null: true, Ref: "families.id"},
		{Name: "paid_on", Type: Date},
		{Name: "amount_gr", Type: Int, NonNeg: true},
	}},
	{Name: "social_work", Pairs: []DatePair{{"from_date", "to_date"}}, Cols: []Column{
		{Name: "family_id", Type: Text, Ref: "families.id"},
		{Name: "from_date", Type: Date},
		{Name: "to_date", Type: Date, Null: true},
	}},
	{Name: "expenditures", Key: "id", Cols: []Column{
		{Name: "id", Type: Text},
		{Name: "task", Type: Text, Enum: tasks},
		{Name: "source", Type: Text, Enum: sources},
		{Name: "spent_on", Type: Date},
		{Name: "amount_gr", Type: Int, NonNeg: true},
		{Name: "note", Type: Text, Null: true},
	}},
	{Name: "trainings", Key: "id", Cols: []Column{
		{Name: "id", Type: Text},
		{Name: "assistant_id", Type: Text, Null: true, Ref: "assistants.id"},
		{Name: "title", Type: Text},
		{Name: "organiser", Type: Text},
		{Name: "held_on", Type: Date},
		{Name: "cost_gr", Type: Int, Null: true, NonNeg: true},
		{Name: "paid_by", Type: Text, Enum: paidBy},
	}},
	{Name: "activities", Key: "id", Cols: []Column{
		{Name: "id", Type: Text},
		{Name: "kind", Type: Text},
		{Name: "held_on", Type: Date},
		{Name: "participants", Type: Int, Null: true, NonNeg: true},
		{Name: "title", Type: Text},
	}},
	{Name: "blue_card_procedures", Key: "id", Pairs: []DatePair{{"opened_on", "closed_on"}}, Cols: []Column{
		{Name: "id", Type: Text},
		{Name: "family_id", Type: Text, Ref: "families.id"},
		{Name: "opened_on", Type: Date},
		{Name: "closed_on", Type: Date, Null: true},
		{Name: "children_involved", Type: Bool},
	}},
	{Name: "blue_card_forms", Cols: []Column{
		{Name: "procedure_id", Type: Text, Ref: "blue_card_procedures.id"},
		{Name: "filed_on", Type: Date},
		{Name: "filed_by", Type: Text, Enum: filedBy},
	}},
}

// TableByName finds a contract table.
func TableByName(name string) (Table, bool) {
	for _, t := range Tables {
		if t.Name == name {
			return t, true
		}
	}
	return Table{}, false
}

// enumSQL is the column's allowed values as an SQL list: 'a', 'b' (10, 30 for
// a whole-number column).
func (c Column) enumSQL() string {
	vals := make([]string, len(c.Enum))
	for i, v := range c.Enum {
		if c.Type == Int {
			vals[i] = v
		} else {
			vals[i] = "'" + v + "'"
		}
	}
	return strings.Join(vals, ", ")
}

func (t Table) col(name string) (Column, int) {
	for i, c := range t.Cols {
		if c.Name == name {
			return c, i
		}
	}
	return Column{}, -1
}
