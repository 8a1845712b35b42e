package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

type contactExportResponse struct {
	ExportedAt  time.Time              `json:"exported_at"`
	Contact     contactResponse        `json:"contact"`
	Stakeholder stakeholderRefResponse `json:"stakeholder"`
	Concerns    []concernResponse      `json:"concerns_raised"`
	AuditEvents []auditEventResponse   `json:"history"`
	// ConfidentialWithheld counts confidential concerns this reader may
	// not see; an officer's export holds them.
	ConfidentialWithheld int `json:"confidential_concerns_withheld"`
}

// exportContact answers everything held about a contact (GDPR access).
func (s *Server) exportContact(c *gin.Context) {
	ex, err := s.svc.Privacy.ExportContact(c.Request.Context(), actor(c), c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	out := contactExportResponse{ExportedAt: ex.ExportedAt, ConfidentialWithheld: ex.ConfidentialWithheld, Contact: toContact(ex.Contact),
		Stakeholder: stakeholderRefResponse{ID: ex.Stakeholder.ID, Name: ex.Stakeholder.Name},
		Concerns:    []concernResponse{}, AuditEvents: []auditEventResponse{}}
	for _, cn := range ex.Concerns {
		out.Concerns = append(out.Concerns, toConcern(cn))
	}
	for _, ev := range ex.AuditEvents {
		out.AuditEvents = append(out.AuditEvents, toAuditEvent(ev))
	}
	c.Header("Content-Disposition", `attachment; filename="contact-`+ex.Contact.ID+`.json"`)
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, out)
}

// eraseContact erases a contact's personal data (GDPR erasure).
func (s *Server) eraseContact(c *gin.Context) {
	ct, err := s.svc.Privacy.EraseContact(c.Request.Context(), actor(c), c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	respondItem(c, http.StatusOK, ct.Version, toContact(ct))
}
