package services

import "dialoog/models"

// The demo organisation: Kreekhaven Chemie B.V., a chemical plant with its own
// quay in the (fictional) port town of Kreekhaven, 600 metres from the
// residential area Oostwijk. It makes resins, wants to build a fourth
// production line, and talks with the neighbours, its staff, the regulators
// and everyone else a plant like this affects. Everything here is made up;
// the email addresses are under example.nl.
//
// This file holds only the data; demo.go turns it into a year of records.

// demoTopics are the concern topics the demo uses, always spelled the same,
// so that the overview's "concerns by topic" groups them.
var demoTopics = []string{
	"geluid", "geur", "luchtkwaliteit", "veiligheid", "verkeer",
	"werkgelegenheid", "natuur", "waterkwaliteit", "stikstof", "communicatie",
}

// demoTopicRaisers are the stakeholder categories that plausibly raise a
// concern on each topic: a customer does not complain about noise at night.
var demoTopicRaisers = map[string][]string{
	"geluid":          {"community", "ngo"},
	"geur":            {"community", "ngo", "other"},
	"luchtkwaliteit":  {"community", "ngo", "government", "academia"},
	"veiligheid":      {"employee", "government", "community", "supplier"},
	"verkeer":         {"community", "supplier", "government", "customer", "ngo"},
	"werkgelegenheid": {"employee", "government", "academia", "investor"},
	"natuur":          {"ngo", "community", "government"},
	"waterkwaliteit":  {"ngo", "government", "other", "community", "media"},
	"stikstof":        {"ngo", "government", "customer", "investor", "community"},
	"communicatie":    {"community", "media", "government"},
}

// demoConcernRaisers narrows who raises a concern where the topic's raisers
// are too wide: the shifts are an employee's worry, the permit list the
// water board's.
var demoConcernRaisers = map[string][]string{
	"Zorgen over fijnstof bij het schoolplein":                    {"community"},
	"Stof van de bulkopslag bij harde wind":                       {"community"},
	"Emissiecijfers per maand openbaar maken":                     {"community", "ngo", "academia"},
	"Twijfel aan de onafhankelijkheid van de metingen":            {"community", "ngo"},
	"Onduidelijk wat te doen bij een incident":                    {"community"},
	"Tankwagens langs de school":                                  {"community"},
	"Voetgangers en heftrucks op dezelfde route bij laadperron 4": {"employee", "supplier"},
	"Openstaande punten uit de BRZO-inspectie":                    {"government"},
	"Werkdruk en dubbele diensten in de ploegendienst":            {"employee"},
	"Wachtende vrachtwagens in De Schans":                         {"community", "government"},
	"Te hard rijden op de Havenweg":                               {"community", "government"},
	"Extra vrachtverkeer door lijn 4":                             {"community", "government", "ngo"},
	"Meer vervoer over water":                                     {"community", "government", "ngo"},
	"Fietsroute kruist de inrit":                                  {"community", "government"},
	"Banen bij de automatisering van lijn 2":                      {"employee"},
	"Meer stageplaatsen procestechniek":                           {"academia"},
	"Voorrang voor werkzoekenden uit Kreekhaven":                  {"government"},
	"Onzekerheid over de toekomst van de vestiging":               {"employee"},
	"Veel uitzendkrachten":                                        {"employee"},
	"Broedende visdieven op het bouwterrein van lijn 4":           {"ngo"},
	"Maaibeheer van de bermen op het terrein":                     {"ngo"},
	"Groenstrook tussen fabriek en wijk":                          {"community", "ngo"},
	"Actuele stoffenlijst voor de watervergunning":                {"government"},
	"Schuim op het water bij de jachthaven":                       {"other"},
	"Vertraging van de vergunning door stikstof":                  {"customer", "investor", "government"},
	"Nieuwe ketel op waterstof":                                   {"ngo", "investor"},
	"Stikstofruimte niet ten koste van boeren":                    {"customer", "community"},
	"Continue NOx-meting na de ombouw":                            {"government"},
	"Stikstofdepositie op het Natura 2000-gebied":                 {"ngo", "community", "government"},
	"Bewonersbrief kwam te laat":                                  {"community"},
	"Buiten kantoortijd niemand bereikbaar":                       {"community"},
	"Persvragen over het fakkelincident bleven liggen":            {"media"},
	"Jaarverslag omgeving te technisch":                           {"community", "ngo"},
	"Wens voor een bewonersapp":                                   {"community"},
}

// demoTopicOwners is who inside the plant owns the follow-up of each topic.
var demoTopicOwners = map[string]string{
	"geluid": "hse", "geur": "hse", "luchtkwaliteit": "hse", "veiligheid": "hse",
	"verkeer": "logistics", "werkgelegenheid": "hr", "natuur": "officer",
	"waterkwaliteit": "officer", "stikstof": "director", "communicatie": "officer",
}

// demoUser is a demo sign-in. The first four are the one-per-role accounts
// the README points at; the colleagues are there because a real plant has
// more than one person owning commitments, and the overview's "by owner"
// figures would say little with one.
type demoUser struct {
	key, email, name string
	role             models.Role
}

var demoUsers = []demoUser{
	{"admin", "admin@demo.dialoog.nl", "Ruud Hendriks", models.RoleAdmin},
	{"officer", "officer@demo.dialoog.nl", "Sanne de Groot", models.RoleOfficer},
	{"director", "director@demo.dialoog.nl", "Marcel van Dijk", models.RoleDirector},
	{"partner", "partner@demo.dialoog.nl", "Joke Mulder", models.RolePartner},
	{"hse", "pieter.smit@demo.dialoog.nl", "Pieter Smit", models.RoleOfficer},
	{"hr", "fatima.elamrani@demo.dialoog.nl", "Fatima El Amrani", models.RoleOfficer},
	{"logistics", "bram.jansen@demo.dialoog.nl", "Bram Jansen", models.RoleOfficer},
}

// demoPartnerStakeholder is the stakeholder the demo partner speaks for.
const demoPartnerStakeholder = "oostwijk"

type demoContact struct{ name, role string }

type demoStakeholder struct {
	key, name, kind, category, stance string
	influence, interest               int
	tags                              []string
	domain                            string // email and website; empty for a person
	address                           string
	owner                             string // demoUser key
	description                       string
	contacts                          []demoContact
}

