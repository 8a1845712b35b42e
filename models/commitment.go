package models

import "time"

// Commitment is a follow-up the organisation promised a stakeholder.
type Commitment struct {
	ID             string `gorm:"primaryKey"`
	Title          string
	Description    string
	StakeholderID  string
	ConcernID      *string
	DialogueID     *string
	OwnerID        *string
	DueOn          Date
	Status         string
	Shared         bool
	DoneAt         *time.Time
	PartnerVerdict *string
	VerdictReason  string
	VerdictAt      *time.Time
	VerdictBy      *string
	SearchText     string
	ArchivedAt     *time.Time
	CreatedAt      time.Time
	UpdatedAt      time.Time
	Version        int

	Overdue bool `gorm:"-"` // set by the services when read, by their clock
}

// IsOverdue reports whether the commitment is past due and not finished.
func (c Commitment) IsOverdue(today Date) bool {
	return c.DueOn < today && c.Status != "done" && c.Status != "cancelled"
}

// CommitmentFilter selects commitments in a list.
type CommitmentFilter struct {
	Status        string
	OwnerID       string
	StakeholderID string
	ConcernID     string
	DialogueID    string
	Shared        *bool
	Overdue       *bool
	DueBefore     *Date
	DueAfter      *Date
	Verdict       string
	Archived      *bool
	Q             string
	ListParams
}

// CommitmentChanges is a create or a PATCH of a commitment.
type CommitmentChanges struct {
	Title         *string
	Description   *string
	StakeholderID *string
	ConcernID     *string // "" clears
	DialogueID    *string // "" clears
	OwnerID       *string // "" clears
	DueOn         *Date
	Status        *string
	Shared        *bool
}

// CommitmentUpdate is a progress note on a commitment. Shared ones are seen by
// the partner; a partner's reply is always shared.
type CommitmentUpdate struct {
	ID           string `gorm:"primaryKey"`
	CommitmentID string
	AuthorID     string
	Text         string
	Shared       bool
	CreatedAt    time.Time

	AuthorName string `gorm:"->"` // read with the author, never written
	AuthorRole string `gorm:"->"`
}

// NewUpdate is what it takes to add a progress note.
type NewUpdate struct {
	Text   string
	Shared bool
}

// Verdict is a partner's word on a done commitment.
type Verdict struct {
	Verdict string
	Reason  string
}
