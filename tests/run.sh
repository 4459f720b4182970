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
