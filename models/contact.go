package models

import "time"

// Contact is a person at a stakeholder. Personal data: it can be exported and
// erased on request.
type Contact struct {
	ID            string `gorm:"primaryKey"`
	StakeholderID string
	Name          string
	Role          string
	Email         string
	Phone         string
	Notes         string
	SearchText    string
	ArchivedAt    *time.Time
	ErasedAt      *time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
	Version       int
}

// ContactFilter selects the contacts of one stakeholder.
type ContactFilter struct {
	StakeholderID string
	Archived      *bool
	Q             string
	ListParams
}

// ContactChanges is a create or a PATCH of a contact.
type ContactChanges struct {
	Name  *string
	Role  *string
	Email *string
	Phone *string
	Notes *string
}
