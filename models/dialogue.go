package models

import "time"

// Dialogue is one dialogue session: a meeting, call, hearing... with at least
// one stakeholder present.
type Dialogue struct {
	ID              string `gorm:"primaryKey"`
	Title           string
	HeldAt          time.Time
	Format          string
	Purpose         string
	EngagementLevel string
	Location        string
	Summary         string
	Topics          StringList
	CreatedBy       *string
	SearchText      string
	ArchivedAt      *time.Time
	CreatedAt       time.Time
	UpdatedAt       time.Time
	Version         int

	StakeholderIDs []string `gorm:"-"` // from dialogue_stakeholders
	UserIDs        []string `gorm:"-"` // from dialogue_users
}

// DialogueStakeholder links a dialogue to a stakeholder present.
type DialogueStakeholder struct {
	DialogueID    string `gorm:"primaryKey"`
	StakeholderID string `gorm:"primaryKey"`
}

// DialogueUser links a dialogue to an internal user present.
type DialogueUser struct {
	DialogueID string `gorm:"primaryKey"`
	UserID     string `gorm:"primaryKey"`
}

// DialogueFilter selects dialogues in a list.
type DialogueFilter struct {
	StakeholderID   string
	UserID          string
	Format          string
	EngagementLevel string
	Topic           string
	From            *time.Time
	To              *time.Time
	Archived        *bool
	Q               string
	ListParams
}

// DialogueChanges is a create or a PATCH of a dialogue.
type DialogueChanges struct {
	Title           *string
	HeldAt          *time.Time
	Format          *string
	Purpose         *string
	EngagementLevel *string
	Location        *string
	Summary         *string
	Topics          *[]string
	StakeholderIDs  *[]string
	UserIDs         *[]string
}

// Meeting is a whole logged meeting: the dialogue with the concerns raised in
// it and the commitments made, stored all together or not at all.
type Meeting struct {
	Dialogue    DialogueChanges
	Concerns    []ConcernChanges
	Commitments []MeetingCommitment
}

// MeetingCommitment is a commitment made in a meeting. ConcernIndex links it to
// a concern of the same meeting (by position), since that concern has no id yet.
type MeetingCommitment struct {
	CommitmentChanges
	ConcernIndex *int
}

// MeetingResult is what logging a meeting stored.
type MeetingResult struct {
	Dialogue    Dialogue
	Concerns    []Concern
	Commitments []Commitment
}