var demoStakeholders = []demoStakeholder{
	// community
	{key: "oostwijk", name: "Bewonersvereniging Oostwijk", kind: "group", category: "community", stance: "critical",
		influence: 3, interest: 5, tags: []string{"omwonenden", "klankbordgroep", "Oostwijk"},
		domain: "bewonersoostwijk.example.nl", address: "Dijkstraat 41, 3291 AB Kreekhaven", owner: "officer",
		description: "Vereniging van ruim 400 huishoudens in Oostwijk, de woonwijk die het dichtst bij het terrein ligt. Zit in de klankbordgroep en volgt de gedeelde actielijst.",
		contacts:    []demoContact{{"Joke Mulder", "voorzitter"}, {"Ahmed Bouzid", "secretaris"}, {"Wim de Boer", "werkgroep geluid"}}},
	{key: "schans", name: "Wijkraad De Schans", kind: "group", category: "community", stance: "neutral",
		influence: 2, interest: 4, tags: []string{"omwonenden", "klankbordgroep"},
		domain: "wijkraaddeschans.example.nl", address: "Schansplein 3, 3292 CD Kreekhaven", owner: "officer",
		description: "Wijkraad van De Schans, ten zuiden van de Havenweg. Vooral bezig met vrachtverkeer door de wijk.",
		contacts:    []demoContact{{"Ria Kuipers", "voorzitter"}, {"Thijs van Leeuwen", "werkgroep verkeer"}}},
	{key: "dorpsraad", name: "Dorpsraad Kreekhaven-Dorp", kind: "group", category: "community", stance: "neutral",
		influence: 3, interest: 3, tags: []string{"omwonenden", "klankbordgroep"},
		domain: "dorpsraadkreekhaven.example.nl", address: "Kerkstraat 12, 3293 EF Kreekhaven", owner: "officer",
		description: "Dorpsraad van de oude dorpskern, op twee kilometer van het terrein. Wil vooral goed geïnformeerd worden.",
		contacts:    []demoContact{{"Gerrit Postma", "voorzitter"}, {"Els Verbruggen", "penningmeester"}}},
	{key: "volkstuin", name: "Volkstuinvereniging De Zandhoek", kind: "group", category: "community", stance: "critical",
		influence: 1, interest: 4, tags: []string{"omwonenden", "stof"},
		domain: "dezandhoek.example.nl", address: "Zandhoekpad 1, 3291 GH Kreekhaven", owner: "officer",
		description: "Zestig tuinen direct naast de bulkopslag. Klaagt over stof en geur op warme dagen.",
		contacts:    []demoContact{{"Annie Visser", "secretaris"}}},
	{key: "verhoeven", name: "Henk Verhoeven", kind: "person", category: "community", stance: "critical",
		influence: 1, interest: 5, tags: []string{"omwonende", "Kreekkade"},
		address: "Kreekkade 7, 3291 AK Kreekhaven", owner: "officer",
		description: "Woont aan de Kreekkade, recht tegenover kade 3. Meldt geregeld geluid- en geurhinder, ook via de klachtenlijn.",
		contacts:    []demoContact{{"Henk Verhoeven", "omwonende"}}},
	{key: "school", name: "Basisschool De Regenboog", kind: "organisation", category: "community", stance: "neutral",
		influence: 2, interest: 3, tags: []string{"onderwijs", "Oostwijk"},
		domain: "deregenboog.example.nl", address: "Schoolstraat 20, 3291 BC Kreekhaven", owner: "officer",
		description: "Basisschool in Oostwijk met 280 leerlingen, aan de route die tankwagens vroeger namen.",
		contacts:    []demoContact{{"Marloes de Wit", "directeur"}, {"Jeroen Bakker", "leerkracht groep 7"}}},

	// employee
	{key: "or", name: "Ondernemingsraad Kreekhaven Chemie", kind: "group", category: "employee", stance: "supportive",
		influence: 4, interest: 4, tags: []string{"medezeggenschap"},
		domain: "or.kreekhavenchemie.example.nl", owner: "hr",
		description: "Elf leden, gekozen uit de 420 medewerkers. Adviesrecht op de uitbreiding en de automatisering van lijn 2.",
		contacts:    []demoContact{{"Erik Vermeulen", "voorzitter OR"}, {"Naima Ouali", "secretaris OR"}}},
	{key: "fnv", name: "FNV Procesindustrie, regio Zuidwest", kind: "organisation", category: "employee", stance: "neutral",
		influence: 3, interest: 3, tags: []string{"vakbond", "cao"},
		domain: "fnv-zuidwest.example.nl", address: "Stationsweg 88, 3300 AA Dordwijk", owner: "hr",
		description: "Vakbond van een groot deel van de operators en monteurs.",
		contacts:    []demoContact{{"Dennis Koster", "bestuurder"}}},
	{key: "jong", name: "Jonge Kreekhavers", kind: "group", category: "employee", stance: "supportive",
		influence: 1, interest: 3, tags: []string{"personeelsnetwerk", "talent"},
		domain: "kreekhavenchemie.example.nl", owner: "hr",
		description: "Netwerk van medewerkers onder de 35.",
		contacts:    []demoContact{{"Lisa Brouwer", "voorzitter"}}},

	// customer
	{key: "polymeer", name: "Polymeer Benelux B.V.", kind: "organisation", category: "customer", stance: "supportive",
		influence: 4, interest: 2, tags: []string{"klant", "harsen"},
		domain: "polymeerbenelux.example.nl", address: "Industrieweg 5, 4600 AB Bergsveld", owner: "director",
		description: "Grootste afnemer van harsen; wil zekerheid over de levering na de uitbreiding.",
		contacts:    []demoContact{{"Frank Hoekstra", "inkoopdirecteur"}, {"Yvonne Dekker", "duurzaamheidsmanager"}}},
	{key: "coatings", name: "Van Rijn Coatings", kind: "organisation", category: "customer", stance: "neutral",
		influence: 3, interest: 2, tags: []string{"klant", "coatings"},
		domain: "vanrijncoatings.example.nl", address: "Ambachtsweg 14, 3311 CD Dordwijk", owner: "logistics",
		description: "Familiebedrijf dat oplosmiddelen en harsen afneemt.",
		contacts:    []demoContact{{"Martijn van Rijn", "directeur-eigenaar"}}},
	{key: "agro", name: "AgroDelta Coöperatie U.A.", kind: "organisation", category: "customer", stance: "unknown",
		influence: 2, interest: 1, tags: []string{"klant", "landbouw"},
		domain: "agrodelta.example.nl", address: "Polderweg 2, 3295 KL Kreekhaven", owner: "logistics",
		description: "Coöperatie van akkerbouwers; neemt een kleine productlijn af.",
		contacts:    []demoContact{{"Jan-Willem Bos", "accountmanager"}}},

	// supplier
	{key: "transport", name: "Transportbedrijf Van der Linden", kind: "organisation", category: "supplier", stance: "supportive",
		influence: 2, interest: 3, tags: []string{"logistiek", "vrachtverkeer"},
		domain: "vanderlinden-transport.example.nl", address: "Transportweg 30, 3294 MN Kreekhaven", owner: "logistics",
		description: "Vervoert het merendeel van de producten over de weg, ook gevaarlijke stoffen.",
		contacts:    []demoContact{{"Bart van der Linden", "planner"}, {"Monique Claassen", "QHSE-coördinator"}}},
	{key: "tankopslag", name: "Tankopslag Kreekhaven B.V.", kind: "organisation", category: "supplier", stance: "neutral",
		influence: 3, interest: 2, tags: []string{"opslag", "haven"},
		domain: "tankopslagkreekhaven.example.nl", address: "Havenweg 40, 3291 AZ Kreekhaven", owner: "logistics",
		description: "Buurbedrijf; slaat grondstoffen op en deelt de kade.",
		contacts:    []demoContact{{"Ronald Schouten", "terminalmanager"}}},
	{key: "onderhoud", name: "Industriële Service Zuidwest", kind: "organisation", category: "supplier", stance: "supportive",
		influence: 2, interest: 2, tags: []string{"onderhoud", "aannemer"},
		domain: "isz.example.nl", address: "Montageweg 9, 3312 EF Dordwijk", owner: "hse",
		description: "Onderhoudsaannemer voor tankreiniging en grote stops.",
		contacts:    []demoContact{{"Kevin Timmermans", "projectleider"}}},

	// investor
	{key: "holding", name: "Delta Chemical Holdings N.V.", kind: "organisation", category: "investor", stance: "supportive",
		influence: 5, interest: 3, tags: []string{"aandeelhouder"},
		domain: "deltachemical.example.nl", address: "Zuidas 100, 1082 AA Amsterdam", owner: "director",
		description: "Moedermaatschappij en enig aandeelhouder. Beslist over de investering in lijn 4.",
		contacts:    []demoContact{{"Caroline Verbeek", "CFO"}, {"Hans Meijer", "investor relations"}}},
	{key: "rom", name: "Regionale Ontwikkelingsmaatschappij Zuidwest", kind: "organisation", category: "investor", stance: "supportive",
		influence: 3, interest: 2, tags: []string{"financiering", "verduurzaming"},
		domain: "romzuidwest.example.nl", address: "Beursplein 4, 3011 AA Rotterdam", owner: "director",
		description: "Medefinancier van de DeNOx-installatie.",
		contacts:    []demoContact{{"Sophie Willems", "investment manager"}}},

	// government
	{key: "gemeente", name: "Gemeente Kreekhaven", kind: "organisation", category: "government", stance: "neutral",
		influence: 5, interest: 5, tags: []string{"bestuurlijk overleg", "ruimtelijke ordening"},
		domain: "kreekhaven.example.nl", address: "Raadhuisplein 1, 3290 AA Kreekhaven", owner: "director",
		description: "Bevoegd gezag voor het bestemmingsplan en wegbeheerder van de Havenweg.",
		contacts:    []demoContact{{"Anouk Smits", "wethouder ruimte en milieu"}, {"Peter van den Heuvel", "beleidsadviseur omgeving"}}},
	{key: "provincie", name: "Provincie Zuid-Holland", kind: "organisation", category: "government", stance: "neutral",
		influence: 5, interest: 3, tags: []string{"vergunning", "stikstof"},
		domain: "provincie.example.nl", owner: "director",
		description: "Bevoegd gezag voor de milieuvergunning van het BRZO-bedrijf en voor stikstof.",
		contacts:    []demoContact{{"Ellen Vos", "programmamanager stikstof"}}},
	{key: "odienst", name: "Omgevingsdienst Kreekhaven-Delta", kind: "organisation", category: "government", stance: "neutral",
		influence: 5, interest: 4, tags: []string{"toezicht", "BRZO", "vergunning"},
		domain: "odkd.example.nl", address: "Handelskade 20, 3311 GH Dordwijk", owner: "hse",
		description: "Houdt toezicht op de vergunning en voert de BRZO-inspecties uit.",
		contacts:    []demoContact{{"Rob Kok", "toezichthouder BRZO"}, {"Inge Hermans", "vergunningverlener"}}},
	{key: "vrk", name: "Veiligheidsregio Delta-Zuid", kind: "organisation", category: "government", stance: "neutral",
		influence: 4, interest: 3, tags: []string{"veiligheid", "crisisbeheersing"},
		domain: "vrdz.example.nl", owner: "hse",
		description: "Brandweer en crisisbeheersing; oefent jaarlijks een incident op het terrein.",
		contacts:    []demoContact{{"Marco Wouters", "adviseur risicobeheersing"}}},
	{key: "waterschap", name: "Waterschap Kreekwaarden", kind: "organisation", category: "government", stance: "neutral",
		influence: 3, interest: 3, tags: []string{"water", "lozing"},
		domain: "kreekwaarden.example.nl", owner: "officer",
		description: "Verleent de watervergunning voor koelwater en effluent.",
		contacts:    []demoContact{{"Karin Peters", "vergunningverlener water"}}},
	{key: "ggd", name: "GGD Delta-Zuid", kind: "organisation", category: "government", stance: "neutral",
		influence: 3, interest: 3, tags: []string{"gezondheid", "luchtkwaliteit"},
		domain: "ggddeltazuid.example.nl", owner: "hse",
		description: "Adviseert over gezondheidsrisico's van uitstoot en incidenten.",
		contacts:    []demoContact{{"Janneke van der Meer", "medisch milieukundige"}}},

	// ngo
	{key: "natuur", name: "Natuurvereniging De Kreekoever", kind: "organisation", category: "ngo", stance: "critical",
		influence: 2, interest: 5, tags: []string{"natuur", "Natura 2000", "vogels"},
		domain: "kreekoever.example.nl", owner: "officer",
		description: "Beheert het vogelgebied langs de kreek en telt jaarlijks de broedvogels.",
		contacts:    []demoContact{{"Koen de Graaf", "voorzitter"}, {"Esther Blom", "coördinator vogeltellingen"}}},
	{key: "schonelucht", name: "Stichting Schone Lucht Delta", kind: "organisation", category: "ngo", stance: "critical",
		influence: 3, interest: 5, tags: []string{"luchtkwaliteit", "actiegroep"},
		domain: "schoneluchtdelta.example.nl", owner: "hse",
		description: "Actiegroep voor schonere lucht in de delta; zoekt actief de pers op.",
		contacts:    []demoContact{{"Mark Jacobs", "woordvoerder"}}},
	{key: "milieufed", name: "Milieufederatie Zuidwest", kind: "organisation", category: "ngo", stance: "neutral",
		influence: 3, interest: 4, tags: []string{"milieu", "juridisch"},
		domain: "milieufederatiezw.example.nl", owner: "officer",
		description: "Koepel van milieugroepen; dient zienswijzen in op vergunningen.",
		contacts:    []demoContact{{"Linda Prins", "juridisch adviseur"}}},

	// media
	{key: "dagblad", name: "Kreekhavens Dagblad", kind: "organisation", category: "media", stance: "neutral",
		influence: 3, interest: 3, tags: []string{"pers", "regionaal"},
		domain: "kreekhavensdagblad.example.nl", owner: "officer",
		description: "Regionale krant; schrijft over ieder incident.",
		contacts:    []demoContact{{"Tom Huisman", "verslaggever"}}},
	{key: "postma", name: "Marieke Postma", kind: "person", category: "media", stance: "unknown",
		influence: 2, interest: 4, tags: []string{"pers", "freelance"},
		owner:       "officer",
		description: "Freelance onderzoeksjournalist; werkt aan een serie over de industrie in de delta.",
		contacts:    []demoContact{{"Marieke Postma", "freelance journalist"}}},

	// academia
	{key: "hogeschool", name: "Hogeschool Zuidwest, lectoraat Procesveiligheid", kind: "organisation", category: "academia", stance: "supportive",
		influence: 2, interest: 3, tags: []string{"onderzoek", "stages"},
		domain: "hszw.example.nl", address: "Campuslaan 1, 3311 KL Dordwijk", owner: "hr",
		description: "Levert stagiairs en doet praktijkonderzoek naar procesveiligheid.",
		contacts:    []demoContact{{"Ingrid Wolters", "lector"}, {"Daan Maas", "stagecoördinator"}}},
	{key: "kennisinstituut", name: "Kennisinstituut Lucht en Gezondheid", kind: "organisation", category: "academia", stance: "neutral",
		influence: 2, interest: 4, tags: []string{"onderzoek", "meetnet"},
		domain: "klg.example.nl", owner: "hse",
		description: "Voert het burgermeetnet luchtkwaliteit onafhankelijk uit.",
		contacts:    []demoContact{{"Rick van Wijk", "onderzoeker"}}},

	// other
	{key: "vv", name: "Voetbalvereniging VV Kreekhaven", kind: "organisation", category: "other", stance: "supportive",
		influence: 1, interest: 2, tags: []string{"sponsoring", "sport"},
		domain: "vvkreekhaven.example.nl", address: "Sportlaan 5, 3292 PQ Kreekhaven", owner: "officer",
		description: "Sportclub naast het terrein; Kreekhaven Chemie is shirtsponsor.",
		contacts:    []demoContact{{"Johan Kramer", "penningmeester"}}},
	{key: "mol", name: "Dirk-Jan Mol", kind: "person", category: "other", stance: "unknown",
		influence: 1, interest: 3, tags: []string{"ondernemer", "jachthaven"},
		address: "Jachthavenweg 2, 3291 RS Kreekhaven", owner: "officer",
		description: "Eigenaar van jachthaven De Kreek, stroomafwaarts van het lozingspunt.",
		contacts:    []demoContact{{"Dirk-Jan Mol", "eigenaar jachthaven"}}},
}

