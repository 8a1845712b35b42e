package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"dialoog/models"
)

type contactRequest struct {
	Name  *string `json:"name" validate:"omitempty,max=200"`
	Role  *string `json:"role" validate:"omitempty,max=200"`
	Email *string `json:"email" validate:"omitempty,email_or_empty,max=320"`
	Phone *string `json:"phone" validate:"omitempty,max=50"`
	Notes *string `json:"notes" validate:"omitempty,max=5000"`
}

func (r contactRequest) changes() models.ContactChanges {
	return models.ContactChanges{Name: r.Name, Role: r.Role, Email: r.Email, Phone: r.Phone, Notes: r.Notes}
}

type contactResponse struct {
	ID            string     `json:"id"`
	StakeholderID string     `json:"stakeholder_id"`
	Name          string     `json:"name"`
	Role          string     `json:"role"`
	Email         string     `json:"email"`
	Phone         string     `json:"phone"`
	Notes         string     `json:"notes"`
	ArchivedAt    *time.Time `json:"archived_at"`
	ErasedAt      *time.Time `json:"erased_at"`
	CreatedAt     time.Time  `json:"created_at"`
	UpdatedAt     time.Time  `json:"updated_at"`
	Version       int        `json:"version"`
}

func toContact(c models.Contact) contactResponse {
	return contactResponse{ID: c.ID, StakeholderID: c.StakeholderID, Name: c.Name, Role: c.Role, Email: c.Email,
		Phone: c.Phone, Notes: c.Notes, ArchivedAt: c.ArchivedAt, ErasedAt: c.ErasedAt, CreatedAt: c.CreatedAt,
		UpdatedAt: c.UpdatedAt, Version: c.Version}
}

func (s *Server) listContacts(c *gin.Context) {
	q := newQuery(c)
	f := models.ContactFilter{StakeholderID: c.Param("id"), Archived: q.boolean("archived"), Q: q.str("q"), ListParams: q.page()}
	if err := q.err(); err != nil {
		fail(c, err)
		return
	}
	page, err := s.svc.Contacts.FindContacts(c.Request.Context(), actor(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	respondList(c, page, toContact)
}

func (s *Server) createContact(c *gin.Context) {
	var req contactRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	ct, err := s.svc.Contacts.CreateContact(c.Request.Context(), actor(c), c.Param("id"), req.changes())
	if err != nil {
		fail(c, err)
		return
	}
	created(c, "/api/v1/contacts/"+ct.ID, ct.Version, toContact(ct))
}

func (s *Server) getContact(c *gin.Context) {
	ct, err := s.svc.Contacts.GetContact(c.Request.Context(), actor(c), c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	respondItem(c, http.StatusOK, ct.Version, toContact(ct))
}

func (s *Server) updateContact(c *gin.Context) {
	var req contactRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	ct, err := s.svc.Contacts.UpdateContact(c.Request.Context(), actor(c), c.Param("id"), ifMatch(c), req.changes())
	if err != nil {
		fail(c, err)
		return
	}
	respondItem(c, http.StatusOK, ct.Version, toContact(ct))
}

func (s *Server) archiveContact(c *gin.Context) {
	if err := s.svc.Contacts.ArchiveContact(c.Request.Context(), actor(c), c.Param("id")); err != nil {
		fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
