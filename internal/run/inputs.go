package run

import (
	"github.com/gpwr/gpwr/collectors/ops"
	"github.com/gpwr/gpwr/collectors/partner"
	"github.com/gpwr/gpwr/internal/archive"
	"github.com/gpwr/gpwr/model"
)

// inputs are what one command reads, each opened once, on first use: the OPS
// database and the run's one read-only snapshot of it (every period a command
// computes — a report's year and its previous years — comes from the same
// moment, DATA-CONTRACT.md §1), the partner catalog and the archive.
type inputs struct {
	env  *Env
	src  Sources
	db   *ops.DB
	snap *ops.Snapshot
	cat  *partner.Catalog
	arch *archive.Archive
}

func newInputs(env *Env, src Sources) *inputs { return &inputs{env: env, src: src} }

// database is the OPS database, opened read-only.
func (in *inputs) database() (*ops.DB, error) {
	if in.db == nil {
		name, err := in.src.dbName()
		if err != nil {
			return nil, err
		}
		schema := ""
		if in.src.Cfg != nil {
			schema = in.src.Cfg.Zrodla.Schemat
		}
		if in.db, err = ops.OpenReadOnly(in.env.Ctx, name, schema); err != nil {
			return nil, err
		}
	}
	return in.db, nil
}

// records is the run's snapshot of the OPS records.
func (in *inputs) records() (*ops.Snapshot, error) {
	if in.snap == nil {
		db, err := in.database()
		if err != nil {
			return nil, err
		}
		if in.snap, err = db.Snapshot(in.env.Ctx); err != nil {
			return nil, err
		}
	}
	return in.snap, nil
}

// validate checks every referential rule of the contract in the snapshot.
func (in *inputs) validate() ([]model.Finding, error) {
	snap, err := in.records()
	if err != nil {
		return nil, err
	}
	return snap.Validate()
}

// catalog is the partner catalog: built in, plus the gmina's own kinds.
func (in *inputs) catalog() (*partner.Catalog, error) {
	if in.cat == nil {
		var err error
		if in.cat, err = partner.LoadCatalog(in.src.templatesDir("partners")); err != nil {
			return nil, err
		}
	}
	return in.cat, nil
}

// archive is the gmina's archive ([zrodla] archiwum, beside the config file by
// default).
func (in *inputs) archive() (*archive.Archive, error) {
	if in.arch == nil {
		var err error
		if in.arch, err = archive.Open(in.src.Cfg.Resolve(in.src.Cfg.Zrodla.Archiwum)); err != nil {
			return nil, err
		}
	}
	return in.arch, nil
}

// closeRecords ends the snapshot and closes the database, once the command has
// read all it needs (before the slow rendering; again harmless).
func (in *inputs) closeRecords() {
	if in.snap != nil {
		in.snap.Close()
		in.snap = nil
	}
	if in.db != nil {
		in.db.Close()
		in.db = nil
	}
}
