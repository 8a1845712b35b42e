package services

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"dialoog/models"
)

// CommitmentService keeps the commitments and their progress updates, and
// draws the partner boundary: a partner sees only the shared commitments owed
// to their own stakeholder, and anything else does not exist for them.
type CommitmentService struct{ base }

var commitmentSort = sortKeys{
	"due_on":     {column: "due_on", kind: keyDate, value: func(r any) any { return string(r.(*models.Commitment).DueOn) }},
	"created_at": {column: "created_at", kind: keyTime, value: func(r any) any { return r.(*models.Commitment).CreatedAt }},
	"title":      {column: "title", kind: keyText, value: func(r any) any { return r.(*models.Commitment).Title }},
}

// scope confines q to what the actor may read: everything for internal roles,
// the live shared commitments of their own stakeholder for a partner.
func (s *CommitmentService) scope(q *gorm.DB, actor Actor) (*gorm.DB, error) {
	switch {
	case actor.can(permReadInternal):
		return q, nil
	case actor.isPartner() && actor.StakeholderID != "":
		return q.Where("commitments.stakeholder_id = ? AND commitments.shared AND commitments.archived_at IS NULL", actor.StakeholderID), nil
	}
	return nil, forbidden("your role (%s) may not read commitments", actor.Role)
}

// FindCommitments lists commitments, soonest due first.
// Errors: Forbidden for a role without access; Invalid.
func (s *CommitmentService) FindCommitments(ctx context.Context, actor Actor, f models.CommitmentFilter) (models.Page[models.Commitment], error) {
	q, err := s.scope(s.read(ctx).Model(&models.Commitment{}), actor)
	if err != nil {
		return models.Page[models.Commitment]{}, err
	}
	q = archivedFilter(q, "commitments", f.Archived)
	for col, v := range map[string]string{"status": f.Status, "owner_id": f.OwnerID, "stakeholder_id": f.StakeholderID,
		"concern_id": f.ConcernID, "dialogue_id": f.DialogueID, "partner_verdict": f.Verdict} {
		if v != "" {
			q = q.Where("commitments."+col+" = ?", v)
		}
	}
	if f.Shared != nil {
		q = q.Where("commitments.shared = ?", *f.Shared)
	}
	if f.Overdue != nil {
		cond := "commitments.due_on < ? AND commitments.status IN ('open', 'in_progress')"
		if !*f.Overdue {
			cond = "NOT (" + cond + ")"
		}
		q = q.Where(cond, s.today())
	}
	if f.DueBefore != nil {
		q = q.Where("commitments.due_on < ?", string(*f.DueBefore))
	}
	if f.DueAfter != nil {
		q = q.Where("commitments.due_on > ?", string(*f.DueAfter))
	}
	if f.Q != "" {
		q = searchWhere(q, s.db.Dialect, "commitments", f.Q)
	}
	page, err := paginate(q, "commitments", commitmentSort, "due_on", f.ListParams, func(r models.Commitment) string { return r.ID })
	for i := range page.Items {
		s.present(actor, &page.Items[i])
	}
	return page, err
}

// GetCommitment returns one commitment the actor may read.
// Errors: NotFound, also for a commitment outside a partner's scope; Forbidden.
func (s *CommitmentService) GetCommitment(ctx context.Context, actor Actor, id string) (models.Commitment, error) {
	c, err := s.getScoped(s.read(ctx), actor, id)
	s.present(actor, &c)
	return c, err
}

func (s *CommitmentService) getScoped(tx *gorm.DB, actor Actor, id string) (models.Commitment, error) {
	var c models.Commitment
	q, err := s.scope(tx, actor)
	if err != nil {
		return c, err
	}
	if !validID(id) {
		return c, notFound("commitment")
	}
	if err := q.Where("commitments.id = ?", id).Take(&c).Error; err != nil {
		if isNotFound(err) {
			return c, notFound("commitment")
		}
		return c, err
	}
	return c, nil
}

// present readies a commitment for the actor: it marks whether it is
// overdue, and blanks what a partner must not see: who owns it inside the
// organisation and which internal records it came from.
func (s *CommitmentService) present(actor Actor, c *models.Commitment) {
	c.Overdue = c.IsOverdue(models.Date(s.today()))
	if actor.can(permReadInternal) {
		return
	}
	c.OwnerID, c.ConcernID, c.DialogueID, c.SearchText, c.VerdictBy = nil, nil, nil, "", nil
}

// CreateCommitment records a commitment; its owner is the actor unless set.
// Errors: Forbidden unless admin or officer; Invalid.
func (s *CommitmentService) CreateCommitment(ctx context.Context, actor Actor, in models.CommitmentChanges) (models.Commitment, error) {
	if err := actor.require(permEditCommitments); err != nil {
		return models.Commitment{}, err
	}
	var c models.Commitment
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		c, err = s.createCommitment(tx, actor, in, "")
		return err
	})
	s.present(actor, &c)
	return c, err
}

