package models

import "time"

// Concern is something a stakeholder raised. Its status moves
// open → acknowledged → responded → closed, and the time of each step is kept
// so that responsiveness can be measured.
type Concern struct {
	ID             string `gorm:"primaryKey"`
	StakeholderID  string
	ContactID      *string // the person who raised it, if known
	DialogueID     *string
	Title          string
	Description    string
	Topic          string
	Severity       string
	Status         string
	Response       string
	Decision       string
	Confidential   bool
	RaisedAt       time.Time
	AcknowledgedAt *time.Time
	RespondedAt    *time.Time
	ClosedAt       *time.Time
	SearchText     string
	ArchivedAt     *time.Time
	CreatedAt      time.Time
	UpdatedAt      time.Time
	Version        int
}

// ConcernFilter selects concerns in a list.
type ConcernFilter struct {
	StakeholderID string
	DialogueID    string
	Topic         string
	Severity      string
	Status        string
	Confidential  *bool
	Archived      *bool
	Q             string
	ListParams
}

// ConcernChanges is a create or a PATCH of a concern.
type ConcernChanges struct {
	StakeholderID *string
	ContactID     *string // "" clears
	DialogueID    *string // "" clears
	Title         *string
	Description   *string
	Topic         *string
	Severity      *string
	Status        *string
	Response      *string
	Decision      *string
	Confidential  *bool
	RaisedAt      *time.Time
}
