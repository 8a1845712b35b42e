package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"dialoog/models"
)

type concernRequest struct {
	StakeholderID *string `json:"stakeholder_id" validate:"omitempty,uuid"`
	ContactID     *string `json:"contact_id" validate:"omitempty,uuid_or_empty"`
	DialogueID    *string `json:"dialogue_id" validate:"omitempty,uuid_or_empty"`
	Title         *string `json:"title" validate:"omitempty,max=300"`
	Description   *string `json:"description" validate:"omitempty,max=10000"`
	Topic         *string `json:"topic" validate:"omitempty,max=100"`
	Severity      *string `json:"severity" validate:"omitempty,enum=severity"`
	Status        *string `json:"status" validate:"omitempty,enum=concern_status"`
	Response      *string `json:"response" validate:"omitempty,max=10000"`
	Decision      *string `json:"decision" validate:"omitempty,max=10000"`
	Confidential  *bool   `json:"confidential"`
	RaisedAt      *string `json:"raised_at" validate:"omitempty,datetime=2006-01-02T15:04:05Z07:00"`
}

func (r concernRequest) changes() models.ConcernChanges {
	ch := models.ConcernChanges{StakeholderID: r.StakeholderID, ContactID: r.ContactID, DialogueID: r.DialogueID,
		Title: r.Title, Description: r.Description, Topic: r.Topic, Severity: r.Severity, Status: r.Status,
		Response: r.Response, Decision: r.Decision, Confidential: r.Confidential}
	if r.RaisedAt != nil {
		t, _ := time.Parse(time.RFC3339Nano, *r.RaisedAt) // validated above
		ch.RaisedAt = &t
	}
	return ch
}

type concernResponse struct {
	ID             string     `json:"id"`
	StakeholderID  *string    `json:"stakeholder_id"` // null when confidential and hidden
	ContactID      *string    `json:"contact_id"`
	DialogueID     *string    `json:"dialogue_id"`
	Title          string     `json:"title"`
	Description    string     `json:"description"`
	Topic          string     `json:"topic"`
	Severity       string     `json:"severity"`
	Status         string     `json:"status"`
	Response       string     `json:"response"`
	Decision       string     `json:"decision"`
	Confidential   bool       `json:"confidential"`
	RaisedAt       time.Time  `json:"raised_at"`
	AcknowledgedAt *time.Time `json:"acknowledged_at"`
	RespondedAt    *time.Time `json:"responded_at"`
	ClosedAt       *time.Time `json:"closed_at"`
	ArchivedAt     *time.Time `json:"archived_at"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
	Version        int        `json:"version"`
}

func toConcern(c models.Concern) concernResponse {
	var st *string
	if c.StakeholderID != "" {
		st = &c.StakeholderID
	}
	return concernResponse{ID: c.ID, StakeholderID: st, ContactID: c.ContactID, DialogueID: c.DialogueID, Title: c.Title,
		Description: c.Description, Topic: c.Topic, Severity: c.Severity, Status: c.Status, Response: c.Response,
		Decision: c.Decision, Confidential: c.Confidential, RaisedAt: c.RaisedAt, AcknowledgedAt: c.AcknowledgedAt,
		RespondedAt: c.RespondedAt, ClosedAt: c.ClosedAt, ArchivedAt: c.ArchivedAt, CreatedAt: c.CreatedAt,
		UpdatedAt: c.UpdatedAt, Version: c.Version}
}

func (s *Server) listConcerns(c *gin.Context) {
	q := newQuery(c)
	f := models.ConcernFilter{StakeholderID: q.id("stakeholder_id"), DialogueID: q.id("dialogue_id"), Topic: q.str("topic"),
		Severity: q.enum("severity", "severity"), Status: q.enum("status", "concern_status"),
		Confidential: q.boolean("confidential"), Archived: q.boolean("archived"), Q: q.str("q"), ListParams: q.page()}
	if err := q.err(); err != nil {
		fail(c, err)
		return
	}
	page, err := s.svc.Concerns.FindConcerns(c.Request.Context(), actor(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	respondList(c, page, toConcern)
}

func (s *Server) createConcern(c *gin.Context) {
	var req concernRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	cn, err := s.svc.Concerns.CreateConcern(c.Request.Context(), actor(c), req.changes())
	if err != nil {
		fail(c, err)
		return
	}
	created(c, "/api/v1/concerns/"+cn.ID, cn.Version, toConcern(cn))
}

func (s *Server) getConcern(c *gin.Context) {
	cn, err := s.svc.Concerns.GetConcern(c.Request.Context(), actor(c), c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	respondItem(c, http.StatusOK, cn.Version, toConcern(cn))
}

func (s *Server) updateConcern(c *gin.Context) {
	var req concernRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	cn, err := s.svc.Concerns.UpdateConcern(c.Request.Context(), actor(c), c.Param("id"), ifMatch(c), req.changes())
	if err != nil {
		fail(c, err)
		return
	}
	respondItem(c, http.StatusOK, cn.Version, toConcern(cn))
}

func (s *Server) archiveConcern(c *gin.Context) {
	if err := s.svc.Concerns.ArchiveConcern(c.Request.Context(), actor(c), c.Param("id")); err != nil {
		fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
