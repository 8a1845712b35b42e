// Package frontend embeds the built single-page app (frontend/dist) in the
// binary. Before the app is built, dist holds only .gitkeep and the server
// shows a page that says how to build it.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

//go:embed placeholder.html
var placeholder []byte

// Dist returns the built app.
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // dist is embedded at build time; cannot happen
	}
	return sub
}

// Placeholder is the page served at / while the app is not built.
func Placeholder() []byte { return placeholder }
