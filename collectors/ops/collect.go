package ops

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/gpwr/gpwr/internal/config"
	"github.com/gpwr/gpwr/model"
)

// Options of a collection.
type Options struct {
	// Limit is the most families an assistant may have at once (default 15).
	Limit int
	// Custom are the programme's own indicators defined by a read-only SQL query
	// returning one number, with :od and :do as the period's bounds.
	Custom []config.Wskaznik
	// Now stamps the provenance (default time.Now).
	Now time.Time
}

// Snapshot is the one read-only transaction of a run, with a consistent
// snapshot (DATA-CONTRACT.md §1): every period collected through it — the year
// of a report and the earlier years beside it — sees the records as they were
// at one moment. Close it when the run has read what it needs.
type Snapshot struct {
	db  *DB
	tx  *sqlx.Tx
	ctx context.Context
	sum string // SHA-256 of the SQLite file, computed by the first Collect
}

// Snapshot starts the run's read-only transaction.
func (db *DB) Snapshot(ctx context.Context) (*Snapshot, error) {
	tx, err := db.ReadTx(ctx)
	if err != nil {
		return nil, err
	}
	return &Snapshot{db: db, tx: tx, ctx: ctx}, nil
}

// Close ends the transaction (nothing was written).
func (s *Snapshot) Close() { s.tx.Rollback() }

// Collect computes the indicators of one period in a snapshot of its own; see
// Snapshot.Collect.
func (db *DB) Collect(ctx context.Context, p model.Period, opt Options) (*model.Set, error) {
	s, err := db.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return s.Collect(p, opt)
}

// Collect computes every built-in indicator of DATA-CONTRACT.md §2 for the
// period, and the programme's own SQL indicators.
func (s *Snapshot) Collect(p model.Period, opt Options) (*model.Set, error) {
	if opt.Limit <= 0 {
		opt.Limit = 15
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	c := s.collector(p, opt.Limit)
	c.set = &model.Set{Period: p}
	steps := []func() error{
		c.assistants, c.assistance, c.assistanceChildren, c.endings, c.caseload,
		c.dayCentres, c.supportingFamilies, c.foster, c.fosterShares, c.benefits,
		c.socialWork, c.expenditures, c.trainings, c.activities, c.blueCards, c.clients,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, c.wrap(err)
		}
	}
	if len(opt.Custom) > 0 {
		if err := c.custom(opt.Custom); err != nil {
			return nil, err
		}
	}
	if s.db.path != "" && s.sum == "" {
		s.sum, _ = fileSHA256(s.db.path)
	}
	c.set.Sources = append(c.set.Sources, model.Source{Name: model.SourceOPS, Kind: string(s.db.Engine), Where: s.db.Where,
		ReadAt: opt.Now.UTC().Truncate(time.Second), SHA256: s.sum})
	c.set.Sort()
	return c.set, nil
}

// collector computes the indicators of one period in a snapshot.
type collector struct {
	db    *DB
	tx    *sqlx.Tx
	ctx   context.Context
	p     model.Period
	set   *model.Set
	args  map[string]any
	limit int
}

func (s *Snapshot) collector(p model.Period, limit int) *collector {
	return &collector{db: s.db, tx: s.tx, ctx: s.ctx, p: p, limit: limit,
		args: map[string]any{"from": p.From.String(), "to": p.To.String(), "limit": limit}}
}

func (c *collector) wrap(err error) error {
	if ctxErr := c.ctx.Err(); ctxErr != nil {
		return errors.New(dbErr(ctxErr)) // Ctrl-C or a deadline, said in Polish
	}
	return fmt.Errorf("odczyt wskaźników z bazy %s nie powiódł się: %s", c.db.Where, dbErr(err))
}

// query runs a template with the period's parameters.
func (c *collector) query(tpl string) (*sqlx.Rows, error) {
	q, args, err := sqlx.Named(c.db.sql(tpl), c.args)
	if err != nil {
		return nil, err
	}
	q = c.tx.Rebind(q)
	if traceQuery != nil {
		traceQuery(q, args)
	}
	return c.tx.QueryxContext(c.ctx, q, args...)
}

// traceQuery, when set (by the benchmark), sees every indicator query.
var traceQuery func(q string, args []any)

// row scans the single row of a query.
func (c *collector) row(tpl string, dest ...any) error {
	rows, err := c.query(tpl)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	return rows.Close()
}

