package api

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"os"
	"strings"

	"github.com/gin-gonic/gin"

	"dialoog/models"
)

// maxImport is the largest CSV file taken: room for well over 50,000 rows.
const maxImport = 64 << 20

type importDuplicateResponse struct {
	Row        int     `json:"row"`
	Field      string  `json:"field"`
	Value      string  `json:"value"`
	ExistingID *string `json:"existing_id"`
	Message    string  `json:"message"`
}

type importResponse struct {
	DryRun              bool                      `json:"dry_run"`
	Imported            bool                      `json:"imported"`
	Rows                int                       `json:"rows"`
	StakeholdersCreated int                       `json:"stakeholders_created"`
	ContactsCreated     int                       `json:"contacts_created"`
	Duplicates          []importDuplicateResponse `json:"duplicates"`
}

// importProblem is the 422 answer to a file with bad rows: the problem, with
// every row's errors, and the import's figures as extension members.
type importProblem struct {
	Problem
	importResponse
	ErrorsTruncated bool `json:"errors_truncated"`
}

// importStakeholders takes a CSV file, as the body (text/csv) or as the
// "file" field of a form upload, and imports it, or with dry_run=true says
// what importing it would do.
func (s *Server) importStakeholders(c *gin.Context) {
	q := newQuery(c)
	dry := q.boolean("dry_run")
	if err := q.err(); err != nil {
		fail(c, err)
		return
	}
	body, err := importBody(c)
	if err != nil {
		fail(c, err)
		return
	}
	defer body.Close()
	res, err := s.svc.Imports.ImportStakeholders(c.Request.Context(), actor(c), body, dry != nil && *dry)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		err = models.Errorf(models.TooLarge, "the file is larger than %d MB", maxImport>>20)
	}
	if err != nil {
		fail(c, err)
		return
	}
	out := importResponse{DryRun: res.DryRun, Imported: res.Imported, Rows: res.Rows, StakeholdersCreated: res.StakeholdersCreated,
		ContactsCreated: res.ContactsCreated, Duplicates: []importDuplicateResponse{}}
	for _, d := range res.Duplicates {
		var id *string
		if d.ExistingID != "" {
			id = &d.ExistingID
		}
		out.Duplicates = append(out.Duplicates, importDuplicateResponse{Row: d.Row, Field: d.Field, Value: d.Value, ExistingID: id, Message: d.Message})
	}
	if len(res.Errors) > 0 {
		c.Header("Content-Type", "application/problem+json")
		c.JSON(http.StatusUnprocessableEntity, importProblem{
			Problem: Problem{Type: "urn:dialoog:problem:invalid", Title: "Unprocessable Entity", Status: http.StatusUnprocessableEntity,
				Detail: "the file has rows with errors; nothing was imported", Instance: c.Request.URL.Path, RequestID: requestID(c), Errors: res.Errors},
			importResponse: out, ErrorsTruncated: res.ErrorsTruncated})
		return
	}
	c.JSON(http.StatusOK, out)
}

func importBody(c *gin.Context) (io.ReadCloser, error) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, maxImport)
	mt, _, _ := mime.ParseMediaType(c.GetHeader("Content-Type"))
	switch {
	case mt == "multipart/form-data":
		fh, err := c.FormFile("file")
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return nil, models.Errorf(models.TooLarge, "the file is larger than %d MB", maxImport>>20)
			}
			return nil, models.InvalidField("file", "file is required: send the CSV as the form field \"file\"")
		}
		return fh.Open()
	case mt == "text/csv" || mt == "application/csv" || mt == "text/plain" || strings.HasSuffix(mt, "ms-excel"):
		return spool(c.Request.Body)
	}
	return nil, models.Errorf(models.Unsupported, "send the file as text/csv, or as the field \"file\" of a multipart/form-data upload")
}

// spool reads the whole upload into a temporary file before the import
// begins, as FormFile does for a form upload. The import is one transaction,
// and on SQLite a transaction holds the store's only write lock: reading
// the rows straight from a slow client would hold that lock for as long as
// the upload takes, and every other writer would wait, then fail with
// "database is locked". The file goes when the returned body is closed.
func spool(body io.Reader) (io.ReadCloser, error) {
	f, err := os.CreateTemp("", "dialoog-import-*.csv")
	if err != nil {
		return nil, err
	}
	sp := spooled{f}
	if _, err := io.Copy(f, body); err != nil {
		sp.Close()
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, models.Errorf(models.TooLarge, "the file is larger than %d MB", maxImport>>20)
		}
		return nil, models.Errorf(models.BadRequest, "the upload broke off before the end of the file")
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		sp.Close()
		return nil, err
	}
	return sp, nil
}

// spooled is an upload in a temporary file, removed on Close.
type spooled struct{ *os.File }

func (s spooled) Close() error {
	err := s.File.Close()
	os.Remove(s.Name())
	return err
}
