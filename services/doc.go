// Package services holds Dialoog's rules: every query, every permission check
// and every transaction. Each exported method that writes is one transaction;
// the unexported helpers take the transaction, so that they compose (logging a
// whole meeting is one of them). Errors are *models.Error with a code.
package services
