#!/bin/sh
# Install ERPDesk and open it on a local database filled with demo data.
# Usage: sh scripts/demo.sh [number of demo customers, default 2000]
set -eu
. "$(dirname "$0")/setup-env.sh"
COUNT=${1:-2000}
DB=${ERPDESK_DEMO_DB:-$(python -c 'from erpdesk.app import default_db_path; print(default_db_path().with_name("demo.db"))')}
if [ ! -s "$DB" ]; then
    echo "Creating $COUNT demo customers in $DB ..."
    erpdesk demo --customers "$COUNT" --db "$DB"
fi
echo "Opening ERPDesk on $DB"
exec erpdesk --db "$DB"
