#!/usr/bin/env bash
# The one test command of the project: installs what the tests need, then runs pytest.
# Arguments go to pytest, e.g.  bash tests/run.sh -m "not browser"  or  bash tests/run.sh -k overview
set -euo pipefail
cd "$(dirname "$0")/.."

PIP_ROOT_USER_ACTION=ignore python -m pip install -q --disable-pip-version-check -r requirements-dev.txt

# The browser tests drive Debian's chromium (Playwright cannot download its own here).
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    apt-get install -y -qq chromium
fi

exec python -m pytest -q "$@"
