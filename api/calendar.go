package api

import (
	"net/http"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/gin-gonic/gin"

	"dialoog/models"
)

type calendarFeedResponse struct {
	Active    bool       `json:"active"`
	CreatedAt *time.Time `json:"created_at"`
	URL       *string    `json:"url,omitempty"` // only when just made
}

func (s *Server) getCalendarFeed(c *gin.Context) {
	st, err := s.svc.Calendar.FeedState(c.Request.Context(), actor(c))
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, calendarFeedResponse{Active: st.Active, CreatedAt: st.CreatedAt})
}

// createCalendarFeed makes (or replaces) the signed-in user's feed and
// answers its URL, this once.
func (s *Server) createCalendarFeed(c *gin.Context) {
	secret, createdAt, err := s.svc.Calendar.CreateFeed(c.Request.Context(), actor(c))
	if err != nil {
		fail(c, err)
		return
	}
	scheme := "http"
	if c.Request.TLS != nil || s.cfg.SecureCookies {
		scheme = "https"
	}
	url := scheme + "://" + c.Request.Host + "/calendar/" + secret + ".ics"
	c.Header("Cache-Control", "no-store")
	c.Header("Location", "/api/v1/calendar-feed")
	c.JSON(http.StatusCreated, calendarFeedResponse{Active: true, CreatedAt: &createdAt, URL: &url})
}

func (s *Server) revokeCalendarFeed(c *gin.Context) {
	if err := s.svc.Calendar.RevokeFeed(c.Request.Context(), actor(c)); err != nil {
		fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// calendar serves a feed as iCalendar: one all-day event on the due date of
// each commitment, which Outlook and Google Calendar subscribe to.
func (s *Server) calendar(c *gin.Context) {
	secret, ok := strings.CutSuffix(c.Param("file"), ".ics")
	if !ok {
		fail(c, models.Errorf(models.NotFound, "no such calendar"))
		return
	}
	u, items, err := s.svc.Calendar.Feed(c.Request.Context(), secret)
	if err != nil {
		fail(c, err)
		return
	}
	nl := u.Locale == "nl"
	cal := ics.NewCalendarFor("Dialoog")
	cal.SetMethod(ics.MethodPublish)
	name := "Dialoog: commitments due"
	if nl {
		name = "Dialoog: toezeggingen"
	}
	cal.SetName(name)
	cal.SetXWRCalName(name)
	cal.SetRefreshInterval("PT1H")
	for _, it := range items {
		ev := cal.AddEvent(it.ID + "@dialoog")
		ev.SetDtStampTime(it.UpdatedAt.UTC())
		ev.SetModifiedAt(it.UpdatedAt.UTC())
		ev.SetSequence(it.Version)
		due := it.DueOn.Time()
		ev.SetAllDayStartAt(due)
		ev.SetAllDayEndAt(due.AddDate(0, 0, 1))
		summary := it.Title
		if it.Status == "done" {
			summary = "✓ " + summary
		}
		ev.SetSummary(summary)
		label := "Owed to: "
		if nl {
			label = "Toegezegd aan: "
		}
		desc := label + it.StakeholderName + "\nStatus: " + it.Status
		if it.Description != "" {
			desc += "\n\n" + it.Description
		}
		ev.SetDescription(desc)
		ev.SetTimeTransparency(ics.TransparencyTransparent) // a due date does not make anyone busy
		ev.SetStatus(ics.ObjectStatusConfirmed)
	}
	c.Header("Cache-Control", "private, max-age=300")
	c.Data(http.StatusOK, "text/calendar; charset=utf-8", []byte(cal.Serialize()))
}
