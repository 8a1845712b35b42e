package api

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"dialoog/models"
)

// statusOf is the one table from error codes to HTTP statuses.
var statusOf = map[models.Code]int{
	models.BadRequest:   http.StatusBadRequest,
	models.TooLarge:     http.StatusRequestEntityTooLarge,
	models.Unsupported:  http.StatusUnsupportedMediaType,
	models.Invalid:      http.StatusUnprocessableEntity,
	models.NotFound:     http.StatusNotFound,
	models.Conflict:     http.StatusConflict,
	models.Stale:        http.StatusPreconditionFailed,
	models.Unauthorized: http.StatusUnauthorized,
	models.Forbidden:    http.StatusForbidden,
	models.TooMany:      http.StatusTooManyRequests,
	models.Unavailable:  http.StatusServiceUnavailable,
	models.Internal:     http.StatusInternalServerError,
}

// Problem is an RFC 9457 problem detail.
type Problem struct {
	Type      string              `json:"type"`
	Title     string              `json:"title"`
	Status    int                 `json:"status"`
	Detail    string              `json:"detail,omitempty"`
	Instance  string              `json:"instance,omitempty"`
	RequestID string              `json:"request_id,omitempty"`
	Errors    []models.FieldError `json:"errors,omitempty"`
}

// fail ends the request with the problem that err describes. An internal
// error is logged with the request id; the client sees only "internal error".
func fail(c *gin.Context, err error) {
	var e *models.Error
	if !errors.As(err, &e) {
		e = &models.Error{Code: models.Internal, Message: "internal error", Err: err}
	}
	status, ok := statusOf[e.Code]
	if !ok {
		status = http.StatusInternalServerError
	}
	detail := e.Message
	if status >= 500 {
		slog.ErrorContext(c.Request.Context(), "request failed", "request_id", requestID(c), "code", e.Code, "error", err)
		if e.Code == models.Internal {
			detail = "internal error"
		}
	}
	if e.Code == models.TooMany {
		c.Header("Retry-After", "900")
	}
	if e.Code == models.Unavailable {
		c.Header("Retry-After", "5")
	}
	p := Problem{
		Type:      "urn:dialoog:problem:" + string(e.Code),
		Title:     http.StatusText(status),
		Status:    status,
		Detail:    detail,
		Instance:  c.Request.URL.Path,
		RequestID: requestID(c),
		Errors:    e.Fields,
	}
	c.Error(err) //nolint:errcheck // kept for the request log
	c.Header("Content-Type", "application/problem+json")
	c.AbortWithStatusJSON(status, p)
}
