#!/bin/sh
# Starts Ledgerline from its deployment folder (the one `ledgerline init` wrote ledgerline.env and
# .env into). Usage: deploy/start.sh [serve|run|worker|doctor …]   (default: serve)
#   LEDGERLINE_HOME  the deployment folder (default: the current directory)
#   LEDGERLINE_BIN   the ledgerline executable (default: `ledgerline` on PATH, else this checkout's bin/)
set -eu

home="${LEDGERLINE_HOME:-$(pwd)}"
cd "$home"

if [ ! -f ledgerline.env ] && [ ! -f .env ]; then
  echo "start.sh: no ledgerline.env or .env in $home — run \`ledgerline init\` there first." >&2
  exit 2
fi
# The secrets file must not be readable by others (doctor fails it too).
if [ -f .env ] && [ -n "$(find .env -perm /077 2>/dev/null)" ]; then
  echo "start.sh: $home/.env is readable by others; run: chmod 600 $home/.env" >&2
  exit 2
fi

bin="${LEDGERLINE_BIN:-}"
if [ -z "$bin" ]; then
  if command -v ledgerline >/dev/null 2>&1; then
    bin="ledgerline"
  else
    bin="$(cd "$(dirname "$0")/.." && pwd)/bin/ledgerline.js"
  fi
fi

command="${1:-serve}"
[ "$#" -gt 0 ] && shift
# exec: the service manager signals Ledgerline itself, which closes gracefully on SIGTERM.
exec "$bin" "$command" "$@"
