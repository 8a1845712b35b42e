package main

import (
	"fmt"
	"strconv"
	"time"

	"dialoog/api"
)

// Config is every setting of the program: defaults here, environment
// variables over them.
type Config struct {
	DatabaseURL   string // DATABASE_URL: postgres://... or empty for ./data/dialoog.db
	Addr          string // DIALOOG_ADDR
	AdminEmail    string // DIALOOG_ADMIN_EMAIL
	AdminPassword string // DIALOOG_ADMIN_PASSWORD; generated and printed once when empty
	Demo          bool   // DIALOOG_DEMO=1 fills an empty store with the demo organisation
	SecureCookies bool   // DIALOOG_SECURE_COOKIES=1 behind HTTPS
	LogFormat     string // DIALOOG_LOG_FORMAT: text or json
	// RequestTimeout (DIALOOG_REQUEST_TIMEOUT, such as 30s) bounds each
	// request, so that a database that hangs fails requests with 503.
	RequestTimeout time.Duration
	// OverviewTTL (DIALOOG_OVERVIEW_TTL, such as 10s; 0s computes every
	// request) is how long the directors' overview is served again.
	OverviewTTL time.Duration
}

func loadConfig(env func(string) string) (Config, error) {
	cfg := Config{
		DatabaseURL: env("DATABASE_URL"),
		Addr:        ":8080",
		AdminEmail:  "admin@dialoog.local",
		LogFormat:   "text",
	}
	if v := env("DIALOOG_ADDR"); v != "" {
		cfg.Addr = v
	}
	if v := env("DIALOOG_ADMIN_EMAIL"); v != "" {
		cfg.AdminEmail = v
	}
	cfg.AdminPassword = env("DIALOOG_ADMIN_PASSWORD")
	if v := env("DIALOOG_LOG_FORMAT"); v != "" {
		if v != "text" && v != "json" {
			return cfg, fmt.Errorf("DIALOOG_LOG_FORMAT must be text or json, not %q", v)
		}
		cfg.LogFormat = v
	}
	cfg.RequestTimeout = api.DefaultRequestTimeout
	if v := env("DIALOOG_REQUEST_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return cfg, fmt.Errorf("DIALOOG_REQUEST_TIMEOUT must be a duration such as 30s, not %q", v)
		}
		cfg.RequestTimeout = d
	}
	if v := env("DIALOOG_OVERVIEW_TTL"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			return cfg, fmt.Errorf("DIALOOG_OVERVIEW_TTL must be a duration such as 10s, or 0s, not %q", v)
		}
		cfg.OverviewTTL = d
		if d == 0 {
			cfg.OverviewTTL = -1 // never cached
		}
	}
	for name, dst := range map[string]*bool{"DIALOOG_DEMO": &cfg.Demo, "DIALOOG_SECURE_COOKIES": &cfg.SecureCookies} {
		if v := env(name); v != "" {
			b, err := strconv.ParseBool(v)
			if err != nil {
				return cfg, fmt.Errorf("%s must be 1 or 0, not %q", name, v)
			}
			*dst = b
		}
	}
	return cfg, nil
}
