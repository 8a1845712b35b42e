package api

import (
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/gin-gonic/gin"

	"dialoog/frontend"
	"dialoog/models"
)

// noRoute answers 404 problems under /api and serves the single-page app
// elsewhere: a file of the built app if there is one, index.html otherwise,
// so that the app's own routes survive a reload.
func (s *Server) noRoute(c *gin.Context) {
	p := c.Request.URL.Path
	if strings.HasPrefix(p, "/api/") || p == "/api" || (c.Request.Method != http.MethodGet && c.Request.Method != http.MethodHead) {
		fail(c, models.Errorf(models.NotFound, "there is nothing at %s", p))
		return
	}
	dist := s.cfg.Frontend
	if dist != nil {
		name := strings.TrimPrefix(path.Clean(p), "/")
		if name != "" {
			if st, err := fs.Stat(dist, name); err == nil && !st.IsDir() {
				if strings.HasPrefix(name, "assets/") {
					c.Header("Cache-Control", "public, max-age=31536000, immutable")
				}
				c.FileFromFS(name, http.FS(dist))
				return
			}
		}
		if index, err := fs.ReadFile(dist, "index.html"); err == nil {
			c.Header("Cache-Control", "no-cache")
			c.Data(http.StatusOK, "text/html; charset=utf-8", index)
			return
		}
	}
	c.Data(http.StatusOK, "text/html; charset=utf-8", frontend.Placeholder())
}
