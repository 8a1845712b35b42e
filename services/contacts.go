package services

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"dialoog/models"
)

// ContactService keeps the people at each stakeholder.
type ContactService struct{ base }

var contactSort = sortKeys{
	"name":       {column: "name", kind: keyText, value: func(r any) any { return r.(*models.Contact).Name }},
	"created_at": {column: "created_at", kind: keyTime, value: func(r any) any { return r.(*models.Contact).CreatedAt }},
}

// FindContacts lists the contacts of one stakeholder, by name.
// Errors: Forbidden for partners; NotFound for an unknown stakeholder; Invalid.
func (s *ContactService) FindContacts(ctx context.Context, actor Actor, f models.ContactFilter) (models.Page[models.Contact], error) {
	if err := actor.require(permReadInternal); err != nil {
		return models.Page[models.Contact]{}, err
	}
	db := s.read(ctx)
	if _, err := getStakeholder(db, f.StakeholderID); err != nil {
		return models.Page[models.Contact]{}, err
	}
	q := archivedFilter(db.Model(&models.Contact{}).Where("stakeholder_id = ?", f.StakeholderID), "contacts", f.Archived)
	if f.Q != "" {
		q = searchWhere(q, s.db.Dialect, "contacts", f.Q)
	}
	return paginate(q, "contacts", contactSort, "name", f.ListParams, func(r models.Contact) string { return r.ID })
}

// GetContact returns one contact.
// Errors: Forbidden for partners; NotFound.
func (s *ContactService) GetContact(ctx context.Context, actor Actor, id string) (models.Contact, error) {
	if err := actor.require(permReadInternal); err != nil {
		return models.Contact{}, err
	}
	return getContact(s.read(ctx), id)
}

func getContact(tx *gorm.DB, id string) (models.Contact, error) {
	return getByID[models.Contact](tx, id, "contact")
}

// CreateContact adds a contact to a live stakeholder.
// Errors: Forbidden unless admin or officer; NotFound for an unknown
// stakeholder; Invalid, also when the stakeholder is archived.
func (s *ContactService) CreateContact(ctx context.Context, actor Actor, stakeholderID string, in models.ContactChanges) (models.Contact, error) {
	if err := actor.require(permEditRegister); err != nil {
		return models.Contact{}, err
	}
	now := s.now()
	c := models.Contact{ID: newID(), StakeholderID: stakeholderID, CreatedAt: now, UpdatedAt: now, Version: 1}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		st, err := getStakeholder(tx, stakeholderID)
		if err != nil {
			return err
		}
		if st.ArchivedAt != nil {
			return models.InvalidField("stakeholder_id", "the stakeholder is archived; restore it first")
		}
		if err := applyContact(&c, in); err != nil {
			return err
		}
		if err := tx.Create(&c).Error; err != nil {
			return err
		}
		return s.audit(tx, actor, "create", "contact", c.ID, nil, c)
	})
	return c, err
}

// UpdateContact changes the given fields of a contact.
// Errors: Forbidden unless admin or officer; NotFound; Invalid; Stale; Conflict
// for an erased contact.
func (s *ContactService) UpdateContact(ctx context.Context, actor Actor, id string, ifMatch *int, in models.ContactChanges) (models.Contact, error) {
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
		if old.ErasedAt != nil {
			return models.Errorf(models.Conflict, "this contact was erased and cannot be changed")
		}
		if err := checkVersion(ifMatch, old.Version, "contact"); err != nil {
			return err
		}
		c = old
		if err := applyContact(&c, in); err != nil {
			return err
		}
		c.Version++
		if err := saveVersioned(tx, &c, old.Version, "contact"); err != nil {
			return err
		}
		return s.audit(tx, actor, "update", "contact", c.ID, old, c)
	})
	return c, err
}

// ArchiveContact takes a contact off the lists; the concerns they raised keep
// pointing at them. Errors: Forbidden unless admin or officer; NotFound.
func (s *ContactService) ArchiveContact(ctx context.Context, actor Actor, id string) error {
	if err := actor.require(permEditRegister); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		if err := lockRow(tx, "contacts", id); err != nil {
			return err
		}
		old, err := getContact(tx, id)
		if err != nil || old.ArchivedAt != nil {
			return err
		}
		c := old
		c.ArchivedAt = ptr(s.now())
		c.Version++
		if err := saveVersioned(tx, &c, old.Version, "contact"); err != nil {
			return err
		}
		return s.audit(tx, actor, "archive", "contact", c.ID, old, c)
	})
}

func applyContact(c *models.Contact, in models.ContactChanges) error {
	for _, f := range []struct {
		dst *string
		src *string
	}{{&c.Name, in.Name}, {&c.Role, in.Role}, {&c.Email, in.Email}, {&c.Phone, in.Phone}, {&c.Notes, in.Notes}} {
		if f.src != nil {
			*f.dst = strings.TrimSpace(*f.src)
		}
	}
	var ch checks
	ch.required("name", c.Name)
	ch.maxLen("name", c.Name, 200)
	ch.email("email", c.Email)
	ch.maxLen("phone", c.Phone, 50)
	if err := ch.err(); err != nil {
		return err
	}
	c.SearchText = searchText(c.Name, c.Role, c.Email)
	return nil
}
