package services

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"dialoog/models"
)

// StakeholderService keeps the stakeholders.
type StakeholderService struct{ base }

var stakeholderSort = sortKeys{
	"name":       {column: "name", kind: keyText, value: func(r any) any { return r.(*models.Stakeholder).Name }},
	"created_at": {column: "created_at", kind: keyTime, value: func(r any) any { return r.(*models.Stakeholder).CreatedAt }},
	"influence":  {column: "influence", kind: keyInt, value: func(r any) any { return r.(*models.Stakeholder).Influence }},
	"interest":   {column: "interest", kind: keyInt, value: func(r any) any { return r.(*models.Stakeholder).Interest }},
}

// FindStakeholders lists stakeholders, by name unless sorted otherwise.
// Errors: Forbidden for partners; Invalid for a bad sort or cursor.
func (s *StakeholderService) FindStakeholders(ctx context.Context, actor Actor, f models.StakeholderFilter) (models.Page[models.Stakeholder], error) {
	if err := actor.require(permReadInternal); err != nil {
		return models.Page[models.Stakeholder]{}, err
	}
	q := s.read(ctx).Model(&models.Stakeholder{})
	q = archivedFilter(q, "stakeholders", f.Archived)
	for col, v := range map[string]string{"kind": f.Kind, "category": f.Category, "stance": f.Stance, "owner_id": f.OwnerID} {
		if v != "" {
			q = q.Where("stakeholders."+col+" = ?", v)
		}
	}
	if f.Country != "" {
		q = q.Where("stakeholders.country = ?", strings.ToUpper(f.Country))
	}
	if f.Tag != "" {
		q = q.Where(`LOWER(stakeholders.tags) LIKE ? ESCAPE '\'`, listContainsPattern(f.Tag))
	}
	if f.Q != "" {
		q = searchWhere(q, s.db.Dialect, "stakeholders", f.Q)
	}
	return paginate(q, "stakeholders", stakeholderSort, "name", f.ListParams, func(r models.Stakeholder) string { return r.ID })
}

// GetStakeholder returns one stakeholder, archived ones included.
// Errors: Forbidden for partners; NotFound.
func (s *StakeholderService) GetStakeholder(ctx context.Context, actor Actor, id string) (models.Stakeholder, error) {
	if err := actor.require(permReadInternal); err != nil {
		return models.Stakeholder{}, err
	}
	return getStakeholder(s.read(ctx), id)
}

func getStakeholder(tx *gorm.DB, id string) (models.Stakeholder, error) {
	return getByID[models.Stakeholder](tx, id, "stakeholder")
}

// CreateStakeholder adds a stakeholder. Unset fields take calm defaults
// (organisation, other, 3 and 3, unknown), so that a name is enough.
// Errors: Forbidden unless admin or officer; Invalid.
func (s *StakeholderService) CreateStakeholder(ctx context.Context, actor Actor, in models.StakeholderChanges) (models.Stakeholder, error) {
	if err := actor.require(permEditRegister); err != nil {
		return models.Stakeholder{}, err
	}
	now := s.now()
	st := models.Stakeholder{
		ID: newID(), Kind: "organisation", Category: "other", Influence: 3, Interest: 3, Stance: "unknown",
		Tags: models.StringList{}, CreatedAt: now, UpdatedAt: now, Version: 1,
	}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := applyStakeholder(tx, &st, in); err != nil {
			return err
		}
		if err := tx.Create(&st).Error; err != nil {
			return err
		}
		return s.audit(tx, actor, "create", "stakeholder", st.ID, nil, st)
	})
	return st, err
}

// UpdateStakeholder changes the given fields; Archived false restores an
// archived stakeholder. ifMatch is the version the client read, if it sent one.
// Errors: Forbidden unless admin or officer; NotFound; Invalid; Stale.
func (s *StakeholderService) UpdateStakeholder(ctx context.Context, actor Actor, id string, ifMatch *int, in models.StakeholderChanges) (models.Stakeholder, error) {
	if err := actor.require(permEditRegister); err != nil {
		return models.Stakeholder{}, err
	}
	var st models.Stakeholder
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := lockRow(tx, "stakeholders", id); err != nil {
			return err
		}
		old, err := getStakeholder(tx, id)
		if err != nil {
			return err
		}
		if err := checkVersion(ifMatch, old.Version, "stakeholder"); err != nil {
			return err
		}
		st = old
		if err := applyStakeholder(tx, &st, in); err != nil {
			return err
		}
		action := "update"
		if in.Archived != nil && *in.Archived != (old.ArchivedAt != nil) {
			if *in.Archived {
				st.ArchivedAt, action = ptr(s.now()), "archive"
			} else {
				st.ArchivedAt, action = nil, "restore"
			}
		}
		st.Version++
		if err := saveVersioned(tx, &st, old.Version, "stakeholder"); err != nil {
			return err
		}
		return s.audit(tx, actor, action, "stakeholder", st.ID, old, st)
	})
	return st, err
}

// ArchiveStakeholder archives a stakeholder: it leaves the lists but its
// history stays. Archiving twice is not an error.
// Errors: Forbidden unless admin or officer; NotFound.
func (s *StakeholderService) ArchiveStakeholder(ctx context.Context, actor Actor, id string) error {
	_, err := s.UpdateStakeholder(ctx, actor, id, nil, models.StakeholderChanges{Archived: ptr(true)})
	return err
}

// applyStakeholder copies the set fields of in onto st and checks the result.
func applyStakeholder(tx *gorm.DB, st *models.Stakeholder, in models.StakeholderChanges) error {
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = strings.TrimSpace(*src)
		}
	}
	set(&st.Name, in.Name)
	set(&st.Kind, in.Kind)
	set(&st.Category, in.Category)
	set(&st.Stance, in.Stance)
	set(&st.Email, in.Email)
	set(&st.Phone, in.Phone)
	set(&st.Website, in.Website)
	set(&st.Address, in.Address)
	set(&st.Description, in.Description)
	if in.Country != nil {
		st.Country = strings.ToUpper(strings.TrimSpace(*in.Country))
	}
	if in.Influence != nil {
		st.Influence = *in.Influence
	}
	if in.Interest != nil {
		st.Interest = *in.Interest
	}
	if in.Tags != nil {
		st.Tags = cleanList(*in.Tags)
	}
	var c checks
	if in.OwnerID != nil {
		st.OwnerID = nilIfEmpty(strings.TrimSpace(*in.OwnerID))
		if st.OwnerID != nil {
			if err := checkInternalUser(tx, &c, "owner_id", *st.OwnerID); err != nil {
				return err
			}
		}
	}
	c.required("name", st.Name)
	c.maxLen("name", st.Name, 200)
	c.oneOf("kind", st.Kind, models.StakeholderKinds)
	c.oneOf("category", st.Category, models.Categories)
	c.oneOf("stance", st.Stance, models.Stances)
	c.scale("influence", st.Influence)
	c.scale("interest", st.Interest)
	c.email("email", st.Email)
	c.country("country", st.Country)
	c.maxLen("description", st.Description, 10000)
	if err := c.err(); err != nil {
		return err
	}
	st.SearchText = searchText(st.Name, st.Description, st.Email, st.Address, strings.Join(st.Tags, " "))
	return nil
}

// archivedFilter keeps archived rows out of a list unless asked for.
func archivedFilter(q *gorm.DB, table string, archived *bool) *gorm.DB {
	if archived != nil && *archived {
		return q.Where(table + ".archived_at IS NOT NULL")
	}
	return q.Where(table + ".archived_at IS NULL")
}

func isNotFound(err error) bool { return err == gorm.ErrRecordNotFound }
