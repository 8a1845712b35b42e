package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"dialoog/models"
)

type dialogueRequest struct {
	Title           *string   `json:"title" validate:"omitempty,max=300"`
	HeldAt          *string   `json:"held_at" validate:"omitempty,datetime=2006-01-02T15:04:05Z07:00"`
	Format          *string   `json:"format" validate:"omitempty,enum=format"`
	Purpose         *string   `json:"purpose" validate:"omitempty,max=2000"`
	EngagementLevel *string   `json:"engagement_level" validate:"omitempty,enum=engagement_level"`
	Location        *string   `json:"location" validate:"omitempty,max=300"`
	Summary         *string   `json:"summary" validate:"omitempty,max=20000"`
	Topics          *[]string `json:"topics" validate:"omitempty,max=30,dive,max=100"`
	StakeholderIDs  *[]string `json:"stakeholder_ids" validate:"omitempty,max=100,dive,uuid"`
	UserIDs         *[]string `json:"user_ids" validate:"omitempty,max=100,dive,uuid"`
}

func (r dialogueRequest) changes() models.DialogueChanges {
	ch := models.DialogueChanges{Title: r.Title, Format: r.Format, Purpose: r.Purpose, EngagementLevel: r.EngagementLevel,
		Location: r.Location, Summary: r.Summary, Topics: r.Topics, StakeholderIDs: r.StakeholderIDs, UserIDs: r.UserIDs}
	if r.HeldAt != nil {
		t, _ := time.Parse(time.RFC3339Nano, *r.HeldAt) // validated above
		ch.HeldAt = &t
	}
	return ch
}

// meetingRequest is a whole meeting: the dialogue with the concerns raised
// and the commitments made, as POST /dialogues takes it.
type meetingRequest struct {
	dialogueRequest
	Concerns    []concernRequest           `json:"concerns" validate:"max=50,dive"`
	Commitments []meetingCommitmentRequest `json:"commitments" validate:"max=50,dive"`
}

type meetingCommitmentRequest struct {
	commitmentRequest
	// ConcernIndex links the commitment to a concern of the same meeting by
	// its position in concerns, since that concern has no id yet.
	ConcernIndex *int `json:"concern_index" validate:"omitempty,min=0"`
}

type dialogueResponse struct {
	ID              string     `json:"id"`
	Title           string     `json:"title"`
	HeldAt          time.Time  `json:"held_at"`
	Format          string     `json:"format"`
	Purpose         string     `json:"purpose"`
	EngagementLevel string     `json:"engagement_level"`
	Location        string     `json:"location"`
	Summary         string     `json:"summary"`
	Topics          []string   `json:"topics"`
	StakeholderIDs  []string   `json:"stakeholder_ids"`
	UserIDs         []string   `json:"user_ids"`
	CreatedBy       *string    `json:"created_by"`
	ArchivedAt      *time.Time `json:"archived_at"`
	CreatedAt       time.Time  `json:"created_at"`
	UpdatedAt       time.Time  `json:"updated_at"`
	Version         int        `json:"version"`
}

// meetingResponse answers POST /dialogues: the dialogue, and what was stored with it.
type meetingResponse struct {
	dialogueResponse
	Concerns    []concernResponse    `json:"concerns"`
	Commitments []commitmentResponse `json:"commitments"`
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func toDialogue(d models.Dialogue) dialogueResponse {
	return dialogueResponse{ID: d.ID, Title: d.Title, HeldAt: d.HeldAt, Format: d.Format, Purpose: d.Purpose,
		EngagementLevel: d.EngagementLevel, Location: d.Location, Summary: d.Summary, Topics: orEmpty(d.Topics),
		StakeholderIDs: orEmpty(d.StakeholderIDs), UserIDs: orEmpty(d.UserIDs), CreatedBy: d.CreatedBy,
		ArchivedAt: d.ArchivedAt, CreatedAt: d.CreatedAt, UpdatedAt: d.UpdatedAt, Version: d.Version}
}

func (s *Server) listDialogues(c *gin.Context) {
	q := newQuery(c)
	f := models.DialogueFilter{StakeholderID: q.id("stakeholder_id"), UserID: q.id("user_id"), Format: q.enum("format", "format"),
		EngagementLevel: q.enum("engagement_level", "engagement_level"), Topic: q.str("topic"), From: q.time("from"),
		To: q.time("to"), Archived: q.boolean("archived"), Q: q.str("q"), ListParams: q.page()}
	if err := q.err(); err != nil {
		fail(c, err)
		return
	}
	page, err := s.svc.Dialogues.FindDialogues(c.Request.Context(), actor(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	respondList(c, page, toDialogue)
}

func (s *Server) logMeeting(c *gin.Context) {
	var req meetingRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	m := models.Meeting{Dialogue: req.changes()}
	for _, cr := range req.Concerns {
		m.Concerns = append(m.Concerns, cr.changes())
	}
	for _, cr := range req.Commitments {
		m.Commitments = append(m.Commitments, models.MeetingCommitment{CommitmentChanges: cr.changes(), ConcernIndex: cr.ConcernIndex})
	}
	res, err := s.svc.Dialogues.LogMeeting(c.Request.Context(), actor(c), m)
	if err != nil {
		fail(c, err)
		return
	}
	out := meetingResponse{dialogueResponse: toDialogue(res.Dialogue), Concerns: []concernResponse{}, Commitments: []commitmentResponse{}}
	for _, cn := range res.Concerns {
		out.Concerns = append(out.Concerns, toConcern(cn))
	}
	for _, cm := range res.Commitments {
		out.Commitments = append(out.Commitments, toCommitment(cm))
	}
	created(c, "/api/v1/dialogues/"+res.Dialogue.ID, res.Dialogue.Version, out)
}

func (s *Server) getDialogue(c *gin.Context) {
	d, err := s.svc.Dialogues.GetDialogue(c.Request.Context(), actor(c), c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	respondItem(c, http.StatusOK, d.Version, toDialogue(d))
}

func (s *Server) updateDialogue(c *gin.Context) {
	var req dialogueRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	d, err := s.svc.Dialogues.UpdateDialogue(c.Request.Context(), actor(c), c.Param("id"), ifMatch(c), req.changes())
	if err != nil {
		fail(c, err)
		return
	}
	respondItem(c, http.StatusOK, d.Version, toDialogue(d))
}

func (s *Server) archiveDialogue(c *gin.Context) {
	if err := s.svc.Dialogues.ArchiveDialogue(c.Request.Context(), actor(c), c.Param("id")); err != nil {
		fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