func (s *CommitmentService) createCommitment(tx *gorm.DB, actor Actor, in models.CommitmentChanges, prefix string) (models.Commitment, error) {
	now := s.now()
	c := models.Commitment{ID: newID(), Status: "open", CreatedAt: now, UpdatedAt: now, Version: 1}
	if in.OwnerID == nil && actor.UserID != "" {
		in.OwnerID = &actor.UserID
	}
	if err := s.applyCommitment(tx, &c, in, prefix); err != nil {
		return c, err
	}
	if err := insert(tx, &c); err != nil {
		return c, err
	}
	return c, s.audit(tx, actor, "create", "commitment", c.ID, nil, c)
}

// UpdateCommitment changes the given fields. Directors may change only the
// status, owner and due date. A commitment that leaves done loses its done
// time and the partner's verdict, which was about the work then done.
// Errors: Forbidden for partners, and for directors changing other fields;
// NotFound; Invalid; Stale.
func (s *CommitmentService) UpdateCommitment(ctx context.Context, actor Actor, id string, ifMatch *int, in models.CommitmentChanges) (models.Commitment, error) {
	if !actor.can(permEditCommitments) {
		if !actor.can(permPlanCommitments) {
			if actor.isPartner() {
				// a partner may not learn whether the commitment exists
				if _, err := s.getScoped(s.read(ctx), actor, id); err != nil {
					return models.Commitment{}, err
				}
			}
			return models.Commitment{}, forbidden("your role (%s) may not change commitments", actor.Role)
		}
		if in.Title != nil || in.Description != nil || in.StakeholderID != nil || in.ConcernID != nil || in.DialogueID != nil || in.Shared != nil {
			return models.Commitment{}, forbidden("directors may change only the status, owner_id and due_on of a commitment")
		}
	}
	var c models.Commitment
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := lockRow(tx, "commitments", id); err != nil {
			return err
		}
		old, err := s.getScoped(tx, actor, id)
		if err != nil {
			return err
		}
		if err := checkVersion(ifMatch, old.Version, "commitment"); err != nil {
			return err
		}
		c = old
		if err := s.applyCommitment(tx, &c, in, ""); err != nil {
			return err
		}
		c.Version++
		if err := saveVersioned(tx, &c, old.Version, "commitment"); err != nil {
			return err
		}
		return s.audit(tx, actor, "update", "commitment", c.ID, old, c)
	})
	s.present(actor, &c)
	return c, err
}

// ArchiveCommitment takes a commitment off the lists and the partner's view.
// Errors: Forbidden unless admin or officer; NotFound.
func (s *CommitmentService) ArchiveCommitment(ctx context.Context, actor Actor, id string) error {
	if !actor.can(permEditCommitments) {
		if actor.isPartner() {
			if _, err := s.getScoped(s.read(ctx), actor, id); err != nil {
				return err
			}
		}
		return forbidden("your role (%s) may not archive commitments", actor.Role)
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		if err := lockRow(tx, "commitments", id); err != nil {
			return err
		}
		old, err := s.getScoped(tx, actor, id)
		if err != nil || old.ArchivedAt != nil {
			return err
		}
		c := old
		c.ArchivedAt = ptr(s.now())
		c.Version++
		if err := saveVersioned(tx, &c, old.Version, "commitment"); err != nil {
			return err
		}
		return s.audit(tx, actor, "archive", "commitment", c.ID, old, c)
	})
}

func (s *CommitmentService) applyCommitment(tx *gorm.DB, c *models.Commitment, in models.CommitmentChanges, prefix string) error {
	old := *c
	for _, f := range []struct {
		dst *string
		src *string
	}{{&c.Title, in.Title}, {&c.Description, in.Description}, {&c.Status, in.Status}} {
		if f.src != nil {
			*f.dst = strings.TrimSpace(*f.src)
		}
	}
	if in.Shared != nil {
		c.Shared = *in.Shared
	}
	if in.DueOn != nil {
		c.DueOn = *in.DueOn
	}
	ch := checks{prefix: prefix}
	if in.StakeholderID != nil {
		c.StakeholderID = strings.TrimSpace(*in.StakeholderID)
		if err := checkRef(tx, &ch, "stakeholder_id", "stakeholders", c.StakeholderID, "stakeholder"); err != nil {
			return err
		}
	}
	refs := []struct {
		field, table, what string
		dst                **string
		src                *string
	}{
		{"concern_id", "concerns", "concern", &c.ConcernID, in.ConcernID},
		{"dialogue_id", "dialogues", "dialogue", &c.DialogueID, in.DialogueID},
	}
	for _, r := range refs {
		if r.src == nil {
			continue
		}
		*r.dst = nilIfEmpty(strings.TrimSpace(*r.src))
		if *r.dst != nil {
			if err := checkRef(tx, &ch, r.field, r.table, **r.dst, r.what); err != nil {
				return err
			}
		}
	}
	if in.OwnerID != nil {
		c.OwnerID = nilIfEmpty(strings.TrimSpace(*in.OwnerID))
		if c.OwnerID != nil {
			if err := checkInternalUser(tx, &ch, "owner_id", *c.OwnerID); err != nil {
				return err
			}
		}
	}
	ch.required("title", c.Title)
	ch.maxLen("title", c.Title, 300)
	ch.required("stakeholder_id", c.StakeholderID)
	ch.required("due_on", string(c.DueOn))
	ch.oneOf("status", c.Status, models.CommitmentStatuses)
	ch.maxLen("description", c.Description, 10000)
	if err := ch.err(); err != nil {
		return err
	}
	if c.Status == "done" && old.Status != "done" {
		c.DoneAt = ptr(s.now())
	}
	if c.Status != "done" && old.Status == "done" {
		c.DoneAt, c.PartnerVerdict, c.VerdictReason, c.VerdictAt, c.VerdictBy = nil, nil, "", nil, nil
	}
	c.SearchText = searchText(c.Title, c.Description)
	return nil
}

