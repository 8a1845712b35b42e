package services

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"dialoog/models"
)

// TokenService keeps personal API tokens. A token acts as its user.
type TokenService struct{ base }

// tokenPrefix marks Dialoog's tokens, so that secret scanners can find them.
const tokenPrefix = "dlg_"

var tokenSort = sortKeys{
	"created_at": {column: "created_at", kind: keyTime, value: func(r any) any { return r.(*models.APIToken).CreatedAt }},
}

// NewToken is a created token with its secret, shown this once.
type NewToken struct {
	models.APIToken
	Secret string
}

// CreateToken makes a token for the actor.
// Errors: Invalid.
func (s *TokenService) CreateToken(ctx context.Context, actor Actor, name string, expiresAt *time.Time) (NewToken, error) {
	name = strings.TrimSpace(name)
	var ch checks
	ch.required("name", name)
	ch.maxLen("name", name, 100)
	if expiresAt != nil && !expiresAt.After(s.now()) {
		ch.add("expires_at", "must be in the future")
	}
	if err := ch.err(); err != nil {
		return NewToken{}, err
	}
	secret := tokenPrefix + randomSecret(32)
	t := models.APIToken{ID: newID(), UserID: actor.UserID, Name: name, TokenHash: hashSecret(secret),
		Prefix: secret[:len(tokenPrefix)+6], CreatedAt: s.now(), ExpiresAt: expiresAt}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&t).Error; err != nil {
			return err
		}
		return s.audit(tx, actor, "create", "api_token", t.ID, nil, t)
	})
	return NewToken{APIToken: t, Secret: secret}, err
}

// FindTokens lists the actor's own tokens; an admin may ask for anyone's.
// Errors: Forbidden for a non-admin asking for another user's; Invalid.
func (s *TokenService) FindTokens(ctx context.Context, actor Actor, f models.TokenFilter) (models.Page[models.APIToken], error) {
	q := s.read(ctx).Model(&models.APIToken{})
	switch {
	case f.UserID != "" && f.UserID != actor.UserID:
		if err := actor.require(permManageUsers); err != nil {
			return models.Page[models.APIToken]{}, err
		}
		q = q.Where("user_id = ?", f.UserID)
	case f.UserID == "" && actor.can(permManageUsers):
		// an admin sees every token
	default:
		q = q.Where("user_id = ?", actor.UserID)
	}
	return paginate(q, "api_tokens", tokenSort, "-created_at", f.ListParams, func(r models.APIToken) string { return r.ID })
}

// GetToken returns one token (never its secret).
// Errors: NotFound, also for another user's token unless admin.
func (s *TokenService) GetToken(ctx context.Context, actor Actor, id string) (models.APIToken, error) {
	return s.getToken(s.read(ctx), actor, id)
}

func (s *TokenService) getToken(tx *gorm.DB, actor Actor, id string) (models.APIToken, error) {
	var t models.APIToken
	if !validID(id) {
		return t, notFound("token")
	}
	q := tx.Where("id = ?", id)
	if !actor.can(permManageUsers) {
		q = q.Where("user_id = ?", actor.UserID)
	}
	if err := q.Take(&t).Error; err != nil {
		if isNotFound(err) {
			return t, notFound("token")
		}
		return t, err
	}
	return t, nil
}

// RevokeToken revokes a token at once; revoking twice is not an error.
// Errors: NotFound, also for another user's token unless admin.
func (s *TokenService) RevokeToken(ctx context.Context, actor Actor, id string) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		old, err := s.getToken(tx, actor, id)
		if err != nil || old.RevokedAt != nil {
			return err
		}
		t := old
		t.RevokedAt = ptr(s.now())
		if err := tx.Model(&t).Update("revoked_at", t.RevokedAt).Error; err != nil {
			return err
		}
		return s.audit(tx, actor, "revoke", "api_token", t.ID, old, t)
	})
}

// RenameToken changes a token's name.
// Errors: NotFound, also for another user's token unless admin; Invalid.
func (s *TokenService) RenameToken(ctx context.Context, actor Actor, id, name string) (models.APIToken, error) {
	name = strings.TrimSpace(name)
	var ch checks
	ch.required("name", name)
	ch.maxLen("name", name, 100)
	if err := ch.err(); err != nil {
		return models.APIToken{}, err
	}
	var t models.APIToken
	err := s.tx(ctx, func(tx *gorm.DB) error {
		old, err := s.getToken(tx, actor, id)
		if err != nil {
			return err
		}
		t = old
		t.Name = name
		if err := tx.Model(&t).Update("name", name).Error; err != nil {
			return err
		}
		return s.audit(tx, actor, "update", "api_token", t.ID, old, t)
	})
	return t, err
}
