package api

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin/binding"
	"github.com/go-playground/validator/v10"

	"dialoog/models"
)

// enums names the lists of allowed values a request field may be checked
// against with `validate:"enum=name"`; the lists themselves live in models.
var enums = map[string][]string{
	"role":             models.Roles,
	"kind":             models.StakeholderKinds,
	"category":         models.Categories,
	"stance":           models.Stances,
	"format":           models.DialogueFormats,
	"engagement_level": models.EngagementLevels,
	"severity":         models.Severities,
	"concern_status":   models.ConcernStatuses,
	"status":           models.CommitmentStatuses,
	"verdict":          models.Verdicts,
	"locale":           models.Locales,
}

var setupValidator sync.Once

// validate is gin's validator, set up once: JSON field names in errors, the
// enum rule, and the 1-to-5 scale.
func validate() *validator.Validate {
	v := binding.Validator.Engine().(*validator.Validate)
	setupValidator.Do(func() {
		v.SetTagName("validate")
		v.RegisterTagNameFunc(func(f reflect.StructField) string {
			name := strings.SplitN(f.Tag.Get("json"), ",", 2)[0]
			if name == "-" {
				return ""
			}
			if name == "" {
				name = f.Tag.Get("form")
			}
			return name
		})
		v.RegisterAlias("scale", "min=1,max=5")
		// A PATCH clears an optional reference or email with "": these
		// take "" as well as a UUID or an email address.
		_ = v.RegisterValidation("uuid_or_empty", func(fl validator.FieldLevel) bool {
			s := fl.Field().String()
			return s == "" || v.Var(s, "uuid") == nil
		})
		_ = v.RegisterValidation("email_or_empty", func(fl validator.FieldLevel) bool {
			s := fl.Field().String()
			return s == "" || v.Var(s, "email") == nil
		})
		_ = v.RegisterValidation("enum", func(fl validator.FieldLevel) bool {
			return models.IsOneOf(fl.Field().String(), enums[fl.Param()])
		})
		// datetime replaces the validator's own: a time must also fall in
		// the years 1 to 9999 (in UTC), which is all that JSON and
		// PostgreSQL can hold; year 0 would fail the store, year 10000 the
		// response.
		_ = v.RegisterValidation("datetime", func(fl validator.FieldLevel) bool {
			t, err := time.Parse(fl.Param(), fl.Field().String())
			return err == nil && t.UTC().Year() >= 1 && t.UTC().Year() <= 9999
		})
	})
	return v
}

// checkStruct validates req and returns an Invalid error listing every field
// that breaks a rule, in words for people.
func checkStruct(req any) error {
	err := validate().Struct(req)
	if err == nil {
		return nil
	}
	verrs, ok := err.(validator.ValidationErrors)
	if !ok {
		return &models.Error{Code: models.Internal, Message: "internal error", Err: err}
	}
	fields := make([]models.FieldError, 0, len(verrs))
	for _, fe := range verrs {
		name := fieldPath(fe.Namespace())
		fields = append(fields, models.FieldError{Field: name, Message: name + " " + message(fe)})
	}
	return models.InvalidFields(fields...)
}

// message says what is wrong with one field.
func message(fe validator.FieldError) string {
	p := fe.Param()
	kind := fe.Kind()
	if kind == reflect.Pointer {
		kind = fe.Type().Elem().Kind()
	}
	switch fe.Tag() {
	case "required", "required_without":
		return "is required"
	case "scale":
		return "must be between 1 and 5"
	case "enum":
		return "must be one of " + strings.Join(enums[p], ", ")
	case "email":
		return "must be an email address"
	case "uuid", "uuid4", "uuid_rfc4122":
		return "must be a UUID"
	case "uuid_or_empty":
		return "must be a UUID, or empty to clear it"
	case "email_or_empty":
		return "must be an email address" // that "" clears it goes without saying
	case "iso3166_1_alpha2":
		return "must be an ISO 3166-1 alpha-2 country code, such as NL"
	case "datetime":
		if p == models.DateLayout {
			return "must be a real date written as YYYY-MM-DD"
		}
		return "must be a time in RFC 3339 form, such as 2026-03-01T14:00:00Z"
	case "max", "lte":
		switch kind {
		case reflect.String:
			return fmt.Sprintf("must be at most %s characters", p)
		case reflect.Slice, reflect.Array:
			return fmt.Sprintf("must have at most %s items", p)
		}
		return "must be at most " + p
	case "min", "gte":
		switch kind {
		case reflect.String:
			return fmt.Sprintf("must be at least %s characters", p)
		case reflect.Slice, reflect.Array:
			return fmt.Sprintf("must have at least %s items", p)
		}
		return "must be at least " + p
	}
	return "is not valid"
}

// fieldPath turns a validator namespace ("meetingRequest.dialogueRequest.title",
// "meetingRequest.concerns[1].title") into the field's path in the JSON body
// ("title", "concerns[1].title"): the request types' own names, and those of
// embedded request types, are not part of the body.
func fieldPath(ns string) string {
	parts := strings.Split(ns, ".")
	out := parts[:0]
	for i, p := range parts {
		if i == 0 || strings.HasSuffix(p, "Request") {
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, ".")
}
