package api

import (
	"encoding/json"
	"time"

	"github.com/gin-gonic/gin"

	"dialoog/models"
)

type auditEventResponse struct {
	ID         string          `json:"id"`
	At         time.Time       `json:"at"`
	ActorID    *string         `json:"actor_id"`
	Action     string          `json:"action"`
	RecordType string          `json:"record_type"`
	RecordID   string          `json:"record_id"`
	Before     json.RawMessage `json:"before"`
	After      json.RawMessage `json:"after"`
}

func rawJSON(s *string) json.RawMessage {
	if s == nil {
		return json.RawMessage("null")
	}
	return json.RawMessage(*s)
}

func toAuditEvent(e models.AuditEvent) auditEventResponse {
	return auditEventResponse{ID: e.ID, At: e.At, ActorID: e.ActorID, Action: e.Action, RecordType: e.RecordType,
		RecordID: e.RecordID, Before: rawJSON(e.Before), After: rawJSON(e.After)}
}

func (s *Server) listAuditEvents(c *gin.Context) {
	q := newQuery(c)
	f := models.AuditFilter{RecordID: q.str("record_id"), RecordType: q.str("record_type"), ActorID: q.id("actor_id"),
		From: q.time("from"), To: q.time("to"), ListParams: q.page()}
	if err := q.err(); err != nil {
		fail(c, err)
		return
	}
	page, err := s.svc.Audit.FindAuditEvents(c.Request.Context(), actor(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	respondList(c, page, toAuditEvent)
}