// demoVisit is one session of a series held with a different stakeholder
// each time (calls, emails, site visits), with the topics of that talk.
type demoVisit struct {
	stakeholder string
	topics      []string
}

// demoFollowUp is a commitment made in a session itself, not in answer to
// one concern ("send the minutes").
type demoFollowUp struct{ title, description string }

// demoSeries is a kind of dialogue held several times over the year.
type demoSeries struct {
	title             string // with %s for the stakeholder's name when rotating
	format, level     string
	location, purpose string
	topics            []string
	present           []string    // stakeholders at every session
	sometimes         []string    // stakeholders at some sessions
	rotate            []demoVisit // one stakeholder per session instead
	users             []string    // internal users present
	count             int         // sessions in the year (len(rotate) when rotating)
	evening           bool
	summaries         []string
	followUps         []demoFollowUp
}

var demoSeriesList = []demoSeries{
	{title: "Klankbordgroep omwonenden", format: "meeting", level: "involve", evening: true, count: 7,
		location: "Bezoekerscentrum Kreekhaven Chemie, Havenweg 2",
		purpose:  "Vast overleg met de bewonersorganisaties over hinder, plannen en de gedeelde actielijst.",
		topics:   []string{"geluid", "geur", "verkeer", "luchtkwaliteit", "communicatie", "veiligheid", "natuur"},
		present:  []string{"oostwijk", "schans", "dorpsraad"}, sometimes: []string{"volkstuin", "verhoeven"},
		users: []string{"officer", "hse"},
		summaries: []string{
			"Actielijst doorgelopen. Bewoners waarderen de snellere terugkoppeling, maar de nachtelijke geluidhinder blijft het belangrijkste punt.",
			"Toelichting op de meetresultaten van het afgelopen kwartaal. Stevige discussie over geur bij noordoostenwind; afgesproken om de meldingen per windrichting te analyseren.",
			"Stand van zaken uitbreiding lijn 4 gepresenteerd. Zorgen over extra vrachtverkeer en over de bouwperiode.",
			"Rustige bijeenkomst. Nieuwe leden van de wijkraad voorgesteld; afspraken gemaakt over de informatiekaart bij incidenten.",
		},
		followUps: []demoFollowUp{
			{"Verslag en actielijst klankbordgroep rondsturen", "Verslag binnen twee weken naar alle deelnemers; de actielijst staat in Dialoog."},
			{"Meldingen per windrichting analyseren", "Geur- en geluidmeldingen van het afgelopen halfjaar uitzetten tegen windrichting en bedrijfsvoering."},
		}},
	{title: "Overleg ondernemingsraad", format: "meeting", level: "consult", count: 4,
		location: "Vergaderzaal De Kreek, hoofdkantoor",
		purpose:  "Artikel 24-overleg: algemene gang van zaken, personeel en veiligheid.",
		topics:   []string{"werkgelegenheid", "veiligheid"},
		present:  []string{"or"}, sometimes: []string{"jong"}, users: []string{"director", "hr"},
		summaries: []string{
			"Kwartaalcijfers en de planning van de automatisering van lijn 2 besproken. De OR vraagt om een sociaal plan voordat het adviestraject start.",
			"Veiligheidscijfers besproken: twee incidenten met verzuim. De OR vraagt aandacht voor werkdruk in de ploegendienst.",
			"Adviesaanvraag uitbreiding lijn 4 toegelicht. De OR stelt een commissie in.",
		},
		followUps: []demoFollowUp{{"Verzuim- en incidentcijfers per ploeg delen met de OR", "Maandelijks overzicht naar de OR-commissie VGW."}}},
	{title: "Bestuurlijk overleg gemeente Kreekhaven", format: "meeting", level: "collaborate", count: 4,
		location: "Stadhuis Kreekhaven",
		purpose:  "Kwartaaloverleg tussen directie en wethouder over ruimtelijke plannen, verkeer en werkgelegenheid.",
		topics:   []string{"verkeer", "werkgelegenheid", "stikstof", "veiligheid"},
		present:  []string{"gemeente"}, sometimes: []string{"provincie"}, users: []string{"director", "officer"},
		summaries: []string{
			"Gesproken over de ontsluiting via de Havenweg en de planning van de vergunningprocedure voor lijn 4.",
			"De wethouder vraagt om meer lokale werving. Afgesproken om samen met het Werkplein op te trekken.",
			"Terugblik op het fakkelincident en de communicatie daarover richting de raad.",
		},
		followUps: []demoFollowUp{{"Raadsinformatiebrief over lijn 4 voorbereiden", "Feitelijke informatie aanleveren voor de raadsinformatiebrief over de uitbreiding."}}},
	{title: "Toezichtsoverleg Omgevingsdienst", format: "meeting", level: "inform", count: 4,
		location: "Kreekhaven Chemie, kantoor HSE",
		purpose:  "Periodiek overleg met de toezichthouder over vergunning, meldingen en inspecties.",
		topics:   []string{"veiligheid", "luchtkwaliteit", "geur", "waterkwaliteit"},
		present:  []string{"odienst"}, sometimes: []string{"waterschap"}, users: []string{"hse"},
		summaries: []string{
			"Ongewone voorvallen van het afgelopen kwartaal doorgenomen. De toezichthouder is tevreden over de snelheid van melden.",
			"Voortgang plan van aanpak BRZO-inspectie besproken; één punt staat nog open.",
		},
		followUps: []demoFollowUp{{"Kwartaalrapportage ongewone voorvallen aanleveren", "Overzicht van meldingen, oorzaken en maatregelen naar de omgevingsdienst."}}},
	{title: "Informatieavond uitbreiding lijn 4", format: "hearing", level: "consult", evening: true, count: 2,
		location:  "Dorpshuis De Schakel, Kreekhaven",
		purpose:   "Omwonenden en organisaties informeren over de uitbreiding en hun zorgen ophalen voor de vergunningaanvraag.",
		topics:    []string{"stikstof", "verkeer", "geluid", "werkgelegenheid", "natuur"},
		present:   []string{"oostwijk", "schans", "dorpsraad", "natuur", "schonelucht", "gemeente"},
		sometimes: []string{"verhoeven", "dagblad", "milieufed"}, users: []string{"director", "officer", "hse"},
		summaries: []string{
			"Ruim honderd bezoekers. Plannen gepresenteerd aan de hand van tekeningen en een maquette; veel vragen over stikstof en vrachtverkeer.",
			"Tweede avond, nu met de uitkomsten van de stikstof- en verkeersstudie. Kritische vragen van de natuurvereniging over het broedgebied.",
		},
		followUps: []demoFollowUp{{"Vragen en antwoorden informatieavond publiceren", "Alle gestelde vragen met antwoord op de website en in de nieuwsbrief."}}},
	{title: "Rondleiding met %s", format: "site_visit", level: "inform", count: 4,
		location: "Kreekhaven Chemie, verzamelen bij de hoofdpoort",
		purpose:  "Laten zien hoe de fabriek werkt en wat er aan veiligheid en milieu gebeurt.",
		rotate: []demoVisit{
			{"school", []string{"veiligheid", "luchtkwaliteit"}},
			{"natuur", []string{"natuur", "waterkwaliteit"}},
			{"hogeschool", []string{"veiligheid", "werkgelegenheid"}},
			{"postma", []string{"veiligheid", "communicatie"}},
		},
		users: []string{"hse"},
		summaries: []string{
			"Rondleiding langs de controlekamer, de kade en de waterzuivering. Veel belangstelling voor de veiligheidsmaatregelen.",
			"Rondgang over het terrein met uitleg over de fakkel en de tankopslag.",
		}},
	{title: "Werksessie vrachtverkeer en venstertijden", format: "workshop", level: "collaborate", count: 2,
		location: "Bezoekerscentrum Kreekhaven Chemie, Havenweg 2",
		purpose:  "Samen met bewoners, vervoerder en gemeente afspraken maken over routes en tijden van vrachtverkeer.",
		topics:   []string{"verkeer", "geluid", "veiligheid"},
		present:  []string{"oostwijk", "schans", "transport", "gemeente"}, users: []string{"logistics", "officer"},
		summaries: []string{
			"Op een grote kaart de knelpunten aangewezen: de Schoolstraat, de Dijkstraat en de inrit. Drie maatregelen uitgewerkt.",
			"Evaluatie van de nieuwe route en venstertijden. Minder vrachtwagens in de wijk, maar nog wachtende vrachtwagens in De Schans.",
		},
		followUps: []demoFollowUp{{"Kaart met afgesproken vrachtroutes verspreiden", "Routekaart naar alle vervoerders en op de website."}}},
	{title: "Bewonersenquête hinder", format: "survey", level: "consult", count: 2,
		location: "Online en huis-aan-huis in Oostwijk, De Schans en het dorp",
		purpose:  "Halfjaarlijkse meting van ervaren hinder en vertrouwen in het bedrijf.",
		topics:   []string{"geur", "geluid", "communicatie", "luchtkwaliteit"},
		present:  []string{"oostwijk", "schans", "dorpsraad"}, sometimes: []string{"volkstuin"}, users: []string{"officer"},
		summaries: []string{
			"612 reacties. Geur wordt het vaakst genoemd, gevolgd door geluid 's nachts. Het vertrouwen is licht gestegen.",
			"548 reacties. Minder geluidhinder gemeld dan een halfjaar eerder; geur blijft gelijk.",
		},
		followUps: []demoFollowUp{{"Uitkomsten enquête terugkoppelen aan de wijken", "Samenvatting in de nieuwsbrief en bespreking in de klankbordgroep."}}},
	{title: "Telefoongesprek met %s", format: "call", level: "consult", count: 6,
		rotate: []demoVisit{
			{"verhoeven", []string{"geluid", "geur"}},
			{"dagblad", []string{"communicatie", "veiligheid"}},
			{"ggd", []string{"luchtkwaliteit"}},
			{"schonelucht", []string{"luchtkwaliteit", "geur"}},
			{"polymeer", []string{"stikstof", "verkeer"}},
			{"vrk", []string{"veiligheid"}},
		},
		users: []string{"officer"},
		summaries: []string{
			"Telefonisch de vragen doorgenomen en vervolgafspraken gemaakt.",
			"Kort gesprek naar aanleiding van een melding; toegezegd om schriftelijk terug te komen.",
		}},
	{title: "E-mailwisseling met %s", format: "email", level: "inform", count: 4,
		rotate: []demoVisit{
			{"milieufed", []string{"stikstof", "waterkwaliteit"}},
			{"waterschap", []string{"waterkwaliteit"}},
			{"fnv", []string{"werkgelegenheid"}},
			{"coatings", []string{"stikstof", "verkeer"}},
		},
		users: []string{"officer"},
		summaries: []string{
			"Vragen per e-mail ontvangen en beantwoord; de correspondentie is gearchiveerd.",
		}},
	{title: "Webinar jaarverslag omgeving", format: "online", level: "inform", evening: true, count: 2,
		location: "Online (Teams)",
		purpose:  "De resultaten op milieu, veiligheid en hinder toelichten en vragen beantwoorden.",
		topics:   []string{"luchtkwaliteit", "geluid", "veiligheid", "communicatie", "waterkwaliteit", "natuur"},
		present:  []string{"oostwijk", "schans", "dorpsraad"}, sometimes: []string{"schonelucht", "verhoeven", "dagblad", "natuur"},
		users: []string{"director", "hse", "officer"},
		summaries: []string{
			"Ongeveer zestig deelnemers. Vragen via de chat over fijnstof en over de fakkel.",
			"Toelichting op de emissiecijfers en het meetnet; veel vragen over de onafhankelijkheid van metingen.",
		}},
	{title: "Klantendag duurzame productie", format: "meeting", level: "inform", count: 2,
		location: "Hotel De Kreek, Kreekhaven",
		purpose:  "Klanten informeren over leverzekerheid, de uitbreiding en de verduurzaming.",
		topics:   []string{"stikstof", "veiligheid", "verkeer"},
		present:  []string{"polymeer", "coatings", "agro"}, users: []string{"director", "logistics"},
		summaries: []string{
			"Presentatie over de DeNOx-installatie en de planning van lijn 4. Klanten vragen om regelmatige updates over het vergunningtraject.",
		}},
	{title: "Leveranciersoverleg veiligheid en logistiek", format: "workshop", level: "involve", count: 3,
		location: "Vergaderzaal De Kreek, hoofdkantoor",
		purpose:  "Veiligheidsafspraken en logistieke planning met de vaste leveranciers.",
		topics:   []string{"veiligheid", "verkeer"},
		present:  []string{"transport", "tankopslag", "onderhoud"}, users: []string{"hse", "logistics"},
		summaries: []string{
			"Incidenten met aannemers besproken en de werkvergunningprocedure aangescherpt.",
			"Planning van de grote onderhoudsstop doorgenomen; afspraken over aan- en afvoer buiten de spits.",
		},
		followUps: []demoFollowUp{{"Werkvergunningprocedure aannemers actualiseren", "Nieuwe versie van de procedure met de lessen uit de incidenten."}}},
	{title: "Aandeelhoudersoverleg", format: "online", level: "inform", count: 3,
		location: "Online",
		purpose:  "Kwartaalupdate voor de aandeelhouder over resultaten, risico's en lijn 4.",
		topics:   []string{"stikstof", "werkgelegenheid"},
		present:  []string{"holding"}, sometimes: []string{"rom"}, users: []string{"director"},
		summaries: []string{
			"Kwartaalresultaten en het risico van vertraging in het vergunningtraject besproken.",
			"De aandeelhouder vraagt om een scenario voor het geval de vergunning later komt.",
		},
		followUps: []demoFollowUp{{"Scenario vertraging vergunning lijn 4 uitwerken", "Financiële en planningsgevolgen van zes en twaalf maanden vertraging."}}},
	{title: "Burgermeetnet luchtkwaliteit", format: "workshop", level: "empower", evening: true, count: 3,
		location: "Buurthuis Oostwijk",
		purpose:  "Bewoners kiezen zelf de meetlocaties en beheren de gegevens van het meetnet; Kreekhaven Chemie betaalt en levert techniek.",
		topics:   []string{"luchtkwaliteit", "geur"},
		present:  []string{"oostwijk", "kennisinstituut", "schonelucht"}, sometimes: []string{"ggd", "volkstuin"},
		users: []string{"hse", "officer"},
		summaries: []string{
			"Bewoners hebben de meetlocaties gekozen. Het kennisinstituut licht toe hoe de sensoren werken en wat ze wel en niet meten.",
			"Eerste resultaten bekeken. De bewonerswerkgroep beslist over de publicatie van de gegevens.",
		}},
	{title: "Oefening incidentbestrijding met de veiligheidsregio", format: "other", level: "involve", count: 1,
		location: "Kreekhaven Chemie, tankput 3",
		purpose:  "Jaarlijkse oefening met brandweer en gemeente, inclusief de communicatie naar omwonenden.",
		topics:   []string{"veiligheid", "communicatie"},
		present:  []string{"vrk", "gemeente"}, sometimes: []string{"oostwijk"}, users: []string{"hse", "officer"},
		summaries: []string{
			"Oefening met een lekkende tankwagen. De alarmering ging goed; de berichtgeving naar bewoners kwam te laat op gang.",
		},
		followUps: []demoFollowUp{{"Evaluatie oefening delen met veiligheidsregio en gemeente", "Evaluatierapport met verbeterpunten voor de crisiscommunicatie."}}},
	{title: "Spreekuur in de wijk met %s", format: "other", level: "consult", evening: true, count: 3,
		location: "Buurthuis Oostwijk",
		purpose:  "Maandelijks inloopspreekuur van de omgevingsmanager.",
		rotate: []demoVisit{
			{"verhoeven", []string{"geur", "geluid", "verkeer"}},
			{"volkstuin", []string{"luchtkwaliteit", "geur"}},
			{"schans", []string{"verkeer", "communicatie"}},
		},
		users: []string{"officer"},
		summaries: []string{
			"Inloopspreekuur; meldingen genoteerd en ter plekke uitleg gegeven.",
		}},
	{title: "Natuuroverleg Kreekoever", format: "site_visit", level: "collaborate", count: 3,
		location: "Vogelkijkhut aan de Kreekoever",
		purpose:  "Samen met de natuurvereniging afspraken maken over natuur op en rond het terrein.",
		topics:   []string{"natuur", "waterkwaliteit", "stikstof"},
		present:  []string{"natuur"}, sometimes: []string{"milieufed", "waterschap"}, users: []string{"officer"},
		summaries: []string{
			"Wandeling langs het broedgebied. Afspraken gemaakt over werkzaamheden buiten het broedseizoen.",
			"Resultaten van de broedvogeltelling besproken; het vervangende broedeiland wordt goed gebruikt.",
			"Gesproken over de kwaliteit van het kreekwater en de koelwaterlozing; het waterschap lichtte de meetresultaten toe.",
		}},
	{title: "Overleg stages en onderzoek met de hogeschool", format: "meeting", level: "involve", count: 2,
		location: "Hogeschool Zuidwest, Dordwijk",
		purpose:  "Stageplaatsen, afstudeeropdrachten en gezamenlijk onderzoek naar procesveiligheid.",
		topics:   []string{"werkgelegenheid", "veiligheid"},
		present:  []string{"hogeschool"}, sometimes: []string{"jong"}, users: []string{"hr"},
		summaries: []string{
			"Tien stageplaatsen voor volgend studiejaar afgesproken; twee afstudeeropdrachten over alarmmanagement.",
		}},
	{title: "Overleg werkgelegenheid met FNV en OR", format: "meeting", level: "consult", count: 2,
		location: "Vergaderzaal De Kreek, hoofdkantoor",
		purpose:  "Gevolgen van de automatisering van lijn 2 en het gebruik van uitzendkrachten.",
		topics:   []string{"werkgelegenheid", "veiligheid"},
		present:  []string{"fnv", "or"}, users: []string{"hr", "director"},
		summaries: []string{
			"Hoofdlijnen van het sociaal plan besproken. De vakbond wil garanties over omscholing.",
		}},
	{title: "Sponsorgesprek VV Kreekhaven", format: "meeting", level: "inform", count: 1,
		location: "Kantine VV Kreekhaven",
		purpose:  "Verlenging van het sponsorcontract en de jaarlijkse open dag.",
		topics:   []string{"communicatie", "verkeer"},
		present:  []string{"vv"}, users: []string{"officer"},
		summaries: []string{
			"Sponsorcontract met twee jaar verlengd. De club vraagt aandacht voor vrachtwagens op de Sportlaan op zaterdag.",
		}},
	{title: "Gesprek met %s", format: "call", level: "consult", count: 1,
		rotate: []demoVisit{{"mol", []string{"waterkwaliteit"}}},
		users:  []string{"officer"},
		summaries: []string{
			"Vragen over de kwaliteit van het water bij de jachthaven besproken.",
		}},
}

