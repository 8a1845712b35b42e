package services

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"dialoog/models"
)

// UserService keeps the people who sign in.
type UserService struct {
	base
	bcryptCost int
}

// MinPasswordLength is the shortest password accepted. bcrypt reads at most
// 72 bytes, so longer ones are refused rather than silently cut.
const (
	MinPasswordLength = 10
	maxPasswordBytes  = 72
)

var userSort = sortKeys{
	"name":       {column: "name", kind: keyText, value: func(r any) any { return r.(*models.User).Name }},
	"email":      {column: "email", kind: keyText, value: func(r any) any { return r.(*models.User).Email }},
	"created_at": {column: "created_at", kind: keyTime, value: func(r any) any { return r.(*models.User).CreatedAt }},
}

// FindUsers lists users by name.
// Errors: Forbidden for partners; Invalid.
func (s *UserService) FindUsers(ctx context.Context, actor Actor, f models.UserFilter) (models.Page[models.User], error) {
	if err := actor.require(permReadInternal); err != nil {
		return models.Page[models.User]{}, err
	}
	q := s.read(ctx).Model(&models.User{})
	if f.Role != "" {
		q = q.Where("role = ?", f.Role)
	}
	if f.StakeholderID != "" {
		q = q.Where("stakeholder_id = ?", f.StakeholderID)
	}
	if f.Active != nil {
		q = q.Where("active = ?", *f.Active)
	}
	if f.Q != "" {
		p := likePattern(f.Q)
		q = q.Where(`(LOWER(name) LIKE ? ESCAPE '\' OR LOWER(email) LIKE ? ESCAPE '\')`, p, p)
	}
	return paginate(q, "users", userSort, "name", f.ListParams, func(r models.User) string { return r.ID })
}

// GetUser returns one user; anyone may read themselves.
// Errors: Forbidden for partners reading others; NotFound.
func (s *UserService) GetUser(ctx context.Context, actor Actor, id string) (models.User, error) {
	if id != actor.UserID {
		if err := actor.require(permReadInternal); err != nil {
			return models.User{}, err
		}
	}
	return getUser(s.read(ctx), id)
}

func getUser(tx *gorm.DB, id string) (models.User, error) {
	return getByID[models.User](tx, id, "user")
}

// CreateUser adds a user. A partner must name the stakeholder they speak for.
// Errors: Forbidden unless admin; Invalid; Conflict for an email in use.
func (s *UserService) CreateUser(ctx context.Context, actor Actor, in models.NewUser) (models.User, error) {
	if err := actor.require(permManageUsers); err != nil {
		return models.User{}, err
	}
	var u models.User
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		u, err = s.createUser(tx, actor, in)
		return err
	})
	return u, err
}

func (s *UserService) createUser(tx *gorm.DB, actor Actor, in models.NewUser) (models.User, error) {
	now := s.now()
	locale := in.Locale
	if locale == "" {
		locale = "en"
	}
	u := models.User{ID: newID(), Email: normEmail(in.Email), Name: strings.TrimSpace(in.Name), Role: in.Role,
		StakeholderID: in.StakeholderID, Locale: locale, Active: true, CreatedAt: now, UpdatedAt: now, Version: 1}
	var ch checks
	ch.required("email", u.Email)
	ch.email("email", u.Email)
	ch.required("name", u.Name)
	ch.maxLen("name", u.Name, 200)
	ch.oneOf("role", string(u.Role), models.Roles)
	ch.oneOf("locale", u.Locale, models.Locales)
	checkPassword(&ch, "password", in.Password)
	if err := checkPartnerLink(tx, &ch, u); err != nil {
		return u, err
	}
	if err := ch.err(); err != nil {
		return u, err
	}
	if err := emailFree(tx, u.Email, ""); err != nil {
		return u, err
	}
	hash, err := s.hash(in.Password)
	if err != nil {
		return u, err
	}
	u.PasswordHash = hash
	if err := tx.Create(&u).Error; err != nil {
		return u, err
	}
	return u, s.audit(tx, actor, "create", "user", u.ID, nil, u)
}

