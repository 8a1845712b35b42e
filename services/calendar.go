package services

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"dialoog/models"
)

// CalendarService keeps each user's calendar feed: a secret URL that
// Outlook or Google Calendar subscribe to, listing the due dates of the
// user's commitments. Calendar clients cannot sign in, so the secret in the
// URL is the key; it can be revoked or replaced at any time.
type CalendarService struct{ base }

// calendarPrefix marks feed secrets, as tokenPrefix does API tokens.
const calendarPrefix = "cal_"

// CalendarFeedState says whether a user has a feed, and since when.
type CalendarFeedState struct {
	Active    bool
	CreatedAt *time.Time
}

// FeedState tells whether the actor has a calendar feed.
func (s *CalendarService) FeedState(ctx context.Context, actor Actor) (CalendarFeedState, error) {
	var f models.CalendarFeed
	err := s.read(ctx).Where("user_id = ?", actor.UserID).Take(&f).Error
	if isNotFound(err) {
		return CalendarFeedState{}, nil
	}
	if err != nil {
		return CalendarFeedState{}, translate(err)
	}
	return CalendarFeedState{Active: true, CreatedAt: &f.CreatedAt}, nil
}

// CreateFeed makes a new secret for the actor's feed, replacing (and so
// revoking) any earlier one, and returns it: it is shown this once.
func (s *CalendarService) CreateFeed(ctx context.Context, actor Actor) (string, time.Time, error) {
	secret := calendarPrefix + randomSecret(24)
	now := s.now()
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("user_id = ?", actor.UserID).Delete(&models.CalendarFeed{}).Error; err != nil {
			return err
		}
		f := models.CalendarFeed{UserID: actor.UserID, TokenHash: hashSecret(secret), CreatedAt: now}
		if err := tx.Create(&f).Error; err != nil {
			return err
		}
		return s.audit(tx, actor, "create", "calendar_feed", actor.UserID, nil, map[string]any{"created_at": f.CreatedAt})
	})
	return secret, now, err
}

// RevokeFeed ends the actor's feed; its URL stops working at once.
func (s *CalendarService) RevokeFeed(ctx context.Context, actor Actor) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Where("user_id = ?", actor.UserID).Delete(&models.CalendarFeed{})
		if res.Error != nil || res.RowsAffected == 0 {
			return res.Error
		}
		return s.audit(tx, actor, "revoke", "calendar_feed", actor.UserID, nil, nil)
	})
}

// FeedItem is a commitment in a calendar feed, with the name of the
// stakeholder it is owed to.
type FeedItem struct {
	models.Commitment
	StakeholderName string
}

// Feed returns the owner of the feed with this secret and the commitments
// its calendar lists: for internal users those they own, for a partner the
// shared ones owed to their stakeholder; unfinished ones, and those finished
// in the last 90 days.
// Errors: NotFound for an unknown or revoked secret, or a deactivated user.
func (s *CalendarService) Feed(ctx context.Context, secret string) (models.User, []FeedItem, error) {
	db := s.read(ctx)
	var u models.User
	if !strings.HasPrefix(secret, calendarPrefix) {
		return u, nil, notFound("calendar")
	}
	err := db.Table("users").Select("users.*").Joins("JOIN calendar_feeds f ON f.user_id = users.id").
		Where("f.token_hash = ? AND users.active", hashSecret(secret)).Take(&u).Error
	if isNotFound(err) {
		return u, nil, notFound("calendar")
	}
	if err != nil {
		return u, nil, translate(err)
	}
	q := db.Table("commitments c").Select("c.*, s.name AS stakeholder_name").
		Joins("JOIN stakeholders s ON s.id = c.stakeholder_id").
		Where("c.archived_at IS NULL AND (c.status IN ('open', 'in_progress') OR (c.status = 'done' AND c.done_at > ?))", s.now().AddDate(0, 0, -90))
	if u.Role == models.RolePartner && u.StakeholderID != nil {
		q = q.Where("c.stakeholder_id = ? AND c.shared", *u.StakeholderID)
	} else {
		q = q.Where("c.owner_id = ?", u.ID)
	}
	var items []FeedItem
	err = q.Order("c.due_on, c.id").Limit(2000).Scan(&items).Error
	return u, items, translate(err)
}
