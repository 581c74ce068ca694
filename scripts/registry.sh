#!/bin/sh
# Install the registry and serve it on SQLite (its default database, or
# $ERPDESK_REGISTRY_DB), making the administrator "admin" at the first start
# and printing its password once.
# Usage: sh scripts/registry.sh [serve options, e.g. --port 8765 --host 0.0.0.0]
set -eu
ERPDESK_EXTRAS=registry
. "$(dirname "$0")/setup-env.sh"
erpdesk-registry db upgrade
if ! erpdesk-registry user list | awk '{print $1}' | grep -qx admin; then
    PASSWORD=$(python -c 'import secrets; print(secrets.token_urlsafe(12))')
    printf '%s\n' "$PASSWORD" | erpdesk-registry user add admin --role admin --password-stdin
    echo "Made the administrator 'admin' with the password $PASSWORD"
    echo "(change it with: erpdesk-registry user passwd admin)"
fi
exec erpdesk-registry serve "$@"