// UpdateUser changes a user. An admin may change anything; anyone may change
// their own name, language and password (giving the current one).
// Deactivating signs the user out everywhere.
// Errors: Forbidden; NotFound; Invalid; Conflict for an email in use or for
// taking away the last active admin; Stale.
func (s *UserService) UpdateUser(ctx context.Context, actor Actor, id string, ifMatch *int, in models.UserChanges) (models.User, error) {
	admin := actor.can(permManageUsers)
	if !admin {
		if id != actor.UserID {
			if actor.can(permReadInternal) {
				return models.User{}, forbidden("only admins may change other users")
			}
			return models.User{}, forbidden("your role (%s) may not change users", actor.Role)
		}
		if in.Email != nil || in.Role != nil || in.StakeholderID != nil || in.Active != nil {
			return models.User{}, forbidden("you may change only your own name, locale and password")
		}
	}
	var u models.User
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := lockRow(tx, "users", id); err != nil {
			return err
		}
		old, err := getUser(tx, id)
		if err != nil {
			return err
		}
		if err := checkVersion(ifMatch, old.Version, "user"); err != nil {
			return err
		}
		u = old
		var ch checks
		if in.Name != nil {
			u.Name = strings.TrimSpace(*in.Name)
		}
		if in.Email != nil {
			u.Email = normEmail(*in.Email)
		}
		if in.Role != nil {
			u.Role = *in.Role
		}
		if in.StakeholderID != nil {
			u.StakeholderID = nilIfEmpty(strings.TrimSpace(*in.StakeholderID))
		}
		if in.Locale != nil {
			u.Locale = *in.Locale
		}
		if in.Active != nil && *in.Active != old.Active {
			u.Active = *in.Active
			u.DeactivatedAt = nil
			if !u.Active {
				u.DeactivatedAt = ptr(s.now())
			}
		}
		ch.required("name", u.Name)
		ch.maxLen("name", u.Name, 200)
		ch.required("email", u.Email)
		ch.email("email", u.Email)
		ch.oneOf("role", string(u.Role), models.Roles)
		ch.oneOf("locale", u.Locale, models.Locales)
		if in.Password != nil {
			checkPassword(&ch, "password", *in.Password)
			if !admin || id == actor.UserID {
				if in.CurrentPassword == nil || bcrypt.CompareHashAndPassword([]byte(old.PasswordHash), []byte(*in.CurrentPassword)) != nil {
					ch.add("current_password", "is not your current password")
				}
			}
		}
		if in.Role != nil || in.StakeholderID != nil {
			if err := checkPartnerLink(tx, &ch, u); err != nil {
				return err
			}
		}
		if err := ch.err(); err != nil {
			return err
		}
		if u.Email != old.Email {
			if err := emailFree(tx, u.Email, u.ID); err != nil {
				return err
			}
		}
		if old.Role == models.RoleAdmin && old.Active && (u.Role != models.RoleAdmin || !u.Active) {
			if err := keepOneAdmin(tx, u.ID); err != nil {
				return err
			}
		}
		if in.Password != nil {
			hash, err := s.hash(*in.Password)
			if err != nil {
				return err
			}
			u.PasswordHash = hash
		}
		u.Version++
		if err := saveVersioned(tx, &u, old.Version, "user"); err != nil {
			return err
		}
		if !u.Active || u.Role != old.Role || in.Password != nil {
			// a session or token must not outlive the access it was given for
			if err := endSessions(tx, u.ID, s.now(), !u.Active || u.Role != old.Role); err != nil {
				return err
			}
		}
		return s.audit(tx, actor, "update", "user", u.ID, old, u)
	})
	return u, err
}