// GiveVerdict records whether the partner agrees that a done commitment was
// kept. A dispute needs a reason. A new verdict replaces the previous one.
// Errors: Forbidden for anyone but partners; NotFound outside their scope;
// Conflict unless the commitment is done; Invalid.
func (s *CommitmentService) GiveVerdict(ctx context.Context, actor Actor, id string, v models.Verdict) (models.Commitment, error) {
	if err := actor.require(permGiveVerdict); err != nil {
		return models.Commitment{}, err
	}
	var c models.Commitment
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := lockRow(tx, "commitments", id); err != nil {
			return err
		}
		old, err := s.getScoped(tx, actor, id)
		if err != nil {
			return err
		}
		var ch checks
		ch.oneOf("verdict", v.Verdict, models.Verdicts)
		reason := strings.TrimSpace(v.Reason)
		if v.Verdict == "disputed" {
			ch.required("reason", reason)
		}
		ch.maxLen("reason", reason, 5000)
		if err := ch.err(); err != nil {
			return err
		}
		if old.Status != "done" {
			return models.Errorf(models.Conflict, "a commitment can be accepted or disputed only once it is done")
		}
		c = old
		c.PartnerVerdict, c.VerdictReason, c.VerdictAt, c.VerdictBy = &v.Verdict, reason, ptr(s.now()), actor.ref()
		c.Version++
		if err := saveVersioned(tx, &c, old.Version, "commitment"); err != nil {
			return err
		}
		return s.audit(tx, actor, "verdict", "commitment", c.ID, old, c)
	})
	s.present(actor, &c)
	return c, err
}

var updateSort = sortKeys{
	"created_at": {column: "created_at", kind: keyTime, value: func(r any) any { return r.(*models.CommitmentUpdate).CreatedAt }},
}

// FindUpdates lists the progress updates of a commitment, oldest first; a
// partner sees only the shared ones.
// Errors: NotFound (also outside a partner's scope); Forbidden; Invalid.
func (s *CommitmentService) FindUpdates(ctx context.Context, actor Actor, commitmentID string, p models.ListParams) (models.Page[models.CommitmentUpdate], error) {
	db := s.read(ctx)
	if _, err := s.getScoped(db, actor, commitmentID); err != nil {
		return models.Page[models.CommitmentUpdate]{}, err
	}
	q := db.Model(&models.CommitmentUpdate{}).
		Select("commitment_updates.*, users.name AS author_name, users.role AS author_role").
		Joins("JOIN users ON users.id = commitment_updates.author_id").
		Where("commitment_updates.commitment_id = ?", commitmentID)
	if !actor.can(permReadInternal) {
		q = q.Where("commitment_updates.shared")
	}
	return paginate(q, "commitment_updates", updateSort, "created_at", p, func(r models.CommitmentUpdate) string { return r.ID })
}

// AddUpdate adds a progress note, or a partner's reply (always shared).
// Errors: NotFound (also outside a partner's scope); Forbidden; Invalid.
func (s *CommitmentService) AddUpdate(ctx context.Context, actor Actor, commitmentID string, in models.NewUpdate) (models.CommitmentUpdate, error) {
	if err := actor.require(permReplyShared); err != nil {
		return models.CommitmentUpdate{}, err
	}
	u := models.CommitmentUpdate{ID: newID(), CommitmentID: commitmentID, AuthorID: actor.UserID, Text: strings.TrimSpace(in.Text), Shared: in.Shared || actor.isPartner(), CreatedAt: s.now()}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if _, err := s.getScoped(tx, actor, commitmentID); err != nil {
			return err
		}
		var ch checks
		ch.required("text", u.Text)
		ch.maxLen("text", u.Text, 5000)
		if err := ch.err(); err != nil {
			return err
		}
		if err := tx.Create(&u).Error; err != nil {
			return err
		}
		u.AuthorName, u.AuthorRole = actor.Name, string(actor.Role)
		return s.audit(tx, actor, "create", "commitment_update", u.ID, nil, u)
	})
	return u, err
}
