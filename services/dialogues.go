package services

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"dialoog/models"
)

// DialogueService keeps the dialogue sessions and logs whole meetings.
type DialogueService struct{ base }

var dialogueSort = sortKeys{
	"held_at":    {column: "held_at", kind: keyTime, value: func(r any) any { return r.(*models.Dialogue).HeldAt }},
	"created_at": {column: "created_at", kind: keyTime, value: func(r any) any { return r.(*models.Dialogue).CreatedAt }},
	"title":      {column: "title", kind: keyText, value: func(r any) any { return r.(*models.Dialogue).Title }},
}

// FindDialogues lists dialogues, most recent first, with who was present.
// Errors: Forbidden for partners; Invalid.
func (s *DialogueService) FindDialogues(ctx context.Context, actor Actor, f models.DialogueFilter) (models.Page[models.Dialogue], error) {
	if err := actor.require(permReadInternal); err != nil {
		return models.Page[models.Dialogue]{}, err
	}
	db := s.read(ctx)
	q := archivedFilter(db.Model(&models.Dialogue{}), "dialogues", f.Archived)
	// IN, not EXISTS: the same to PostgreSQL, but SQLite then starts from the
	// few dialogues of this stakeholder or user (their index on the link
	// table) instead of testing every dialogue from the newest back.
	if f.StakeholderID != "" {
		q = q.Where("dialogues.id IN (SELECT ds.dialogue_id FROM dialogue_stakeholders ds WHERE ds.stakeholder_id = ?)", f.StakeholderID)
	}
	if f.UserID != "" {
		q = q.Where("dialogues.id IN (SELECT du.dialogue_id FROM dialogue_users du WHERE du.user_id = ?)", f.UserID)
	}
	if f.Format != "" {
		q = q.Where("dialogues.format = ?", f.Format)
	}
	if f.EngagementLevel != "" {
		q = q.Where("dialogues.engagement_level = ?", f.EngagementLevel)
	}
	if f.Topic != "" {
		q = q.Where(`LOWER(dialogues.topics) LIKE ? ESCAPE '\'`, listContainsPattern(f.Topic))
	}
	if f.From != nil {
		q = q.Where("dialogues.held_at >= ?", f.From.UTC())
	}
	if f.To != nil {
		q = q.Where("dialogues.held_at < ?", f.To.UTC())
	}
	if f.Q != "" {
		q = searchWhere(q, s.db.Dialect, "dialogues", f.Q)
	}
	page, err := paginate(q, "dialogues", dialogueSort, "-held_at", f.ListParams, func(r models.Dialogue) string { return r.ID })
	if err != nil {
		return page, err
	}
	return page, translate(loadParticipants(db, page.Items))
}

// loadParticipants fills who was present for a whole page in two queries.
func loadParticipants(db *gorm.DB, ds []models.Dialogue) error {
	if len(ds) == 0 {
		return nil
	}
	ids := make([]string, len(ds))
	at := make(map[string]*models.Dialogue, len(ds))
	for i := range ds {
		ids[i] = ds[i].ID
		at[ds[i].ID] = &ds[i]
		ds[i].StakeholderIDs, ds[i].UserIDs = []string{}, []string{}
	}
	var sts []models.DialogueStakeholder
	if err := db.Where("dialogue_id IN ?", ids).Order("stakeholder_id").Find(&sts).Error; err != nil {
		return err
	}
	for _, l := range sts {
		at[l.DialogueID].StakeholderIDs = append(at[l.DialogueID].StakeholderIDs, l.StakeholderID)
	}
	var us []models.DialogueUser
	if err := db.Where("dialogue_id IN ?", ids).Order("user_id").Find(&us).Error; err != nil {
		return err
	}
	for _, l := range us {
		at[l.DialogueID].UserIDs = append(at[l.DialogueID].UserIDs, l.UserID)
	}
	return nil
}

// GetDialogue returns one dialogue with who was present.
// Errors: Forbidden for partners; NotFound.
func (s *DialogueService) GetDialogue(ctx context.Context, actor Actor, id string) (models.Dialogue, error) {
	if err := actor.require(permReadInternal); err != nil {
		return models.Dialogue{}, err
	}
	return getDialogue(s.read(ctx), id)
}

func getDialogue(tx *gorm.DB, id string) (models.Dialogue, error) {
	d, err := getByID[models.Dialogue](tx, id, "dialogue")
	if err != nil {
		return d, err
	}
	ds := []models.Dialogue{d}
	if err := loadParticipants(tx, ds); err != nil {
		return d, err
	}
	return ds[0], nil
}

