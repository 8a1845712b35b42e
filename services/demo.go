package services

import (
	"context"

	"dialoog/models"
)

// DemoPassword is the password of every demo user.
const DemoPassword = "dialoog-demo"

// DemoResult says what SeedDemo stored.
type DemoResult struct {
	Seeded                                         bool
	Stakeholders, Dialogues, Concerns, Commitments int
	Users                                          []models.User
}

// SeedDemo fills an empty register with a believable Dutch organisation.
func (s *Services) SeedDemo(ctx context.Context) (DemoResult, error) {
	return DemoResult{}, nil
}
