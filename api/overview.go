package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"dialoog/models"
)

type ownerLoadResponse struct {
	OwnerID    *string `json:"owner_id"`
	OwnerName  string  `json:"owner_name"`
	Open       int     `json:"open"`
	InProgress int     `json:"in_progress"`
	Overdue    int     `json:"overdue"`
}

type topicResponse struct {
	Topic      string         `json:"topic"`
	BySeverity map[string]int `json:"by_severity"`
	Total      int            `json:"total"`
}

type monthResponse struct {
	Month               string   `json:"month"`
	Raised              int      `json:"raised"`
	MedianDaysToAck     *float64 `json:"median_days_to_acknowledge"`
	MedianDaysToRespond *float64 `json:"median_days_to_respond"`
}

type overviewResponse struct {
	Today               string               `json:"today"`
	OpenConcerns        int                  `json:"open_concerns"`
	OverdueCommitments  int                  `json:"overdue_commitments"`
	DisputedCommitments int                  `json:"disputed_commitments"`
	CommitmentsByStatus map[string]int       `json:"commitments_by_status"`
	CommitmentsByOwner  []ownerLoadResponse  `json:"commitments_by_owner"`
	ConcernsByTopic     []topicResponse      `json:"concerns_by_topic"`
	Responsiveness      []monthResponse      `json:"responsiveness"`
	DueNext             []commitmentResponse `json:"due_next"`
}

func (s *Server) overview(c *gin.Context) {
	if err := newQuery(c).err(); err != nil {
		fail(c, err)
		return
	}
	ov, err := s.svc.Overview.Overview(c.Request.Context(), actor(c))
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, toOverview(ov))
}

func toOverview(ov models.Overview) overviewResponse {
	out := overviewResponse{Today: string(ov.Today), OpenConcerns: ov.OpenConcerns, OverdueCommitments: ov.OverdueCommitments,
		DisputedCommitments: ov.DisputedCommitments, CommitmentsByStatus: ov.CommitmentsByStatus,
		CommitmentsByOwner: []ownerLoadResponse{}, ConcernsByTopic: []topicResponse{}, Responsiveness: []monthResponse{},
		DueNext: []commitmentResponse{}}
	for _, o := range ov.CommitmentsByOwner {
		out.CommitmentsByOwner = append(out.CommitmentsByOwner, ownerLoadResponse(o))
	}
	for _, t := range ov.ConcernsByTopic {
		out.ConcernsByTopic = append(out.ConcernsByTopic, topicResponse(t))
	}
	for _, m := range ov.Responsiveness {
		out.Responsiveness = append(out.Responsiveness, monthResponse(m))
	}
	for _, c := range ov.DueNext {
		out.DueNext = append(out.DueNext, toCommitment(c))
	}
	return out
}
