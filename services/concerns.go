package services

import (
	"context"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"dialoog/models"
)

// ConcernService keeps the concerns stakeholders raised.
type ConcernService struct{ base }

var concernSort = sortKeys{
	"raised_at":  {column: "raised_at", kind: keyTime, value: func(r any) any { return r.(*models.Concern).RaisedAt }},
	"created_at": {column: "created_at", kind: keyTime, value: func(r any) any { return r.(*models.Concern).CreatedAt }},
	"title":      {column: "title", kind: keyText, value: func(r any) any { return r.(*models.Concern).Title }},
}

// FindConcerns lists concerns, newest raised first. For anyone but officers,
// who raised a confidential concern is left out, and a stakeholder filter
// does not find confidential ones (it would tell who raised them).
// Errors: Forbidden for partners; Invalid.
func (s *ConcernService) FindConcerns(ctx context.Context, actor Actor, f models.ConcernFilter) (models.Page[models.Concern], error) {
	if err := actor.require(permReadInternal); err != nil {
		return models.Page[models.Concern]{}, err
	}
	q := archivedFilter(s.read(ctx).Model(&models.Concern{}), "concerns", f.Archived)
	if f.StakeholderID != "" {
		q = q.Where("concerns.stakeholder_id = ?", f.StakeholderID)
		if !actor.can(permSeeConfidential) {
			q = q.Where("NOT concerns.confidential")
		}
	}
	for col, v := range map[string]string{"dialogue_id": f.DialogueID, "severity": f.Severity, "status": f.Status} {
		if v != "" {
			q = q.Where("concerns."+col+" = ?", v)
		}
	}
	if f.Topic != "" {
		q = q.Where("LOWER(concerns.topic) = ?", strings.ToLower(strings.TrimSpace(f.Topic)))
	}
	if f.Confidential != nil {
		q = q.Where("concerns.confidential = ?", *f.Confidential)
	}
	if f.Q != "" {
		q = searchWhere(q, s.db.Dialect, "concerns", f.Q)
	}
	page, err := paginate(q, "concerns", concernSort, "-raised_at", f.ListParams, func(r models.Concern) string { return r.ID })
	for i := range page.Items {
		redactConcern(actor, &page.Items[i])
	}
	return page, err
}

// GetConcern returns one concern.
// Errors: Forbidden for partners; NotFound.
func (s *ConcernService) GetConcern(ctx context.Context, actor Actor, id string) (models.Concern, error) {
	if err := actor.require(permReadInternal); err != nil {
		return models.Concern{}, err
	}
	c, err := getConcern(s.read(ctx), id)
	redactConcern(actor, &c)
	return c, err
}

// redactConcern hides who raised a confidential concern from everyone but
// officers.
func redactConcern(actor Actor, c *models.Concern) {
	if c.Confidential && !actor.can(permSeeConfidential) {
		c.StakeholderID = ""
		c.ContactID = nil
	}
}

func getConcern(tx *gorm.DB, id string) (models.Concern, error) {
	return getByID[models.Concern](tx, id, "concern")
}

// CreateConcern records a concern.
// Errors: Forbidden unless admin or officer; Invalid.
func (s *ConcernService) CreateConcern(ctx context.Context, actor Actor, in models.ConcernChanges) (models.Concern, error) {
	if err := actor.require(permEditRegister); err != nil {
		return models.Concern{}, err
	}
	var c models.Concern
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		c, err = s.createConcern(tx, actor, in, "")
		return err
	})
	redactConcern(actor, &c)
	return c, err
}

// createConcern stores one concern in tx; prefix names the row in a meeting.
func (s *ConcernService) createConcern(tx *gorm.DB, actor Actor, in models.ConcernChanges, prefix string) (models.Concern, error) {
	now := s.now()
	c := models.Concern{ID: newID(), Severity: "medium", Status: "open", RaisedAt: now, CreatedAt: now, UpdatedAt: now, Version: 1}
	if in.RaisedAt == nil && in.DialogueID != nil && *in.DialogueID != "" && validID(*in.DialogueID) {
		// a concern raised in a meeting was raised when the meeting was held
		var d models.Dialogue
		if err := tx.Select("held_at").Where("id = ?", *in.DialogueID).Take(&d).Error; err == nil {
			c.RaisedAt = d.HeldAt.UTC()
		}
	}
	if err := s.applyConcern(tx, &c, models.Concern{}, in, prefix); err != nil {
		return c, err
	}
	if err := insert(tx, &c); err != nil {
		return c, err
	}
	return c, s.audit(tx, actor, "create", "concern", c.ID, nil, c)
}

