package services

import (
	"context"
	"encoding/json"
	"slices"

	"gorm.io/gorm"

	"dialoog/models"
)

// AuditService reads the audit trail. Writing it is done by every other
// service, in the transaction of the change itself.
type AuditService struct{ base }

// audit records one change in tx. before and after are the record as it was
// and as it is (nil for a create or a delete).
func (b base) audit(tx *gorm.DB, actor Actor, action, recordType, recordID string, before, after any) error {
	ev := models.AuditEvent{
		ID:         newID(),
		At:         b.now(),
		ActorID:    actor.ref(),
		Action:     action,
		RecordType: recordType,
		RecordID:   recordID,
		Before:     snapshot(before),
		After:      snapshot(after),
	}
	return insert(tx, &ev)
}

var auditSort = sortKeys{
	"at": {column: "at", kind: keyTime, value: func(r any) any { return r.(*models.AuditEvent).At }},
}

// FindAuditEvents lists audit events, newest first by default.
// Errors: Forbidden for officers and partners; Invalid for a bad filter.
func (s *AuditService) FindAuditEvents(ctx context.Context, actor Actor, f models.AuditFilter) (models.Page[models.AuditEvent], error) {
	if err := actor.require(permReadAudit); err != nil {
		return models.Page[models.AuditEvent]{}, err
	}
	q := s.read(ctx).Model(&models.AuditEvent{})
	if f.RecordID != "" {
		q = q.Where("record_id = ?", f.RecordID)
	}
	if f.RecordType != "" {
		q = q.Where("record_type = ?", f.RecordType)
	}
	if f.ActorID != "" {
		q = q.Where("actor_id = ?", f.ActorID)
	}
	if f.From != nil {
		q = q.Where("at >= ?", f.From.UTC())
	}
	if f.To != nil {
		q = q.Where("at < ?", f.To.UTC())
	}
	page, err := paginate(q, "audit_events", auditSort, "-at", f.ListParams, func(e models.AuditEvent) string { return e.ID })
	if err != nil || actor.can(permSeeConfidential) {
		return page, err
	}
	return page, translate(redactConfidentialEvents(s.read(ctx), page.Items))
}

// redactConfidentialEvents hides who raised a confidential concern in its
// audit events, as everywhere else: in every event of a concern that is
// confidential now, or that was confidential on either side of the change.
func redactConfidentialEvents(db *gorm.DB, events []models.AuditEvent) error {
	var ids []string
	for _, ev := range events {
		if ev.RecordType == "concern" {
			ids = append(ids, ev.RecordID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	var secret []string
	if err := db.Model(&models.Concern{}).Where("id IN ? AND confidential", ids).Pluck("id", &secret).Error; err != nil {
		return err
	}
	for i := range events {
		ev := &events[i]
		if ev.RecordType != "concern" {
			continue
		}
		before, after := decodeSnapshot(ev.Before), decodeSnapshot(ev.After)
		if !slices.Contains(secret, ev.RecordID) && before["confidential"] != true && after["confidential"] != true {
			continue
		}
		ev.Before, ev.After = redactSnapshot(ev.Before, before), redactSnapshot(ev.After, after)
	}
	return nil
}

func decodeSnapshot(s *string) map[string]any {
	var m map[string]any
	if s != nil {
		_ = json.Unmarshal([]byte(*s), &m)
	}
	return m
}

func redactSnapshot(s *string, m map[string]any) *string {
	if m == nil {
		return s
	}
	m["stakeholder_id"], m["contact_id"] = nil, nil
	b, _ := json.Marshal(m)
	out := string(b)
	return &out
}
