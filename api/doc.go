// Package api is Dialoog's HTTP face: gin routes, thin handlers, and the
// middleware that signs requests in, logs them, counts them and turns every
// error into an application/problem+json response. Handlers bind, call one
// service method and respond; rules live in services.
package api
