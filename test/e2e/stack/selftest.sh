#!/bin/bash
# Self-check of the stack in a private network namespace (nothing but lo: no packet can leave
# the machine). Usage: bash selftest.sh [--browser] [--keep] [--dir DIR]
#   --browser  also place calls from headless Chromium + sip.js over ws://127.0.0.1:5066
#   --keep     leave the stack running (it dies with the namespace's processes only if you
#              stop it: stack.sh down DIR from inside the same namespace; mostly for debugging)
# Exit 0 = every check passed. Prints "stack.sh up: N ms" and one line per check.
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ -z "${VC_STACK_NETNS:-}" ]; then
  exec env VC_STACK_NETNS=1 unshare --net bash "$0" "$@"
fi
ip link set lo up
exec node "$HERE/selftest/selftest.mjs" "$@"
