package services

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"gorm.io/gorm"

	"dialoog/models"
)

// PrivacyService answers requests under the GDPR: everything held about a
// contact, and erasing it. Only admins and officers, who keep the register,
// may do either.
type PrivacyService struct{ base }

// erasedName replaces an erased contact's name, so that the dialogue history
// still reads "a contact raised this" without saying who.
const erasedName = "Erased contact"

// ContactExport is everything held about one contact.
type ContactExport struct {
	Contact     models.Contact
	Stakeholder models.Stakeholder
	Concerns    []models.Concern // those they raised
	AuditEvents []models.AuditEvent
	ExportedAt  time.Time
	// ConfidentialWithheld counts confidential concerns they raised that the
	// actor may not see; an officer's export holds them.
	ConfidentialWithheld int
}

// ExportContact gathers everything held about a contact.
// Errors: Forbidden unless admin or officer; NotFound.
func (s *PrivacyService) ExportContact(ctx context.Context, actor Actor, id string) (ContactExport, error) {
	var out ContactExport
	if err := actor.require(permEditRegister); err != nil {
		return out, err
	}
	db := s.read(ctx)
	c, err := getContact(db, id)
	if err != nil {
		return out, err
	}
	out.Contact = c
	if out.Stakeholder, err = getStakeholder(db, c.StakeholderID); err != nil {
		return out, err
	}
	q := db.Where("contact_id = ?", id)
	if !actor.can(permSeeConfidential) {
		// who raised a confidential concern stays with the officers, even
		// in an export; an officer can make the complete one
		var n int64
		if err := db.Model(&models.Concern{}).Where("contact_id = ? AND confidential", id).Count(&n).Error; err != nil {
			return out, translate(err)
		}
		out.ConfidentialWithheld = int(n)
		q = q.Where("NOT confidential")
	}
	if err := q.Order("raised_at, id").Find(&out.Concerns).Error; err != nil {
		return out, translate(err)
	}
	out.ExportedAt = s.now()
	err = db.Where("record_id = ?", id).Order("at, id").Find(&out.AuditEvents).Error
	return out, translate(err)
}

// EraseContact removes a contact's personal data from every table: the
// contact's own fields, and every copy of them in earlier audit events, the
// one change ever made to those. The concerns they raised stay, anonymised.
// The erasure itself is audited, without the erased data. Erasing twice is
// not an error.
// Errors: Forbidden unless admin or officer; NotFound.
func (s *PrivacyService) EraseContact(ctx context.Context, actor Actor, id string) (models.Contact, error) {
	if err := actor.require(permEditRegister); err != nil {
		return models.Contact{}, err
	}
	var c models.Contact
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := lockRow(tx, "contacts", id); err != nil {
			return err
		}
		old, err := getContact(tx, id)
		if err != nil {
			return err
		}
		c = old
		if old.ErasedAt != nil {
			return nil
		}
		now := s.now()
		c.Name, c.Role, c.Email, c.Phone, c.Notes, c.SearchText = erasedName, "", "", "", "", ""
		c.ErasedAt = &now
		if c.ArchivedAt == nil {
			c.ArchivedAt = &now
		}
		c.Version++
		if err := saveVersioned(tx, &c, old.Version, "contact"); err != nil {
			return err
		}
		// The contact's own events hold every field; elsewhere (another
		// record's snapshot) only what identifies them is looked for, so that
		// a role such as "chair" is not struck from unrelated history.
		if err := scrubAudit(tx.Where("record_id = ?", id), []string{old.Name, old.Role, old.Email, old.Phone, old.Notes}, 1); err != nil {
			return err
		}
		if err := scrubAudit(tx, []string{old.Name, old.Email, old.Phone}, 4); err != nil {
			return err
		}
		return s.audit(tx, actor, "erase", "contact", c.ID, nil, nil)
	})
	return c, err
}

// scrubAudit rewrites every audit event of scope whose before or after holds
// one of the personal values (of at least minLen characters), replacing each
// such value with "[erased]".
func scrubAudit(scope *gorm.DB, values []string, minLen int) error {
	var vals []string
	for _, v := range values {
		if v = strings.TrimSpace(v); len(v) >= minLen {
			vals = append(vals, v)
		}
	}
	if len(vals) == 0 {
		return nil
	}
	tx := scope.Session(&gorm.Session{NewDB: true})
	q := scope.Model(&models.AuditEvent{})
	cond := tx
	for i, v := range vals {
		// JSON escapes some characters; search for the value as JSON writes it
		b, _ := json.Marshal(v)
		pat := "%" + escapeLike(strings.Trim(string(b), `"`)) + "%"
		clause := `(before LIKE ? ESCAPE '\' OR after LIKE ? ESCAPE '\')`
		if i == 0 {
			cond = tx.Where(clause, pat, pat)
		} else {
			cond = cond.Or(clause, pat, pat)
		}
	}
	var events []models.AuditEvent
	if err := q.Where(cond).Find(&events).Error; err != nil {
		return err
	}
	for _, ev := range events {
		ev.Before, ev.After = scrubJSON(ev.Before, vals), scrubJSON(ev.After, vals)
		if err := tx.Model(&models.AuditEvent{}).Where("id = ?", ev.ID).
			Updates(map[string]any{"before": ev.Before, "after": ev.After}).Error; err != nil {
			return err
		}
	}
	return nil
}

// scrubJSON replaces the personal values wherever they stand in a JSON
// snapshot: as whole strings, or inside longer ones.
func scrubJSON(doc *string, vals []string) *string {
	if doc == nil {
		return nil
	}
	var v any
	if err := json.Unmarshal([]byte(*doc), &v); err != nil {
		s := "null" // unreadable: keep nothing rather than risk keeping the data
		return &s
	}
	v = scrubValue(v, vals)
	b, _ := json.Marshal(v)
	s := string(b)
	return &s
}

func scrubValue(v any, vals []string) any {
	switch x := v.(type) {
	case string:
		for _, p := range vals {
			x = strings.ReplaceAll(x, p, "[erased]")
		}
		return x
	case map[string]any:
		for k, e := range x {
			x[k] = scrubValue(e, vals)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = scrubValue(e, vals)
		}
		return x
	}
	return v
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
