package api

import (
	"net/http"
	"os"
	"time"

	"github.com/gin-gonic/gin"
)

// export answers the whole register as a zip archive of JSON files. The
// archive is written to a temporary file first: memory stays small however
// large the register, and a failure halfway answers a problem rather than a
// cut-off archive.
func (s *Server) export(c *gin.Context) {
	if err := newQuery(c).err(); err != nil {
		fail(c, err)
		return
	}
	f, err := os.CreateTemp("", "dialoog-export-*.zip")
	if err != nil {
		fail(c, err)
		return
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if err := s.svc.Export.Export(c.Request.Context(), actor(c), f); err != nil {
		fail(c, err)
		return
	}
	if _, err := f.Seek(0, 0); err != nil {
		fail(c, err)
		return
	}
	st, err := f.Stat()
	if err != nil {
		fail(c, err)
		return
	}
	name := "dialoog-export-" + time.Now().UTC().Format("20060102-150405") + ".zip"
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
	c.Header("Cache-Control", "no-store")
	c.DataFromReader(http.StatusOK, st.Size(), "application/zip", f, nil)
}
