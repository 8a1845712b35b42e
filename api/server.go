package api

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"dialoog/services"
)

// Config is what the HTTP layer needs to know of the installation.
type Config struct {
	// SecureCookies marks the session cookie Secure; on behind HTTPS.
	SecureCookies bool
	// Frontend is the built single-page app; nil serves nothing at /.
	Frontend fs.FS
	// RequestTimeout bounds each request (import and export get ten times
	// as long); zero means DefaultRequestTimeout.
	RequestTimeout time.Duration
}

// Server is the HTTP API over the services.
type Server struct {
	svc     *services.Services
	cfg     Config
	log     *slog.Logger
	metrics *metrics
	engine  *gin.Engine
}

// New builds the gin engine with every route and middleware.
func New(svc *services.Services, cfg Config, log *slog.Logger) *Server {
	gin.SetMode(gin.ReleaseMode)
	validate()
	s := &Server{svc: svc, cfg: cfg, log: log, metrics: newMetrics()}
	e := gin.New()
	e.HandleMethodNotAllowed = true
	e.ContextWithFallback = true
	e.Use(withRequestID, logRequests(log), s.metrics.middleware, gin.CustomRecovery(recoverPanics), securityHeaders, withDeadline(cfg.RequestTimeout))
	e.NoRoute(s.noRoute)
	e.NoMethod(func(c *gin.Context) {
		c.Header("Content-Type", "application/problem+json")
		c.AbortWithStatusJSON(http.StatusMethodNotAllowed, Problem{Type: "urn:dialoog:problem:method_not_allowed",
			Title: "Method Not Allowed", Status: http.StatusMethodNotAllowed, Detail: "this method is not allowed here",
			Instance: c.Request.URL.Path, RequestID: requestID(c)})
	})
	s.engine = e
	s.routes()
	return s
}

// ServeHTTP makes the server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.engine.ServeHTTP(w, r) }

// Engine is the gin engine, for tests that compare routes with the OpenAPI
// description.
func (s *Server) Engine() *gin.Engine { return s.engine }

func (s *Server) healthz(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// readyz answers 200 only while the database answers and its schema is
// current, so a load balancer sends no traffic to a replica that cannot serve.
func (s *Server) readyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	sqlDB, err := s.svc.DB.DB.DB()
	if err == nil {
		err = sqlDB.PingContext(ctx)
	}
	if err != nil {
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "unavailable", "database": "unreachable"})
		return
	}
	current, err := s.svc.DB.SchemaCurrent(ctx)
	if err != nil || !current {
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "unavailable", "database": "ok", "schema": "behind"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok", "database": "ok", "schema": "current"})
}
