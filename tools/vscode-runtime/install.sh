#!/usr/bin/env bash
# Install a real VS Code for the tests: the VS Code server and web workbench
# bundled in the npm package code-server, plus Debian's Chromium (driven by the
# project's own playwright-core). Only the npm registry and apt are used.
#
# Idempotent: a finished install is marked with a .complete file and skipped
# (under a second when the cache is there; ~40-70 s plus apt on a fresh machine).
#
# Env:
#   VSCODE_RUNTIME_CACHE       where everything goes (default: $HOME/.cache/vscode-runtime)
#   CODE_SERVER_VERSION        npm version of code-server (default 4.100.3 = VS Code 1.100.3,
#                              the newest whose engines field allows Node 20)
#   VSCODE_RUNTIME_SKIP_APT=1  never call apt-get (the packages must already be there)
#
# Prints the install dir on the last line: VSCODE_RUNTIME_HOME=<dir>
set -euo pipefail

CACHE="${VSCODE_RUNTIME_CACHE:-$HOME/.cache/vscode-runtime}"
CS_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CS_PREFIX="$CACHE/code-server-$CS_VERSION"

log() { printf '[vscode-runtime] %s\n' "$*" >&2; }

# ---------------------------------------------------------------- apt deps
# chromium: the browser playwright-core drives; ripgrep: stands in for the rg
# binary @vscode/ripgrep would download from GitHub; libkrb5-dev: gssapi headers
# for the kerberos native module; python3/make/g++: node-gyp.
apt_needed=()
command -v chromium >/dev/null 2>&1 || apt_needed+=(chromium)
command -v rg >/dev/null 2>&1 || apt_needed+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || apt_needed+=(libkrb5-dev)
command -v make >/dev/null 2>&1 || apt_needed+=(make)
command -v g++ >/dev/null 2>&1 || apt_needed+=(g++)
command -v python3 >/dev/null 2>&1 || apt_needed+=(python3)
if [ "${#apt_needed[@]}" -gt 0 ]; then
  log "needs Debian packages: ${apt_needed[*]} (chromium: the browser the tests drive; ripgrep: VS Code's search; libkrb5-dev, make, g++, python3: native modules of the VS Code server)"
  if [ "${VSCODE_RUNTIME_SKIP_APT:-0}" = 1 ]; then
    log "missing apt packages: ${apt_needed[*]} (VSCODE_RUNTIME_SKIP_APT=1): install them, e.g. sudo apt-get install ${apt_needed[*]}"; exit 1
  fi
  # root runs apt-get itself; anyone else through sudo, and only when sudo will not ask for a
  # password it cannot read here (no terminal): otherwise say what to install and stop.
  as_root=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as_root=(sudo -n)
    else
      log "not root and no password-less sudo: run  sudo apt-get install ${apt_needed[*]}  and then this script again"; exit 1
    fi
  fi
  log "apt-get install ${apt_needed[*]}${as_root[*]:+ (through sudo)}"
  export DEBIAN_FRONTEND=noninteractive
  if ! "${as_root[@]}" apt-get install -y -q "${apt_needed[@]}" </dev/null >/dev/null 2>&1; then
    "${as_root[@]}" apt-get update -q </dev/null >/dev/null
    "${as_root[@]}" apt-get install -y -q "${apt_needed[@]}" </dev/null >/dev/null
  fi
fi

mkdir -p "$CACHE"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
# node-gyp must compile against local headers, never download them.
nodedir_cfg="$(npm config get nodedir 2>/dev/null || true)"
if [ -z "${npm_config_nodedir:-}" ] && { [ -z "$nodedir_cfg" ] || [ "$nodedir_cfg" = undefined ]; }; then
  d="$(dirname "$(dirname "$(node -p 'process.execPath')")")"
  if [ -f "$d/include/node/node.h" ]; then export npm_config_nodedir="$d"; fi
fi

# ---------------------------------------------------------------- code-server
if [ -f "$CS_PREFIX/.complete" ]; then
  log "code-server $CS_VERSION already installed in $CS_PREFIX"