// demoConcern is a concern the way a stakeholder would put it, with the
// plant's answer and what it decided, and the commitment it led to if any.
type demoConcern struct {
	title, description, severity string
	response, decision           string
	commitment, commitmentText   string // empty: the answer needed no follow-up
}

var demoConcerns = map[string][]demoConcern{
	"geluid": {
		{"Brommend geluid 's nachts vanuit de koeltorens",
			"Bewoners aan de Kreekkade horen sinds enkele weken 's nachts een laag brommend geluid, vooral bij oostenwind.", "high",
			"De koeltorens zijn doorgemeten: één ventilator draaide uit balans door een defect lager. Dat lager is vervangen.",
			"Meegenomen: de klacht bleek terecht. Trillingsmetingen zijn opgenomen in het onderhoudsschema.",
			"Ventilatoren koeltoren 2 controleren en defecte lagers vervangen",
			"Trillingsmeting op alle ventilatoren, defecte lagers vervangen en een controlemeting aan de Kreekkade."},
		{"Piepende achteruitrijalarmen op het buitenterrein",
			"Het piepen van de achteruitrijalarmen is tot in Oostwijk te horen, ook vroeg in de ochtend.", "medium",
			"We vervangen de piepers door breedbandalarmen ('witte ruis') die dichtbij even goed hoorbaar zijn.",
			"Overgenomen: de veiligheid blijft gelijk en de hinder neemt af.",
			"Achteruitrijalarmen buitenterrein vervangen door breedbandalarmen",
			"Alle heftrucks en shovels op het buitenterrein krijgen een breedbandalarm."},
		{"Sissend stoomafblazen bij het opstarten",
			"Bij het opstarten van de stoomketel na onderhoud blies er urenlang stoom af met een hard sissend geluid. Niemand was vooraf geïnformeerd.", "high",
			"Afblazen hoort bij een veilige opstart, maar kan korter en stiller met een tijdelijke demper. Voortaan kondigen we het vooraf aan.",
			"Deels overgenomen: afblazen blijft nodig voor de veiligheid; de duur wordt beperkt en we melden het vooraf.",
			"Tijdelijke geluiddemper bij opstarten stoomketel",
			"Bij iedere geplande opstart een demper op de afblaasleiding en een aankondiging aan omwonenden."},
		{"Laden en lossen aan kade 3 in de nacht",
			"Het laden en lossen van schepen gaat tot diep in de nacht door: rammelende kettingen, pompen en de omroepinstallatie.", "high",
			"De venstertijden voor kade 3 zijn met de havenplanning opnieuw bekeken.",
			"Grotendeels overgenomen: geen hoorbare laadactiviteiten tussen 23.00 en 07.00 uur, behalve bij calamiteiten.",
			"Venstertijden kade 3 aanpassen",
			"Geen laad- en losactiviteiten met hoorbare hinder tussen 23.00 en 07.00 uur; uitzonderingen vooraf melden."},
		{"Verzoek om een geluidsscherm langs de Havenweg",
			"De wijkraad vraagt een geluidsscherm langs de Havenweg, waar vrachtwagens de fabriek in- en uitrijden.", "medium",
			"Een scherm is doorgerekend: het levert bij de woningen minder dan 1 dB(A) op, omdat het geluid vooral van de installaties komt.",
			"Niet overgenomen: een scherm helpt aantoonbaar niet. We pakken het geluid aan de bron aan met stillere installaties.",
			"", ""},
	},
	"geur": {
		{"Zoetige oplosmiddellucht bij noordoostenwind",
			"Bij noordoostenwind ruiken bewoners een zoetige lucht, vooral in de avond.", "high",
			"De lucht kwam uit een lekkende ontluchting van opslagtank T-12. Die is gerepareerd.",
			"Meegenomen: de oorzaak is verholpen en de tankontluchtingen worden voortaan wekelijks gecontroleerd.",
			"Ontluchtingen opslagtanks wekelijks inspecteren",
			"Een halfjaar lang wekelijkse inspectie van alle tankontluchtingen, daarna evaluatie."},
		{"Geen terugkoppeling op geurmeldingen",
			"Wie geur meldt via de klachtenlijn hoort daarna niets meer.", "medium",
			"Terecht punt. Iedere melder krijgt voortaan binnen 24 uur bericht, met de oorzaak als die gevonden is.",
			"Overgenomen: opgenomen in de werkinstructie van de meldkamer.",
			"Terugkoppeling op geurmeldingen binnen 24 uur",
			"Werkinstructie meldkamer aanpassen en maandelijks controleren of de termijn gehaald wordt."},
		{"Rotte-eierenlucht bij de waterzuivering",
			"Op warme dagen ruikt het rond de eigen waterzuivering naar rotte eieren, tot aan de volkstuinen.", "medium",
			"Het buffervat wordt afgedekt en de lucht gaat door een koolfilter.",
			"Overgenomen; past in het onderhoudsbudget van dit jaar.",
			"Buffervat waterzuivering afdekken met koolfilter", "Afdekking en koolfilter plaatsen vóór de zomer."},
		{"Geurhinder tijdens tankreiniging",
			"Tijdens de reiniging van de tanks was er dagenlang een scherpe lucht.", "low",
			"Tankreiniging gebeurt voortaan met een mobiele dampverwerker.",
			"Overgenomen: dampverwerking is verplicht gesteld in het contract met de onderhoudsaannemer.",
			"Dampverwerking verplicht stellen bij tankreiniging", "Contract met de onderhoudsaannemer aanpassen."},
		{"Verzoek om elektronische neuzen in de wijk",
			"Bewoners willen zelf kunnen zien wanneer er geur uit de fabriek komt.", "medium",
			"Samen met het kennisinstituut komen er e-noses aan de rand van Oostwijk; de gegevens zijn openbaar.",
			"Overgenomen in het burgermeetnet; bewoners bepalen de locaties.",
			"Elektronische neuzen plaatsen aan de rand van Oostwijk", "Twee e-noses, locaties gekozen door de bewonerswerkgroep."},
	},
	"luchtkwaliteit": {
		{"Zorgen over fijnstof bij het schoolplein",
			"Ouders maken zich zorgen over fijnstof en vragen of het veilig is om buiten te spelen.", "high",
			"De GGD heeft de meetgegevens beoordeeld: de waarden liggen onder de WHO-advieswaarden. We meten er nu ook zelf.",
			"Meegenomen: extra meetpunt bij de school en een jaarlijkse toelichting door de GGD.",
			"Meetpunt fijnstof bij basisschool De Regenboog", "Sensor op het schoolgebouw, gegevens openbaar via het meetnet."},
		{"Zwarte rook uit de fakkel",
			"Op een zondagmiddag kwam er minutenlang zwarte rook uit de fakkel. Bewoners schrokken en wisten niet of het gevaarlijk was.", "critical",
			"Door een storing in de stoomtoevoer verbrandde de fakkel roetig. Gemeld bij de omgevingsdienst; de GGD schat het gezondheidsrisico laag in.",
			"Meegenomen: extra storingsbewaking op de stoomtoevoer en een bericht aan bewoners bij iedere fakkelinzet.",
			"Storingsbewaking stoomtoevoer fakkel installeren", "Alarm in de controlekamer bij te lage stoomdruk naar de fakkel."},
		{"Emissiecijfers per maand openbaar maken",
			"Graag de emissiecijfers per maand openbaar, niet alleen in het jaarverslag.", "medium",
			"De maandcijfers van de continu gemeten schoorstenen komen op de website.",
			"Overgenomen voor de continu gemeten bronnen; diffuse bronnen worden niet maandelijks gemeten en blijven een jaarlijkse schatting.",
			"Maandelijkse emissiecijfers publiceren op de website", "Automatische publicatie van de maandgemiddelden."},
		{"Stof van de bulkopslag bij harde wind",
			"Bij harde wind waait wit stof van de bulkopslag naar de volkstuinen.", "medium",
			"De opslag wordt overkapt; tot die tijd wordt hij bij windkracht 6 of meer nat gehouden.",
			"Overgenomen.",
			"Bulkopslag overkappen", "Overkapping ontwerpen, vergunnen en bouwen."},
		{"Twijfel aan de onafhankelijkheid van de metingen",
			"De metingen worden betaald door het bedrijf zelf; is dat wel onafhankelijk?", "medium",
			"Het kennisinstituut meet en publiceert zelfstandig; wij zien de resultaten niet vooraf.",
			"Meegenomen: de samenwerkingsovereenkomst wordt openbaar gemaakt.",
			"Samenwerkingsovereenkomst meetnet openbaar maken", "Overeenkomst met het kennisinstituut op de website."},
	},
	"veiligheid": {
		{"Onduidelijk wat te doen bij een incident",
			"Bewoners weten niet wat ze moeten doen als de sirene gaat of als er een gaswolk is.", "high",
			"Met de veiligheidsregio maken we een kaart 'Wat te doen bij een incident' voor alle huishoudens.",
			"Overgenomen.",
			"Informatiekaart 'Wat te doen bij een incident' verspreiden", "Huis-aan-huis in Oostwijk, De Schans en het dorp."},
		{"Tankwagens langs de school",
			"Tankwagens met gevaarlijke stoffen rijden om acht uur langs de school, precies als kinderen aankomen.", "critical",
			"Vervoerders van gevaarlijke stoffen rijden niet meer via de Schoolstraat; de route over de Havenweg is verplicht.",
			"Overgenomen: de route is vastgelegd in alle vervoerscontracten.",
			"Route gevaarlijke stoffen via Havenweg vastleggen in vervoerscontracten", "Contracten aanpassen en naleving steekproefsgewijs controleren."},
		{"Voetgangers en heftrucks op dezelfde route bij laadperron 4",
			"Medewerkers melden dat bij laadperron 4 heftrucks en voetgangers dezelfde route gebruiken.", "high",
			"Er komt een fysieke scheiding tussen looproute en rijroute.",
			"Overgenomen en met voorrang uitgevoerd.",
			"Looproute en rijroute bij laadperron 4 scheiden", "Hekwerk en gemarkeerde oversteekplaats."},
		{"Openstaande punten uit de BRZO-inspectie",
			"De toezichthouder wil weten hoe de tekortkomingen uit de laatste BRZO-inspectie worden opgelost.", "high",
			"Het plan van aanpak is ingediend; twee van de drie punten zijn afgerond.",
			"Meegenomen: de voortgang wordt maandelijks gerapporteerd.",
			"Plan van aanpak BRZO-inspectie afronden", "Laatste openstaande punt (actualisatie veiligheidsbeheerssysteem) afronden."},
		{"Werkdruk en dubbele diensten in de ploegendienst",
			"Door openstaande vacatures worden vaak dubbele diensten gedraaid. Vermoeide operators zijn een veiligheidsrisico.", "high",
			"We werven extra operators en beperken dubbele diensten tot noodgevallen.",
			"Meegenomen in het personeelsplan; de OR volgt de cijfers maandelijks.",
			"Dubbele diensten beperken en maandelijks rapporteren", "Maandoverzicht van dubbele diensten per ploeg naar de OR."},
	},
	"verkeer": {
		{"Wachtende vrachtwagens in De Schans",
			"Chauffeurs die te vroeg zijn, parkeren in de straten van De Schans en laten de motor draaien.", "medium",
			"Vanaf 05.00 uur is er een wachtplaats op eigen terrein.",
			"Overgenomen.",
			"Wachtplaats voor vrachtwagens op eigen terrein inrichten", "Wachtplaats voor twaalf vrachtwagens met sanitair, open vanaf 05.00 uur."},
		{"Te hard rijden op de Havenweg",
			"Vrachtwagens rijden veel te hard op de Havenweg, waar ook fietsers rijden.", "medium",
			"We spreken de vervoerders aan en vragen de gemeente om snelheidsdisplays.",
			"Deels overgenomen: aanspreken doen we zelf; snelheidsmaatregelen zijn aan de gemeente als wegbeheerder.",
			"Vervoerders aanspreken op snelheid Havenweg", "Brief aan alle vervoerders en bespreking in het leveranciersoverleg."},
		{"Extra vrachtverkeer door lijn 4",
			"Hoeveel vrachtwagens komen er bij door de uitbreiding, en via welke route?", "high",
			"Naar verwachting veertig vrachtwagens per dag extra; een deel gaat per schip. De verkeersstudie wordt openbaar.",
			"Meegenomen: de studie wordt gedeeld en meer vervoer over water wordt onderzocht.",
			"Verkeersstudie uitbreiding lijn 4 openbaar maken", "Volledige verkeersstudie op de website en toelichting in de klankbordgroep."},
		{"Meer vervoer over water",
			"Kan meer vervoer per schip in plaats van per vrachtwagen?", "medium",
			"De aanvoer van één grondstof gaat naar de binnenvaart.",
			"Deels overgenomen: voor de andere stromen is vervoer over water nog niet haalbaar.",
			"Aanvoer grondstof B naar binnenvaart verschuiven", "Contract met rederij en aanpassing van de kade-planning."},
		{"Fietsroute kruist de inrit",
			"De fietsroute naar de middelbare school kruist de inrit van de fabriek.", "high",
			"Met de gemeente wordt de kruising aangepast met een verhoogd kruisingsvlak en betere verlichting.",
			"Overgenomen; de gemeente voert uit als wegbeheerder, wij betalen mee.",
			"Bijdrage aan veilige kruising fietsroute en inrit Havenweg", "Cofinanciering en afstemming van de uitvoering met de gemeente."},
	},
	"werkgelegenheid": {
		{"Banen bij de automatisering van lijn 2",
			"Wat betekent de automatisering van lijn 2 voor de banen van operators?", "high",
			"Er vallen geen gedwongen ontslagen; operators worden omgeschoold tot procestechnicus.",
			"Vastgelegd in een sociaal plan met de OR en de vakbond.",
			"Omscholingstraject operators lijn 2 starten", "Opleidingstraject met de hogeschool voor twintig operators."},
		{"Meer stageplaatsen procestechniek",
			"De hogeschool vraagt meer stageplaatsen in procestechniek.", "low",
			"We bieden jaarlijks tien stageplaatsen, waarvan vier afstudeerplekken.",
			"Overgenomen.",
			"Tien stageplaatsen per jaar aanbieden", "Stageplaatsen aanmelden bij de hogeschool voor het nieuwe studiejaar."},
		{"Voorrang voor werkzoekenden uit Kreekhaven",
			"Graag voorrang voor werkzoekenden uit Kreekhaven bij nieuwe vacatures.", "medium",
			"Vacatures staan voortaan een week eerder bij het Werkplein Kreekhaven.",
			"Overgenomen.",
			"Vacatures eerst aanmelden bij Werkplein Kreekhaven", "Afspraak met het Werkplein vastleggen."},
		{"Onzekerheid over de toekomst van de vestiging",
			"Medewerkers lazen in de krant dat de moeder overweegt in het buitenland te investeren.", "medium",
			"De directie heeft toegelicht dat de investering in lijn 4 hier plaatsvindt, als de vergunning rond komt.",
			"Meegenomen: vaker en eerder informeren over strategische besluiten.",
			"Kwartaalbijeenkomst voor personeel over de strategie", "Vier keer per jaar, met ruimte voor vragen."},
		{"Veel uitzendkrachten",
			"Het aandeel uitzendkrachten is te hoog.", "medium",
			"Twaalf uitzendkrachten die langer dan een jaar bij ons werken krijgen een vast contract aangeboden.",
			"Deels overgenomen: voor piekwerk blijven uitzendkrachten nodig.",
			"Twaalf langdurige uitzendkrachten een vast contract aanbieden", "Gesprekken voeren en contracten aanbieden."},
	},
	"natuur": {
		{"Broedende visdieven op het bouwterrein van lijn 4",
			"Op het terrein waar lijn 4 moet komen broeden visdieven.", "high",
			"Een ecoloog brengt de broedplaatsen in kaart; in het broedseizoen wordt er niet gewerkt.",
			"Overgenomen: werk buiten het broedseizoen en een vervangend broedeiland.",
			"Vervangend broedeiland voor visdieven aanleggen", "Broedeiland in de kreek, ontworpen met de natuurvereniging."},
		{"Lichtvervuiling richting de Kreekoever",
			"De terreinverlichting schijnt ver over het water en verstoort vogels en vleermuizen.", "medium",
			"De verlichting aan de waterkant wordt vervangen door afgeschermde, amberkleurige led.",
			"Overgenomen.",
			"Terreinverlichting aan de waterkant vervangen", "Afgeschermde amberkleurige ledverlichting langs de kade."},
		{"Groenstrook tussen fabriek en wijk",
			"Graag de groenstrook aan de Kreekkade verbreden en beplanten.", "medium",
			"De strook wordt samen met de natuurvereniging ingericht met inheemse beplanting.",
			"Overgenomen.",
			"Groenstrook Kreekkade inrichten", "Inheemse beplanting, aangeplant in het plantseizoen."},
		{"Maaibeheer van de bermen op het terrein",
			"De bermen op het terrein worden kort gemaaid; ecologisch maaien zou veel opleveren.", "low",
			"Het groenbeheer maait voortaan gefaseerd en laat stroken staan.",
			"Overgenomen.",
			"Ecologisch maaibeheer invoeren", "Nieuw bestek voor de groenaannemer."},
		{"Compensatie voor gekapte bomen",
			"Voor de nieuwe parkeerplaats zijn twintig bomen gekapt. Wat komt ervoor terug?", "medium",
			"We planten veertig bomen terug in de groenstrook en bij het sportpark.",
			"Overgenomen, dubbel gecompenseerd.",
			"Veertig bomen herplanten", "Herplant in de groenstrook en bij het sportpark."},
	},
	"waterkwaliteit": {
		{"Temperatuur van het koelwater",
			"Is het koelwater dat op de kreek wordt geloosd niet te warm voor vis?", "medium",
			"Het koelwater blijft binnen de vergunde 30 °C; de metingen worden openbaar.",
			"Meegenomen: metingen openbaar; de installatie hoeft niet te worden aangepast.",
			"Koelwatertemperatuur online publiceren", "Daggemiddelden op de website."},
		{"PFAS in het effluent",
			"Na het nieuws over PFAS elders: loost de fabriek PFAS?", "critical",
			"We gebruiken geen PFAS in onze processen, maar laten het effluent toch onafhankelijk onderzoeken en publiceren de uitslag.",
			"Meegenomen: eenmalig breed onderzoek, daarna jaarlijks.",
			"Effluent laten onderzoeken op PFAS", "Onderzoek door een geaccrediteerd laboratorium; uitslag openbaar."},
		{"Olie op het water na een hoosbui",
			"Na een hoosbui lag er een olielaag in de sloot achter het terrein.", "high",
			"Een olie-afscheider was vol. Die is geleegd en krijgt een niveaualarm.",
			"Overgenomen.",
			"Niveaualarm op olie-afscheiders plaatsen", "Alarm op alle vier de olie-afscheiders, doorgemeld aan de controlekamer."},
		{"Actuele stoffenlijst voor de watervergunning",
			"Voor de herziening van de watervergunning is een actuele stoffenlijst nodig.", "medium",
			"De stoffenlijst wordt aangeleverd.",
			"Meegenomen.",
			"Actuele stoffenlijst aanleveren", "Lijst van alle stoffen in het effluent met concentraties."},
		{"Schuim op het water bij de jachthaven",
			"Bij de jachthaven ligt soms schuim op het water; bezoekers vragen of het veilig is.", "low",
			"Het waterschap heeft monsters genomen; het schuim is natuurlijk en komt niet van ons effluent.",
			"Meegenomen: onze lozingsgegevens zijn gedeeld met de jachthaven.",
			"", ""},
	},
	"stikstof": {
		{"Stikstofdepositie op het Natura 2000-gebied",
			"Wat doet de uitbreiding met de stikstofdepositie op het nabije Natura 2000-gebied?", "critical",
			"De uitbreiding wordt gecompenseerd door een DeNOx-installatie op de bestaande ketels; per saldo daalt de depositie.",
			"Meegenomen: de AERIUS-berekening wordt gedeeld en extern getoetst.",
			"AERIUS-berekening lijn 4 extern laten toetsen", "Toetsing door een onafhankelijk adviesbureau; rapport openbaar."},
		{"Vertraging van de vergunning door stikstof",
			"Loopt de vergunning voor lijn 4 vertraging op door de stikstofregels?", "high",
			"De aanvraag is compleet ingediend; we verwachten een besluit binnen de wettelijke termijn.",
			"Meegenomen: maandelijkse update over het vergunningtraject.",
			"Maandelijkse update vergunningtraject lijn 4", "Korte update per e-mail."},
		{"Nieuwe ketel op waterstof",
			"Kan de nieuwe ketel meteen op waterstof in plaats van aardgas?", "medium",
			"De ketel wordt waterstofgereed uitgevoerd; waterstof is pas rond 2030 via de leiding beschikbaar.",
			"Deels overgenomen.",
			"Nieuwe ketel waterstofgereed uitvoeren", "Specificatie aanpassen in de aanbesteding."},
		{"Stikstofruimte niet ten koste van boeren",
			"Koopt de fabriek stikstofruimte op van boeren in de omgeving?", "medium",
			"Wij kopen geen stikstofrechten van agrarische bedrijven; de ruimte komt uit eigen reductie.",
			"Meegenomen: dit uitgangspunt is publiek gemaakt.",
			"", ""},
		{"Continue NOx-meting na de ombouw",
			"Graag continue meting van NOx na de ombouw van de ketels.", "high",
			"Er komt een continu meetsysteem dat rechtstreeks rapporteert aan de omgevingsdienst.",
			"Overgenomen.",
			"Continue NOx-meting met rechtstreekse rapportage", "Meetsysteem installeren en koppelen aan de omgevingsdienst."},
	},
	"communicatie": {
		{"Bewonersbrief kwam te laat",
			"De brief over onderhoudswerkzaamheden kwam pas aan toen de werkzaamheden al begonnen.", "medium",
			"Aankondigingen gaan voortaan twee weken vooraf, per brief én via de bewonersapp.",
			"Overgenomen.",
			"Werkzaamheden twee weken vooraf aankondigen", "Vaste procedure met de afdeling Onderhoud."},
		{"Buiten kantoortijd niemand bereikbaar",
			"'s Avonds en in het weekend krijgen bewoners een bandje.", "high",
			"De klachtenlijn wordt dag en nacht doorgeschakeld naar de meldkamer.",
			"Overgenomen.",
			"Klachtenlijn dag en nacht doorschakelen naar de meldkamer", "Telefonie aanpassen en meldkamer instrueren."},
		{"Persvragen over het fakkelincident bleven liggen",
			"De krant kreeg pas na twee dagen antwoord op vragen over het fakkelincident.", "medium",
			"Er is nu een woordvoerder met piketdienst.",
			"Overgenomen.",
			"Piketdienst woordvoering instellen", "Rooster met drie woordvoerders, ook in het weekend."},
		{"Jaarverslag omgeving te technisch",
			"Het jaarverslag is voor gewone bewoners onleesbaar.", "low",
			"Er komt een publieksversie van vier pagina's, getest met bewoners.",
			"Overgenomen.",
			"Publieksversie jaarverslag omgeving maken", "Vier pagina's, voorgelegd aan een leespanel van bewoners."},
		{"Wens voor een bewonersapp",
			"Bewoners willen meldingen en nieuws op hun telefoon krijgen.", "medium",
			"Geen eigen app, wel een eigen kanaal in de bewonersapp van de gemeente.",
			"Deels overgenomen: een eigen app zou naast die van de gemeente weinig toevoegen.",
			"Kanaal in de gemeentelijke bewonersapp opzetten", "Kanaal inrichten en berichten bij fakkelen en werkzaamheden."},
	},
}

