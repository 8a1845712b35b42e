package services

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"dialoog/models"
)

// A cursor comes back from the client, so anything may arrive in its place.
// decodeCursor either refuses it (Invalid) or returns a value of the sort
// key's type, for this sort, with a canonical id; and a cursor it accepts
// survives being handed out again.
func FuzzDecodeCursor(f *testing.F) {
	id := "0190a5e8-7c3b-7d2e-9f4a-1b2c3d4e5f60"
	for _, c := range []cursor{
		{Sort: "due_on", Value: "2026-06-01", ID: id},
		{Sort: "-created_at", Value: "2026-06-01T10:00:00.123456Z", ID: id},
		{Sort: "title", Value: "Geluidsmeting", ID: id},
		{Sort: "influence", Value: float64(4), ID: id},
		{Sort: "influence", Value: 4.5, ID: id},
		{Sort: "title", Value: nil, ID: id},
		{Sort: "due_on", Value: "2026-02-30", ID: strings.ToUpper(id)},
	} {
		f.Add(encodeCursor(c), strings.TrimPrefix(c.Sort, "-"), uint8(0))
		f.Add(encodeCursor(c), c.Sort, uint8(1))
		f.Add(encodeCursor(c), c.Sort, uint8(2))
		f.Add(encodeCursor(c), c.Sort, uint8(3))
	}
	f.Add("", "title", uint8(0))
	f.Add("e30", "", uint8(0))
	f.Add("!!!", "title", uint8(0))
	f.Add("eyJzIjoidGl0bGUiLCJ2IjoiXHUwMDAwIiwiaWQiOiIwMTkwYTVlOC03YzNiLTdkMmUtOWY0YS0xYjJjM2Q0ZTVmNjAifQ", "title", uint8(0))
	f.Fuzz(func(t *testing.T, s, sortName string, k uint8) {
		kind := keyKind(k % 4)
		c, err := decodeCursor(s, sortName, kind)
		if err != nil {
			if code := models.ErrorCode(err); code != models.Invalid {
				t.Fatalf("refused with %s, want invalid: %v", code, err)
			}
			return
		}
		if c.Sort != sortName || !validID(c.ID) {
			t.Fatalf("accepted a cursor of another sort or with a bad id: %+v", c)
		}
		var ok bool
		switch kind {
		case keyText:
			var v string
			v, ok = c.Value.(string)
			ok = ok && !strings.ContainsRune(v, 0)
		case keyDate:
			_, ok = c.Value.(string)
		case keyInt:
			_, ok = c.Value.(int64)
		case keyTime:
			_, ok = c.Value.(time.Time)
		}
		if !ok {
			t.Fatalf("kind %d but value %T %v", kind, c.Value, c.Value)
		}
		again, err := decodeCursor(encodeCursor(c), sortName, kind)
		if err != nil {
			t.Fatalf("a cursor accepted once is refused when handed out again: %+v: %v", c, err)
		}
		if t1, ok := c.Value.(time.Time); ok {
			if !t1.Equal(again.Value.(time.Time)) {
				t.Fatalf("time %v came back as %v", t1, again.Value)
			}
		} else if !reflect.DeepEqual(c, again) {
			t.Fatalf("%+v came back as %+v", c, again)
		}
	})
}
