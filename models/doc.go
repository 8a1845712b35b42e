// Package models holds Dialoog's data: the GORM entities of the register, the
// filter and update types of each aggregate, and the one error type that every
// layer speaks. It imports neither gin nor the services.
package models
