package models

import "time"

// User is a person who signs in. Deactivated, never deleted, so that the
// history they wrote keeps its author.
type User struct {
	ID            string `gorm:"primaryKey"`
	Email         string
	Name          string
	Role          Role
	StakeholderID *string // the one stakeholder a partner speaks for
	PasswordHash  string
	Locale        string
	Active        bool
	DeactivatedAt *time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
	Version       int
}

// UserFilter selects users in a list.
type UserFilter struct {
	Role          string
	StakeholderID string
	Active        *bool
	Q             string
	ListParams
}

// UserChanges is a PATCH of a user; nil fields stay as they are.
type UserChanges struct {
	Name            *string
	Email           *string
	Role            *Role
	StakeholderID   *string
	Locale          *string
	Active          *bool
	Password        *string
	CurrentPassword *string
}

// NewUser is what it takes to create a user.
type NewUser struct {
	Email         string
	Name          string
	Role          Role
	StakeholderID *string
	Locale        string
	Password      string
}

// Session is a signed-in browser. Kept in the database so that every replica
// knows it; only a hash of the cookie's secret is stored.
type Session struct {
	ID         string `gorm:"primaryKey"` // SHA-256 of the cookie value
	UserID     string
	CSRFToken  string `gorm:"column:csrf_token"`
	CreatedAt  time.Time
	ExpiresAt  time.Time
	LastSeenAt time.Time
}

// APIToken is a personal token for integrations; only its hash is kept.
type APIToken struct {
	ID         string `gorm:"primaryKey"`
	UserID     string
	Name       string
	TokenHash  string
	Prefix     string // the first characters, so a user can tell tokens apart
	CreatedAt  time.Time
	LastUsedAt *time.Time
	ExpiresAt  *time.Time
	RevokedAt  *time.Time
}

func (APIToken) TableName() string { return "api_tokens" }

// TokenFilter selects tokens in a list.
type TokenFilter struct {
	UserID string
	ListParams
}

// LoginFailure records a failed sign-in, to slow down guessing.
type LoginFailure struct {
	ID    string `gorm:"primaryKey"`
	Email string
	At    time.Time
}

// CalendarFeed is a user's secret calendar URL; only its hash is kept.
type CalendarFeed struct {
	UserID    string `gorm:"primaryKey"`
	TokenHash string
	CreatedAt time.Time
}