else
  log "installing code-server@$CS_VERSION into $CS_PREFIX (node $node_major)"
  start=$(date +%s)
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX/tmp"
  # 1) unpack without running install scripts
  npm install --prefix "$CS_PREFIX" --no-audit --no-fund --ignore-scripts \
    "code-server@$CS_VERSION" </dev/null >"$CS_PREFIX/install.log" 2>&1
  VSC="$CS_PREFIX/node_modules/code-server/lib/vscode"
  # 2) @vscode/ripgrep's postinstall downloads rg from GitHub unless the release
  #    archive is already in its cache dir ($TMPDIR/vscode-ripgrep-cache-<pkgver>/).
  #    Seed that cache with an archive holding Debian's rg.
  rg_pkg_ver="$(node -e '
    const s=require(process.argv[1]); const p=s.packages||{};
    const e=p["node_modules/@vscode/ripgrep"]; console.log(e?e.version:"")' "$VSC/npm-shrinkwrap.json")"
  if [ -n "$rg_pkg_ver" ]; then
    (cd "$CS_PREFIX/tmp" && npm pack --silent "@vscode/ripgrep@$rg_pkg_ver" </dev/null >/dev/null 2>&1 \
      && tar xzf vscode-ripgrep-*.tgz package/lib/postinstall.js)
    rg_tag="$(sed -n "s/^const VERSION = '\(v[^']*\)'.*/\1/p" "$CS_PREFIX/tmp/package/lib/postinstall.js")"
    case "$(uname -m)" in
      x86_64) rg_target=x86_64-unknown-linux-musl ;;
      aarch64) rg_target=aarch64-unknown-linux-musl ;;
      *) log "unsupported arch $(uname -m)"; exit 1 ;;
    esac
    rg_cache="$CS_PREFIX/tmp/vscode-ripgrep-cache-$rg_pkg_ver"
    mkdir -p "$rg_cache/src"
    cp "$(command -v rg)" "$rg_cache/src/rg"
    tar czf "$rg_cache/ripgrep-$rg_tag-$rg_target.tar.gz" -C "$rg_cache/src" rg
    log "seeded ripgrep cache: $rg_pkg_ver / $rg_tag / $rg_target"
  fi
  # 3) run the install scripts (code-server's postinstall installs lib/vscode and
  #    its built-in extensions and compiles the native modules with node-gyp).
  #    npm_config_yes: node-pty's postinstall calls `npx node-gyp` ($HOME/.npmrc may say yes=false).
  #    npm_config_unsafe_perm: code-server's postinstall refuses root without it.
  #    FORCE_NODE_VERSION: the postinstall insists on one node major otherwise.
  want_major="$(node -e 'const p=require(process.argv[1]); console.log(String((p.engines||{}).node||"").replace(/[^0-9].*$/,""))' \
    "$CS_PREFIX/node_modules/code-server/package.json")"
  force=()
  if [ -n "$want_major" ] && [ "$want_major" != "$node_major" ]; then
    log "WARNING: code-server $CS_VERSION wants node $want_major, running node $node_major (FORCE_NODE_VERSION)"
    force=(FORCE_NODE_VERSION="$node_major")
  fi
  env TMPDIR="$CS_PREFIX/tmp" npm_config_yes=true npm_config_unsafe_perm=true "${force[@]}" \
    npm rebuild --prefix "$CS_PREFIX" --foreground-scripts </dev/null >>"$CS_PREFIX/install.log" 2>&1 || {
      log "npm rebuild failed; last lines of $CS_PREFIX/install.log:"; tail -30 "$CS_PREFIX/install.log" >&2; exit 1; }
  rg_ok=0
  for f in "$VSC"/node_modules/@vscode/ripgrep/bin/rg "$VSC"/node_modules/@vscode/ripgrep-universal/bin/linux-*/rg; do
    [ -x "$f" ] && rg_ok=1
  done
  [ "$rg_ok" = 1 ] || { log "rg missing after install"; exit 1; }
  find "$VSC/node_modules/node-pty" -name pty.node 2>/dev/null | grep -q . || { log "node-pty has no pty.node"; exit 1; }
  rm -rf "$CS_PREFIX/tmp"
  end=$(date +%s)
  log "code-server installed in $((end - start)) s"
  touch "$CS_PREFIX/.complete"
fi

# a stable name for the other scripts
ln -sfn "$(basename "$CS_PREFIX")" "$CACHE/code-server"

log "code-server $(node -p 'require(process.argv[1]).version' "$CACHE/code-server/node_modules/code-server/package.json") with VS Code $(node -p 'require(process.argv[1]).version' "$CACHE/code-server/node_modules/code-server/lib/vscode/package.json")"
echo "VSCODE_RUNTIME_HOME=$CACHE"
