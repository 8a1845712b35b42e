package services

// The word lists of the generated register (scale.go): Delta Proces Groep, a
// Dutch process-industry company with many sites, each with its own
// neighbours, staff, customers, suppliers and authorities. Everything is made
// up; the place names are built from Dutch parts and the email addresses are
// under example.nl. The concerns, commitments, dialogue series and progress
// notes themselves are the demo's (demo_data.go), moved to each site.

// scaleCompany is the generated organisation; scaleSiteCompany names it at one site.
const scaleCompany = "Delta Proces Groep"

func scaleSiteCompany(site string) string { return "Delta Proces " + site }

// Place names are a first part and a second: Zandsluis, Molenbroek, Veenwolde.
var scalePlaceHeads = []string{
	"Kreek", "Zand", "Molen", "Veen", "Dijk", "Polder", "Sluis", "Brug", "Haven", "Kerk",
	"Berg", "Oost", "West", "Noord", "Zuid", "Hoog", "Laag", "Beek", "Wolde", "Eem",
	"Maas", "Schel", "Wad", "Zijl", "Marken", "Holt", "Linde", "Eik", "Riet", "Klei",
}

var scalePlaceTails = []string{
	"haven", "sluis", "broek", "wolde", "veen", "dorp", "hoven", "hout", "zand", "kerke",
	"loo", "wijk", "dam", "recht", "geest", "meer", "zijl", "horst", "rade", "lo",
}

// scaleRegions group the sites; directors, unions and provinces work per region.
var scaleRegions = []struct{ name, province string }{
	{"Zuidwest", "Zeeland"}, {"Rijnmond", "Zuid-Holland"}, {"Noord", "Groningen"}, {"Limburg", "Limburg"},
	{"Oost", "Gelderland"}, {"IJmond", "Noord-Holland"}, {"Brabant", "Noord-Brabant"}, {"Delta", "Zeeland"},
}

// Neighbourhoods and streets near a site.
var scaleWijken = []string{
	"Oostwijk", "De Schans", "Het Dorp", "Westerkwartier", "De Akkers", "Havenkwartier", "Molenwijk",
	"De Vliet", "Kerkebuurt", "Nieuwland", "De Hoven", "Zuiderpolder", "De Driehoek", "Sluiskwartier",
	"Het Zand", "Dijkzicht", "De Bongerd", "Overkreek", "Noordhoek", "De Weel",
}

var scaleStreets = []string{
	"Dijkstraat", "Havenweg", "Kerkstraat", "Schoolstraat", "Molenweg", "Sluisplein", "Kreekkade",
	"Polderweg", "Industrieweg", "Stationsweg", "Zandpad", "Beatrixlaan", "Julianastraat", "Sportlaan",
	"Nieuwe Kade", "Rietlaan", "Lindelaan", "Marktplein", "Veerweg", "Zeedijk",
}

var scaleFirstNames = []string{
	"Joke", "Henk", "Ria", "Thijs", "Gerrit", "Els", "Annie", "Marloes", "Jeroen", "Erik", "Naima",
	"Dennis", "Lisa", "Frank", "Yvonne", "Martijn", "Jan-Willem", "Bart", "Monique", "Ronald", "Kevin",
	"Sanne", "Pieter", "Fatima", "Bram", "Ahmed", "Wim", "Saskia", "Mohamed", "Ingrid", "Ruud", "Anouk",
	"Youssef", "Lotte", "Kees", "Mirjam", "Hans", "Esther", "Sven", "Nadia", "Koen", "Petra", "Tim",
	"Hanneke", "Rachid", "Femke", "Arjen", "Ilse", "Stefan", "Marieke", "Dewi", "Hüseyin", "Chantal",
	"Bas", "Karin", "Rik", "Sevda", "Jasper", "Noor", "Daan",
}