// CreateDialogue records a dialogue without concerns or commitments.
// Errors: Forbidden unless admin or officer; Invalid.
func (s *DialogueService) CreateDialogue(ctx context.Context, actor Actor, in models.DialogueChanges) (models.Dialogue, error) {
	res, err := s.LogMeeting(ctx, actor, models.Meeting{Dialogue: in})
	return res.Dialogue, err
}

// LogMeeting stores a whole meeting, the dialogue with the concerns raised and
// the commitments made, in one transaction: one bad row and nothing is
// stored. Concerns default to the dialogue's only stakeholder, and
// commitments to the stakeholder of the concern they answer.
// Errors: Forbidden unless admin or officer; Invalid, naming the nested row
// ("concerns[1].title").
func (s *DialogueService) LogMeeting(ctx context.Context, actor Actor, m models.Meeting) (models.MeetingResult, error) {
	if err := actor.require(permEditRegister); err != nil {
		return models.MeetingResult{}, err
	}
	var res models.MeetingResult
	err := s.tx(ctx, func(tx *gorm.DB) error {
		// each reference is looked up once for the whole meeting, and the
		// concerns, commitments and audit events go in one INSERT a kind
		tx, refs := withKnownRefs(tx)
		tx, pending := withPendingRows(tx)
		now := s.now()
		d := models.Dialogue{ID: newID(), Format: "meeting", EngagementLevel: "consult", Topics: models.StringList{},
			CreatedBy: actor.ref(), CreatedAt: now, UpdatedAt: now, Version: 1, HeldAt: now}
		if err := s.applyDialogue(tx, &d, m.Dialogue, true); err != nil {
			return err
		}
		if err := tx.Create(&d).Error; err != nil {
			return err
		}
		if err := saveParticipants(tx, d); err != nil {
			return err
		}
		if err := s.audit(tx, actor, "create", "dialogue", d.ID, nil, d); err != nil {
			return err
		}
		res.Dialogue = d
		refs["dialogues "+d.ID] = true
		concerns := &ConcernService{base: s.base}
		for i, in := range m.Concerns {
			in.DialogueID = &d.ID
			if in.RaisedAt == nil {
				in.RaisedAt = &d.HeldAt // raised when the meeting was held, as createConcern would read it
			}
			if in.StakeholderID == nil && len(d.StakeholderIDs) == 1 {
				in.StakeholderID = &d.StakeholderIDs[0]
			}
			c, err := concerns.createConcern(tx, actor, in, fmt.Sprintf("concerns[%d].", i))
			if err != nil {
				return err
			}
			refs["concerns "+c.ID] = true
			res.Concerns = append(res.Concerns, c)
		}
		commitments := &CommitmentService{base: s.base}
		for i, in := range m.Commitments {
			prefix := fmt.Sprintf("commitments[%d].", i)
			in.DialogueID = &d.ID
			if in.ConcernIndex != nil {
				if *in.ConcernIndex < 0 || *in.ConcernIndex >= len(res.Concerns) {
					return models.InvalidField(prefix+"concern_index", prefix+"concern_index must point at one of this meeting's concerns")
				}
				concern := res.Concerns[*in.ConcernIndex]
				in.ConcernID = &concern.ID
				if in.StakeholderID == nil {
					in.StakeholderID = &concern.StakeholderID
				}
			}
			if in.StakeholderID == nil && len(d.StakeholderIDs) == 1 {
				in.StakeholderID = &d.StakeholderIDs[0]
			}
			c, err := commitments.createCommitment(tx, actor, in.CommitmentChanges, prefix)
			if err != nil {
				return err
			}
			res.Commitments = append(res.Commitments, c)
		}
		return pending.flush(tx)
	})
	if err != nil {
		return models.MeetingResult{}, err
	}
	for i := range res.Concerns {
		redactConcern(actor, &res.Concerns[i])
	}
	for i := range res.Commitments {
		commitments := &CommitmentService{base: s.base}
		commitments.present(actor, &res.Commitments[i])
	}
	return res, nil
}

