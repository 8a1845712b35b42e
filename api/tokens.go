package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"dialoog/models"
)

type tokenRequest struct {
	Name      string  `json:"name" validate:"required,max=100"`
	ExpiresAt *string `json:"expires_at" validate:"omitempty,datetime=2006-01-02T15:04:05Z07:00"`
}

type tokenResponse struct {
	ID         string     `json:"id"`
	UserID     string     `json:"user_id"`
	Name       string     `json:"name"`
	Prefix     string     `json:"prefix"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
	ExpiresAt  *time.Time `json:"expires_at"`
	RevokedAt  *time.Time `json:"revoked_at"`
}

// newTokenResponse carries the secret; it is shown this once.
type newTokenResponse struct {
	tokenResponse
	Token string `json:"token"`
}

func toToken(t models.APIToken) tokenResponse {
	return tokenResponse{ID: t.ID, UserID: t.UserID, Name: t.Name, Prefix: t.Prefix, CreatedAt: t.CreatedAt,
		LastUsedAt: t.LastUsedAt, ExpiresAt: t.ExpiresAt, RevokedAt: t.RevokedAt}
}

func (s *Server) listTokens(c *gin.Context) {
	q := newQuery(c)
	f := models.TokenFilter{UserID: q.id("user_id"), ListParams: q.page()}
	if err := q.err(); err != nil {
		fail(c, err)
		return
	}
	page, err := s.svc.Tokens.FindTokens(c.Request.Context(), actor(c), f)
	if err != nil {
		fail(c, err)
		return
	}
	respondList(c, page, toToken)
}

func (s *Server) createToken(c *gin.Context) {
	var req tokenRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	var exp *time.Time
	if req.ExpiresAt != nil {
		t, _ := time.Parse(time.RFC3339Nano, *req.ExpiresAt) // validated above
		exp = &t
	}
	t, err := s.svc.Tokens.CreateToken(c.Request.Context(), actor(c), req.Name, exp)
	if err != nil {
		fail(c, err)
		return
	}
	c.Header("Location", "/api/v1/tokens/"+t.ID)
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusCreated, newTokenResponse{tokenResponse: toToken(t.APIToken), Token: t.Secret})
}

func (s *Server) getToken(c *gin.Context) {
	t, err := s.svc.Tokens.GetToken(c.Request.Context(), actor(c), c.Param("id"))
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, toToken(t))
}

type tokenRenameRequest struct {
	Name string `json:"name" validate:"required,max=100"`
}

func (s *Server) updateToken(c *gin.Context) {
	var req tokenRenameRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	t, err := s.svc.Tokens.RenameToken(c.Request.Context(), actor(c), c.Param("id"), req.Name)
	if err != nil {
		fail(c, err)
		return
	}
	c.JSON(http.StatusOK, toToken(t))
}

func (s *Server) revokeToken(c *gin.Context) {
	if err := s.svc.Tokens.RevokeToken(c.Request.Context(), actor(c), c.Param("id")); err != nil {
		fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
