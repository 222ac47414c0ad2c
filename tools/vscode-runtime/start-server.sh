#!/usr/bin/env bash
# Start the VS Code server (code-server) headless, bound to 127.0.0.1 only, on a
# free port, telemetry and update checks off, workspace trust off.
#
# Usage: start-server.sh [STATE_DIR]
#   STATE_DIR (or $VSCODE_RUNTIME_STATE): user data, extensions, logs, pid.
#   Default: a new directory from mktemp.
# Env:
#   VSCODE_RUNTIME_CACHE  install dir of install.sh (default $HOME/.cache/vscode-runtime)
#   VSCODE_RUNTIME_CODE_SERVER  one code-server install under it (default: the
#                         last one install.sh made, $VSCODE_RUNTIME_CACHE/code-server)
#   VSCODE_RUNTIME_AUTH   none (default) | password (a random password is
#                         generated and written to STATE_DIR/password, mode 600)
#   VSCODE_RUNTIME_PORT   fixed port instead of a free one
#   VSCODE_RUNTIME_SETTINGS  JSON object merged into the user settings
#   VSCODE_RUNTIME_NODE_BIN  node binary for the server (default: node on PATH)
# The server's environment (and so the extension host's) is this script's.
# Output (stdout, shell-sourceable):
#   VSCODE_SERVER_URL=http://127.0.0.1:PORT/
#   VSCODE_SERVER_PID=PID     (leader of its own process group; stop-server.sh kills it)
#   VSCODE_SERVER_STATE=STATE_DIR
set -euo pipefail

CACHE="${VSCODE_RUNTIME_CACHE:-$HOME/.cache/vscode-runtime}"
CS_HOME="${VSCODE_RUNTIME_CODE_SERVER:-$CACHE/code-server}"
ENTRY="$CS_HOME/node_modules/code-server/out/node/entry.js"
[ -f "$ENTRY" ] || { echo "code-server not installed; run install.sh first ($ENTRY)" >&2; exit 1; }
NODE="${VSCODE_RUNTIME_NODE_BIN:-node}"

STATE="${1:-${VSCODE_RUNTIME_STATE:-}}"
[ -n "$STATE" ] || STATE="$(mktemp -d "${TMPDIR:-/tmp}/vscode-runtime.XXXXXX")"
mkdir -p "$STATE"
STATE="$(cd "$STATE" && pwd)"
mkdir -p "$STATE/user-data/User" "$STATE/extensions" "$STATE/xdg-data" "$STATE/xdg-config" "$STATE/xdg-cache"

if [ -n "${VSCODE_RUNTIME_PORT:-}" ]; then
  PORT="$VSCODE_RUNTIME_PORT"
else
  PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
fi

AUTH="${VSCODE_RUNTIME_AUTH:-none}"
case "$AUTH" in
  none) : ;;
  password)
    umask 077
    node -e 'console.log(require("crypto").randomBytes(18).toString("base64url"))' >"$STATE/password"
    ;;
  *) echo "VSCODE_RUNTIME_AUTH must be none or password" >&2; exit 1 ;;
esac

# Config file of our own, so nothing is written to ~/.config/code-server.
cat >"$STATE/config.yaml" <<EOF
bind-addr: 127.0.0.1:$PORT
auth: $AUTH
cert: false
EOF

# User settings: quiet, offline, deterministic UI.
node -e '
const fs = require("fs");
const base = {
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "workbench.enableExperiments": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "security.workspace.trust.enabled": false,
  "git.enabled": false,
  "npm.autoDetect": "off",
  "typescript.disableAutomaticTypeAcquisition": true,
  "window.restoreWindows": "none",
  "files.hotExit": "off",
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  // the server extension host otherwise looks for ports to forward every few seconds (runs ps,
  // reads /proc/net/tcp): CPU that competes with the tests and benchmarks on a small machine
  "remote.autoForwardPorts": false
};
const extra = process.env.VSCODE_RUNTIME_SETTINGS ? JSON.parse(process.env.VSCODE_RUNTIME_SETTINGS) : {};
fs.writeFileSync(process.argv[1], JSON.stringify({ ...base, ...extra }, null, 2));
' "$STATE/user-data/User/settings.json"

# Newer VS Code (1.139; not 1.100) only honours the workbench URL's
# extensionDevelopmentPath / extensionTestsPath payload in a built product when
# the server runs with enable-smoke-test-driver (code-server --vscode-option).
extra_args=()
if grep -q '"vscode-option"' "$CS_HOME/node_modules/code-server/out/node/cli.js" 2>/dev/null; then
  extra_args+=(--vscode-option enable-smoke-test-driver)
fi

# EXTENSIONS_GALLERY={}: no extension marketplace (code-server would query
# open-vsx.org, which is unreachable here and only produces errors).
env_args=(XDG_DATA_HOME="$STATE/xdg-data" XDG_CONFIG_HOME="$STATE/xdg-config" XDG_CACHE_HOME="$STATE/xdg-cache"
  EXTENSIONS_GALLERY="${EXTENSIONS_GALLERY:-{\}}")
[ "$AUTH" = password ] && env_args+=(PASSWORD="$(cat "$STATE/password")")

# setsid: own process group, so stop-server.sh can end the server and all its
# children (extension host, pty host, file watcher) by this one id.
env "${env_args[@]}" setsid "$NODE" "$ENTRY" \
  --config "$STATE/config.yaml" \
  --user-data-dir "$STATE/user-data" \
  --extensions-dir "$STATE/extensions" \
  --disable-telemetry \
  --disable-update-check \
  --disable-workspace-trust \
  --disable-getting-started-override \
  --disable-proxy \
  --ignore-last-opened \
  "${extra_args[@]}" \
  </dev/null >"$STATE/server.log" 2>&1 &
PID=$!
echo "$PID" >"$STATE/server.pid"
echo "$PORT" >"$STATE/server.port"

URL="http://127.0.0.1:$PORT/"
for _ in $(seq 1 150); do
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "server exited; log:" >&2; cat "$STATE/server.log" >&2; exit 1
  fi
  if node -e 'require("http").get(process.argv[1],r=>process.exit(r.statusCode===200?0:1)).on("error",()=>process.exit(1))' "${URL}healthz" 2>/dev/null; then
    echo "VSCODE_SERVER_URL=$URL"
    echo "VSCODE_SERVER_PID=$PID"
    echo "VSCODE_SERVER_STATE=$STATE"
    exit 0
  fi
  sleep 0.2
done
echo "server did not answer on $URL within 30 s; log:" >&2
cat "$STATE/server.log" >&2
kill -TERM -- "-$PID" 2>/dev/null || true
exit 1