// UpdateDialogue changes the given fields, and who was present if given.
// Errors: Forbidden unless admin or officer; NotFound; Invalid; Stale.
func (s *DialogueService) UpdateDialogue(ctx context.Context, actor Actor, id string, ifMatch *int, in models.DialogueChanges) (models.Dialogue, error) {
	if err := actor.require(permEditRegister); err != nil {
		return models.Dialogue{}, err
	}
	var d models.Dialogue
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := lockRow(tx, "dialogues", id); err != nil {
			return err
		}
		old, err := getDialogue(tx, id)
		if err != nil {
			return err
		}
		if err := checkVersion(ifMatch, old.Version, "dialogue"); err != nil {
			return err
		}
		d = old
		if err := s.applyDialogue(tx, &d, in, false); err != nil {
			return err
		}
		d.Version++
		if err := saveVersioned(tx, &d, old.Version, "dialogue"); err != nil {
			return err
		}
		if in.StakeholderIDs != nil || in.UserIDs != nil {
			if err := tx.Where("dialogue_id = ?", d.ID).Delete(&models.DialogueStakeholder{}).Error; err != nil {
				return err
			}
			if err := tx.Where("dialogue_id = ?", d.ID).Delete(&models.DialogueUser{}).Error; err != nil {
				return err
			}
			if err := saveParticipants(tx, d); err != nil {
				return err
			}
		}
		return s.audit(tx, actor, "update", "dialogue", d.ID, old, d)
	})
	return d, err
}

// ArchiveDialogue takes a dialogue off the lists; its concerns and
// commitments stay. Errors: Forbidden unless admin or officer; NotFound.
func (s *DialogueService) ArchiveDialogue(ctx context.Context, actor Actor, id string) error {
	if err := actor.require(permEditRegister); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		if err := lockRow(tx, "dialogues", id); err != nil {
			return err
		}
		old, err := getDialogue(tx, id)
		if err != nil || old.ArchivedAt != nil {
			return err
		}
		d := old
		d.ArchivedAt = ptr(s.now())
		d.Version++
		if err := saveVersioned(tx, &d, old.Version, "dialogue"); err != nil {
			return err
		}
		return s.audit(tx, actor, "archive", "dialogue", d.ID, old, d)
	})
}

func saveParticipants(tx *gorm.DB, d models.Dialogue) error {
	if len(d.StakeholderIDs) > 0 {
		links := make([]models.DialogueStakeholder, len(d.StakeholderIDs))
		for i, id := range d.StakeholderIDs {
			links[i] = models.DialogueStakeholder{DialogueID: d.ID, StakeholderID: id}
		}
		if err := tx.Create(&links).Error; err != nil {
			return err
		}
	}
	if len(d.UserIDs) > 0 {
		links := make([]models.DialogueUser, len(d.UserIDs))
		for i, id := range d.UserIDs {
			links[i] = models.DialogueUser{DialogueID: d.ID, UserID: id}
		}
		return tx.Create(&links).Error
	}
	return nil
}

func (s *DialogueService) applyDialogue(tx *gorm.DB, d *models.Dialogue, in models.DialogueChanges, creating bool) error {
	for _, f := range []struct {
		dst *string
		src *string
	}{{&d.Title, in.Title}, {&d.Format, in.Format}, {&d.Purpose, in.Purpose}, {&d.EngagementLevel, in.EngagementLevel},
		{&d.Location, in.Location}, {&d.Summary, in.Summary}} {
		if f.src != nil {
			*f.dst = strings.TrimSpace(*f.src)
		}
	}
	if in.HeldAt != nil {
		d.HeldAt = in.HeldAt.UTC().Truncate(time.Microsecond)
	}
	if in.Topics != nil {
		d.Topics = cleanList(*in.Topics)
	}
	var ch checks
	if creating && in.HeldAt == nil {
		ch.add("held_at", "is required")
	}
	if in.StakeholderIDs != nil {
		d.StakeholderIDs = cleanList(*in.StakeholderIDs)
		for i, id := range d.StakeholderIDs {
			if err := checkRef(tx, &ch, fmt.Sprintf("stakeholder_ids[%d]", i), "stakeholders", id, "stakeholder"); err != nil {
				return err
			}
		}
	}
	if in.UserIDs != nil {
		d.UserIDs = cleanList(*in.UserIDs)
		for i, id := range d.UserIDs {
			if err := checkInternalUser(tx, &ch, fmt.Sprintf("user_ids[%d]", i), id); err != nil {
				return err
			}
		}
	}
	if len(d.StakeholderIDs) == 0 {
		ch.add("stakeholder_ids", "must name at least one stakeholder present")
	}
	ch.required("title", d.Title)
	ch.maxLen("title", d.Title, 300)
	ch.oneOf("format", d.Format, models.DialogueFormats)
	ch.oneOf("engagement_level", d.EngagementLevel, models.EngagementLevels)
	ch.maxLen("summary", d.Summary, 20000)
	if err := ch.err(); err != nil {
		return err
	}
	d.SearchText = searchText(d.Title, d.Purpose, d.Location, d.Summary, strings.Join(d.Topics, " "))
	return nil
}