// each calls fn for every row.
func (c *collector) each(tpl string, fn func(*sqlx.Rows) error) error {
	rows, err := c.query(tpl)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// counts runs a query of (key, count) rows and returns the counts by key.
func (c *collector) counts(tpl string) (map[string]int64, error) {
	got := map[string]int64{}
	err := c.each(tpl, func(r *sqlx.Rows) error {
		var k string
		var n int64
		if err := r.Scan(&k, &n); err != nil {
			return err
		}
		got[k] = n
		return nil
	})
	return got, err
}

// put records a built-in indicator with the label and unit of Defs.
func (c *collector) put(code string, v int64) {
	d, ok := Defs[code]
	if !ok {
		panic("no definition for " + code) // programming error
	}
	c.putDef(code, d, model.Int(v))
}

// putDef records an indicator of the period; v nil is brak danych.
func (c *collector) putDef(code string, d Def, v *int64) {
	c.set.Add(model.Indicator{Code: code, Label: d.Label, Unit: d.Unit, Value: v,
		From: c.p.From, To: c.p.To, Source: model.SourceOPS})
}

func (c *collector) find(sev model.Severity, check, place, msg string) {
	c.set.Findings = append(c.set.Findings, model.Finding{Severity: sev, Check: check, Place: place, Message: msg})
}

// splits records a total and one indicator per enum value (0 included).
func (c *collector) splits(prefix string, values []string, codeOf map[string]string, got map[string]int64) {
	var total int64
	for _, v := range values {
		code := v
		if codeOf != nil {
			code = codeOf[v]
		}
		c.put(prefix+"."+code, got[v])
		total += got[v]
	}
	c.put(prefix, total)
}

func (c *collector) assistants() error {
	got, err := c.counts(`SELECT employment, COUNT(*) FROM {assistants}
		WHERE ` + activeOnTo("employed_from", "employed_to") + ` GROUP BY employment`)
	if err != nil {
		return err
	}
	c.splits("asystenci.liczba", employment, employmentCode, got)
	return nil
}

func (c *collector) assistance() error {
	var all, court, zz, end int64
	err := c.row(`SELECT COUNT(DISTINCT family_id),
			COUNT(DISTINCT CASE WHEN court_ordered THEN family_id END),
			COUNT(DISTINCT CASE WHEN za_zyciem THEN family_id END),
			COUNT(DISTINCT CASE WHEN `+activeOnTo("started_on", "ended_on")+` THEN family_id END)
		FROM {assistant_cases} WHERE `+active("started_on", "ended_on"), &all, &court, &zz, &end)
	if err != nil {
		return err
	}
	c.put("asysta.rodziny", all)
	c.put("asysta.rodziny_sad", court)
	c.put("asysta.rodziny_za_zyciem", zz)
	c.put("asysta.rodziny_koniec_okresu", end)
	return nil
}

// assistanceChildren: persons of the assisted families who were children on the
// first day in P on which their family's case was active.
func (c *collector) assistanceChildren() error {
	var n int64
	err := c.row(`WITH f AS (
			SELECT family_id, MIN(CASE WHEN started_on < {from} THEN {from} ELSE started_on END) AS d
			FROM {assistant_cases} WHERE `+active("started_on", "ended_on")+`
			GROUP BY family_id)
		SELECT COUNT(DISTINCT p.id) FROM f JOIN {persons} p ON p.family_id = f.family_id
		WHERE p.birth_date <= f.d AND {plus18:p.birth_date} > f.d`, &n)
	if err != nil {
		return err
	}
	c.put("asysta.dzieci", n)
	return nil
}

func (c *collector) endings() error {
	got, err := c.counts(`SELECT end_reason, COUNT(DISTINCT family_id) FROM {assistant_cases}
		WHERE ` + within("ended_on") + ` GROUP BY end_reason`)
	if err != nil {
		return err
	}
	var total int64
	if err := c.row(`SELECT COUNT(DISTINCT family_id) FROM {assistant_cases} WHERE `+within("ended_on"), &total); err != nil {
		return err
	}
	for _, v := range endReasons {
		c.put("asysta.zakonczone."+endReasonCode[v], got[v])
	}
	c.put("asysta.zakonczone", total) // a family may end two cases for two reasons
	return nil
}

// caseload finds the days on which an assistant had more active cases than the
// limit, with a finding per run of consecutive such days.
func (c *collector) caseload() error {
	type over struct {
		assistant, day string
		n              int64
	}
	var rows []over
	err := c.each(`WITH RECURSIVE days(d) AS (
			SELECT {from} UNION ALL SELECT {next:d} FROM days WHERE d < {to})
		SELECT c.assistant_id, {text:days.d}, COUNT(*) FROM days
		JOIN {assistant_cases} c ON c.started_on <= days.d AND (c.ended_on IS NULL OR c.ended_on >= days.d)
		WHERE `+active("c.started_on", "c.ended_on")+`
		GROUP BY c.assistant_id, days.d HAVING COUNT(*) > :limit
		ORDER BY 1, 2`, func(r *sqlx.Rows) error {
		var o over
		if err := r.Scan(&o.assistant, &o.day, &o.n); err != nil {
			return err
		}
		rows = append(rows, o)
		return nil
	})
	if err != nil {
		return err
	}
	days := map[string]bool{}
	for i := 0; i < len(rows); {
		j, peak := i, rows[i].n
		for j+1 < len(rows) && rows[j+1].assistant == rows[i].assistant && nextDay(rows[j].day) == rows[j+1].day {
			j++
			if rows[j].n > peak {
				peak = rows[j].n
			}
		}
		for k := i; k <= j; k++ {
			days[rows[k].day] = true
		}
		span := "w dniu " + rows[i].day
		if j > i {
			span = fmt.Sprintf("od %s do %s (%d dni)", rows[i].day, rows[j].day, j-i+1)
		}
		c.find(model.Warning, "asysta.limit", "asystent "+rows[i].assistant,
			fmt.Sprintf("%s prowadził więcej rodzin, niż dopuszcza limit %d (liczba rodzin na początku: %d, najwyższa: %d)",
				span, c.limit, rows[i].n, peak))
		i = j + 1
	}
	c.put("asysta.limit_przekroczony", int64(len(days)))
	return nil
}

func nextDay(s string) string {
	d, err := model.ParseDate(s)
	if err != nil {
		return ""
	}
	return d.AddDays(1).String()
}

func (c *collector) dayCentres() error {
	count, places := map[string]int64{}, map[string]int64{}
	err := c.each(`SELECT name, form, run_by, places FROM {day_centres}
		WHERE `+activeOnTo("opened_on", "closed_on")+` ORDER BY name, id`, func(r *sqlx.Rows) error {
		var dc model.DayCentre
		if err := r.Scan(&dc.Name, &dc.Form, &dc.RunBy, &dc.Places); err != nil {
			return err
		}
		count[dc.Form]++
		places[dc.Form] += dc.Places
		c.set.Lists.DayCentres = append(c.set.Lists.DayCentres, dc)
		return nil
	})
	if err != nil {
		return err
	}
	c.splits("placowki.liczba", centreForms, nil, count)
	c.splits("placowki.miejsca", centreForms, nil, places)
	var kids int64
	if err := c.row(`SELECT COUNT(DISTINCT person_id) FROM {day_centre_attendance} WHERE `+active("from_date", "to_date"), &kids); err != nil {
		return err
	}
	c.put("placowki.dzieci", kids)
	return nil
}

func (c *collector) supportingFamilies() error {
	var n, helped int64
	if err := c.row(`SELECT COUNT(*) FROM {supporting_families} WHERE `+activeOnTo("agreement_from", "agreement_to"), &n); err != nil {
		return err
	}
	if err := c.row(`SELECT COUNT(DISTINCT family_id) FROM {supporting_family_cases} WHERE `+active("from_date", "to_date"), &helped); err != nil {
		return err
	}
	c.put("rodziny_wspierajace.liczba", n)
	c.put("rodziny_wspierajace.rodziny_objete", helped)
	return nil
}

func (c *collector) foster() error {
	kids, cost := map[string]int64{}, map[string]int64{}
	err := c.each(`SELECT share_pct, COUNT(DISTINCT person_id), CAST(COALESCE(SUM(amount_gr), 0) AS BIGINT)
		FROM {foster_charges} WHERE `+within("paid_on")+` GROUP BY share_pct`, func(r *sqlx.Rows) error {
		var share, n, sum int64
		if err := r.Scan(&share, &n, &sum); err != nil {
			return err
		}
		k := strconv.FormatInt(share, 10)
		kids[k], cost[k] = n, sum
		return nil
	})
	if err != nil {
		return err
	}
	var all, total int64
	if err := c.row(`SELECT COUNT(DISTINCT person_id), CAST(COALESCE(SUM(amount_gr), 0) AS BIGINT)
		FROM {foster_charges} WHERE `+within("paid_on"), &all, &total); err != nil {
		return err
	}
	for _, s := range shares {
		c.put("piecza.dzieci."+s, kids[s])
		c.put("piecza.koszt."+s, cost[s])
	}
	c.put("piecza.dzieci", all) // a child whose share changed counts in each share, once here
	c.put("piecza.koszt", total)
	return nil
}

// fosterShares checks each charge paid in P against the share due for its
// service month: 10 % for the 12 months from the month of the first placement,
// 30 % for the next 12, 50 % afterwards.
func (c *collector) fosterShares() error {
	var n int64
	err := c.each(`SELECT ch.id, {text:ch.service_month}, ch.share_pct,
			CASE WHEN fc.person_id IS NULL THEN NULL ELSE {month:ch.service_month} - {month:fc.first_placed_on} END AS m
		FROM {foster_charges} ch LEFT JOIN {foster_children} fc ON fc.person_id = ch.person_id
		WHERE `+within("ch.paid_on")+`
		ORDER BY ch.service_month, ch.id`, func(r *sqlx.Rows) error {
		var id, month string
		var share int64
		var m sql.NullInt64
		if err := r.Scan(&id, &month, &share, &m); err != nil {
			return err
		}
		month = month[:7]
		place := "foster_charges, id " + id
		switch {
		case !m.Valid:
			n++
			c.find(model.Error, "piecza.udzial", place, fmt.Sprintf("obciążenie za %s: brak daty pierwszego umieszczenia dziecka (tabela foster_children), nie można sprawdzić udziału %d\u00a0%%", month, share))
		case m.Int64 < 0:
			n++
			c.find(model.Error, "piecza.udzial", place, fmt.Sprintf("obciążenie za %s dotyczy miesiąca sprzed pierwszego umieszczenia dziecka w pieczy", month))
		default:
			due := DueShare(int(m.Int64))
			if int64(due) != share {
				n++
				c.find(model.Warning, "piecza.udzial", place, fmt.Sprintf("obciążenie za %s naliczono według udziału %d\u00a0%%, a należny był udział %d\u00a0%% (%d. miesiąc od pierwszego umieszczenia dziecka)", month, share, due, m.Int64+1))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	c.put("piecza.udzial_niezgodny", n)
	return nil
}

// DueShare is the gmina's share (percent) for the month m months after the month
// of the child's first placement (m = 0 is that month).
func DueShare(m int) int {
	switch {
	case m < 12:
		return 10
	case m < 24:
		return 30
	}
	return 50
}

func (c *collector) benefits() error {
	type kindRow struct {
		model.BenefitKind
		n, sum int64
	}
	var kinds []kindRow
	err := c.each(`SELECT k.code, k.label, k.category, k.sort_order, COUNT(b.id), CAST(COALESCE(SUM(b.amount_gr), 0) AS BIGINT)
		FROM {benefit_kinds} k LEFT JOIN {benefits} b ON b.kind = k.code AND `+within("b.paid_on")+`
		GROUP BY k.code, k.label, k.category, k.sort_order`, func(r *sqlx.Rows) error {
		var k kindRow
		if err := r.Scan(&k.Code, &k.Label, &k.Category, &k.SortOrder, &k.n, &k.sum); err != nil {
			return err
		}
		kinds = append(kinds, k)
		return nil
	})
	if err != nil {
		return err
	}
	sort.Slice(kinds, func(i, j int) bool {
		if kinds[i].SortOrder != kinds[j].SortOrder {
			return kinds[i].SortOrder < kinds[j].SortOrder
		}
		return kinds[i].Code < kinds[j].Code
	})
	for _, k := range kinds {
		c.set.Lists.BenefitKinds = append(c.set.Lists.BenefitKinds, k.BenefitKind)
		count, amount := BenefitDefs(k.Label)
		c.putDef("swiadczenia."+k.Code+".liczba", count, model.Int(k.n))
		c.putDef("swiadczenia."+k.Code+".kwota", amount, model.Int(k.sum))
	}
	var fam int64
	if err := c.row(`SELECT COUNT(DISTINCT b.family_id) FROM {benefits} b JOIN {benefit_kinds} k ON k.code = b.kind
		WHERE k.category = 'social_assistance' AND `+within("b.paid_on"), &fam); err != nil {
		return err
	}
	c.put("swiadczenia.rodziny_pomoc_finansowa", fam)
	return nil
}

func (c *collector) socialWork() error {
	var fam, persons int64
	err := c.row(`WITH f AS (SELECT DISTINCT family_id FROM {social_work} WHERE `+active("from_date", "to_date")+`)
		SELECT (SELECT COUNT(*) FROM f), (SELECT COUNT(*) FROM {persons} p JOIN f ON f.family_id = p.family_id)`, &fam, &persons)
	if err != nil {
		return err
	}
	c.put("praca_socjalna.rodziny", fam)
	c.put("praca_socjalna.osoby", persons)
	return nil
}

func (c *collector) expenditures() error {
	got := map[string]int64{}
	err := c.each(`SELECT task, source, CAST(COALESCE(SUM(amount_gr), 0) AS BIGINT) FROM {expenditures}
		WHERE `+within("spent_on")+` GROUP BY task, source`, func(r *sqlx.Rows) error {
		var t, s string
		var sum int64
		if err := r.Scan(&t, &s, &sum); err != nil {
			return err
		}
		got[t+"."+s] = sum
		return nil
	})
	if err != nil {
		return err
	}
	for _, t := range tasks {
		var total int64
		for _, s := range sources {
			c.put("wydatki."+t+"."+s, got[t+"."+s])
			total += got[t+"."+s]
		}
		c.put("wydatki."+t, total)
	}
	return nil
}

func (c *collector) trainings() error {
	err := c.each(`SELECT title, organiser, {text:held_on}, cost_gr, paid_by FROM {trainings}
		WHERE `+within("held_on")+` ORDER BY held_on, title, id`, func(r *sqlx.Rows) error {
		var t model.Training
		var held string
		var cost sql.NullInt64
		if err := r.Scan(&t.Title, &t.Organiser, &held, &cost, &t.PaidBy); err != nil {
			return err
		}
		t.HeldOn, _ = model.ParseDate(held[:10])
		if cost.Valid {
			t.CostGr = model.Int(cost.Int64)
		}
		c.set.Lists.Trainings = append(c.set.Lists.Trainings, t)
		return nil
	})
	if err != nil {
		return err
	}
	c.put("szkolenia.liczba", int64(len(c.set.Lists.Trainings)))
	return nil
}

func (c *collector) activities() error {
	return c.each(`SELECT kind,
			COUNT(CASE WHEN `+within("held_on")+` THEN 1 END),
			COUNT(CASE WHEN `+within("held_on")+` THEN participants END),
			CAST(COALESCE(SUM(CASE WHEN `+within("held_on")+` THEN participants END), 0) AS BIGINT)
		FROM {activities} GROUP BY kind ORDER BY kind`, func(r *sqlx.Rows) error {
		var kind string
		var n, known, participants int64
		if err := r.Scan(&kind, &n, &known, &participants); err != nil {
			return err
		}
		c.set.Lists.ActivityKinds = append(c.set.Lists.ActivityKinds, kind)
		count, people := ActivityDefs(kind)
		c.putDef("dzialania."+kind+".liczba", count, model.Int(n))
		v := model.Int(participants)
		if n > 0 && known == 0 { // held, but nobody counted the participants: brak danych, not 0
			v = nil
		}
		c.putDef("dzialania."+kind+".uczestnicy", people, v)
		return nil
	})
}

func (c *collector) blueCards() error {
	got, err := c.counts(`SELECT filed_by, COUNT(*) FROM {blue_card_forms} WHERE ` + within("filed_on") + ` GROUP BY filed_by`)
	if err != nil {
		return err
	}
	c.splits("niebieskie_karty.formularze", filedBy, nil, got)
	var fam, withKids, closed int64
	if err := c.row(`SELECT COUNT(DISTINCT pr.family_id), COUNT(DISTINCT CASE WHEN pr.children_involved THEN pr.family_id END)
		FROM {blue_card_forms} f JOIN {blue_card_procedures} pr ON pr.id = f.procedure_id
		WHERE `+within("f.filed_on"), &fam, &withKids); err != nil {
		return err
	}
	if err := c.row(`SELECT COUNT(*) FROM {blue_card_procedures} WHERE `+within("closed_on"), &closed); err != nil {
		return err
	}
	c.put("niebieskie_karty.rodziny", fam)
	c.put("niebieskie_karty.rodziny_z_dziecmi", withKids)
	c.put("niebieskie_karty.procedury_zakonczone", closed)
	return nil
}

// clients: families with a social-assistance benefit or social work in P that
// had a child on P.to.
func (c *collector) clients() error {
	var all, single, large int64
	err := c.row(`WITH c AS (
			SELECT b.family_id FROM {benefits} b JOIN {benefit_kinds} k ON k.code = b.kind
			WHERE k.category = 'social_assistance' AND b.family_id IS NOT NULL AND `+within("b.paid_on")+`
			UNION
			SELECT family_id FROM {social_work} WHERE `+active("from_date", "to_date")+`),
		kids AS (
			SELECT p.family_id, COUNT(*) AS n FROM {persons} p JOIN c ON c.family_id = p.family_id
			WHERE p.birth_date <= {to} AND {plus18:p.birth_date} > {to}
			GROUP BY p.family_id)
		SELECT COUNT(*), COUNT(CASE WHEN f.single_parent THEN 1 END), COUNT(CASE WHEN kids.n >= 3 THEN 1 END)
		FROM kids JOIN {families} f ON f.id = kids.family_id`, &all, &single, &large)
	if err != nil {
		return err
	}
	c.put("klienci.rodziny_z_dziecmi", all)
	c.put("klienci.rodziny_niepelne", single)
	c.put("klienci.rodziny_wielodzietne", large)
	return nil
}

// custom runs the programme's own SQL indicators in the same transaction, with
// the contract tables reachable without the schema prefix.
func (c *collector) custom(list []config.Wskaznik) error {
	if c.db.Engine == Postgres {
		if _, err := c.tx.ExecContext(c.ctx, "SET LOCAL search_path TO "+c.db.Schema); err != nil {
			return c.wrap(err)
		}
	}
	args := map[string]any{"od": c.p.From.String(), "do": c.p.To.String()}
	for _, w := range list {
		q, qa, err := sqlx.Named(w.SQL, args)
		if err != nil {
			return fmt.Errorf("wskaźnik programu %s: zapytanie SQL jest nieprawidłowe: %s", w.Kod, customErr(err))
		}
		var v sql.NullInt64
		if err := c.tx.QueryRowxContext(c.ctx, c.tx.Rebind(q), qa...).Scan(&v); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("wskaźnik programu %s: zapytanie SQL nie zwróciło wiersza (oczekiwano jednej liczby)", w.Kod)
			}
			return fmt.Errorf("wskaźnik programu %s: zapytanie SQL nie powiodło się: %s", w.Kod, customErr(err))
		}
		ind := model.Indicator{Code: w.Kod, Label: w.Etykieta, Unit: ProgramUnit(w.Jednostka), From: c.p.From, To: c.p.To, Source: model.SourceOPS}
		if v.Valid {
			ind.Value = model.Int(v.Int64)
		}
		c.set.Add(ind)
	}
	return nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Covers tells whether the records reach into the period: a benefit paid or
// an expenditure spent in it. (A case or placement that started earlier says
// nothing: an export that begins in 2022 holds cases opened in 2019, but not
// 2019's benefits.) Comparisons and the report's previous years compute a year
// from the records only when they cover it; otherwise it is "brak danych".
func (s *Snapshot) Covers(p model.Period) (bool, error) {
	c := s.collector(p, 0)
	var n int64
	err := c.row(`SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM {benefits} WHERE `+within("paid_on")+` LIMIT 1) b)
		+ (SELECT COUNT(*) FROM (SELECT 1 FROM {expenditures} WHERE `+within("spent_on")+` LIMIT 1) e)`, &n)
	if err != nil {
		return false, c.wrap(err)
	}
	return n > 0, nil
}

// Covers is Snapshot.Covers in a snapshot of its own.
func (db *DB) Covers(ctx context.Context, p model.Period) (bool, error) {
	s, err := db.Snapshot(ctx)
	if err != nil {
		return false, err
	}
	defer s.Close()
	return s.Covers(p)
}
