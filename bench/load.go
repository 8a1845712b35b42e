package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// session is a signed-in demo user.
type session struct {
	email, userID, secret, csrf, stakeholderID string
}

func signIn(base, email string) (*session, error) {
	body, _ := json.Marshal(map[string]string{"email": email, "password": "dialoog-demo"})
	res, err := http.Post(base+"/api/v1/auth/login", "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var out struct {
		User struct {
			ID            string  `json:"id"`
			StakeholderID *string `json:"stakeholder_id"`
		} `json:"user"`
		CSRF string `json:"csrf_token"`
	}
	if res.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(res.Body)
		return nil, fmt.Errorf("sign in as %s: %s %s", email, res.Status, b)
	}
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		return nil, err
	}
	s := &session{email: email, userID: out.User.ID, csrf: out.CSRF}
	if out.User.StakeholderID != nil {
		s.stakeholderID = *out.User.StakeholderID
	}
	for _, c := range res.Cookies() {
		if c.Name == "dialoog_session" {
			s.secret = c.Value
		}
	}
	if s.secret == "" {
		return nil, fmt.Errorf("sign in as %s: no session cookie", email)
	}
	return s, nil
}

// request makes one request of a scenario as the session's user.
func (s *session) request(method, url string, body []byte) *http.Request {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, _ := http.NewRequest(method, url, rd)
	req.Header.Set("Cookie", "dialoog_session="+s.secret)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-CSRF-Token", s.csrf)
	}
	return req
}

// getJSON reads one GET as the session's user.
func (s *session) getJSON(base, path string, into any) error {
	res, err := http.DefaultClient.Do(s.request("GET", base+path, nil))
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(res.Body)
		return fmt.Errorf("GET %s: %s %s", path, res.Status, b)
	}
	return json.NewDecoder(res.Body).Decode(into)
}

// measurement is one measured run of a scenario at one concurrency.
type measurement struct {
	Requests   int
	Errors     int
	Throughput float64 // requests a second
	P50, P95   float64 // milliseconds
	P99        float64
	RSSMB      float64 // the server's peak resident memory during the run
	FirstError string  `json:",omitempty"`
}

// drive runs conc clients that each send requests back to back: first for
// the warm-up, then for the measured time. The requests that finish within
// the measured time count (one started in the warm-up too: a request slower
// than the run would otherwise never count, and its time is a real one).
func drive(ctx context.Context, srv *server, sc *scenario, conc int, warmup, measure time.Duration) measurement {
	tr := &http.Transport{MaxIdleConnsPerHost: conc, MaxIdleConns: conc, DisableCompression: true, IdleConnTimeout: time.Minute}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 60 * time.Second}
	start := time.Now()
	from, until := start.Add(warmup), start.Add(warmup+measure)
	// requests still running at the end are cut off (and not counted), so
	// that a slow scenario does not stretch the run
	ctx, cancel := context.WithDeadline(ctx, until)
	defer cancel()
	var (
		mu        sync.Mutex
		lat       []time.Duration
		errs      int
		firstErr  string
		seq       atomic.Int64
		wg        sync.WaitGroup
		rssMarked atomic.Bool
	)
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			var bad int
			var badMsg string
			for ctx.Err() == nil {
				t0 := time.Now()
				if t0.After(until) {
					break
				}
				if !t0.Before(from) && rssMarked.CompareAndSwap(false, true) {
					srv.rss.reset()
				}
				method, path, body := sc.next(int(seq.Add(1)))
				res, err := client.Do(sc.as.request(method, srv.base+path, body).WithContext(ctx))
				ok := err == nil
				if ok {
					_, _ = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if res.StatusCode != sc.status {
						ok = false
						err = fmt.Errorf("%s %s: %s", method, path, res.Status)
					}
				}
				t1 := time.Now()
				if t1.Before(from) || t1.After(until) {
					continue
				}
				if !ok {
					bad++
					if badMsg == "" {
						badMsg = err.Error()
					}
					continue
				}
				mine = append(mine, t1.Sub(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			errs += bad
			if firstErr == "" {
				firstErr = badMsg
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	m := measurement{Requests: len(lat), Errors: errs, FirstError: firstErr, RSSMB: srv.rss.since()}
	m.Throughput = float64(len(lat)) / measure.Seconds()
	slices.Sort(lat)
	m.P50, m.P95, m.P99 = percentile(lat, 0.50), percentile(lat, 0.95), percentile(lat, 0.99)
	return m
}

// percentile is the nearest-rank percentile, in milliseconds.
func percentile(sorted []time.Duration, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p*float64(len(sorted))+0.5) - 1
	i = max(0, min(i, len(sorted)-1))
	return float64(sorted[i].Microseconds()) / 1000
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
