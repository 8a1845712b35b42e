package models

import (
	"maps"
	"slices"
)

// Overview holds the directors' figures.
type Overview struct {
	Today               Date
	CommitmentsByStatus map[string]int
	CommitmentsByOwner  []OwnerLoad
	ConcernsByTopic     []TopicSeverity
	Responsiveness      []MonthResponsiveness
	DueNext             []Commitment
	OpenConcerns        int
	OverdueCommitments  int
	DisputedCommitments int
}

// OwnerLoad counts the unfinished commitments of one owner.
type OwnerLoad struct {
	OwnerID    *string
	OwnerName  string
	Open       int
	InProgress int
	Overdue    int
}

// TopicSeverity counts concerns of one topic, by severity.
type TopicSeverity struct {
	Topic      string
	BySeverity map[string]int
	Total      int
}

// MonthResponsiveness is the median number of days to acknowledge and to
// respond, for the concerns raised in one month.
type MonthResponsiveness struct {
	Month               string // YYYY-MM
	Raised              int
	MedianDaysToAck     *float64
	MedianDaysToRespond *float64
}

// Clone returns a copy that shares no map or slice with o.
func (o Overview) Clone() Overview {
	c := o
	c.CommitmentsByStatus = maps.Clone(o.CommitmentsByStatus)
	c.CommitmentsByOwner = slices.Clone(o.CommitmentsByOwner)
	c.ConcernsByTopic = slices.Clone(o.ConcernsByTopic)
	for i := range c.ConcernsByTopic {
		c.ConcernsByTopic[i].BySeverity = maps.Clone(o.ConcernsByTopic[i].BySeverity)
	}
	c.Responsiveness = slices.Clone(o.Responsiveness)
	c.DueNext = slices.Clone(o.DueNext)
	return c
}
