#!/usr/bin/env bash
# The one test command of the project: installs what the tests need, then runs pytest.
# Without arguments: the whole suite. With arguments, one pytest run with them, e.g.
#   bash tests/run.sh -m "not browser"     bash tests/run.sh -k overview
set -euo pipefail
cd "$(dirname "$0")/.."

PIP_ROOT_USER_ACTION=ignore python -m pip install -q --disable-pip-version-check -r requirements-dev.txt

# The browser tests drive Debian's chromium (Playwright cannot download its own here).
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    apt-get install -y -qq chromium
fi

# --- Services the deployment tests start themselves, on loopback (tests/services.py) ---------
# nginx in front of the app (deploy/nginx-lagesbild.conf), Node.js for the OpenID Connect
# provider the sign-in tests log in through, and that provider's pinned packages.
if [ "$(id -u)" -eq 0 ]; then
    missing=""
    command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx"
    command -v node >/dev/null 2>&1 || missing="$missing nodejs"
    command -v npm >/dev/null 2>&1 || missing="$missing npm"
    if [ -n "$missing" ]; then
        apt-get update -qq
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
    fi
fi
if command -v npm >/dev/null 2>&1 && [ ! -d tests/oidc/node_modules/oidc-provider ]; then
    (cd tests/oidc && npm ci --no-audit --no-fund --loglevel=error)
fi
# --------------------------------------------------------------------------------------------

if [ "$#" -gt 0 ]; then
    # Quiet by default, but a -q or -v of the caller's own replaces ours: two -q would hide
    # pytest's summary line ("3 passed in 1.2s").
    quiet=-q
    for arg in "$@"; do
        case "$arg" in
            --quiet|--verbose) quiet= ;;
            --*) ;;
            -*[qv]*) quiet= ;;
        esac
    done
    exec python -m pytest $quiet "$@"
fi

# The whole suite: everything but the browser tests spread over two processes, then the
# browser tests on their own, since each drives a real server and browser with bounded waits.
status=0
python -m pytest -q -n 2 -m "not browser" || status=$?
python -m pytest -q -m browser || status=$?
exit "$status"
