package api

import (
	"crypto/subtle"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"dialoog/models"
	"dialoog/services"
)

const (
	sessionCookie = "dialoog_session"
	actorKey      = "actor"
	csrfKey       = "csrf"
	csrfHeader    = "X-CSRF-Token"
)

// authenticate finds who is asking, from a Bearer token or the session
// cookie, and refuses a cookie-signed write without the session's CSRF token.
func (s *Server) authenticate(c *gin.Context) {
	ctx := c.Request.Context()
	if h := c.GetHeader("Authorization"); h != "" {
		scheme, token, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
			fail(c, models.Errorf(models.Unauthorized, "use Authorization: Bearer <token>"))
			return
		}
		actor, err := s.svc.Auth.TokenActor(ctx, token)
		if err != nil {
			fail(c, err)
			return
		}
		c.Set(actorKey, actor)
		c.Next()
		return
	}
	cookie, err := c.Cookie(sessionCookie)
	if err != nil || cookie == "" {
		fail(c, models.Errorf(models.Unauthorized, "sign in first"))
		return
	}
	actor, csrf, err := s.svc.Auth.SessionActor(ctx, cookie)
	if err != nil {
		fail(c, err)
		return
	}
	if !safeMethod(c.Request.Method) && subtle.ConstantTimeCompare([]byte(c.GetHeader(csrfHeader)), []byte(csrf)) != 1 {
		fail(c, models.Errorf(models.Forbidden, "this request needs the X-CSRF-Token header of your session"))
		return
	}
	c.Set(actorKey, actor)
	c.Set(csrfKey, csrf)
	c.Next()
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

func actorOf(c *gin.Context) (services.Actor, bool) {
	v, ok := c.Get(actorKey)
	if !ok {
		return services.Actor{}, false
	}
	a, ok := v.(services.Actor)
	return a, ok
}

// actor is the signed-in actor; authenticate guarantees there is one.
func actor(c *gin.Context) services.Actor {
	a, _ := actorOf(c)
	return a
}

type loginRequest struct {
	Email    string `json:"email" validate:"required,max=320"`
	Password string `json:"password" validate:"required,max=200"`
}

type loginResponse struct {
	User      userResponse `json:"user"`
	CSRFToken string       `json:"csrf_token"`
}

func (s *Server) login(c *gin.Context) {
	var req loginRequest
	if err := bind(c, &req); err != nil {
		fail(c, err)
		return
	}
	res, err := s.svc.Auth.Login(c.Request.Context(), req.Email, req.Password)
	if err != nil {
		fail(c, err)
		return
	}
	http.SetCookie(c.Writer, &http.Cookie{
		Name: sessionCookie, Value: res.Secret, Path: "/", HttpOnly: true, Secure: s.cfg.SecureCookies,
		SameSite: http.SameSiteLaxMode, Expires: res.ExpiresAt, MaxAge: int(time.Until(res.ExpiresAt).Seconds()),
	})
	c.JSON(http.StatusOK, loginResponse{User: toUser(res.User), CSRFToken: res.CSRFToken})
}

// logout ends the session. Like every cookie-signed write it needs the
// session's CSRF token, so that another site cannot sign a user out; a
// cookie that no longer names a session is simply cleared.
func (s *Server) logout(c *gin.Context) {
	if cookie, err := c.Cookie(sessionCookie); err == nil && cookie != "" {
		_, csrf, err := s.svc.Auth.SessionActor(c.Request.Context(), cookie)
		if err == nil && subtle.ConstantTimeCompare([]byte(c.GetHeader(csrfHeader)), []byte(csrf)) != 1 {
			fail(c, models.Errorf(models.Forbidden, "this request needs the X-CSRF-Token header of your session"))
			return
		}
		if err := s.svc.Auth.Logout(c.Request.Context(), cookie); err != nil {
			fail(c, err)
			return
		}
	}
	http.SetCookie(c.Writer, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode, MaxAge: -1})
	c.Status(http.StatusNoContent)
}

type meResponse struct {
	User        userResponse            `json:"user"`
	Stakeholder *stakeholderRefResponse `json:"stakeholder"` // whom a partner speaks for
	CSRFToken   *string                 `json:"csrf_token"`
}

type stakeholderRefResponse struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// me answers who is signed in, and the session's CSRF token, so that a page
// reloaded while signed in can write again.
func (s *Server) me(c *gin.Context) {
	me, err := s.svc.Auth.Me(c.Request.Context(), actor(c))
	if err != nil {
		fail(c, err)
		return
	}
	res := meResponse{User: toUser(me.User)}
	if me.User.StakeholderID != nil {
		res.Stakeholder = &stakeholderRefResponse{ID: *me.User.StakeholderID, Name: me.StakeholderName}
	}
	if csrf := c.GetString(csrfKey); csrf != "" {
		res.CSRFToken = &csrf
	}
	c.JSON(http.StatusOK, res)
}
