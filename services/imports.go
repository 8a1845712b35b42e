package services

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"dialoog/models"
)

// ImportService brings stakeholders and their contacts in from a CSV file,
// as Excel writes it: UTF-8 with or without BOM, comma or semicolon
// separated, English or Dutch column names. A file with any bad row imports
// nothing; the answer names each row, field and problem.
type ImportService struct{ base }

// importBatch is how many rows are written at a time: the file is read as a
// stream, never held whole.
const (
	importBatch     = 500
	maxImportErrors = 500
)

// ImportResult says what an import did, or would do on a dry run.
type ImportResult struct {
	DryRun              bool
	Imported            bool
	Rows                int
	StakeholdersCreated int
	ContactsCreated     int
	Errors              []models.FieldError
	Duplicates          []ImportDuplicate
	ErrorsTruncated     bool
}

// ImportDuplicate is a row that likely repeats a record already there.
type ImportDuplicate struct {
	Row        int
	Field      string // name or contact_email
	Value      string
	ExistingID string // the stakeholder or contact it matches, if stored
	Message    string
}

// columns maps the accepted column names (lower case, spaces and dashes as
// underscores) to the fields they fill.
var importColumns = map[string]string{
	"name": "name", "naam": "name", "organisation": "name", "organisatie": "name", "stakeholder": "name",
	"kind": "kind", "soort": "kind", "type": "kind",
	"category": "category", "categorie": "category",
	"influence": "influence", "invloed": "influence",
	"interest": "interest", "belang": "interest",
	"stance": "stance", "houding": "stance",
	"email": "email", "e_mail": "email", "mail": "email",
	"phone": "phone", "telefoon": "phone", "tel": "phone", "telephone": "phone",
	"website": "website",
	"address": "address", "adres": "address",
	"country": "country", "land": "country",
	"tags": "tags", "labels": "tags",
	"description": "description", "omschrijving": "description", "beschrijving": "description",
	"owner": "owner_email", "owner_email": "owner_email", "eigenaar": "owner_email",
	"contact": "contact_name", "contact_name": "contact_name", "contactpersoon": "contact_name",
	"contact_role": "contact_role", "functie": "contact_role", "rol": "contact_role",
	"contact_email": "contact_email", "contact_e_mail": "contact_email",
	"contact_phone": "contact_phone", "contact_telefoon": "contact_phone",
}

// dutchValues lets a Dutch sheet use its own words for the enumerated fields.
var dutchValues = map[string]map[string]string{
	"kind": {"organisatie": "organisation", "groep": "group", "persoon": "person"},
	"category": {"gemeenschap": "community", "buurt": "community", "omwonenden": "community", "werknemer": "employee",
		"medewerkers": "employee", "klant": "customer", "klanten": "customer", "leverancier": "supplier",
		"investeerder": "investor", "overheid": "government", "gemeente": "government", "wetenschap": "academia",
		"overig": "other", "anders": "other"},
	"stance": {"steunend": "supportive", "positief": "supportive", "neutraal": "neutral", "kritisch": "critical", "onbekend": "unknown"},
}

// ImportStakeholders reads stakeholders, and optionally one contact per row,
// from r. Rows with the same stakeholder name belong to one stakeholder. A
// stakeholder whose name is already in the register, or a contact whose email
// its stakeholder already has, is reported as a likely duplicate and not
// created again, so that importing a file twice adds nothing.
// Errors: Forbidden unless admin or officer; Invalid when the file cannot be
// read as CSV or lacks a name column (row errors come back in the result).
func (s *ImportService) ImportStakeholders(ctx context.Context, actor Actor, r io.Reader, dryRun bool) (ImportResult, error) {
	res := ImportResult{DryRun: dryRun}
	if err := actor.require(permEditRegister); err != nil {
		return res, err
	}
	cr, err := csvReader(r)
	if err != nil {
		return res, err
	}
	header, err := cr.Read()
	if err != nil {
		return res, models.InvalidField("file", "file must be a CSV file with a header row")
	}
	cols := make([]string, len(header))
	var ch checks
	seenCol := map[string]bool{}
	for i, h := range header {
		key := strings.NewReplacer(" ", "_", "-", "_").Replace(strings.ToLower(strings.TrimSpace(h)))
		field, ok := importColumns[key]
		switch {
		case !ok:
			ch.add("file", "has a column %q that is not known", h)
		case seenCol[field]:
			ch.add("file", "has the column %q twice", h)
		}
		cols[i], seenCol[field] = field, true
	}
	if !seenCol["name"] {
		ch.add("file", "needs a name column")
	}
	if err := ch.err(); err != nil {
		return res, err
	}

	errRollback := errors.New("roll back")
	err = s.tx(ctx, func(tx *gorm.DB) error {
		im := &importer{s: s, tx: tx, actor: actor, res: &res, byName: map[string]string{}, reported: map[string]bool{},
			contactEmails: map[string]string{}, owners: map[string]*string{}}
		if err := im.loadExisting(); err != nil {
			return err
		}
		for row := 2; ; row++ { // row 1 is the header, as a spreadsheet counts
			rec, err := cr.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					im.fail(row, "file", fmt.Sprintf("row %d cannot be read as CSV: %v", row, pe.Err))
					break
				}
				return err
			}
			res.Rows++
			values := map[string]string{}
			for i, v := range rec {
				if i < len(cols) {
					values[cols[i]] = strings.TrimSpace(v)
				}
			}
			if err := im.row(row, values); err != nil {
				return err
			}
			if len(res.Errors) >= maxImportErrors {
				res.ErrorsTruncated = true
				break
			}
		}
		if err := im.flush(); err != nil {
			return err
		}
		if len(res.Errors) > 0 || dryRun {
			return errRollback
		}
		res.Imported = true
		return s.audit(tx, actor, "import", "stakeholders", "", nil, map[string]int{
			"rows": res.Rows, "stakeholders_created": res.StakeholdersCreated, "contacts_created": res.ContactsCreated})
	})
	if errors.Is(err, errRollback) {
		err = nil
	}
	if err != nil {
		res.Imported = false
	}
	return res, err
}

