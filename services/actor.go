package services

import "dialoog/models"

// Actor is who is asking: the signed-in user, with their role and, for a
// partner, the stakeholder they speak for. Every service method takes one.
type Actor struct {
	UserID        string
	Role          models.Role
	StakeholderID string // partners only
	Name          string
}

// permission is one row of the permission table in DESIGN.md.
type permission int

const (
	permManageUsers     permission = iota // users and other people's tokens
	permEditRegister                      // stakeholders, contacts, dialogues, concerns
	permEditCommitments                   // every field of a commitment
	permPlanCommitments                   // status, owner and due date of a commitment
	permReadInternal                      // every internal record
	permReadAudit                         // the audit trail
	permReplyShared                       // progress notes on commitments
	permGiveVerdict                       // accept or dispute a done, shared commitment
	permSeeConfidential                   // who raised a confidential concern
)

// permissions is the permission table; anything not listed is refused.
var permissions = map[models.Role]map[permission]bool{
	models.RoleAdmin: {
		permManageUsers: true, permEditRegister: true, permEditCommitments: true, permPlanCommitments: true,
		permReadInternal: true, permReadAudit: true, permReplyShared: true,
	},
	models.RoleOfficer: {
		permEditRegister: true, permEditCommitments: true, permPlanCommitments: true,
		permReadInternal: true, permReplyShared: true, permSeeConfidential: true,
	},
	models.RoleDirector: {
		permPlanCommitments: true, permReadInternal: true, permReadAudit: true, permReplyShared: true,
	},
	models.RolePartner: {
		permReplyShared: true, permGiveVerdict: true,
	},
}

func (a Actor) can(p permission) bool { return permissions[a.Role][p] }

// require returns Forbidden unless the actor has permission p.
func (a Actor) require(p permission) error {
	if a.can(p) {
		return nil
	}
	return forbidden("your role (%s) may not do this", a.Role)
}

func (a Actor) isPartner() bool { return a.Role == models.RolePartner }

// actorRef is the actor's id for records that keep their author; nil for the
// system itself (bootstrap, demo data).
func (a Actor) ref() *string {
	if a.UserID == "" {
		return nil
	}
	id := a.UserID
	return &id
}

// System is the actor for work the program does by itself: the first admin,
// the demo data, migrations.
var System = Actor{Role: models.RoleAdmin, Name: "system"}
