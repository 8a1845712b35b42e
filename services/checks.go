package services

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"
	"gorm.io/gorm"

	"dialoog/models"
)

// The API validates the shape of a request before it reaches a service; the
// services check again what makes a record valid, because the demo, the
// command line and nested meeting rows reach them too. checks gathers every
// problem with a record, so the client hears of all of them at once.
type checks struct {
	prefix string // "concerns[2]." for a nested row
	errs   []models.FieldError
}

var formats = validator.New()

func (c *checks) add(field, format string, args ...any) {
	c.errs = append(c.errs, models.FieldError{Field: c.prefix + field, Message: c.prefix + field + " " + fmt.Sprintf(format, args...)})
}

func (c *checks) required(field, v string) {
	if strings.TrimSpace(v) == "" {
		c.add(field, "is required")
	}
}

func (c *checks) maxLen(field, v string, n int) {
	if utf8.RuneCountInString(v) > n {
		c.add(field, "must be at most %d characters", n)
	}
}

func (c *checks) oneOf(field, v string, allowed []string) {
	if !models.IsOneOf(v, allowed) {
		c.add(field, "must be one of %s", strings.Join(allowed, ", "))
	}
}

func (c *checks) scale(field string, v int) {
	if v < 1 || v > 5 {
		c.add(field, "must be between 1 and 5")
	}
}

func (c *checks) email(field, v string) {
	if v != "" && formats.Var(v, "email") != nil {
		c.add(field, "must be an email address")
	}
}

func (c *checks) country(field, v string) {
	if v != "" && formats.Var(v, "iso3166_1_alpha2") != nil {
		c.add(field, "must be an ISO 3166-1 alpha-2 country code, such as NL")
	}
}

func (c *checks) id(field, v string) bool {
	if !validID(v) {
		c.add(field, "must be a UUID")
		return false
	}
	return true
}

func (c *checks) err() error {
	if len(c.errs) == 0 {
		return nil
	}
	return models.InvalidFields(c.errs...)
}

// exists reports whether a row with this id is in table and, unless
// allowArchived, not archived. Used to check references before writing, so
// that the client hears which field points nowhere.
func exists(tx *gorm.DB, table, id string, allowArchived bool) (bool, error) {
	if !validID(id) {
		return false, nil
	}
	q := tx.Table(table).Where("id = ?", id)
	if !allowArchived {
		q = q.Where("archived_at IS NULL")
	}
	var n int64
	if err := q.Count(&n).Error; err != nil {
		return false, err
	}
	return n > 0, nil
}

// checkInternalUser checks that id is an active user who is not a partner:
// owners and people present must be of the organisation.
func checkInternalUser(tx *gorm.DB, c *checks, field, id string) error {
	if !c.id(field, id) {
		return nil
	}
	refs := knownRefsOf(tx)
	if refs["internal user "+id] {
		return nil
	}
	var n int64
	err := tx.Model(&models.User{}).Where("id = ? AND active AND role <> ?", id, models.RolePartner).Count(&n).Error
	if err != nil {
		return err
	}
	if n == 0 {
		c.add(field, "must be an active internal user")
	} else if refs != nil {
		refs["internal user "+id] = true
	}
	return nil
}

// checkRef checks that field points at a live row of table.
func checkRef(tx *gorm.DB, c *checks, field, table, id, what string) error {
	if !c.id(field, id) {
		return nil
	}
	refs := knownRefsOf(tx)
	if refs[table+" "+id] {
		return nil
	}
	ok, err := exists(tx, table, id, false)
	if err != nil {
		return err
	}
	if !ok {
		c.add(field, "must be an existing %s", what)
	} else if refs != nil {
		refs[table+" "+id] = true
	}
	return nil
}

// knownRefs are the references found valid so far in one transaction that
// writes many records at once (a whole meeting), so that each is looked up
// once: the meeting's stakeholder once, not again by each of its concerns
// and commitments, and the dialogue and concerns it has just written not at
// all. Keys are "table id", and "internal user id".
type knownRefs map[string]bool

type knownRefsKey struct{}

// withKnownRefs returns tx remembering the references checked through it.
func withKnownRefs(tx *gorm.DB) (*gorm.DB, knownRefs) {
	refs := knownRefs{}
	return tx.WithContext(context.WithValue(tx.Statement.Context, knownRefsKey{}, refs)), refs
}

// knownRefsOf is the memory of tx, or nil outside withKnownRefs.
func knownRefsOf(tx *gorm.DB) knownRefs {
	refs, _ := tx.Statement.Context.Value(knownRefsKey{}).(knownRefs)
	return refs
}

// saveVersioned writes every column of row, which must carry its new version,
// only if the stored version is still oldVersion; otherwise the record was
// changed by someone else in between and the write is refused as stale.
func saveVersioned(tx *gorm.DB, row any, oldVersion int, what string) error {
	res := tx.Model(row).Where("version = ?", oldVersion).Select("*").Omit("id", "created_at").Updates(row)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return stale(what)
	}
	return nil
}

// lockRow takes the row's write lock for the rest of tx, before the record
// is read, so that two updates of one record take turns: the second reads
// what the first wrote. Without it both read the same version on
// PostgreSQL, and the second's conditional UPDATE finds it gone and answers
// 412, even to a PATCH without If-Match. FOR NO KEY UPDATE is the lock the
// UPDATE takes anyway, so the order of locks does not change, and inserts
// that reference the row are not held up. SQLite needs none: a transaction
// there takes the database's write lock when it begins.
func lockRow(tx *gorm.DB, table, id string) error {
	if tx.Dialector.Name() != "postgres" || !validID(id) {
		return nil
	}
	return tx.Exec("SELECT 1 FROM "+table+" WHERE id = ? FOR NO KEY UPDATE", id).Error
}

// checkVersion refuses a write based on an old read (If-Match).
func checkVersion(ifMatch *int, current int, what string) error {
	if ifMatch != nil && *ifMatch != current {
		return stale(what)
	}
	return nil
}

// getByID reads one row by id; a malformed or unknown id is NotFound,
// naming what was looked for.
func getByID[T any](tx *gorm.DB, id, what string) (T, error) {
	var row T
	if !validID(id) {
		return row, notFound(what)
	}
	if err := tx.Where("id = ?", id).Take(&row).Error; err != nil {
		if isNotFound(err) {
			return row, notFound(what)
		}
		return row, err
	}
	return row, nil
}
