package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"dialoog/models"
	"dialoog/services"
)

type commitmentRequest struct {
	Title         *string `json:"title" validate:"omitempty,max=300"`
	Description   *string `json:"description" validate:"omitempty,max=10000"`
	StakeholderID *string `json:"stakeholder_id" validate:"omitempty,uuid"`
	ConcernID     *string `json:"concern_id" validate:"omitempty,uuid_or_empty"`
	DialogueID    *string `json:"dialogue_id" validate:"omitempty,uuid_or_empty"`
	OwnerID       *string `json:"owner_id" validate:"omitempty,uuid_or_empty"`
	DueOn         *string `json:"due_on" validate:"omitempty,datetime=2006-01-02"`
	Status        *string `json:"status" validate:"omitempty,enum=status"`
	Shared        *bool   `json:"shared"`
}

func (r commitmentRequest) changes() models.CommitmentChanges {
	ch := models.CommitmentChanges{Title: r.Title, Description: r.Description, StakeholderID: r.StakeholderID,
		ConcernID: r.ConcernID, DialogueID: r.DialogueID, OwnerID: r.OwnerID, Status: r.Status, Shared: r.Shared}
	if r.DueOn != nil {
		d, _ := models.ParseDate(*r.DueOn) // validated above
		ch.DueOn = &d
	}
	return ch
}

// commitmentResponse is a commitment as the organisation sees it.
type commitmentResponse struct {
	ID             string     `json:"id"`
	Title          string     `json:"title"`
	Description    string     `json:"description"`
	StakeholderID  string     `json:"stakeholder_id"`
	ConcernID      *string    `json:"concern_id"`
	DialogueID     *string    `json:"dialogue_id"`
	OwnerID        *string    `json:"owner_id"`
	DueOn          string     `json:"due_on"`
	Status         string     `json:"status"`
	Overdue        bool       `json:"overdue"`
	Shared         bool       `json:"shared"`
	DoneAt         *time.Time `json:"done_at"`
	PartnerVerdict *string    `json:"partner_verdict"`
	VerdictReason  string     `json:"verdict_reason"`
	VerdictAt      *time.Time `json:"verdict_at"`
	ArchivedAt     *time.Time `json:"archived_at"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
	Version        int        `json:"version"`
}

// partnerCommitmentResponse is a commitment as its partner sees it: no
// owner, no links to internal records.
type partnerCommitmentResponse struct {
	ID             string     `json:"id"`
	Title          string     `json:"title"`
	Description    string     `json:"description"`
	StakeholderID  string     `json:"stakeholder_id"`
	DueOn          string     `json:"due_on"`
	Status         string     `json:"status"`
	Overdue        bool       `json:"overdue"`
	DoneAt         *time.Time `json:"done_at"`
	PartnerVerdict *string    `json:"partner_verdict"`
	VerdictReason  string     `json:"verdict_reason"`
	VerdictAt      *time.Time `json:"verdict_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
	Version        int        `json:"version"`
}

func toCommitment(c models.Commitment) commitmentResponse {
	return commitmentResponse{ID: c.ID, Title: c.Title, Description: c.Description, StakeholderID: c.StakeholderID,
		ConcernID: c.ConcernID, DialogueID: c.DialogueID, OwnerID: c.OwnerID, DueOn: string(c.DueOn), Status: c.Status,
		Overdue: c.Overdue, Shared: c.Shared, DoneAt: c.DoneAt, PartnerVerdict: c.PartnerVerdict,
		VerdictReason: c.VerdictReason, VerdictAt: c.VerdictAt, ArchivedAt: c.ArchivedAt, CreatedAt: c.CreatedAt,
		UpdatedAt: c.UpdatedAt, Version: c.Version}
}

func toPartnerCommitment(c models.Commitment) partnerCommitmentResponse {
	return partnerCommitmentResponse{ID: c.ID, Title: c.Title, Description: c.Description, StakeholderID: c.StakeholderID,
		DueOn: string(c.DueOn), Status: c.Status, Overdue: c.Overdue, DoneAt: c.DoneAt,
		PartnerVerdict: c.PartnerVerdict, VerdictReason: c.VerdictReason, VerdictAt: c.VerdictAt,
		UpdatedAt: c.UpdatedAt, Version: c.Version}
}

// commitmentBody picks the shape of a commitment for the actor.
func commitmentBody(a services.Actor, c models.Commitment) any {
	if a.Role == models.RolePartner {
		return toPartnerCommitment(c)
	}
	return toCommitment(c)
}

func (s *Server) listCommitments(c *gin.Context) {
	q := newQuery(c)
	f := models.CommitmentFilter{Status: q.enum("status", "status"), OwnerID: q.id("owner_id"),
		StakeholderID: q.id("stakeholder_id"), ConcernID: q.id("concern_id"), DialogueID: q.id("dialogue_id"),
		Shared: q.boolean("shared"), Overdue: q.boolean("overdue"), DueBefore: q.date("due_before"),
		DueAfter: q.date("due_after"), Verdict: q.enum("partner_verdict", "verdict"), Archived: q.boolean("archived"),
		Q: q.str("q"), ListParams: q.page()}
	if err := q.err(); err != nil {
		fail(c, err)
		return
	}
	a := actor(c)
	page, err := s.svc.Commitments.FindCommitments(c.Request.Context(), a, f)
	if err != nil {
		fail(c, err)
		return
	}
	if a.Role == models.RolePartner {
		respondList(c, page, toPartnerCommitment)
		return
	}
	respondList(c, page, toCommitment)
}

