package api_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"

	"dialoog/api"
	"dialoog/services"
	"dialoog/services/storetest"
)

// openAPIServer is the API over a fresh SQLite store, for looking at its routes.
func openAPIServer(t *testing.T) *api.Server {
	t.Helper()
	db := storetest.Open(t, "sqlite")
	return api.New(services.New(db, services.Options{}), api.Config{}, slog.New(slog.DiscardHandler))
}

func openAPIDoc(t *testing.T) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(api.OpenAPISpec(), &doc); err != nil {
		t.Fatalf("openapi.json is not JSON: %v", err)
	}
	return doc
}

var httpMethods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// openAPIOperations returns each operation of the description by "METHOD /path".
func openAPIOperations(doc map[string]any) map[string]map[string]any {
	ops := map[string]map[string]any{}
	paths, _ := doc["paths"].(map[string]any)
	for path, item := range paths {
		item, _ := item.(map[string]any)
		for method, op := range item {
			if op, ok := op.(map[string]any); ok && slices.Contains(httpMethods, method) {
				ops[strings.ToUpper(method)+" "+path] = op
			}
		}
	}
	return ops
}

func TestOpenAPIIsOpenAPI3(t *testing.T) {
	doc := openAPIDoc(t)
	if v, _ := doc["openapi"].(string); !strings.HasPrefix(v, "3.") {
		t.Errorf("openapi is %q, want 3.x", doc["openapi"])
	}
	info, _ := doc["info"].(map[string]any)
	if info["title"] == nil || info["version"] == nil {
		t.Errorf("info needs a title and a version: %v", info)
	}
	if paths, _ := doc["paths"].(map[string]any); len(paths) == 0 {
		t.Error("no paths")
	}
}

// TestOpenAPIMatchesRoutes compares the routes of the router with the
// operations of the description, both ways.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	ginParam := regexp.MustCompile(`[:*]([A-Za-z0-9_]+)`)
	routes := map[string]bool{}
	for _, r := range openAPIServer(t).Engine().Routes() {
		if r.Method == http.MethodHead {
			continue
		}
		routes[r.Method+" "+ginParam.ReplaceAllString(r.Path, "{$1}")] = true
	}
	ops := openAPIOperations(openAPIDoc(t))
	var undescribed, unrouted []string
	for r := range routes {
		if ops[r] == nil {
			undescribed = append(undescribed, r)
		}
	}
	for op := range ops {
		if !routes[op] && !strings.HasPrefix(op, "HEAD ") {
			unrouted = append(unrouted, op)
		}
	}
	slices.Sort(undescribed)
	slices.Sort(unrouted)
	if len(undescribed) > 0 {
		t.Errorf("routes missing from api/openapi.json:\n\t%s", strings.Join(undescribed, "\n\t"))
	}
	if len(unrouted) > 0 {
		t.Errorf("operations in api/openapi.json that the router does not have:\n\t%s", strings.Join(unrouted, "\n\t"))
	}
}

// TestOpenAPIOperations checks what every operation needs: a unique
// operationId, a declared tag, a success response, and its path parameters.
func TestOpenAPIOperations(t *testing.T) {
	doc := openAPIDoc(t)
	var tags []string
	for _, tag := range doc["tags"].([]any) {
		tags = append(tags, tag.(map[string]any)["name"].(string))
	}
	pathParam := regexp.MustCompile(`\{([^}]+)\}`)
	ids := map[string]string{}
	for key, op := range openAPIOperations(doc) {
		id, _ := op["operationId"].(string)
		if id == "" {
			t.Errorf("%s: no operationId", key)
		} else if other, dup := ids[id]; dup {
			t.Errorf("%s: operationId %s is also that of %s", key, id, other)
		}
		ids[id] = key
		opTags, _ := op["tags"].([]any)
		if len(opTags) == 0 {
			t.Errorf("%s: no tag", key)
		}
		for _, tag := range opTags {
			if !slices.Contains(tags, tag.(string)) {
				t.Errorf("%s: tag %v is not declared in tags", key, tag)
			}
		}
		if d, _ := op["description"].(string); d == "" {
			t.Errorf("%s: no description", key)
		}
		responses, _ := op["responses"].(map[string]any)
		if !slices.ContainsFunc(slices.Collect(maps.Keys(responses)), func(code string) bool { return strings.HasPrefix(code, "2") }) {
			t.Errorf("%s: no success response", key)
		}

		var declared, inPath []string
		params, _ := op["parameters"].([]any)
		for _, p := range params {
			if p := resolveRef(doc, p.(map[string]any)); p["in"] == "path" {
				declared = append(declared, p["name"].(string))
			}
		}
		for _, m := range pathParam.FindAllStringSubmatch(key, -1) {
			inPath = append(inPath, m[1])
		}
		slices.Sort(declared)
		slices.Sort(inPath)
		if !slices.Equal(declared, inPath) {
			t.Errorf("%s: path parameters declared %v, in the path %v", key, declared, inPath)
		}
	}
}

// TestOpenAPIRefsResolve checks that every $ref points at something.
func TestOpenAPIRefsResolve(t *testing.T) {
	doc := openAPIDoc(t)
	var walk func(where string, v any)
	walk = func(where string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if ref, ok := v["$ref"].(string); ok {
				if !strings.HasPrefix(ref, "#/") {
					t.Errorf("%s: $ref %q is not local", where, ref)
				} else if resolveRef(doc, v) == nil {
					t.Errorf("%s: $ref %q points at nothing", where, ref)
				}
			}
			for k, x := range v {
				walk(where+"/"+k, x)
			}
		case []any:
			for _, x := range v {
				walk(where+"/[]", x)
			}
		}
	}
	walk("#", doc)
}

func TestOpenAPIServed(t *testing.T) {
	w := httptest.NewRecorder()
	openAPIServer(t).ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/api/v1/openapi.json", nil))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d, want 200", w.Code)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q, want application/json", ct)
	}
	if !bytes.Equal(w.Body.Bytes(), api.OpenAPISpec()) {
		t.Error("the body is not the embedded description")
	}
}

// resolveRef follows local $refs; nil when one points at nothing.
func resolveRef(doc, s map[string]any) map[string]any {
	for range 10 {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		var cur any = doc
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			part = strings.NewReplacer("~1", "/", "~0", "~").Replace(part)
			m, _ := cur.(map[string]any)
			cur = m[part]
		}
		s, _ = cur.(map[string]any)
		if s == nil {
			return nil
		}
	}
	return nil
}
