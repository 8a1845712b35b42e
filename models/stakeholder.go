package models

import "time"

// Stakeholder is an organisation, group or person the organisation affects.
// Archived, never deleted: its dialogue history must stay.
type Stakeholder struct {
	ID          string `gorm:"primaryKey"`
	Name        string
	Kind        string
	Category    string
	Influence   int
	Interest    int
	Stance      string
	Email       string
	Phone       string
	Website     string
	Address     string
	Country     string
	Tags        StringList
	OwnerID     *string
	Description string
	SearchText  string
	ArchivedAt  *time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Version     int
}

// StakeholderFilter selects stakeholders in a list.
type StakeholderFilter struct {
	Kind     string
	Category string
	Stance   string
	OwnerID  string
	Country  string
	Tag      string
	Archived *bool // nil: only active ones
	Q        string
	ListParams
}

// StakeholderChanges is a create (all set) or a PATCH (nil stays).
type StakeholderChanges struct {
	Name        *string
	Kind        *string
	Category    *string
	Influence   *int
	Interest    *int
	Stance      *string
	Email       *string
	Phone       *string
	Website     *string
	Address     *string
	Country     *string
	Tags        *[]string
	OwnerID     *string // "" clears
	Description *string
	Archived    *bool
}