func (s *Server) createCommitment(c *gin.Context) {
	var req commitmentRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	cm, err := s.svc.Commitments.CreateCommitment(c.Request.Context(), actor(c), req.changes())
	if err != nil {
		fail(c, err)
		return
	}
	created(c, "/api/v1/commitments/"+cm.ID, cm.Version, toCommitment(cm))
}

func (s *Server) getCommitment(c *gin.Context) {
	a := actor(c)
	cm, err := s.svc.Commitments.GetCommitment(c.Request.Context(), a, c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	respondItem(c, http.StatusOK, cm.Version, commitmentBody(a, cm))
}

func (s *Server) updateCommitment(c *gin.Context) {
	var req commitmentRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	a := actor(c)
	cm, err := s.svc.Commitments.UpdateCommitment(c.Request.Context(), a, c.Param("id"), ifMatch(c), req.changes())
	if err != nil {
		fail(c, err)
		return
	}
	respondItem(c, http.StatusOK, cm.Version, commitmentBody(a, cm))
}

func (s *Server) archiveCommitment(c *gin.Context) {
	if err := s.svc.Commitments.ArchiveCommitment(c.Request.Context(), actor(c), c.Param("id")); err != nil {
		fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

type verdictRequest struct {
	Verdict string `json:"verdict" validate:"required,enum=verdict"`
	Reason  string `json:"reason" validate:"max=5000"`
}

func (s *Server) giveVerdict(c *gin.Context) {
	var req verdictRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	a := actor(c)
	cm, err := s.svc.Commitments.GiveVerdict(c.Request.Context(), a, c.Param("id"), models.Verdict{Verdict: req.Verdict, Reason: req.Reason})
	if err != nil {
		fail(c, err)
		return
	}
	respondItem(c, http.StatusOK, cm.Version, commitmentBody(a, cm))
}

type updateRequest struct {
	Text   string `json:"text" validate:"required,max=5000"`
	Shared bool   `json:"shared"`
}

type updateResponse struct {
	ID           string    `json:"id"`
	CommitmentID string    `json:"commitment_id"`
	AuthorID     string    `json:"author_id"`
	AuthorName   string    `json:"author_name"`
	FromPartner  bool      `json:"from_partner"`
	Text         string    `json:"text"`
	Shared       bool      `json:"shared"`
	CreatedAt    time.Time `json:"created_at"`
}

// partnerUpdateResponse is a progress update as a partner sees it: who
// wrote it by name, not by internal id.
type partnerUpdateResponse struct {
	ID           string    `json:"id"`
	CommitmentID string    `json:"commitment_id"`
	AuthorName   string    `json:"author_name"`
	FromPartner  bool      `json:"from_partner"`
	Text         string    `json:"text"`
	CreatedAt    time.Time `json:"created_at"`
}

func toPartnerUpdate(u models.CommitmentUpdate) partnerUpdateResponse {
	return partnerUpdateResponse{ID: u.ID, CommitmentID: u.CommitmentID, AuthorName: u.AuthorName,
		FromPartner: u.AuthorRole == string(models.RolePartner), Text: u.Text, CreatedAt: u.CreatedAt}
}

func toUpdate(u models.CommitmentUpdate) updateResponse {
	return updateResponse{ID: u.ID, CommitmentID: u.CommitmentID, AuthorID: u.AuthorID, AuthorName: u.AuthorName,
		FromPartner: u.AuthorRole == string(models.RolePartner), Text: u.Text, Shared: u.Shared, CreatedAt: u.CreatedAt}
}

func (s *Server) listUpdates(c *gin.Context) {
	q := newQuery(c)
	p := q.page()
	if err := q.err(); err != nil {
		fail(c, err)
		return
	}
	a := actor(c)
	page, err := s.svc.Commitments.FindUpdates(c.Request.Context(), a, c.Param("id"), p)
	if err != nil {
		fail(c, err)
		return
	}
	if a.Role == models.RolePartner {
		respondList(c, page, toPartnerUpdate)
		return
	}
	respondList(c, page, toUpdate)
}

func (s *Server) addUpdate(c *gin.Context) {
	var req updateRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	a := actor(c)
	u, err := s.svc.Commitments.AddUpdate(c.Request.Context(), a, c.Param("id"), models.NewUpdate{Text: req.Text, Shared: req.Shared})
	if err != nil {
		fail(c, err)
		return
	}
	c.Header("Location", "/api/v1/commitments/"+u.CommitmentID+"/updates")
	if a.Role == models.RolePartner {
		c.JSON(http.StatusCreated, toPartnerUpdate(u))
		return
	}
	c.JSON(http.StatusCreated, toUpdate(u))
}
