#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks for vc-phone's demo and tests: Debian's Chromium
# and Firefox ESR (the only browsers the tests use; nothing downloads one) and the local SIP stack
# (Kamailio with its WebSocket, TLS and ephemeral-auth modules, rtpengine, baresip, sipp, coturn,
# liblinphone's linphonec as a second far end; openssl + certutil for the test CA). Needs root.
# Safe to run again.
set -euo pipefail
PACKAGES=(chromium firefox-esr kamailio kamailio-websocket-modules kamailio-tls-modules kamailio-autheph-modules
  rtpengine-daemon baresip-core sip-tester coturn linphone-cli openssl libnss3-tools iproute2 util-linux)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "prerequisites: all installed (${PACKAGES[*]})"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "prerequisites: missing ${missing[*]}; run as root: sudo bash scripts/install-prerequisites.sh" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# The packaged services must not start on their own: the project runs its own instances.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  systemctl disable --now kamailio rtpengine-daemon coturn >/dev/null 2>&1 || true
fi
echo "prerequisites: installed ${missing[*]}"
