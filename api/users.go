package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"dialoog/models"
)

type userCreateRequest struct {
	Email         string  `json:"email" validate:"required,email,max=320"`
	Name          string  `json:"name" validate:"required,max=200"`
	Role          string  `json:"role" validate:"required,enum=role"`
	StakeholderID *string `json:"stakeholder_id" validate:"omitempty,uuid"`
	Locale        string  `json:"locale" validate:"omitempty,enum=locale"`
	Password      string  `json:"password" validate:"required,max=72"`
}

type userUpdateRequest struct {
	Email           *string `json:"email" validate:"omitempty,email,max=320"`
	Name            *string `json:"name" validate:"omitempty,max=200"`
	Role            *string `json:"role" validate:"omitempty,enum=role"`
	StakeholderID   *string `json:"stakeholder_id" validate:"omitempty,uuid_or_empty"`
	Locale          *string `json:"locale" validate:"omitempty,enum=locale"`
	Active          *bool   `json:"active"`
	Password        *string `json:"password" validate:"omitempty,max=72"`
	CurrentPassword *string `json:"current_password" validate:"omitempty,max=200"`
}

type userResponse struct {
	ID            string     `json:"id"`
	Email         string     `json:"email"`
	Name          string     `json:"name"`
	Role          string     `json:"role"`
	StakeholderID *string    `json:"stakeholder_id"`
	Locale        string     `json:"locale"`
	Active        bool       `json:"active"`
	DeactivatedAt *time.Time `json:"deactivated_at"`
	CreatedAt     time.Time  `json:"created_at"`
	UpdatedAt     time.Time  `json:"updated_at"`
	Version       int        `json:"version"`
}

func toUser(u models.User) userResponse {
	return userResponse{ID: u.ID, Email: u.Email, Name: u.Name, Role: string(u.Role), StakeholderID: u.StakeholderID,
		Locale: u.Locale, Active: u.Active, DeactivatedAt: u.DeactivatedAt, CreatedAt: u.CreatedAt,
		UpdatedAt: u.UpdatedAt, Version: u.Version}
}

func (s *Server) listUsers(c *gin.Context) {
	q := newQuery(c)
	f := models.UserFilter{Role: q.enum("role", "role"), StakeholderID: q.id("stakeholder_id"), Active: q.boolean("active"),
		Q: q.str("q"), ListParams: q.page()}
	if err := q.err(); err != nil {
		fail(c, err)
		return
	}
	page, err := s.svc.Users.FindUsers(c.Request.Context(), actor(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	respondList(c, page, toUser)
}

func (s *Server) createUser(c *gin.Context) {
	var req userCreateRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	u, err := s.svc.Users.CreateUser(c.Request.Context(), actor(c), models.NewUser{Email: req.Email, Name: req.Name, Role: models.Role(req.Role),
		StakeholderID: req.StakeholderID, Locale: req.Locale, Password: req.Password})
	if err != nil {
		fail(c, err)
		return
	}
	created(c, "/api/v1/users/"+u.ID, u.Version, toUser(u))
}

func (s *Server) getUser(c *gin.Context) {
	u, err := s.svc.Users.GetUser(c.Request.Context(), actor(c), c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	respondItem(c, http.StatusOK, u.Version, toUser(u))
}

func (s *Server) updateUser(c *gin.Context) {
	var req userUpdateRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	ch := models.UserChanges{Name: req.Name, Email: req.Email, StakeholderID: req.StakeholderID, Locale: req.Locale,
		Active: req.Active, Password: req.Password, CurrentPassword: req.CurrentPassword}
	if req.Role != nil {
		r := models.Role(*req.Role)
		ch.Role = &r
	}
	u, err := s.svc.Users.UpdateUser(c.Request.Context(), actor(c), c.Param("id"), ifMatch(c), ch)
	if err != nil {
		fail(c, err)
		return
	}
	respondItem(c, http.StatusOK, u.Version, toUser(u))
}

func (s *Server) deactivateUser(c *gin.Context) {
	if err := s.svc.Users.DeactivateUser(c.Request.Context(), actor(c), c.Param("id")); err != nil {
		fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