// demoLooseConcern is a concern that reached the plant outside any dialogue:
// by phone, by mail or through the confidential counsellor. The confidential
// ones are why the demo shows redaction.
type demoLooseConcern struct {
	stakeholder, topic, severity string
	daysAgo                      int
	title, description           string
	response, decision           string
	confidential                 bool
}

var demoLooseConcerns = []demoLooseConcern{
	{"verhoeven", "geur", "high", 41, "Hoofdpijn en misselijkheid na geurincident",
		"De melder en zijn partner hadden na het geurincident van afgelopen dinsdag hoofdpijn en waren misselijk. Hij wil weten welke stof het was.",
		"Het ging om een kortstondige emissie van een oplosmiddel. De GGD heeft de melder gebeld en de klachten besproken.",
		"Meegenomen in het onderzoek naar het incident.", true},
	{"or", "veiligheid", "critical", 122, "Druk om storingen zonder werkvergunning te verhelpen",
		"Via de vertrouwenspersoon: operators voelen druk om storingen snel te verhelpen zonder werkvergunning.",
		"De directie heeft in alle ploegen herhaald dat werken zonder vergunning niet mag, ook niet onder tijdsdruk.",
		"Meegenomen: steekproeven op werkvergunningen en een anonieme enquête over veiligheidscultuur.", true},
	{"school", "luchtkwaliteit", "high", 76, "Kinderen met astma vaker klachten bij oostenwind",
		"Een leerkracht meldt dat drie kinderen met astma vaker klachten hebben op dagen met oostenwind.",
		"We hebben de meetgegevens naast de dagen gelegd en de GGD om advies gevraagd.",
		"Meegenomen: de GGD geeft een voorlichting aan ouders.", true},
	{"jong", "werkgelegenheid", "medium", 203, "Weinig doorgroeimogelijkheden voor jonge medewerkers",
		"Jonge medewerkers zien weinig kansen om door te groeien en vertrekken daardoor naar concurrenten.",
		"Er komt een talentprogramma met een vaste mentor per deelnemer.",
		"Overgenomen.", false},
	{"mol", "waterkwaliteit", "medium", 151, "Schuim bij de jachthaven na een lozing",
		"Na een lozing lag er schuim in de jachthaven; de eigenaar wil weten of het van de fabriek komt.",
		"Het waterschap heeft monsters genomen; het schuim kwam niet uit ons effluent.",
		"Meegenomen: lozingsgegevens gedeeld.", false},
	{"postma", "communicatie", "medium", 19, "Verzoek om inzage in het incidentenregister",
		"De journalist vraagt inzage in alle meldingen aan de omgevingsdienst van de afgelopen vijf jaar.",
		"", "", false},
}

