package models

import "time"

// AuditEvent records one change to the register: who, when, what, before and
// after. Written in the same transaction as the change; never edited.
type AuditEvent struct {
	ID         string `gorm:"primaryKey"`
	At         time.Time
	ActorID    *string
	Action     string // create, update, archive, restore, delete, erase, sign_in...
	RecordType string
	RecordID   string
	Before     *string // JSON
	After      *string // JSON
}

// AuditFilter selects audit events.
type AuditFilter struct {
	RecordID   string
	RecordType string
	ActorID    string
	From       *time.Time
	To         *time.Time
	ListParams
}
