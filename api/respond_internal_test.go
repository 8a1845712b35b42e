package api

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	gojson "github.com/goccy/go-json"

	"dialoog/models"
)

// Lists are written with goccy/go-json for speed; every list shape must come
// out byte for byte as encoding/json writes it (which gin uses everywhere
// else): the same escaping of <, > and & and of U+2028, the same times, the
// same nulls and empty lists, raw audit snapshots compacted alike.
func TestListJSONIsEncodingJSON(t *testing.T) {
	odd := "R&D <b>\"quoted\"</b> \\ tab\t line\u2028 café 🌊 \x01"
	at := time.Date(2026, 3, 2, 19, 30, 0, 123456000, time.UTC)
	local := at.In(time.FixedZone("CET", 3600))
	id := "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
	verdict := "disputed"
	snapshot := `{"title": "` + "R&D <b>" + `", "n": 1.50, "list": [ 1, 2 ]}`
	next := "eyJzIjoiZHVlX29uIn0"
	check := func(name string, v any) {
		t.Helper()
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := gojson.Marshal(v)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s:\n go-json       %s\n encoding/json %s", name, got, want)
		}
	}
	for _, cursor := range []*string{nil, &next} {
		check("stakeholders", listResponse[stakeholderResponse]{NextCursor: cursor, Items: []stakeholderResponse{
			toStakeholder(models.Stakeholder{ID: id, Name: odd, Tags: models.StringList{odd, "b"}, OwnerID: &id, CreatedAt: at, UpdatedAt: local}),
			toStakeholder(models.Stakeholder{ID: id}),
		}})
		check("contacts", listResponse[contactResponse]{NextCursor: cursor, Items: []contactResponse{
			toContact(models.Contact{ID: id, Name: odd, ErasedAt: &at}), toContact(models.Contact{})}})
		check("dialogues", listResponse[dialogueResponse]{NextCursor: cursor, Items: []dialogueResponse{
			toDialogue(models.Dialogue{ID: id, Title: odd, HeldAt: local, Topics: models.StringList{odd}, StakeholderIDs: []string{id}, CreatedBy: &id}),
			toDialogue(models.Dialogue{})}})
		check("concerns", listResponse[concernResponse]{NextCursor: cursor, Items: []concernResponse{
			toConcern(models.Concern{ID: id, StakeholderID: id, Title: odd, Response: odd, AcknowledgedAt: &at, Confidential: true}),
			toConcern(models.Concern{})}})
		check("commitments", listResponse[commitmentResponse]{NextCursor: cursor, Items: []commitmentResponse{
			toCommitment(models.Commitment{ID: id, Title: odd, DueOn: "2026-03-02", PartnerVerdict: &verdict, VerdictReason: odd, DoneAt: &local, Overdue: true}),
			toCommitment(models.Commitment{})}})
		check("partner commitments", listResponse[partnerCommitmentResponse]{NextCursor: cursor, Items: []partnerCommitmentResponse{
			toPartnerCommitment(models.Commitment{ID: id, Description: odd, VerdictAt: &at})}})
		check("updates", listResponse[updateResponse]{NextCursor: cursor, Items: []updateResponse{
			toUpdate(models.CommitmentUpdate{ID: id, Text: odd, AuthorName: odd, CreatedAt: at})}})
		check("partner updates", listResponse[partnerUpdateResponse]{NextCursor: cursor, Items: []partnerUpdateResponse{
			toPartnerUpdate(models.CommitmentUpdate{ID: id, Text: odd, Shared: true})}})
		check("users", listResponse[userResponse]{NextCursor: cursor, Items: []userResponse{
			toUser(models.User{ID: id, Name: odd, Email: "a&b@example.nl", StakeholderID: &id, DeactivatedAt: &at})}})
		check("tokens", listResponse[tokenResponse]{NextCursor: cursor, Items: []tokenResponse{
			toToken(models.APIToken{ID: id, Name: odd, LastUsedAt: &at})}})
		check("audit events", listResponse[auditEventResponse]{NextCursor: cursor, Items: []auditEventResponse{
			toAuditEvent(models.AuditEvent{ID: id, At: at, Action: "update", RecordType: "concern", RecordID: id, Before: &snapshot, After: &snapshot}),
			toAuditEvent(models.AuditEvent{ID: id})}})
		check("empty", listResponse[commitmentResponse]{Items: []commitmentResponse{}})
	}
}
