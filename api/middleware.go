package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"time"

	"github.com/gin-gonic/gin"

	"dialoog/models"
)

const requestIDKey = "request_id"

// withRequestID takes the caller's X-Request-ID or makes one, and echoes it.
func withRequestID(c *gin.Context) {
	id := c.GetHeader("X-Request-ID")
	if id == "" || len(id) > 100 {
		b := make([]byte, 8)
		_, _ = rand.Read(b)
		id = hex.EncodeToString(b)
	}
	c.Set(requestIDKey, id)
	c.Header("X-Request-ID", id)
	c.Next()
}

func requestID(c *gin.Context) string { return c.GetString(requestIDKey) }

// logRequests writes one structured line per request.
func logRequests(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		route := c.FullPath()
		if route == "" {
			route = "unmatched"
		}
		attrs := []any{
			"method", c.Request.Method, "route", route, "path", c.Request.URL.Path,
			"status", c.Writer.Status(), "duration_ms", float64(time.Since(start).Microseconds()) / 1000,
			"bytes", c.Writer.Size(), "request_id", requestID(c),
		}
		if a, ok := actorOf(c); ok {
			attrs = append(attrs, "user_id", a.UserID)
		}
		level := slog.LevelInfo
		if c.Writer.Status() >= 500 {
			level = slog.LevelError
		}
		log.Log(c.Request.Context(), level, "request", attrs...)
	}
}

// recoverPanics answers 500 with a problem body instead of dropping the
// connection, and logs what happened.
func recoverPanics(c *gin.Context, rec any) {
	slog.ErrorContext(c.Request.Context(), "panic", "request_id", requestID(c), "panic", rec)
	fail(c, models.Errorf(models.Internal, "internal error"))
}

// securityHeaders are sent on every response.
func securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	c.Next()
}

// DefaultRequestTimeout bounds a request when Config.RequestTimeout is zero.
const DefaultRequestTimeout = 30 * time.Second

// bulkRoutes move a whole file or the whole register; they get bulkFactor
// times the ordinary timeout.
var bulkRoutes = map[string]bool{"/api/v1/stakeholders/import": true, "/api/v1/export": true}

const bulkFactor = 10

// withDeadline bounds how long a request may take. Every query runs on the
// request's context, so when the database hangs (a lost network, a stuck
// disk, a frozen server: no error ever comes back) the request fails with
// 503 at the deadline instead of holding its connection and goroutine for
// as long as the database hangs, which over TCP can be many minutes.
func withDeadline(timeout time.Duration) gin.HandlerFunc {
	if timeout <= 0 {
		timeout = DefaultRequestTimeout
	}
	return func(c *gin.Context) {
		d := timeout
		if bulkRoutes[c.FullPath()] {
			d *= bulkFactor
		}
		ctx, cancel := context.WithTimeout(c.Request.Context(), d)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}
