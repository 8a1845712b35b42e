package services

import (
	"encoding/base64"
	"slices"
	"testing"
	"time"

	"dialoog/models"
)

const someID = "0190a5e8-7c3b-7d2e-9f4a-1b2c3d4e5f60"

func TestCursorRoundTrip(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	at := time.Date(2026, 3, 1, 19, 30, 0, 123456000, cet)
	for _, tc := range []struct {
		name string
		kind keyKind
		sort string
		in   any
		want any
	}{
		{"text", keyText, "name", "Café 'De Hoek'", "Café 'De Hoek'"},
		{"empty text", keyText, "-name", "", ""},
		{"int", keyInt, "influence", 4, int64(4)},
		{"date", keyDate, "-due_on", "2026-05-01", "2026-05-01"},
		{"time", keyTime, "-held_at", at, at.UTC()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := encodeCursor(cursor{Sort: tc.sort, Value: tc.in, ID: someID})
			c, err := decodeCursor(s, tc.sort, tc.kind)
			if err != nil {
				t.Fatal(err)
			}
			if c.ID != someID || c.Sort != tc.sort {
				t.Fatalf("decoded %+v", c)
			}
			if tt, ok := tc.want.(time.Time); ok {
				got, ok := c.Value.(time.Time)
				if !ok || !got.Equal(tt) || got.Location() != time.UTC {
					t.Fatalf("time %v, want %v in UTC", c.Value, tt)
				}
				return
			}
			if c.Value != tc.want {
				t.Fatalf("value %#v, want %#v", c.Value, tc.want)
			}
		})
	}
}

func TestCursorForged(t *testing.T) {
	b64 := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	for _, tc := range []struct {
		name, cursor, sort string
		kind               keyKind
	}{
		{"NotBase64", "%%%", "name", keyText},
		{"PaddedBase64", base64.StdEncoding.EncodeToString([]byte(`{"s":"name","v":"a","id":"`+someID+`"}`)) + "==", "name", keyText},
		{"NotJSON", b64("hello"), "name", keyText},
		{"JSONArray", b64(`["name","a"]`), "name", keyText},
		{"OtherSort", b64(`{"s":"-name","v":"a","id":"` + someID + `"}`), "name", keyText},
		{"NoSort", b64(`{"v":"a","id":"` + someID + `"}`), "name", keyText},
		{"NoID", b64(`{"s":"name","v":"a"}`), "name", keyText},
		{"BadID", b64(`{"s":"name","v":"a","id":"1 OR 1=1"}`), "name", keyText},
		{"UpperCaseID", b64(`{"s":"name","v":"a","id":"0190A5E8-7C3B-7D2E-9F4A-1B2C3D4E5F60"}`), "name", keyText},
		{"TextIsNumber", b64(`{"s":"name","v":1,"id":"` + someID + `"}`), "name", keyText},
		{"TextIsNull", b64(`{"s":"name","v":null,"id":"` + someID + `"}`), "name", keyText},
		{"TextHasNUL", b64(`{"s":"name","v":"a\u0000","id":"` + someID + `"}`), "name", keyText},
		{"IntIsText", b64(`{"s":"influence","v":"3","id":"` + someID + `"}`), "influence", keyInt},
		{"IntIsFraction", b64(`{"s":"influence","v":3.5,"id":"` + someID + `"}`), "influence", keyInt},
		{"IntIsHuge", b64(`{"s":"influence","v":1e300,"id":"` + someID + `"}`), "influence", keyInt},
		{"DateIsNumber", b64(`{"s":"due_on","v":20260501,"id":"` + someID + `"}`), "due_on", keyDate},
		{"DateImpossible", b64(`{"s":"due_on","v":"2026-02-30","id":"` + someID + `"}`), "due_on", keyDate},
		{"DateYearZero", b64(`{"s":"due_on","v":"0000-01-01","id":"` + someID + `"}`), "due_on", keyDate},
		{"DateIsInjection", b64(`{"s":"due_on","v":"2026-01-01' OR '1'='1","id":"` + someID + `"}`), "due_on", keyDate},
		{"TimeIsWords", b64(`{"s":"-held_at","v":"yesterday","id":"` + someID + `"}`), "-held_at", keyTime},
		{"TimeIsDate", b64(`{"s":"-held_at","v":"2026-01-01","id":"` + someID + `"}`), "-held_at", keyTime},
		{"TimeIsNumber", b64(`{"s":"-held_at","v":1767225600,"id":"` + someID + `"}`), "-held_at", keyTime},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := decodeCursor(tc.cursor, tc.sort, tc.kind)
			var e *models.Error
			if err == nil {
				t.Fatal("a forged cursor was taken")
			}
			if models.ErrorCode(err) != models.Invalid {
				t.Fatalf("code %s, want invalid", models.ErrorCode(err))
			}
			e = err.(*models.Error)
			if len(e.Fields) != 1 || e.Fields[0].Field != "cursor" {
				t.Fatalf("fields %v, want cursor", e.Fields)
			}
		})
	}
}

func TestSortNames(t *testing.T) {
	got := sortNames(sortKeys{"name": {}, "created_at": {}})
	want := []string{"-created_at", "-name", "created_at", "name"}
	if !slices.Equal(got, want) {
		t.Fatalf("sortNames = %v, want %v", got, want)
	}
}