// csvReader sniffs the separator from the header line and drops a BOM.
func csvReader(r io.Reader) (*csv.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = br.Discard(3)
	}
	head, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	if len(bytes.TrimSpace(head)) == 0 {
		return nil, models.InvalidField("file", "file is empty")
	}
	cr := csv.NewReader(br)
	if bytes.Count(head, []byte{';'}) > bytes.Count(head, []byte{','}) {
		cr.Comma = ';' // Dutch Excel
	}
	cr.FieldsPerRecord = -1 // short rows are allowed; missing cells are empty
	cr.ReuseRecord = true
	return cr, nil
}

// importer carries one import's state: what exists, what this file made.
type importer struct {
	s             *ImportService
	tx            *gorm.DB
	actor         Actor
	res           *ImportResult
	byName        map[string]string  // folded name → stakeholder id (stored or from this file)
	stored        map[string]bool    // ids of stakeholders that were there before
	reported      map[string]bool    // stored stakeholders already reported as duplicates
	contactEmails map[string]string  // stakeholder id + email → contact id
	owners        map[string]*string // owner email → user id
	stakeholders  []models.Stakeholder
	contacts      []models.Contact
}

func (im *importer) loadExisting() error {
	im.stored = map[string]bool{}
	var sts []struct{ ID, Name string }
	if err := im.tx.Model(&models.Stakeholder{}).Select("id, name").Where("archived_at IS NULL").FindInBatches(&sts, 2000, func(*gorm.DB, int) error {
		for _, st := range sts {
			im.byName[fold(st.Name)] = st.ID
			im.stored[st.ID] = true
		}
		return nil
	}).Error; err != nil {
		return err
	}
	var cs []struct{ ID, StakeholderID, Email string }
	return im.tx.Model(&models.Contact{}).Select("id, stakeholder_id, email").Where("email <> '' AND erased_at IS NULL").FindInBatches(&cs, 2000, func(*gorm.DB, int) error {
		for _, c := range cs {
			im.contactEmails[c.StakeholderID+" "+strings.ToLower(c.Email)] = c.ID
		}
		return nil
	}).Error
}

func (im *importer) fail(row int, field, msg string) {
	im.res.Errors = append(im.res.Errors, models.FieldError{Field: fmt.Sprintf("rows[%d].%s", row, field), Message: msg})
}

func (im *importer) row(row int, v map[string]string) error {
	name := v["name"]
	prefix := fmt.Sprintf("row %d: ", row)
	if name == "" {
		im.fail(row, "name", prefix+"name is required")
		return nil
	}
	key := fold(name)
	id, known := im.byName[key]
	if !known {
		st, ok, err := im.stakeholder(row, v)
		if err != nil {
			return err
		}
		// A bad stakeholder still has its contact checked, so that the
		// answer lists every problem of the row at once.
		id = st.ID
		im.byName[key] = id
		if ok {
			im.stakeholders = append(im.stakeholders, st)
		}
	} else if im.stored[id] && !im.reported[id] {
		im.reported[id] = true
		im.res.Duplicates = append(im.res.Duplicates, ImportDuplicate{Row: row, Field: "name", Value: name, ExistingID: id,
			Message: prefix + "a stakeholder with this name is already in the register; its contacts are added to it"})
	}
	if v["contact_name"] != "" || v["contact_email"] != "" {
		if err := im.contact(row, id, v); err != nil {
			return err
		}
	}
	if len(im.stakeholders)+len(im.contacts) >= importBatch {
		return im.flush()
	}
	return nil
}

