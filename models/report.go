package models

// EngagementReport is what the organisation discloses about its stakeholder
// engagement over a period, in the shape GRI 2-29 and ESRS 2 SBM-2 ask for:
// whom it engaged, how and how often, on which topics, what was raised and
// how it responded.
type EngagementReport struct {
	From, To Date // both included

	Groups              []GroupEngagement // by stakeholder category
	DialoguesByFormat   map[string]int
	DialoguesByLevel    map[string]int // IAP2 engagement level
	DialogueCount       int
	StakeholdersEngaged int

	ConcernsByTopic    []TopicSeverity
	ConcernsByStatus   map[string]int
	ConcernCount       int
	Responsiveness     []SeverityResponsiveness
	KeyConcerns        []KeyConcern
	Commitments        CommitmentTally
	ConfidentialHidden int // key concerns whose stakeholder is withheld
}

// GroupEngagement is the engagement with one stakeholder category.
type GroupEngagement struct {
	Category     string
	Stakeholders int            // distinct stakeholders met
	Dialogues    int            // dialogues with at least one of them
	ByFormat     map[string]int // dialogues by format
}

// SeverityResponsiveness is the median days to acknowledge and to respond to
// the concerns of one severity.
type SeverityResponsiveness struct {
	Severity            string
	Concerns            int
	MedianDaysToAck     *float64
	MedianDaysToRespond *float64
}

// KeyConcern is a high or critical concern and how it was answered.
type KeyConcern struct {
	ID              string
	Title           string
	Topic           string
	Severity        string
	Status          string
	StakeholderName string // empty when the concern is confidential
	RaisedOn        Date
	Response        string
	Decision        string
}

// CommitmentTally counts the commitments made in a period, by what became of them.
type CommitmentTally struct {
	Made       int
	Kept       int // done
	Open       int // open or in progress, not yet due
	Overdue    int
	Cancelled  int
	Accepted   int // partner agreed it was kept
	Disputed   int
	SharedMade int
}

// MaterialityTopic weighs one topic: how many stakeholders raised it, how
// influential they are, and how severe what they raised was.
type MaterialityTopic struct {
	Topic           string
	Concerns        int
	Stakeholders    int
	InfluenceWeight int     // sum of the influence (1-5) of the stakeholders who raised it
	MeanSeverity    float64 // low 1 ... critical 4
	MaxSeverity     string
	OpenConcerns    int
}
