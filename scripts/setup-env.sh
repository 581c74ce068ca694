#!/bin/sh
# Shared by scripts/demo.sh and scripts/test.sh: find Python 3.11, make the
# project's virtual environment (.venv) and install the project into it.
# Usage: ERPDESK_EXTRAS=test . scripts/setup-env.sh
# (POSIX sh passes no arguments to a sourced file, hence the variable.)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PY=""
for candidate in python3.11 python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 &&
        "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
        PY=$candidate
        break
    fi
done
if [ -z "$PY" ]; then
    echo "ERPDesk needs Python 3.11: install it (e.g. 'sudo apt-get install python3.11 python3.11-venv') and run this again." >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    if ! "$PY" -m venv .venv; then
        echo "Could not create a virtual environment: install venv (e.g. 'sudo apt-get install python3.11-venv') and run this again." >&2
        exit 1
    fi
fi
. .venv/bin/activate
python -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
EXTRAS=${ERPDESK_EXTRAS:-}
if [ -n "$EXTRAS" ]; then
    python -m pip install --quiet --disable-pip-version-check -e ".[$EXTRAS]"
else
    python -m pip install --quiet --disable-pip-version-check -e .
fi
# Byte-compile the project once: an editable install leaves that to the first
# run, and where PYTHONDONTWRITEBYTECODE is set every start would compile it
# again (~50 ms of the window's start-up).
python -m compileall -q erpdesk >/dev/null
