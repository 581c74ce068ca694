#!/bin/sh
# Install ERPDesk with its test tools and run the whole test suite.
set -eu
ERPDESK_EXTRAS=test,registry
. "$(dirname "$0")/setup-env.sh"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
python -m pytest --numprocesses=auto --maxprocesses=4 "$@"
