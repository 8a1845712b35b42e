package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strings"

	"github.com/gin-gonic/gin"

	"dialoog/models"
)

// maxBody is the largest request body read; a bigger one answers 413.
const maxBody = 1 << 20

// bind reads the JSON body into req and validates it. Malformed JSON is 400,
// a body over 1 MB 413, anything else wrong 422 naming the field: unknown
// fields, wrong types and broken rules alike.
func bind(c *gin.Context, req any) error {
	if ct := c.GetHeader("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return models.Errorf(models.Unsupported, "send the body as application/json")
		}
	}
	dec := json.NewDecoder(http.MaxBytesReader(c.Writer, c.Request.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(req); err != nil {
		return decodeError(err, req)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return decodeError(err, req)
		}
		return models.Errorf(models.BadRequest, "the body must hold a single JSON object")
	}
	if name, ok := nulField(reflect.ValueOf(req), ""); ok {
		return models.InvalidField(name, name+" must not contain NUL characters")
	}
	return checkStruct(req)
}

// nulField finds a text in v that holds a NUL character, which PostgreSQL
// cannot store, and returns its path in the body.
func nulField(v reflect.Value, path string) (string, bool) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return nulField(v.Elem(), path)
		}
	case reflect.String:
		return path, strings.ContainsRune(v.String(), 0)
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if p, ok := nulField(v.Index(i), fmt.Sprintf("%s[%d]", path, i)); ok {
				return p, true
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			name := path // an embedded request type is not part of the body
			if !f.Anonymous {
				name = strings.SplitN(f.Tag.Get("json"), ",", 2)[0]
				if path != "" {
					name = path + "." + name
				}
			}
			if p, ok := nulField(v.Field(i), name); ok {
				return p, true
			}
		}
	}
	return "", false
}

// decodeError explains why the body could not be decoded.
func decodeError(err error, req any) error {
	var (
		syntax *json.SyntaxError
		typ    *json.UnmarshalTypeError
		mbe    *http.MaxBytesError
	)
	switch {
	case errors.As(err, &mbe):
		return models.Errorf(models.TooLarge, "the body is larger than %d bytes", maxBody)
	case errors.Is(err, io.EOF):
		return models.Errorf(models.BadRequest, "the body is empty; send a JSON object")
	case errors.As(err, &syntax):
		return models.Errorf(models.BadRequest, "the body is not valid JSON (at byte %d)", syntax.Offset)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return models.Errorf(models.BadRequest, "the body is not valid JSON (it ends too early)")
	case errors.As(err, &typ):
		if typ.Field == "" {
			return models.Errorf(models.BadRequest, "the body must be a JSON object")
		}
		name := bodyPath(typ.Field)
		return models.InvalidField(name, fmt.Sprintf("%s must be %s", name, jsonType(typ.Type)))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return models.InvalidField(name, name+" is not a field of this resource")
	}
	return models.Errorf(models.BadRequest, "the body cannot be read as JSON")
}

// bodyPath turns the path encoding/json reports for a value of the wrong type
// ("dialogueRequest.stakeholder_ids") into the field's path in the body
// ("stakeholder_ids"): embedded request types are not part of the body.
func bodyPath(field string) string {
	parts := strings.Split(field, ".")
	out := parts[:0]
	for _, p := range parts {
		if !strings.HasSuffix(p, "Request") {
			out = append(out, p)
		}
	}
	return strings.Join(out, ".")
}

// jsonType names a Go type as a JSON type, for messages.
func jsonType(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	}
	return "an object"
}
