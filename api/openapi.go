package api

import (
	_ "embed"

	"github.com/gin-gonic/gin"
)

// openAPISpec is the OpenAPI 3 description of the API, written by hand and
// kept true by TestOpenAPIMatchesRoutes, which compares it with the router.
//
//go:embed openapi.json
var openAPISpec []byte

// OpenAPISpec returns the description, for tests.
func OpenAPISpec() []byte { return openAPISpec }

func (s *Server) openAPI(c *gin.Context) {
	c.Data(200, "application/json", openAPISpec)
}
