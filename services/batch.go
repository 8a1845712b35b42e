package services

import (
	"context"
	"reflect"

	"gorm.io/gorm"
)

// pendingRows are rows written by one transaction that stores many records
// at once (a whole meeting), held back so that each kind goes to the store
// in one INSERT at the end: a meeting with three concerns and three
// commitments costs three statements for its 13 rows instead of thirteen,
// which is most of what logging a meeting costs the store. Kinds go in the
// order first seen, so a row is stored after those it refers to.
type pendingRows struct {
	kinds []reflect.Type
	rows  map[reflect.Type]reflect.Value // a slice of each kind
}

type pendingRowsKey struct{}

// withPendingRows returns tx holding back the rows given to insert, until
// flushed.
func withPendingRows(tx *gorm.DB) (*gorm.DB, *pendingRows) {
	p := &pendingRows{rows: map[reflect.Type]reflect.Value{}}
	return tx.WithContext(context.WithValue(tx.Statement.Context, pendingRowsKey{}, p)), p
}

// insert stores row, a pointer to a model, or holds it back when tx was made
// by withPendingRows. A held-back row cannot be read back until flushed: only
// rows nothing reads in the same transaction are given here.
func insert(tx *gorm.DB, row any) error {
	p, _ := tx.Statement.Context.Value(pendingRowsKey{}).(*pendingRows)
	if p == nil {
		return tx.Create(row).Error
	}
	v := reflect.ValueOf(row).Elem()
	t := v.Type()
	s, ok := p.rows[t]
	if !ok {
		p.kinds = append(p.kinds, t)
		s = reflect.MakeSlice(reflect.SliceOf(t), 0, 4)
	}
	p.rows[t] = reflect.Append(s, v)
	return nil
}

// flush stores the held-back rows, one INSERT per kind.
func (p *pendingRows) flush(tx *gorm.DB) error {
	for _, t := range p.kinds {
		s := p.rows[t]
		ptr := reflect.New(s.Type())
		ptr.Elem().Set(s)
		if err := tx.CreateInBatches(ptr.Interface(), 500).Error; err != nil {
			return err
		}
	}
	p.kinds, p.rows = nil, map[reflect.Type]reflect.Value{}
	return nil
}
