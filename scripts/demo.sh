#!/bin/sh
# Install ERPDesk and open it on a local database filled with demo data.
# Usage: sh scripts/demo.sh [number of demo customers]
#   With a number, the demo database holds exactly that many customers: one
#   of another size is made again (unless it holds changes not yet synced).
#   Without one, an existing demo database is opened as it is, and a new
#   (or empty) one gets 2000 customers.
# The database appears complete or not at all: it is built beside its place
# and renamed into it, so a run stopped half-way leaves none.
set -eu
. "$(dirname "$0")/setup-env.sh"
COUNT=${1:-}
case "$COUNT" in
    *[!0-9]*) echo "The number of demo customers must be a whole number, not '$COUNT'" >&2; exit 2 ;;
esac
DB=${ERPDESK_DEMO_DB:-$(python -c 'from erpdesk.app import default_db_path; print(default_db_path().with_name("demo.db"))')}
# Customers in it now; nothing when there is no readable database there.
HAVE=$(python - "$DB" <<'EOF' 2>/dev/null || true
import sqlite3, sys
from pathlib import Path

path = Path(sys.argv[1])
if path.is_file() and path.stat().st_size > 0:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    print(conn.execute("SELECT count(*) FROM customer WHERE deleted = 0").fetchone()[0])
EOF
)
if [ -n "$COUNT" ] || [ "${HAVE:-0}" = 0 ]; then
    COUNT=${COUNT:-2000}
    if [ -n "$HAVE" ] && [ "$HAVE" != "$COUNT" ]; then
        echo "The demo database $DB holds $HAVE customers; making it again with $COUNT ..."
    elif [ ! -s "$DB" ]; then
        echo "Creating $COUNT demo customers in $DB ..."
    fi
    erpdesk demo --customers "$COUNT" --db "$DB" --exactly
else
    echo "Using the demo database $DB ($HAVE customers; 'sh scripts/demo.sh N' makes it N)"
fi
echo "Opening ERPDesk on $DB"
exec erpdesk --db "$DB"
