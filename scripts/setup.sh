#!/usr/bin/env bash
# Installs what Storymap needs to build, run and test on Debian 12. Idempotent: each step
# checks first and only does work when something is missing or stale.
#
#   bash scripts/setup.sh                     # system packages + npm dependencies
#   bash scripts/setup.sh --with-test-tools   # also tauri-driver (e2e suite) and Chromium (HTML export test)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

with_test_tools=0
for arg in "$@"; do
  case "$arg" in
    --with-test-tools) with_test_tools=1 ;;
    -h | --help)
      sed -n '2,7p' "$0"
      exit 0
      ;;
    *)
      echo "setup: unknown argument: $arg" >&2
      exit 2
      ;;
  esac
done

say() { echo "setup: $*"; }

# --- Debian packages -------------------------------------------------------------------
packages=(
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev xvfb xauth webkit2gtk-driver imagemagick
  xclip xdotool
)
# The stakeholder page's test opens it in headless Chromium (crates/storymap-cli/tests/html.rs).
# The installed package's journey: a D-Bus session (single instance), the MIME database.
if ((with_test_tools)); then packages+=(chromium dbus-daemon shared-mime-info desktop-file-utils); fi
missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  say "installing Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
    "${missing[@]}" >/dev/null
  say "Debian packages installed"
else
  say "Debian packages: all present"
fi

# --- npm dependencies ------------------------------------------------------------------
# npm ci recreates node_modules; the stamp records when, so a newer package-lock.json
# (someone ran `npm install X`, or pulled) triggers a fresh install.
stamp=node_modules/.storymap-setup-stamp
if [[ -f package.json ]]; then
  if [[ -f package-lock.json ]]; then
    if [[ ! -d node_modules || ! -f $stamp || package-lock.json -nt $stamp ]]; then
      say "npm ci"
      npm ci --no-audit --no-fund --loglevel=error
      touch "$stamp"
    else
      say "node_modules: up to date"
    fi
  elif [[ ! -d node_modules ]]; then
    say "no package-lock.json: npm install"
    npm install --no-audit --no-fund --loglevel=error
    touch "$stamp"
  fi
else
  say "no package.json: skipping npm"
fi

# --- test tools ------------------------------------------------------------------------
if ((with_test_tools)); then
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
  # tauri-driver 2.0/2.1 reject --version ("unused arguments left"), so fall back to
  # cargo's list of installed binaries; timeout guards against a version that would serve.
  driver_version=$(timeout 10 tauri-driver --version 2>/dev/null |
    grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n1 || true)
  if [[ -z $driver_version ]]; then
    driver_version=$(cargo install --list 2>/dev/null |
      sed -nE 's/^tauri-driver v([0-9]+\.[0-9]+\.[0-9]+).*/\1/p' | head -n1 || true)
  fi
  if [[ $driver_version == 2.* ]] && command -v tauri-driver >/dev/null; then
    say "tauri-driver $driver_version: present"
  else
    say "installing tauri-driver ^2 (cargo install, a few minutes)"
    cargo install tauri-driver --version '^2' --locked --quiet
    say "tauri-driver installed: $(cargo install --list | grep '^tauri-driver ' || true)"
  fi
  if [[ ! -x /usr/bin/WebKitWebDriver ]]; then
    echo "setup: /usr/bin/WebKitWebDriver is missing (package webkit2gtk-driver)" >&2
    exit 1
  fi
fi

say "done"