var scaleSurnames = []string{
	"Mulder", "de Boer", "Kuipers", "van Leeuwen", "Postma", "Verbruggen", "Visser", "de Wit", "Bakker",
	"Vermeulen", "Ouali", "Koster", "Brouwer", "Hoekstra", "Dekker", "van Rijn", "Bos", "van der Linden",
	"Claassen", "Schouten", "Timmermans", "de Groot", "Smit", "El Amrani", "Jansen", "Bouzid", "Verhoeven",
	"Hendriks", "van Dijk", "de Vries", "Janssen", "Meijer", "Peters", "Willems", "Yilmaz", "van den Berg",
	"Dijkstra", "Kok", "Jacobs", "Vos", "van der Meer", "Prins", "Huisman", "Kramer", "Wouters", "Scholten",
	"Çelik", "Boukhari", "Gerritsen", "Maas", "Verschoor", "Sanders", "Koç", "Blom", "Lambers", "Faber",
}

// scaleCategoryShare is how the stakeholders of a site divide over the
// categories, in parts of a thousand: mostly neighbours, authorities and
// the supply chain.
var scaleCategoryShare = []struct {
	category string
	share    int
}{
	{"community", 380}, {"government", 100}, {"supplier", 130}, {"customer", 100}, {"ngo", 80},
	{"employee", 50}, {"other", 55}, {"media", 40}, {"academia", 35}, {"investor", 30},
}

// scaleStakeholderKind is one way a stakeholder of a category is named.
// name and descr are formats over the site, a neighbourhood, a surname, a
// street, the region, a first name, a school, a party, the province and a
// staff network (scaleGen.nameArgs); roles are its contacts' usual roles.
type scaleStakeholderKind struct {
	kind    string
	name    string
	tags    []string
	roles   []string
	stance  []string // drawn from
	inf     [2]int   // influence, lowest and highest
	intr    [2]int   // interest, lowest and highest
	descr   string
	weight  int
	perSite bool // at most one per site (the municipality, the works council)
}

