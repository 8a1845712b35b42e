// Command pgcheck exits 0 when the tests' PostgreSQL can be reached, 1
// otherwise; `make test` uses it to warn before the tests run.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"dialoog/services/storetest"
)

func main() {
	db, err := sql.Open("pgx", storetest.AdminURL())
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		err = db.PingContext(ctx)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "pgcheck:", err)
		os.Exit(1)
	}
}