// DeactivateUser deactivates a user; they can no longer sign in, and what
// they wrote keeps their name.
// Errors: Forbidden unless admin; NotFound; Conflict for the last admin.
func (s *UserService) DeactivateUser(ctx context.Context, actor Actor, id string) error {
	_, err := s.UpdateUser(ctx, actor, id, nil, models.UserChanges{Active: ptr(false)})
	return err
}

// endSessions signs a user out everywhere, and revokes their API tokens too
// when their access itself changed.
func endSessions(tx *gorm.DB, userID string, now any, tokens bool) error {
	if err := tx.Where("user_id = ?", userID).Delete(&models.Session{}).Error; err != nil {
		return err
	}
	if !tokens {
		return nil
	}
	return tx.Model(&models.APIToken{}).Where("user_id = ? AND revoked_at IS NULL", userID).Update("revoked_at", now).Error
}

func keepOneAdmin(tx *gorm.DB, exceptID string) error {
	var n int64
	if err := tx.Model(&models.User{}).Where("role = ? AND active AND id <> ?", models.RoleAdmin, exceptID).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return models.Errorf(models.Conflict, "this is the last active admin; make someone else admin first")
	}
	return nil
}

func checkPartnerLink(tx *gorm.DB, ch *checks, u models.User) error {
	if u.Role == models.RolePartner {
		if u.StakeholderID == nil {
			ch.add("stakeholder_id", "is required for a partner: the stakeholder they speak for")
			return nil
		}
		return checkRef(tx, ch, "stakeholder_id", "stakeholders", *u.StakeholderID, "stakeholder")
	}
	if u.StakeholderID != nil {
		ch.add("stakeholder_id", "is only for partners")
	}
	return nil
}

func checkPassword(ch *checks, field, pw string) {
	switch {
	case utf8.RuneCountInString(pw) < MinPasswordLength:
		ch.add(field, "must be at least %d characters", MinPasswordLength)
	case len(pw) > maxPasswordBytes:
		ch.add(field, "must be at most %d bytes", maxPasswordBytes)
	}
}

func emailFree(tx *gorm.DB, email, exceptID string) error {
	var n int64
	q := tx.Model(&models.User{}).Where("email = ?", email)
	if exceptID != "" {
		q = q.Where("id <> ?", exceptID)
	}
	if err := q.Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return &models.Error{Code: models.Conflict, Message: "a user with this email already exists",
			Fields: []models.FieldError{{Field: "email", Message: "email is already in use"}}}
	}
	return nil
}

func normEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func (s *UserService) hash(pw string) (string, error) { return hashPassword(pw, s.bcryptCost) }

func hashPassword(pw string, cost int) (string, error) {
	if cost == 0 {
		cost = bcrypt.DefaultCost
	}
	h, err := bcrypt.GenerateFromPassword([]byte(pw), cost)
	if errors.Is(err, bcrypt.ErrPasswordTooLong) {
		return "", models.InvalidField("password", "password must be at most 72 bytes")
	}
	return string(h), err
}

// EnsureAdmin creates the first admin when there are no users at all, and
// reports whether it did. An empty password is generated and returned.
func (s *UserService) EnsureAdmin(ctx context.Context, email, name, password string) (created bool, usedPassword string, err error) {
	err = s.tx(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&models.User{}).Count(&n).Error; err != nil || n > 0 {
			return err
		}
		if password == "" {
			password = randomSecret(18)
		}
		if _, err := s.createUser(tx, System, models.NewUser{Email: email, Name: name, Role: models.RoleAdmin, Password: password}); err != nil {
			return err
		}
		created, usedPassword = true, password
		return nil
	})
	return created, usedPassword, err
}

// AddUser creates a user from the command line, as the system.
// Errors: Invalid; Conflict.
func (s *UserService) AddUser(ctx context.Context, in models.NewUser) (models.User, error) {
	return s.CreateUser(ctx, System, in)
}
