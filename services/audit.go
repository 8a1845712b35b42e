package services

import (
	"context"

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
	return tx.Create(&ev).Error
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
	return paginate(q, "audit_events", auditSort, "-at", f.ListParams, func(e models.AuditEvent) string { return e.ID })
}
