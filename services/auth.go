package services

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"dialoog/models"
)

// AuthService signs people in and tells who is asking. Sessions and tokens
// live in the database, so every replica knows them; only hashes of their
// secrets are stored.
type AuthService struct {
	base
	bcryptCost int
	sessionTTL time.Duration
}

// Sign-in attempts are limited per email: after maxFailures failures within
// failureWindow, the next attempt is refused until the window has passed.
const (
	maxFailures   = 10
	failureWindow = 15 * time.Minute
)

// dummyHash is compared against when the email is unknown, so that an
// unknown email takes as long to refuse as a wrong password.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("dialoog-no-such-user"), bcrypt.MinCost)

// LoginResult is a new session: the cookie's secret, the CSRF token the
// client must echo on writes, and who signed in.
type LoginResult struct {
	User      models.User
	Secret    string
	CSRFToken string
	ExpiresAt time.Time
}

// Login checks an email and password and opens a session.
// Errors: Unauthorized for a wrong email or password (the same for both);
// TooMany after too many failures.
func (s *AuthService) Login(ctx context.Context, email, password string) (LoginResult, error) {
	email = normEmail(email)
	now := s.now()
	var (
		res    LoginResult
		failed bool
	)
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&models.LoginFailure{}).Where("email = ? AND at > ?", email, now.Add(-failureWindow)).Count(&n).Error; err != nil {
			return err
		}
		if n >= maxFailures {
			return models.Errorf(models.TooMany, "too many failed sign-ins for this email; try again in 15 minutes")
		}
		var u models.User
		err := tx.Where("email = ?", email).Take(&u).Error
		if err != nil && !isNotFound(err) {
			return err
		}
		hash := u.PasswordHash
		if hash == "" {
			hash = string(dummyHash)
		}
		if bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) != nil || !u.Active {
			failed = true
			return tx.Create(&models.LoginFailure{ID: newID(), Email: email, At: now}).Error
		}
		if err := tx.Where("email = ?", email).Delete(&models.LoginFailure{}).Error; err != nil {
			return err
		}
		res = LoginResult{User: u, Secret: randomSecret(32), CSRFToken: randomSecret(24), ExpiresAt: now.Add(s.sessionTTL)}
		sess := models.Session{ID: hashSecret(res.Secret), UserID: u.ID, CSRFToken: res.CSRFToken, CreatedAt: now, ExpiresAt: res.ExpiresAt, LastSeenAt: now}
		if err := tx.Create(&sess).Error; err != nil {
			return err
		}
		return s.audit(tx, Actor{UserID: u.ID}, "sign_in", "user", u.ID, nil, nil)
	})
	if err == nil && failed {
		err = models.Errorf(models.Unauthorized, "the email or password is not right")
	}
	return res, err
}

// Logout ends the session with this secret; an unknown one is no error.
func (s *AuthService) Logout(ctx context.Context, secret string) error {
	return translate(s.read(ctx).Where("id = ?", hashSecret(secret)).Delete(&models.Session{}).Error)
}

// SessionActor returns who holds the session with this secret, and the
// session's CSRF token. Sessions slide: use extends them.
// Errors: Unauthorized for an unknown, expired or deactivated one.
func (s *AuthService) SessionActor(ctx context.Context, secret string) (Actor, string, error) {
	db := s.read(ctx)
	now := s.now()
	// the session and its user in one query: every request asks this
	var sess struct {
		ID, UserID    string
		CSRFToken     string `gorm:"column:csrf_token"`
		LastSeenAt    time.Time
		Role          models.Role
		Name          string
		StakeholderID *string
		Active        bool
	}
	err := db.Table("sessions").Select("sessions.id, sessions.user_id, sessions.csrf_token, sessions.last_seen_at, users.role, users.name, users.stakeholder_id, users.active").
		Joins("JOIN users ON users.id = sessions.user_id").
		Where("sessions.id = ? AND sessions.expires_at > ?", hashSecret(secret), now).Take(&sess).Error
	if err != nil {
		if isNotFound(err) {
			return Actor{}, "", models.Errorf(models.Unauthorized, "your session has ended; sign in again")
		}
		return Actor{}, "", translate(err)
	}
	if !sess.Active {
		return Actor{}, "", models.Errorf(models.Unauthorized, "this account is deactivated")
	}
	actor := ActorOf(models.User{ID: sess.UserID, Role: sess.Role, Name: sess.Name, StakeholderID: sess.StakeholderID})
	// Extend the session at most once a minute, not on every request.
	if now.Sub(sess.LastSeenAt) > time.Minute {
		err := db.Model(&models.Session{}).Where("id = ?", sess.ID).
			Updates(map[string]any{"last_seen_at": now, "expires_at": now.Add(s.sessionTTL)}).Error
		if err != nil {
			return Actor{}, "", translate(err)
		}
	}
	return actor, sess.CSRFToken, nil
}

// TokenActor returns who holds this API token.
// Errors: Unauthorized for an unknown, revoked or expired token.
func (s *AuthService) TokenActor(ctx context.Context, token string) (Actor, error) {
	db := s.read(ctx)
	now := s.now()
	var t models.APIToken
	err := db.Where("token_hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)", hashSecret(token), now).Take(&t).Error
	if err != nil {
		if isNotFound(err) {
			return Actor{}, models.Errorf(models.Unauthorized, "the API token is not valid")
		}
		return Actor{}, translate(err)
	}
	actor, err := s.actorFor(db, t.UserID)
	if err != nil {
		return Actor{}, err
	}
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > time.Minute {
		if err := db.Model(&models.APIToken{}).Where("id = ?", t.ID).Update("last_used_at", now).Error; err != nil {
			return Actor{}, translate(err)
		}
	}
	return actor, nil
}

func (s *AuthService) actorFor(db *gorm.DB, userID string) (Actor, error) {
	var u models.User
	if err := db.Where("id = ? AND active", userID).Take(&u).Error; err != nil {
		if isNotFound(err) {
			return Actor{}, models.Errorf(models.Unauthorized, "this account is deactivated")
		}
		return Actor{}, translate(err)
	}
	return ActorOf(u), nil
}

// ActorOf is the actor for a user.
func ActorOf(u models.User) Actor {
	a := Actor{UserID: u.ID, Role: u.Role, Name: u.Name}
	if u.StakeholderID != nil {
		a.StakeholderID = *u.StakeholderID
	}
	return a
}

// Me returns the signed-in user.
// Errors: NotFound if the user vanished.
func (s *AuthService) Me(ctx context.Context, actor Actor) (Me, error) {
	db := s.read(ctx)
	u, err := getUser(db, actor.UserID)
	if err != nil || u.StakeholderID == nil {
		return Me{User: u}, err
	}
	// A partner may not read stakeholders, but may know whom they speak for.
	st, err := getStakeholder(db, *u.StakeholderID)
	return Me{User: u, StakeholderName: st.Name}, err
}

// Me is the signed-in user, and for a partner the name of their stakeholder.
type Me struct {
	User            models.User
	StakeholderName string
}

// randomSecret returns n random bytes as URL-safe text.
func randomSecret(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// hashSecret is how session and token secrets are stored. They are long and
// random, so a fast hash is enough; passwords get bcrypt.
func hashSecret(s string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(s)))
	return hex.EncodeToString(sum[:])
}

// RandomPassword returns a new random password, for generated sign-ins.
func RandomPassword() string { return randomSecret(18) }
