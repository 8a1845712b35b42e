package models

import (
	"errors"
	"fmt"
)

// Code classifies an Error; the API maps each code to one HTTP status.
type Code string

const (
	BadRequest   Code = "bad_request"  // the request cannot be read at all (malformed JSON)
	TooLarge     Code = "too_large"    // the body is over the limit
	Unsupported  Code = "unsupported"  // a body that is not JSON
	Invalid      Code = "invalid"      // the input breaks a rule
	NotFound     Code = "not_found"    // unknown, or outside the actor's scope
	Conflict     Code = "conflict"     // a duplicate, or a state that does not allow it
	Stale        Code = "stale"        // the record changed since the client read it
	Unauthorized Code = "unauthorized" // not signed in, or bad credentials
	Forbidden    Code = "forbidden"    // signed in, but the role may not do this
	TooMany      Code = "too_many"     // too many attempts; try later
	Unavailable  Code = "unavailable"  // the store cannot be reached right now
	Internal     Code = "internal"     // our fault; the client sees no detail
)

// FieldError names one field of the input and what is wrong with it, in words
// written for a person ("influence must be between 1 and 5").
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error is the error type of Dialoog. Services create it; the API turns it into
// an application/problem+json response.
type Error struct {
	Code    Code
	Message string       // safe to show to the client
	Fields  []FieldError // for Invalid
	Err     error        // the cause, logged but never shown
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an Error with a code and a message for the client.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// InvalidFields returns an Invalid error listing the given field errors.
func InvalidFields(fields ...FieldError) *Error {
	msg := "the input is not valid"
	if len(fields) == 1 {
		msg = fields[0].Message
	}
	return &Error{Code: Invalid, Message: msg, Fields: fields}
}

// InvalidField returns an Invalid error for one field.
func InvalidField(field, message string) *Error {
	return InvalidFields(FieldError{Field: field, Message: message})
}

// ErrorCode returns the code of err, Internal for any error that is not an *Error.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}
