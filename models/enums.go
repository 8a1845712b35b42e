package models

import "slices"

// Role is what a user may do; see the permission table in DESIGN.md.
type Role string

const (
	RoleAdmin    Role = "admin"
	RoleOfficer  Role = "officer"
	RoleDirector Role = "director"
	RolePartner  Role = "partner"
)

// The allowed values of each enumerated field. The API's validation and the
// services both read these lists, so that a value is allowed in one place.
var (
	Roles              = []string{"admin", "officer", "director", "partner"}
	StakeholderKinds   = []string{"organisation", "group", "person"}
	Categories         = []string{"community", "employee", "customer", "supplier", "investor", "government", "ngo", "media", "academia", "other"}
	Stances            = []string{"supportive", "neutral", "critical", "unknown"}
	DialogueFormats    = []string{"meeting", "workshop", "call", "site_visit", "hearing", "survey", "email", "online", "other"}
	EngagementLevels   = []string{"inform", "consult", "involve", "collaborate", "empower"}
	Severities         = []string{"low", "medium", "high", "critical"}
	ConcernStatuses    = []string{"open", "acknowledged", "responded", "closed"}
	CommitmentStatuses = []string{"open", "in_progress", "done", "cancelled"}
	Verdicts           = []string{"accepted", "disputed"}
	Locales            = []string{"en", "nl"}
)

// IsOneOf reports whether v is one of the allowed values.
func IsOneOf(v string, allowed []string) bool { return slices.Contains(allowed, v) }