var scaleKinds = map[string][]scaleStakeholderKind{
	"community": {
		{kind: "group", name: "Bewonersvereniging %[2]s", tags: []string{"omwonenden", "klankbordgroep"}, roles: []string{"voorzitter", "secretaris", "werkgroep geluid", "penningmeester"},
			stance: []string{"critical", "neutral", "critical"}, inf: [2]int{2, 4}, intr: [2]int{4, 5}, weight: 4,
			descr: "Vereniging van bewoners van %[2]s, vlak bij de vestiging in %[1]s. Zit in de klankbordgroep."},
		{kind: "group", name: "Wijkraad %[2]s", tags: []string{"omwonenden"}, roles: []string{"voorzitter", "werkgroep verkeer"},
			stance: []string{"neutral", "critical"}, inf: [2]int{2, 3}, intr: [2]int{3, 5}, weight: 3,
			descr: "Wijkraad van %[2]s in %[1]s; vooral bezig met vrachtverkeer en leefbaarheid."},
		{kind: "group", name: "Dorpsraad %[1]s-%[2]s", tags: []string{"omwonenden"}, roles: []string{"voorzitter", "penningmeester"},
			stance: []string{"neutral", "supportive"}, inf: [2]int{2, 3}, intr: [2]int{2, 4}, weight: 1,
			descr: "Dorpsraad die vooral goed geïnformeerd wil worden."},
		{kind: "group", name: "Volkstuinvereniging %[2]s", tags: []string{"omwonenden", "stof"}, roles: []string{"secretaris"},
			stance: []string{"critical"}, inf: [2]int{1, 2}, intr: [2]int{3, 5}, weight: 1,
			descr: "Tuinders naast het terrein; klagen over stof en geur op warme dagen."},
		{kind: "person", name: "%[6]s %[3]s", tags: []string{"omwonende"}, roles: []string{"omwonende"},
			stance: []string{"critical", "critical", "neutral", "unknown"}, inf: [2]int{1, 1}, intr: [2]int{4, 5}, weight: 6,
			descr: "Omwonende aan de %[4]s. Meldt geregeld hinder, ook via de klachtenlijn."},
		{kind: "organisation", name: "Basisschool %[7]s", tags: []string{"onderwijs"}, roles: []string{"directeur", "leerkracht"},
			stance: []string{"neutral"}, inf: [2]int{2, 3}, intr: [2]int{2, 4}, weight: 1,
			descr: "Basisschool in %[2]s, aan een route die tankwagens nemen."},
		{kind: "group", name: "Buurtvereniging %[4]s", tags: []string{"omwonenden"}, roles: []string{"contactpersoon"},
			stance: []string{"neutral", "critical", "unknown"}, inf: [2]int{1, 2}, intr: [2]int{3, 4}, weight: 2,
			descr: "Buurtvereniging van de %[4]s en omliggende straten."},
	},
	"government": {
		{kind: "organisation", name: "Gemeente %[1]s", tags: []string{"bevoegd gezag", "vergunning"}, roles: []string{"wethouder", "beleidsadviseur milieu", "omgevingsmanager"},
			stance: []string{"neutral"}, inf: [2]int{5, 5}, intr: [2]int{4, 4}, weight: 1, perSite: true,
			descr: "Gemeente waarin de vestiging ligt; bevoegd gezag voor de omgevingsvergunning."},
		{kind: "organisation", name: "Omgevingsdienst %[5]s, team %[1]s", tags: []string{"toezicht", "handhaving"}, roles: []string{"toezichthouder", "teamleider"},
			stance: []string{"neutral"}, inf: [2]int{5, 5}, intr: [2]int{4, 5}, weight: 1, perSite: true,
			descr: "Toezicht en handhaving op de milieu- en BRZO-vergunning."},
		{kind: "organisation", name: "Veiligheidsregio %[5]s, post %[1]s", tags: []string{"veiligheid", "crisisbeheersing"}, roles: []string{"adviseur risicobeheersing"},
			stance: []string{"neutral", "supportive"}, inf: [2]int{4, 4}, intr: [2]int{3, 4}, weight: 1, perSite: true,
			descr: "Brandweer en crisisbeheersing; oefent jaarlijks op het terrein."},
		{kind: "organisation", name: "GGD %[5]s, %[1]s", tags: []string{"gezondheid"}, roles: []string{"medisch milieukundige"},
			stance: []string{"neutral"}, inf: [2]int{3, 3}, intr: [2]int{3, 4}, weight: 1, perSite: true,
			descr: "Adviseert over gezondheid en luchtkwaliteit."},
		{kind: "organisation", name: "Waterschap %[1]s", tags: []string{"water", "lozing"}, roles: []string{"vergunningverlener water"},
			stance: []string{"neutral"}, inf: [2]int{4, 4}, intr: [2]int{2, 3}, weight: 1, perSite: true,
			descr: "Waterkwaliteit en de lozingsvergunning."},
		{kind: "organisation", name: "Raadsfractie %[8]s %[1]s", tags: []string{"politiek"}, roles: []string{"fractievoorzitter", "raadslid"},
			stance: []string{"critical", "neutral", "supportive"}, inf: [2]int{3, 4}, intr: [2]int{2, 4}, weight: 3,
			descr: "Fractie in de gemeenteraad van %[1]s."},
	},
	"supplier": {
		{kind: "organisation", name: "Transportbedrijf %[3]s", tags: []string{"logistiek", "vrachtverkeer"}, roles: []string{"planner", "QHSE-coördinator"},
			stance: []string{"supportive", "neutral"}, inf: [2]int{2, 3}, intr: [2]int{2, 4}, weight: 3,
			descr: "Vervoert producten over de weg, ook gevaarlijke stoffen."},
		{kind: "organisation", name: "%[3]s Installatietechniek", tags: []string{"onderhoud", "aannemer"}, roles: []string{"projectleider", "uitvoerder"},
			stance: []string{"supportive", "neutral"}, inf: [2]int{1, 2}, intr: [2]int{2, 3}, weight: 3,
			descr: "Onderhoudsaannemer voor stops en installaties."},
		{kind: "organisation", name: "Tankopslag %[1]s %[2]s", tags: []string{"opslag", "haven"}, roles: []string{"terminalmanager"},
			stance: []string{"neutral"}, inf: [2]int{2, 3}, intr: [2]int{2, 3}, weight: 1,
			descr: "Buurbedrijf; slaat grondstoffen op en deelt de kade."},
		{kind: "organisation", name: "Industriële Service %[3]s", tags: []string{"onderhoud", "reiniging"}, roles: []string{"projectleider"},
			stance: []string{"supportive"}, inf: [2]int{1, 2}, intr: [2]int{1, 3}, weight: 2,
			descr: "Tankreiniging en industriële schoonmaak."},
	},
	"customer": {
		{kind: "organisation", name: "%[3]s Coatings B.V.", tags: []string{"klant", "coatings"}, roles: []string{"inkoper", "directeur-eigenaar"},
			stance: []string{"supportive", "neutral", "unknown"}, inf: [2]int{2, 4}, intr: [2]int{1, 3}, weight: 2,
			descr: "Neemt harsen en oplosmiddelen af."},
		{kind: "organisation", name: "%[3]s Kunststoffen", tags: []string{"klant", "harsen"}, roles: []string{"inkoopdirecteur", "duurzaamheidsmanager"},
			stance: []string{"supportive", "neutral"}, inf: [2]int{3, 4}, intr: [2]int{1, 3}, weight: 2,
			descr: "Afnemer die zekerheid wil over de levering."},
		{kind: "organisation", name: "AgroCoöperatie %[2]s U.A.", tags: []string{"klant", "landbouw"}, roles: []string{"accountmanager"},
			stance: []string{"unknown", "neutral"}, inf: [2]int{1, 2}, intr: [2]int{1, 2}, weight: 1,
			descr: "Coöperatie van akkerbouwers; neemt een kleine productlijn af."},
	},
	"ngo": {
		{kind: "organisation", name: "Natuurvereniging %[2]s", tags: []string{"natuur", "broedvogels"}, roles: []string{"voorzitter", "vogelwerkgroep"},
			stance: []string{"critical", "neutral"}, inf: [2]int{2, 3}, intr: [2]int{3, 5}, weight: 3,
			descr: "Beheert natuurgebieden rond %[1]s en telt broedvogels."},
		{kind: "organisation", name: "Stichting Schone Lucht %[1]s", tags: []string{"luchtkwaliteit", "actiegroep"}, roles: []string{"woordvoerder"},
			stance: []string{"critical"}, inf: [2]int{2, 3}, intr: [2]int{5, 5}, weight: 1, perSite: true,
			descr: "Actiegroep tegen uitstoot van de industrie in %[1]s."},
		{kind: "organisation", name: "Milieufederatie %[9]s, afdeling %[1]s", tags: []string{"milieu", "stikstof"}, roles: []string{"beleidsmedewerker"},
			stance: []string{"critical", "neutral"}, inf: [2]int{3, 4}, intr: [2]int{3, 4}, weight: 1, perSite: true,
			descr: "Koepel van natuur- en milieuorganisaties; procedeert waar nodig."},
	},
	"employee": {
		{kind: "group", name: "Ondernemingsraad %[1]s", tags: []string{"medezeggenschap"}, roles: []string{"voorzitter OR", "secretaris OR"},
			stance: []string{"supportive", "neutral"}, inf: [2]int{4, 4}, intr: [2]int{4, 4}, weight: 1, perSite: true,
			descr: "Ondernemingsraad van de vestiging %[1]s."},
		{kind: "organisation", name: "FNV Procesindustrie, %[1]s", tags: []string{"vakbond", "cao"}, roles: []string{"bestuurder"},
			stance: []string{"neutral"}, inf: [2]int{3, 3}, intr: [2]int{3, 3}, weight: 1, perSite: true,
			descr: "Vakbond van een groot deel van de operators en monteurs."},
		{kind: "group", name: "Personeelsnetwerk %[10]s %[1]s", tags: []string{"personeelsnetwerk"}, roles: []string{"voorzitter"},
			stance: []string{"supportive"}, inf: [2]int{1, 2}, intr: [2]int{2, 3}, weight: 2,
			descr: "Netwerk van medewerkers van de vestiging."},
	},
	"media": {
		{kind: "organisation", name: "Dagblad %[1]s e.o.", tags: []string{"pers"}, roles: []string{"verslaggever"},
			stance: []string{"neutral"}, inf: [2]int{3, 4}, intr: [2]int{3, 3}, weight: 1, perSite: true,
			descr: "Regionale krant; volgt de industrie kritisch."},
		{kind: "person", name: "%[6]s %[3]s", tags: []string{"pers", "freelance"}, roles: []string{"freelance journalist"},
			stance: []string{"neutral", "critical"}, inf: [2]int{2, 3}, intr: [2]int{3, 4}, weight: 2,
			descr: "Freelance journalist; schrijft over milieu en industrie."},
		{kind: "organisation", name: "Omroep %[5]s", tags: []string{"pers", "omroep"}, roles: []string{"redacteur"},
			stance: []string{"neutral"}, inf: [2]int{3, 3}, intr: [2]int{2, 3}, weight: 1,
			descr: "Regionale omroep."},
	},
	"academia": {
		{kind: "organisation", name: "Hogeschool %[5]s, locatie %[1]s", tags: []string{"onderwijs", "stages"}, roles: []string{"stagecoördinator", "lector procesveiligheid"},
			stance: []string{"supportive"}, inf: [2]int{2, 2}, intr: [2]int{2, 3}, weight: 1, perSite: true,
			descr: "Stageplaatsen, afstudeeropdrachten en onderzoek."},
		{kind: "organisation", name: "Kennisinstituut %[2]s", tags: []string{"onderzoek", "meetnet"}, roles: []string{"onderzoeker"},
			stance: []string{"neutral"}, inf: [2]int{2, 3}, intr: [2]int{2, 3}, weight: 1,
			descr: "Onafhankelijk onderzoek naar lucht en water."},
	},
	"investor": {
		{kind: "organisation", name: "%[3]s Participaties", tags: []string{"investeerder"}, roles: []string{"investment manager"},
			stance: []string{"supportive", "neutral"}, inf: [2]int{4, 5}, intr: [2]int{2, 3}, weight: 2,
			descr: "Minderheidsaandeelhouder."},
		{kind: "organisation", name: "Ontwikkelingsmaatschappij %[5]s", tags: []string{"investeerder", "regio"}, roles: []string{"fondsmanager"},
			stance: []string{"supportive"}, inf: [2]int{3, 4}, intr: [2]int{2, 3}, weight: 1, perSite: true,
			descr: "Regionale ontwikkelingsmaatschappij; financiert verduurzaming."},
	},
	"other": {
		{kind: "organisation", name: "Jachthaven %[2]s", tags: []string{"recreatie", "water"}, roles: []string{"havenmeester"},
			stance: []string{"neutral", "critical"}, inf: [2]int{1, 2}, intr: [2]int{2, 3}, weight: 1,
			descr: "Jachthaven aan het water bij het terrein."},
		{kind: "organisation", name: "VV %[1]s", tags: []string{"sport", "sponsoring"}, roles: []string{"voorzitter"},
			stance: []string{"supportive"}, inf: [2]int{1, 2}, intr: [2]int{2, 3}, weight: 1, perSite: true,
			descr: "Voetbalvereniging; gesponsord door de vestiging."},
		{kind: "organisation", name: "Stichting Dorpshuis %[2]s", tags: []string{"welzijn"}, roles: []string{"beheerder"},
			stance: []string{"supportive", "neutral"}, inf: [2]int{1, 1}, intr: [2]int{1, 3}, weight: 2,
			descr: "Dorpshuis waar bewonersavonden worden gehouden."},
	},
}

var scaleParties = []string{"Lokaal Belang", "GroenLinks-PvdA", "VVD", "CDA", "D66", "SP", "ChristenUnie", "Partij voor de Dieren"}
var scaleSchools = []string{"De Regenboog", "De Klimop", "Het Kompas", "De Wilgen", "Prins Willem-Alexander", "De Schakel", "Het Anker", "De Vlinder", "Sint Jozef", "De Zeester"}
var scaleNetworks = []string{"Jong", "Vrouwen in de Techniek", "Roze", "Mantelzorgers", "Internationaal"}

// scaleDisputes are partners' reasons for disputing a commitment marked done:
// general enough to fit any of them.
var scaleDisputes = []string{
	"Volgens ons is het probleem niet opgelost; we merken er in de wijk nog steeds iets van.",
	"Afgerond op papier, maar de afspraak was om de resultaten eerst met ons te bespreken.",
	"Dit is maar voor een deel uitgevoerd; het tweede deel van de afspraak ontbreekt.",
}

// scaleLooseChannels are how a concern reaches the organisation outside a dialogue.
var scaleLooseChannels = []string{"via de klachtenlijn", "per e-mail", "via het contactformulier", "via de vertrouwenspersoon", "via de gemeente"}