// UpdateConcern changes the given fields. Moving the status forward stamps
// the time of each step it passes.
// Errors: Forbidden unless admin or officer; NotFound; Invalid; Stale.
func (s *ConcernService) UpdateConcern(ctx context.Context, actor Actor, id string, ifMatch *int, in models.ConcernChanges) (models.Concern, error) {
	if err := actor.require(permEditRegister); err != nil {
		return models.Concern{}, err
	}
	var c models.Concern
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := lockRow(tx, "concerns", id); err != nil {
			return err
		}
		old, err := getConcern(tx, id)
		if err != nil {
			return err
		}
		if err := checkVersion(ifMatch, old.Version, "concern"); err != nil {
			return err
		}
		c = old
		if err := s.applyConcern(tx, &c, old, in, ""); err != nil {
			return err
		}
		c.Version++
		if err := saveVersioned(tx, &c, old.Version, "concern"); err != nil {
			return err
		}
		return s.audit(tx, actor, "update", "concern", c.ID, old, c)
	})
	redactConcern(actor, &c)
	return c, err
}

// ArchiveConcern takes a concern off the lists.
// Errors: Forbidden unless admin or officer; NotFound.
func (s *ConcernService) ArchiveConcern(ctx context.Context, actor Actor, id string) error {
	if err := actor.require(permEditRegister); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		if err := lockRow(tx, "concerns", id); err != nil {
			return err
		}
		old, err := getConcern(tx, id)
		if err != nil || old.ArchivedAt != nil {
			return err
		}
		c := old
		c.ArchivedAt = ptr(s.now())
		c.Version++
		if err := saveVersioned(tx, &c, old.Version, "concern"); err != nil {
			return err
		}
		return s.audit(tx, actor, "archive", "concern", c.ID, old, c)
	})
}

// applyConcern copies in onto c and checks the result; old is the stored
// concern (zero for a new one), to judge the status move.
func (s *ConcernService) applyConcern(tx *gorm.DB, c *models.Concern, old models.Concern, in models.ConcernChanges, prefix string) error {
	for _, f := range []struct {
		dst *string
		src *string
	}{{&c.Title, in.Title}, {&c.Description, in.Description}, {&c.Topic, in.Topic}, {&c.Severity, in.Severity},
		{&c.Status, in.Status}, {&c.Response, in.Response}, {&c.Decision, in.Decision}} {
		if f.src != nil {
			*f.dst = strings.TrimSpace(*f.src)
		}
	}
	if in.Confidential != nil {
		c.Confidential = *in.Confidential
	}
	if in.RaisedAt != nil {
		c.RaisedAt = in.RaisedAt.UTC().Truncate(time.Microsecond)
	}
	ch := checks{prefix: prefix}
	if in.StakeholderID != nil {
		c.StakeholderID = strings.TrimSpace(*in.StakeholderID)
		if err := checkRef(tx, &ch, "stakeholder_id", "stakeholders", c.StakeholderID, "stakeholder"); err != nil {
			return err
		}
	}
	if in.DialogueID != nil {
		c.DialogueID = nilIfEmpty(strings.TrimSpace(*in.DialogueID))
		if c.DialogueID != nil {
			if err := checkRef(tx, &ch, "dialogue_id", "dialogues", *c.DialogueID, "dialogue"); err != nil {
				return err
			}
		}
	}
	if in.ContactID != nil {
		c.ContactID = nilIfEmpty(strings.TrimSpace(*in.ContactID))
	}
	if c.ContactID != nil && (in.ContactID != nil || in.StakeholderID != nil) && ch.id("contact_id", *c.ContactID) {
		var n int64
		if err := tx.Model(&models.Contact{}).Where("id = ? AND stakeholder_id = ?", *c.ContactID, c.StakeholderID).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			ch.add("contact_id", "must be a contact of the concern's stakeholder")
		}
	}
	ch.required("stakeholder_id", c.StakeholderID)
	ch.required("title", c.Title)
	ch.maxLen("title", c.Title, 300)
	ch.maxLen("topic", c.Topic, 100)
	ch.oneOf("severity", c.Severity, models.Severities)
	ch.oneOf("status", c.Status, models.ConcernStatuses)
	if c.Status == "responded" || c.Status == "closed" {
		if c.Response == "" && old.Status != c.Status {
			ch.add("response", "is required before a concern is marked %s", c.Status)
		}
	}
	if old.Status != "" && models.IsOneOf(c.Status, models.ConcernStatuses) &&
		slices.Index(models.ConcernStatuses, c.Status) < slices.Index(models.ConcernStatuses, old.Status) {
		ch.add("status", "cannot go back from %s to %s", old.Status, c.Status)
	}
	if err := ch.err(); err != nil {
		return err
	}
	stampConcernSteps(c, s.now())
	c.SearchText = searchText(c.Title, c.Description, c.Topic, c.Response, c.Decision)
	return nil
}

// stampConcernSteps sets the time of every step the status has reached and
// that has no time yet, so that skipping a step still counts it as taken.
func stampConcernSteps(c *models.Concern, now time.Time) {
	reached := slices.Index(models.ConcernStatuses, c.Status)
	for i, stamp := range []**time.Time{&c.AcknowledgedAt, &c.RespondedAt, &c.ClosedAt} {
		if reached >= i+1 && *stamp == nil {
			t := now
			*stamp = &t
		}
	}
}
