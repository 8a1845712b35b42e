package api

// routes lists the whole API in one place.
func (s *Server) routes() {
	e := s.engine
	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	e.GET("/metrics", s.metrics.handler())
	e.GET("/calendar/:file", s.calendar) // the secret in the URL is the key

	v1 := e.Group("/api/v1")
	v1.GET("/openapi.json", s.openAPI)
	v1.POST("/auth/login", s.login)
	v1.POST("/auth/logout", s.logout)

	a := v1.Group("", s.authenticate)
	a.GET("/auth/me", s.me)

	a.GET("/stakeholders", s.listStakeholders)
	a.POST("/stakeholders", s.createStakeholder)
	a.POST("/stakeholders/import", s.importStakeholders)
	a.GET("/stakeholders/:id", s.getStakeholder)
	a.PATCH("/stakeholders/:id", s.updateStakeholder)
	a.DELETE("/stakeholders/:id", s.archiveStakeholder)
	a.GET("/stakeholders/:id/contacts", s.listContacts)
	a.POST("/stakeholders/:id/contacts", s.createContact)

	a.GET("/contacts/:id", s.getContact)
	a.PATCH("/contacts/:id", s.updateContact)
	a.DELETE("/contacts/:id", s.archiveContact)
	a.GET("/contacts/:id/export", s.exportContact)
	a.POST("/contacts/:id/erase", s.eraseContact)

	a.GET("/dialogues", s.listDialogues)
	a.POST("/dialogues", s.logMeeting)
	a.GET("/dialogues/:id", s.getDialogue)
	a.PATCH("/dialogues/:id", s.updateDialogue)
	a.DELETE("/dialogues/:id", s.archiveDialogue)

	a.GET("/concerns", s.listConcerns)
	a.POST("/concerns", s.createConcern)
	a.GET("/concerns/:id", s.getConcern)
	a.PATCH("/concerns/:id", s.updateConcern)
	a.DELETE("/concerns/:id", s.archiveConcern)

	a.GET("/commitments", s.listCommitments)
	a.POST("/commitments", s.createCommitment)
	a.GET("/commitments/:id", s.getCommitment)
	a.PATCH("/commitments/:id", s.updateCommitment)
	a.DELETE("/commitments/:id", s.archiveCommitment)
	a.GET("/commitments/:id/updates", s.listUpdates)
	a.POST("/commitments/:id/updates", s.addUpdate)
	a.POST("/commitments/:id/verdict", s.giveVerdict)

	a.GET("/users", s.listUsers)
	a.POST("/users", s.createUser)
	a.GET("/users/:id", s.getUser)
	a.PATCH("/users/:id", s.updateUser)
	a.DELETE("/users/:id", s.deactivateUser)

	a.GET("/tokens", s.listTokens)
	a.POST("/tokens", s.createToken)
	a.GET("/tokens/:id", s.getToken)
	a.PATCH("/tokens/:id", s.updateToken)
	a.DELETE("/tokens/:id", s.revokeToken)

	a.GET("/calendar-feed", s.getCalendarFeed)
	a.POST("/calendar-feed", s.createCalendarFeed)
	a.DELETE("/calendar-feed", s.revokeCalendarFeed)

	a.GET("/audit-events", s.listAuditEvents)
	a.GET("/overview", s.overview)
	a.GET("/export", s.export)
	a.GET("/reports/engagement", s.engagementReport)
	a.GET("/reports/materiality", s.materiality)
}
