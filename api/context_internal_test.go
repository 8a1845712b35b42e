package api

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// Handlers hand the services c.Request.Context(), never the *gin.Context
// itself. gin reuses a Context for the next request once the handler
// returns, while database/sql and the SQLite driver keep goroutines that
// watch the context of a query (Rows.awaitDone, interruptOnDone); with the
// gin.Context they would read a Context that gin is already resetting, a
// data race that `go test -race` on the fault tests shows. The request's
// context is immutable and carries the request timeout.
func TestHandlersPassTheRequestContext(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			if id, ok := call.Args[0].(*ast.Ident); ok && id.Name == "c" && strings.HasPrefix(exprString(call.Fun), "s.svc.") {
				t.Errorf("%s: %s(c, ...) lends the gin.Context to the services; pass c.Request.Context()", fset.Position(call.Pos()), exprString(call.Fun))
			}
			return true
		})
	}
}

func exprString(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return exprString(x.X) + "." + x.Sel.Name
	}
	return ""
}