// demoPartnerUpdate is a progress note on a partner commitment, days ago.
type demoPartnerUpdate struct {
	author  string // demoUser key
	daysAgo int
	shared  bool
	text    string
}

// demoPartnerItem is one line of the residents' association's shared action
// list, with the concern it answers. Written out by hand rather than
// generated, because this list is what the partner sees first: it shows an
// accepted, a disputed, an overdue, a cancelled and a not-yet-judged
// commitment.
type demoPartnerItem struct {
	topic, severity           string
	madeDaysAgo               int // the session with the association closest before this
	concernTitle, concernText string
	response, decision        string
	concernStatus             string
	title, description        string
	dueIn                     int // days from today; negative is past
	status                    string
	doneDaysAgo               int
	verdict, reason           string
	updates                   []demoPartnerUpdate
	followUp                  bool   // answers the concern of the item before it
	replaces                  string // the generated concern this one is, which the association then does not raise again
}

var demoPartnerItems = []demoPartnerItem{
	{topic: "geluid", severity: "high", madeDaysAgo: 320, replaces: "Laden en lossen aan kade 3 in de nacht",
		concernTitle:  "Laden en lossen aan kade 3 tot diep in de nacht",
		concernText:   "Leden aan de Kreekkade worden 's nachts wakker van het laden en lossen aan kade 3: rammelende kettingen, pompen en de omroepinstallatie.",
		response:      "We stoppen met laad- en losactiviteiten die in de wijk hoorbaar zijn tussen 23.00 en 07.00 uur.",
		decision:      "Overgenomen: nieuwe venstertijden voor kade 3; uitzonderingen alleen bij calamiteiten, en die melden we vooraf.",
		concernStatus: "closed",
		title:         "Geen hoorbaar laden en lossen aan kade 3 tussen 23.00 en 07.00 uur",
		description:   "Nieuwe venstertijden voor kade 3 invoeren en vastleggen in de havenplanning; uitzonderingen vooraf melden via de actielijst.",
		dueIn:         -260, status: "done", doneDaysAgo: 268, verdict: "accepted",
		updates: []demoPartnerUpdate{
			{"logistics", 300, false, "Havenplanning aangepast; rederijen zijn geïnformeerd."},
			{"officer", 290, true, "De nieuwe venstertijden gaan de eerste maandag van volgende maand in."},
			{"officer", 268, true, "De venstertijden gelden nu drie weken. In die tijd is er één uitzondering geweest (calamiteit), die vooraf is gemeld."},
			{"partner", 262, true, "Leden aan de Kreekkade merken duidelijk verschil. Dank!"},
		}},
	{topic: "geluid", severity: "medium", madeDaysAgo: 280,
		concernTitle:  "Onafhankelijke geluidsmeting in de wijk",
		concernText:   "De vereniging vertrouwt de metingen van het bedrijf zelf niet en vraagt om een meting door een onafhankelijk bureau, in de wijk.",
		response:      "Een onafhankelijk akoestisch bureau meet twee weken in Oostwijk; de vereniging denkt mee over het meetpunt.",
		decision:      "Overgenomen: het rapport wordt integraal gedeeld.",
		concernStatus: "responded",
		title:         "Onafhankelijke geluidsmeting in Oostwijk laten uitvoeren",
		description:   "Een akoestisch bureau meet twee weken lang, ook 's nachts, op een meetpunt in Oostwijk. Het volledige rapport gaat naar de vereniging.",
		dueIn:         -190, status: "done", doneDaysAgo: 196, verdict: "disputed",
		reason: "Het meetpunt stond uiteindelijk aan de Dijkstraat, aan de kant van de wijk die van de fabriek af ligt. De klachten komen vooral van de Kreekkade. Wij vragen om een tweede meting daar.",
		updates: []demoPartnerUpdate{
			{"hse", 262, false, "Offerte van het akoestisch bureau goedgekeurd."},
			{"officer", 232, true, "De meting is gestart en loopt twee weken, inclusief twee weekenden."},
			{"officer", 196, true, "Het rapport is gemaild aan het bestuur. Alle gemeten waarden liggen binnen de vergunning."},
			{"partner", 189, true, "Zie onze reactie: het meetpunt was niet representatief voor de Kreekkade."},
		}},
	{followUp: true, madeDaysAgo: 175,
		title:       "Tweede geluidsmeting aan de Kreekkade",
		description: "Naar aanleiding van de reactie van de vereniging: een tweede meting van twee weken aan de Kreekkade, meetpunt gekozen door het bestuur.",
		dueIn:       -95, status: "in_progress",
		updates: []demoPartnerUpdate{
			{"officer", 168, true, "Afgesproken: tweede meting aan de Kreekkade. Het bestuur kiest het meetpunt."},
			{"hse", 104, false, "Het bureau heeft pas na de zomer capaciteit; de planning schuift."},
			{"officer", 98, true, "Helaas schuift de meting op doordat het bureau niet eerder kan. We melden de nieuwe datum zodra die vastligt."},
			{"partner", 61, true, "Dit duurt erg lang. Wij verwachten de meting nog dit jaar."},
			{"hse", 20, false, "Nieuwe datum bevestigd door het bureau; meetpunt met het bestuur afgestemd."},
		}},
	{topic: "geur", severity: "medium", madeDaysAgo: 240, replaces: "Geen terugkoppeling op geurmeldingen",
		concernTitle:  "Geurmeldingen verdwijnen in een zwart gat",
		concernText:   "Leden die geur melden horen daarna niets meer en melden daarom niet meer.",
		response:      "Iedere melder krijgt voortaan binnen 24 uur bericht, met de oorzaak als die gevonden is.",
		decision:      "Overgenomen: opgenomen in de werkinstructie van de meldkamer.",
		concernStatus: "closed",
		title:         "Iedere geurmelding binnen 24 uur terugkoppelen",
		description:   "Werkinstructie van de meldkamer aanpassen; maandelijks rapporteren hoe vaak de termijn gehaald is.",
		dueIn:         -210, status: "done", doneDaysAgo: 218, verdict: "accepted",
		updates: []demoPartnerUpdate{
			{"officer", 218, true, "De nieuwe werkinstructie geldt sinds deze week. In de klankbordgroep laten we maandelijks zien hoe vaak de 24 uur gehaald is."},
		}},
	{topic: "luchtkwaliteit", severity: "high", madeDaysAgo: 190,
		concernTitle:  "Luchtkwaliteit meten in de wijk zelf",
		concernText:   "Het dichtstbijzijnde meetstation staat drie kilometer verderop. De vereniging wil metingen in Oostwijk.",
		response:      "Er komen drie sensoren in Oostwijk, op plekken die de bewoners kiezen, als onderdeel van het burgermeetnet.",
		decision:      "Overgenomen: het kennisinstituut meet, bewoners beslissen over de locaties en de publicatie.",
		concernStatus: "responded",
		title:         "Drie luchtsensoren in Oostwijk plaatsen, op plekken die bewoners kiezen",
		description:   "Sensoren voor fijnstof en NO2, geleverd en onderhouden door het kennisinstituut; gegevens openbaar.",
		dueIn:         -70, status: "done", doneDaysAgo: 9,
		updates: []demoPartnerUpdate{
			{"hse", 160, false, "Sensoren besteld bij het kennisinstituut."},
			{"officer", 130, true, "De sensoren hebben een levertijd van acht weken. In de meetnetbijeenkomst kiezen we samen de locaties."},
			{"officer", 60, true, "Door een leveringsprobleem komen de sensoren later dan gepland. Onze excuses."},
			{"officer", 9, true, "Alle drie de sensoren hangen en leveren gegevens; het dashboard is openbaar."},
		}},
	{topic: "veiligheid", severity: "high", madeDaysAgo: 150, replaces: "Onduidelijk wat te doen bij een incident",
		concernTitle:  "Wat moeten we doen bij een incident?",
		concernText:   "Veel leden weten niet wat ze moeten doen als de sirene gaat.",
		response:      "Samen met de veiligheidsregio organiseren we een informatieavond over de veiligheidsrapportage en de alarmering.",
		decision:      "Overgenomen.",
		concernStatus: "closed",
		title:         "Informatieavond over veiligheid, samen met de veiligheidsregio",
		description:   "Uitleg over het veiligheidsrapport, de sirene en NL-Alert; vragen van bewoners beantwoord door brandweer en bedrijf.",
		dueIn:         -90, status: "done", doneDaysAgo: 99, verdict: "accepted",
		updates: []demoPartnerUpdate{
			{"officer", 130, true, "Datum vastgelegd met de veiligheidsregio; de uitnodiging gaat via de vereniging."},
			{"partner", 96, true, "Goed bezochte avond, ruim tachtig bewoners. Dank."},
		}},
	{topic: "natuur", severity: "medium", madeDaysAgo: 110, replaces: "Groenstrook tussen fabriek en wijk",
		concernTitle:  "Groenstrook langs de Kreekkade verwaarloosd",
		concernText:   "De groenstrook tussen de kade en de woningen is verwilderd en biedt geen buffer meer.",
		response:      "De strook wordt heringericht met inheemse beplanting, samen met de natuurvereniging.",
		decision:      "Overgenomen.",
		concernStatus: "responded",
		title:         "Groenstrook Kreekkade herinrichten met inheemse beplanting",
		description:   "Ontwerp met de natuurvereniging en de bewonersvereniging; aanplant in het plantseizoen.",
		dueIn:         50, status: "in_progress",
		updates: []demoPartnerUpdate{
			{"officer", 80, true, "Ontwerp besproken met de natuurvereniging en uw bestuur; aanplant in het plantseizoen."},
			{"officer", 30, false, "Opdracht aan de hovenier verstrekt."},
		}},
	{topic: "communicatie", severity: "medium", madeDaysAgo: 75, replaces: "Wens voor een bewonersapp",
		concernTitle:  "Fakkelen zonder aankondiging",
		concernText:   "Bewoners schrikken van de fakkel en weten niet of er iets mis is.",
		response:      "Geplande fakkelmomenten melden we vooraf via de bewonersapp; ongeplande zo snel mogelijk achteraf, met de oorzaak.",
		decision:      "Overgenomen.",
		concernStatus: "responded",
		title:         "Geplande fakkelmomenten vooraf melden via de bewonersapp",
		description:   "Bericht minstens een dag vooraf bij gepland fakkelen; bij ongepland fakkelen binnen een uur een bericht met de oorzaak.",
		dueIn:         -45, status: "done", doneDaysAgo: 33,
		updates: []demoPartnerUpdate{
			{"officer", 33, true, "Het kanaal in de bewonersapp is live; het eerste geplande fakkelmoment is vorige week vooraf gemeld."},
		}},
	{topic: "verkeer", severity: "medium", madeDaysAgo: 215,
		concernTitle:  "Vrachtwagens in de Dijkstraat",
		concernText:   "Vrachtwagens nemen een sluiproute door de Dijkstraat.",
		response:      "We vragen de gemeente om een inrijverbod voor vrachtverkeer en wijzen vervoerders op de Havenweg.",
		decision:      "Overgenomen; het inrijverbod is aan de gemeente.",
		concernStatus: "closed",
		title:         "Borden 'geen doorgaand vrachtverkeer' in de Dijkstraat laten plaatsen",
		description:   "Eigen borden plaatsen bij de ingang van de Dijkstraat.",
		dueIn:         -170, status: "cancelled",
		updates: []demoPartnerUpdate{
			{"logistics", 190, true, "Vervallen: de gemeente stelt een officieel inrijverbod voor vrachtverkeer in, wat meer effect heeft dan onze eigen borden. Wij hebben dat verzoek ondersteund."},
		}},
	{topic: "stikstof", severity: "high", madeDaysAgo: 28, replaces: "Stikstofdepositie op het Natura 2000-gebied",
		concernTitle: "Stikstof en de uitbreiding van lijn 4",
		concernText:  "De vereniging wil begrijpen hoe de stikstofberekening voor lijn 4 is opgebouwd.",
		response:     "", decision: "",
		concernStatus: "acknowledged",
		title:         "AERIUS-berekening lijn 4 toelichten aan het bestuur",
		description:   "Een avond met het adviesbureau dat de berekening maakte, voor het bestuur van de vereniging.",
		dueIn:         10, status: "open",
		updates: []demoPartnerUpdate{
			{"director", 14, false, "Adviesbureau gevraagd voor een avond in de komende weken."},
		}},
}

