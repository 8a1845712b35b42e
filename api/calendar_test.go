package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"dialoog/models"
)

func TestCalendarFeed(t *testing.T) {
	each(t, func(t *testing.T, e *env) {
		officer := e.as(models.RoleOfficer)
		due := time.Now().AddDate(0, 0, 7).Format("2006-01-02")
		mine := officer.post("/api/v1/commitments", map[string]any{"title": "Bewonersbrief versturen", "stakeholder_id": e.partner.ID, "due_on": due, "shared": true}).expect(http.StatusCreated).json()
		officer.post("/api/v1/commitments", map[string]any{"title": "Van een ander", "stakeholder_id": e.other.ID, "due_on": due,
			"owner_id": e.users[models.RoleDirector].ID}).expect(http.StatusCreated)

		if st := officer.get("/api/v1/calendar-feed").expect(http.StatusOK).json(); st["active"] != false {
			t.Fatalf("feed before creating: %v", st)
		}
		feed := officer.post("/api/v1/calendar-feed", nil).expect(http.StatusCreated).json()
		url := str(feed, "url")
		path := url[strings.Index(url, "/calendar/"):]
		anon := e.anonymous()
		res := anon.get(path).expect(http.StatusOK)
		if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/calendar") {
			t.Fatalf("Content-Type %q", res.Header.Get("Content-Type"))
		}
		cal, err := ics.ParseCalendar(strings.NewReader(string(res.Body)))
		if err != nil {
			t.Fatalf("the feed does not parse as iCalendar: %v\n%s", err, res.Body)
		}
		events := cal.Events()
		if len(events) != 1 || events[0].Id() != str(mine, "id")+"@dialoog" {
			t.Fatalf("the officer's feed holds %d events: %s", len(events), res.Body)
		}
		start, err := events[0].GetAllDayStartAt()
		if err != nil || start.Format("2006-01-02") != due {
			t.Fatalf("event starts %v (%v), want %s", start, err, due)
		}
		if !strings.Contains(string(res.Body), "DTSTART;VALUE=DATE:"+strings.ReplaceAll(due, "-", "")) {
			t.Fatalf("not an all-day event: %s", res.Body)
		}

		// The partner's own feed lists the shared commitments owed to them.
		partner := e.as(models.RolePartner)
		purl := str(partner.post("/api/v1/calendar-feed", nil).expect(http.StatusCreated).json(), "url")
		pres := anon.get(purl[strings.Index(purl, "/calendar/"):]).expect(http.StatusOK)
		if !strings.Contains(string(pres.Body), "Bewonersbrief versturen") || strings.Contains(string(pres.Body), "Van een ander") {
			t.Fatalf("partner feed: %s", pres.Body)
		}

		// A new feed replaces the old URL; revoking ends it.
		url2 := str(officer.post("/api/v1/calendar-feed", nil).expect(http.StatusCreated).json(), "url")
		anon.get(path).problem(http.StatusNotFound)
		path2 := url2[strings.Index(url2, "/calendar/"):]
		anon.get(path2).expect(http.StatusOK)
		officer.del("/api/v1/calendar-feed").expect(http.StatusNoContent)
		anon.get(path2).problem(http.StatusNotFound)
		anon.get("/calendar/cal_nonsense.ics").problem(http.StatusNotFound)
		anon.get("/calendar/whatever").problem(http.StatusNotFound)
		e.anonymous().post("/api/v1/calendar-feed", nil).problem(http.StatusUnauthorized)
	})
}
