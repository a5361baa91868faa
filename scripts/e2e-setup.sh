#!/usr/bin/env bash
# Provisions the real VS Code that the end-to-end tests drive: Debian's Chromium and
# code-server (VS Code 1.100.3 in a browser, same Node extension host as the desktop app)
# installed from the npm registry into a cache folder. Idempotent: a second run only checks.
#
#   bash scripts/e2e-setup.sh
#
# Environment:
#   MAILPROOF_E2E_CACHE   where code-server goes (default: ~/.cache/mailproof-e2e)
#
# Nothing is installed globally with npm. Debian packages are installed with apt-get when
# running as root; otherwise the script names the command to run and stops.
set -euo pipefail

# code-server 4.100.3 ships VS Code 1.100.3, the `engines.vscode` floor of the extension.
CODE_SERVER_VERSION=4.100.3
# Pinned by code-server 4.100.3's VS Code (node_modules/@vscode/ripgrep/package.json).
VSCODE_RIPGREP_VERSION=1.15.11
RIPGREP_RELEASE=v13.0.0-10
DEBIAN_PACKAGES=(chromium ripgrep libkrb5-dev build-essential python3)

CACHE="${MAILPROOF_E2E_CACHE:-$HOME/.cache/mailproof-e2e}"
DEST="$CACHE/code-server-$CODE_SERVER_VERSION"
ENTRY="$DEST/node_modules/code-server/out/node/entry.js"

say() { printf 'e2e-setup: %s\n' "$*"; }
die() { printf 'e2e-setup: %s\n' "$*" >&2; exit 1; }

# 1. Node: code-server 4.100.3's native modules are built for Node 20 only.
command -v node >/dev/null || die "node is not on PATH; install Node 20 (https://nodejs.org or nvm install 20)"
command -v npm >/dev/null || die "npm is not on PATH; it ships with Node 20"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || die "code-server $CODE_SERVER_VERSION needs Node 20, found $(node --version); switch with e.g. 'nvm use 20'"

# 2. Debian packages.
missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$p"); fi
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get: this script supports Debian/Ubuntu"
  if [ "$(id -u)" != 0 ]; then
    die "missing Debian packages: ${missing[*]}; run: sudo apt-get install -y ${missing[*]}"
  fi
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  say "Debian packages present: ${DEBIAN_PACKAGES[*]}"
fi
command -v chromium >/dev/null || die "the chromium package is installed but 'chromium' is not on PATH"
command -v rg >/dev/null || die "the ripgrep package is installed but 'rg' is not on PATH"

# 3. code-server, into its own folder.
if [ -f "$ENTRY" ] && [ -f "$DEST/.complete" ]; then
  say "code-server $CODE_SERVER_VERSION present in $DEST"
  exit 0
fi

case "$(uname -m)" in
  x86_64) rg_target=x86_64-unknown-linux-musl ;;
  aarch64) rg_target=aarch64-unknown-linux-musl ;;
  *) die "unsupported CPU $(uname -m): only x86_64 and aarch64 have a ripgrep build for code-server" ;;
esac

mkdir -p "$CACHE"
staging="$CACHE/.staging-$CODE_SERVER_VERSION-$$"
work_tmp="$staging.tmp"
cleanup() { rm -rf "$staging" "$work_tmp"; }
trap cleanup EXIT
rm -rf "$staging" "$work_tmp"
mkdir -p "$staging" "$work_tmp"

# @vscode/ripgrep's postinstall downloads rg from GitHub unless its archive is already in
# $TMPDIR/vscode-ripgrep-cache-<version>/: an archive of Debian's rg satisfies it offline.
rg_cache="$work_tmp/vscode-ripgrep-cache-$VSCODE_RIPGREP_VERSION"
mkdir -p "$rg_cache/bin"
cp "$(command -v rg)" "$rg_cache/bin/rg"
tar -czf "$rg_cache/ripgrep-$RIPGREP_RELEASE-$rg_target.tar.gz" -C "$rg_cache/bin" rg
rm -rf "$rg_cache/bin"

say "installing code-server $CODE_SERVER_VERSION from npm into $DEST (about 300 MB, a minute or two)"
printf '{ "name": "mailproof-e2e-code-server", "private": true }\n' >"$staging/package.json"
# As root, the postinstall (native modules) fails without --unsafe-perm; npm 11 warns that the
# option is unknown but still passes it on.
(
  cd "$staging"
  TMPDIR="$work_tmp" npm_config_yes=true npm install --no-audit --no-fund --loglevel=error \
    --unsafe-perm "code-server@$CODE_SERVER_VERSION"
) || die "npm install code-server@$CODE_SERVER_VERSION failed (see the npm output above)"
[ -f "$staging/node_modules/code-server/out/node/entry.js" ] || die "code-server installed but entry.js is missing"
[ -x "$staging/node_modules/@vscode/ripgrep/bin/rg" ] || [ -x "$staging/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] ||
  say "warning: code-server's ripgrep binary was not found; search inside the test VS Code may not work"

touch "$staging/.complete"
rm -rf "$DEST"
mv "$staging" "$DEST"
say "code-server $CODE_SERVER_VERSION ready: $ENTRY"