func (im *importer) stakeholder(row int, v map[string]string) (models.Stakeholder, bool, error) {
	now := im.s.now()
	st := models.Stakeholder{ID: newID(), Kind: "organisation", Category: "other", Influence: 3, Interest: 3, Stance: "unknown",
		Tags: models.StringList{}, CreatedAt: now, UpdatedAt: now, Version: 1}
	in := models.StakeholderChanges{Name: ptr(v["name"])}
	for field, dst := range map[string]**string{"kind": &in.Kind, "category": &in.Category, "stance": &in.Stance,
		"email": &in.Email, "phone": &in.Phone, "website": &in.Website, "address": &in.Address, "country": &in.Country,
		"description": &in.Description} {
		if val := v[field]; val != "" {
			if nl, ok := dutchValues[field][strings.ToLower(val)]; ok {
				val = nl
			} else if dutchValues[field] != nil {
				val = strings.ToLower(val)
			}
			*dst = ptr(val)
		}
	}
	var bad bool
	for field, dst := range map[string]**int{"influence": &in.Influence, "interest": &in.Interest} {
		if val := v[field]; val != "" {
			n, err := strconv.Atoi(val)
			if err != nil {
				im.fail(row, field, fmt.Sprintf("row %d: %s must be a whole number from 1 to 5", row, field))
				bad = true
				continue
			}
			*dst = &n
		}
	}
	if tags := v["tags"]; tags != "" {
		parts := strings.FieldsFunc(tags, func(r rune) bool { return r == ',' || r == ';' || r == '|' })
		in.Tags = &parts
	}
	if email := strings.ToLower(v["owner_email"]); email != "" {
		owner, err := im.owner(email)
		if err != nil {
			return st, false, err
		}
		if owner == nil {
			im.fail(row, "owner_email", fmt.Sprintf("row %d: owner_email must be the email of an active internal user", row))
			bad = true
		} else {
			in.OwnerID = owner
		}
	}
	if err := applyStakeholder(im.tx, &st, in); err != nil {
		var me *models.Error
		if !errors.As(err, &me) || me.Code != models.Invalid {
			return st, false, err
		}
		for _, fe := range me.Fields {
			im.fail(row, fe.Field, fmt.Sprintf("row %d: %s", row, fe.Message))
		}
		return st, false, nil
	}
	return st, !bad, nil
}

func (im *importer) owner(email string) (*string, error) {
	if id, ok := im.owners[email]; ok {
		return id, nil
	}
	var u models.User
	err := im.tx.Where("email = ? AND active AND role <> ?", email, models.RolePartner).Take(&u).Error
	switch {
	case err == nil:
		im.owners[email] = &u.ID
	case isNotFound(err):
		im.owners[email] = nil
	default:
		return nil, err
	}
	return im.owners[email], nil
}

func (im *importer) contact(row int, stakeholderID string, v map[string]string) error {
	email := strings.ToLower(v["contact_email"])
	if email != "" {
		k := stakeholderID + " " + email
		if existing, ok := im.contactEmails[k]; ok {
			im.res.Duplicates = append(im.res.Duplicates, ImportDuplicate{Row: row, Field: "contact_email", Value: email, ExistingID: existing,
				Message: fmt.Sprintf("row %d: this stakeholder already has a contact with this email; not added again", row)})
			return nil
		}
	}
	now := im.s.now()
	c := models.Contact{ID: newID(), StakeholderID: stakeholderID, CreatedAt: now, UpdatedAt: now, Version: 1}
	in := models.ContactChanges{Name: ptr(v["contact_name"]), Role: ptr(v["contact_role"]), Email: ptr(email), Phone: ptr(v["contact_phone"])}
	if err := applyContact(&c, in); err != nil {
		var me *models.Error
		if !errors.As(err, &me) || me.Code != models.Invalid {
			return err
		}
		for _, fe := range me.Fields {
			field := "contact_" + fe.Field
			im.fail(row, field, fmt.Sprintf("row %d: %s", row, strings.Replace(fe.Message, fe.Field, field, 1)))
		}
		return nil
	}
	if email != "" {
		im.contactEmails[stakeholderID+" "+email] = c.ID
	}
	im.contacts = append(im.contacts, c)
	return nil
}

// flush writes the rows gathered so far, with their audit events; after the
// first error nothing is written any more, since it will all be rolled back.
func (im *importer) flush() error {
	defer func() { im.stakeholders, im.contacts = im.stakeholders[:0], im.contacts[:0] }()
	if len(im.res.Errors) > 0 {
		return nil
	}
	events := make([]models.AuditEvent, 0, len(im.stakeholders)+len(im.contacts))
	now := im.s.now()
	for _, st := range im.stakeholders {
		events = append(events, models.AuditEvent{ID: newID(), At: now, ActorID: im.actor.ref(), Action: "create", RecordType: "stakeholder", RecordID: st.ID, After: snapshot(st)})
	}
	for _, c := range im.contacts {
		events = append(events, models.AuditEvent{ID: newID(), At: now, ActorID: im.actor.ref(), Action: "create", RecordType: "contact", RecordID: c.ID, After: snapshot(c)})
	}
	if len(im.stakeholders) > 0 {
		if err := im.tx.CreateInBatches(im.stakeholders, 100).Error; err != nil {
			return err
		}
	}
	if len(im.contacts) > 0 {
		if err := im.tx.CreateInBatches(im.contacts, 100).Error; err != nil {
			return err
		}
	}
	if len(events) > 0 {
		if err := im.tx.CreateInBatches(events, 100).Error; err != nil {
			return err
		}
	}
	im.res.StakeholdersCreated += len(im.stakeholders)
	im.res.ContactsCreated += len(im.contacts)
	return nil
}
