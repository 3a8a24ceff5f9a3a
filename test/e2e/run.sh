#!/usr/bin/env bash
# The end-to-end suite: the real SIP stack (Kamailio ws:// + wss://, rtpengine, baresip, sipp,
# coturn, linphone) and the real vc-phone build in headless Chromium and Firefox ESR, all on
# loopback inside a private network namespace, so no packet can leave the machine. Assertions
# read what the far end saw.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

if [ -z "${VC_IN_NETNS:-}" ]; then
  if unshare --net true 2>/dev/null; then
    exec env VC_IN_NETNS=1 unshare --net bash "$0" "$@"
  fi
  echo "test:e2e: cannot create a private network namespace (needs root or user namespaces); running on the host's loopback" >&2
  export VC_IN_NETNS=host
fi
if [ "$VC_IN_NETNS" = 1 ]; then
  ip link set lo up
fi

[ -x /usr/bin/chromium ] || { echo "test:e2e: /usr/bin/chromium is missing: run scripts/install-prerequisites.sh (as root)" >&2; exit 3; }
[ -x /usr/bin/firefox-esr ] || { echo "test:e2e: /usr/bin/firefox-esr is missing: run scripts/install-prerequisites.sh (as root)" >&2; exit 3; }
# never let a package fetch a browser of its own
export PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# rollup, unless cdn/ is already built from these sources. Under `npm test` the bundle comes as
# a copy made before this suite started (VC_E2E_CDN_DIR, served as /cdn/): the package suite
# rebuilds cdn/ in place meanwhile.
if [ -n "${VC_E2E_CDN_DIR:-}" ]; then
  [ -f "$VC_E2E_CDN_DIR/vc-phone.js" ] || { echo "test:e2e: no CDN bundle in VC_E2E_CDN_DIR=$VC_E2E_CDN_DIR" >&2; exit 3; }
else
  node scripts/lib/cdn-build.mjs
fi
STACK_DIR="$ROOT/.stack/e2e"
rm -rf "$STACK_DIR"
bash test/e2e/stack/stack.sh up "$STACK_DIR"
trap 'bash test/e2e/stack/stack.sh down "$STACK_DIR" >/dev/null 2>&1 || true' EXIT

export VC_STACK_DIR="$STACK_DIR"
files=(test/e2e/*.test.mjs)
[ "$#" -gt 0 ] && files=("$@")
# --test-force-exit: a test file that leaves a socket open (a failed test skips its own clean-up)
# must not keep its process, and so the whole suite, waiting forever.
node --test --test-force-exit --test-concurrency=1 --test-reporter=spec "${files[@]}"