// Progress notes for the generated commitments. Generic on purpose: they fit
// any commitment, and the hand-written partner list carries the specific ones.
var (
	demoNotesInternal = []string{
		"Budget vrijgemaakt in het MT-overleg.",
		"Afgestemd met de afdeling Productie; de planning staat.",
		"Offertes opgevraagd bij twee leveranciers.",
		"Uitvoering gestart.",
		"Tussenstand besproken met de directie.",
		"Vertraging: de leverancier meldt een langere levertijd.",
	}
	demoNotesShared = []string{
		"Stand van zaken: de voorbereiding loopt; we verwachten de uitvoering binnen de afgesproken termijn.",
		"De uitvoering is gestart. We houden u via deze actielijst op de hoogte.",
		"Dit loopt helaas vertraging op. We melden de nieuwe datum zodra die bekend is.",
		"Het plan is besproken in het laatste overleg en wordt nu uitgevoerd.",
	}
	demoNotesDone = []string{
		"Afgerond zoals afgesproken.",
		"Afgerond; het resultaat is gedeeld met de betrokkenen.",
		"Uitgevoerd en gecontroleerd door HSE.",
	}
	demoNotesCancelled = []string{
		"Vervallen: na overleg met de stakeholder is de vraag op een andere manier opgelost.",
		"Vervallen: de gemeente pakt dit zelf op als wegbeheerder.",
	}
	demoPartnerReplies = []string{
		"Dank voor de terugkoppeling; we bespreken het in de volgende ledenvergadering.",
		"Goed om te lezen. Wanneer horen we meer?",
		"Fijn dat dit is opgepakt.",
	}
)

// demoDutchMonths names the months in dialogue titles ("maart 2025").
var demoDutchMonths = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december"}
