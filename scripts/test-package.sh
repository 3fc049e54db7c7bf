#!/usr/bin/env bash
# The package as a user gets it: builds the .deb (debug profile: the binaries the test run
# built), installs it with apt-get, runs tests/e2e/installed-package.test.mjs on the
# installed binary under Xvfb inside a D-Bus session (single instance talks over D-Bus),
# then removes the package — also when the journey fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export WEBKIT_DISABLE_DMABUF_RENDERER=1 NO_AT_BRIDGE=1

sudo=()
if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi

BUNDLES=deb bash scripts/package.sh --debug
deb=$(ls -1 "${CARGO_TARGET_DIR:-target}"/debug/bundle/deb/*.deb | head -1)

remove() { DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get purge -y -qq storymap >/dev/null || true; }
trap remove EXIT
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "./$deb" >/dev/null
echo "installed $(dpkg-query -W -f='${Package} ${Version}' storymap) from $deb"

STORYMAP_INSTALLED=1 STORYMAP_APP=/usr/bin/storymap-app \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" \
  node --test --test-concurrency=1 --test-reporter=spec tests/e2e/installed-package.test.mjs
