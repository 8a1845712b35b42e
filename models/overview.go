package models

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
