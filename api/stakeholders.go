package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"dialoog/models"
)

type stakeholderRequest struct {
	Name        *string   `json:"name" validate:"omitempty,max=200"`
	Kind        *string   `json:"kind" validate:"omitempty,enum=kind"`
	Category    *string   `json:"category" validate:"omitempty,enum=category"`
	Influence   *int      `json:"influence" validate:"omitempty,scale"`
	Interest    *int      `json:"interest" validate:"omitempty,scale"`
	Stance      *string   `json:"stance" validate:"omitempty,enum=stance"`
	Email       *string   `json:"email" validate:"omitempty,email_or_empty,max=320"`
	Phone       *string   `json:"phone" validate:"omitempty,max=50"`
	Website     *string   `json:"website" validate:"omitempty,max=500"`
	Address     *string   `json:"address" validate:"omitempty,max=500"`
	Country     *string   `json:"country" validate:"omitempty,max=2"`
	Tags        *[]string `json:"tags" validate:"omitempty,max=30,dive,max=50"`
	OwnerID     *string   `json:"owner_id" validate:"omitempty,uuid_or_empty"`
	Description *string   `json:"description" validate:"omitempty,max=10000"`
	Archived    *bool     `json:"archived"`
}

func (r stakeholderRequest) changes() models.StakeholderChanges {
	return models.StakeholderChanges{Name: r.Name, Kind: r.Kind, Category: r.Category, Influence: r.Influence,
		Interest: r.Interest, Stance: r.Stance, Email: r.Email, Phone: r.Phone, Website: r.Website, Address: r.Address,
		Country: r.Country, Tags: r.Tags, OwnerID: r.OwnerID, Description: r.Description, Archived: r.Archived}
}

type stakeholderResponse struct {
	ID          string     `json:"id"`
	Name        string     `json:"name"`
	Kind        string     `json:"kind"`
	Category    string     `json:"category"`
	Influence   int        `json:"influence"`
	Interest    int        `json:"interest"`
	Stance      string     `json:"stance"`
	Email       string     `json:"email"`
	Phone       string     `json:"phone"`
	Website     string     `json:"website"`
	Address     string     `json:"address"`
	Country     string     `json:"country"`
	Tags        []string   `json:"tags"`
	OwnerID     *string    `json:"owner_id"`
	Description string     `json:"description"`
	ArchivedAt  *time.Time `json:"archived_at"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
	Version     int        `json:"version"`
}

func toStakeholder(s models.Stakeholder) stakeholderResponse {
	tags := []string(s.Tags)
	if tags == nil {
		tags = []string{}
	}
	return stakeholderResponse{ID: s.ID, Name: s.Name, Kind: s.Kind, Category: s.Category, Influence: s.Influence,
		Interest: s.Interest, Stance: s.Stance, Email: s.Email, Phone: s.Phone, Website: s.Website, Address: s.Address,
		Country: s.Country, Tags: tags, OwnerID: s.OwnerID, Description: s.Description, ArchivedAt: s.ArchivedAt,
		CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt, Version: s.Version}
}

func (s *Server) listStakeholders(c *gin.Context) {
	q := newQuery(c)
	f := models.StakeholderFilter{Kind: q.enum("kind", "kind"), Category: q.enum("category", "category"),
		Stance: q.enum("stance", "stance"), OwnerID: q.id("owner_id"), Country: q.str("country"), Tag: q.str("tag"),
		Archived: q.boolean("archived"), Q: q.str("q"), ListParams: q.page()}
	if err := q.err(); err != nil {
		fail(c, err)
		return
	}
	page, err := s.svc.Stakeholders.FindStakeholders(c.Request.Context(), actor(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	respondList(c, page, toStakeholder)
}

func (s *Server) createStakeholder(c *gin.Context) {
	var req stakeholderRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	st, err := s.svc.Stakeholders.CreateStakeholder(c.Request.Context(), actor(c), req.changes())
	if err != nil {
		fail(c, err)
		return
	}
	created(c, "/api/v1/stakeholders/"+st.ID, st.Version, toStakeholder(st))
}

func (s *Server) getStakeholder(c *gin.Context) {
	st, err := s.svc.Stakeholders.GetStakeholder(c.Request.Context(), actor(c), c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	respondItem(c, http.StatusOK, st.Version, toStakeholder(st))
}

func (s *Server) updateStakeholder(c *gin.Context) {
	var req stakeholderRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	st, err := s.svc.Stakeholders.UpdateStakeholder(c.Request.Context(), actor(c), c.Param("id"), ifMatch(c), req.changes())
	if err != nil {
		fail(c, err)
		return
	}
	respondItem(c, http.StatusOK, st.Version, toStakeholder(st))
}

func (s *Server) archiveStakeholder(c *gin.Context) {
	if err := s.svc.Stakeholders.ArchiveStakeholder(c.Request.Context(), actor(c), c.Param("id")); err != nil {
		fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
