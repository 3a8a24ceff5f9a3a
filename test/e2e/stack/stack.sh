#!/bin/bash
# Loopback SIP test stack for the vc-phone e2e tests.
#
#   stack.sh up DIR      start everything in the CURRENT network namespace, wait until ready,
#                        print "stack ready in N ms", exit 0 (services stay up, detached)
#   stack.sh down DIR    stop what `up DIR` started (SIGTERM by recorded PID, SIGKILL after 2 s)
#   stack.sh run [DIR]   up, print the number plan, wait for Ctrl-C / SIGTERM, then down
#                        (`npm run stack`; DIR defaults to <repo>/.stack)
#
# The caller decides the network namespace. For a private one (nothing but lo):
#   unshare --net bash -c 'ip link set lo up; bash test/e2e/stack/stack.sh up /tmp/st; ...'
#
# Fixed ports (all 127.0.0.1; see numbers.json and README.md):
#   5066/tcp Kamailio SIP over WebSocket (ws://127.0.0.1:5066)   5060/udp Kamailio SIP
#   5067/tcp Kamailio SIP over secure WebSocket (wss://sip.vc-phone.test:5067, test CA)
#   3478/udp+tcp coturn, long-term credentials   3488/udp+tcp coturn, TURN REST credentials
#   49152-49251 / 49252-49351 udp coturn relay ports (same order)
#   5092/udp linphone (liblinphone, second far-end implementation)   31000-31099/udp its RTP
#   2223/udp rtpengine ng    30000-30399/udp RTP (rtpengine)     40000/udp DTMF log sink
#   5090/udp baresip         5070/5072/5074/5076/5078 udp sipp answer/hangup/busy/notfound/noanswer
#   6000..6042/udp sipp media (6000 answer, 6010 hangup, 6020 busy, 6030 notfound, 6040 noanswer)
#
# DIR layout: DIR/pids ("name pid starttime" per line), DIR/run/ (configs actually used),
# DIR/logs/ (kamailio.log, rtpengine.log, rtpengine-dtmf.log, baresip.log, baresip-audio/*.wav,
# sipp-<name>-{actions,messages,errors}.log, sipp-<name>.log, sipdump/*.data)
#
# Exit codes: 0 ok, 1 a service failed to start (named, with the tail of its log), 2 usage,
# 3 a required program is missing (names the Debian packages).
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
ms() { date +%s%3N; }

usage() {
  echo "usage: stack.sh up DIR | down DIR | run [DIR]" >&2
  exit 2
}

check_programs() {
  local missing=() pkgs=()
  command -v kamailio >/dev/null || { missing+=(kamailio); pkgs+=(kamailio); }
  [ -f /usr/lib/x86_64-linux-gnu/kamailio/modules/websocket.so ] \
    || { missing+=(kamailio-websocket.so); pkgs+=(kamailio-websocket-modules); }
  command -v rtpengine >/dev/null || { missing+=(rtpengine); pkgs+=(rtpengine-daemon); }
  { command -v baresip >/dev/null && [ -f /usr/lib/baresip/modules/sndfile.so ]; } \
    || { missing+=(baresip); pkgs+=(baresip-core); }
  command -v sipp >/dev/null || { missing+=(sipp); pkgs+=(sip-tester); }
  [ -f /usr/lib/x86_64-linux-gnu/kamailio/modules/tls.so ] \
    || { missing+=(kamailio-tls.so); pkgs+=(kamailio-tls-modules); }
  [ -f /usr/lib/x86_64-linux-gnu/kamailio/modules/auth_ephemeral.so ] \
    || { missing+=(kamailio-auth_ephemeral.so); pkgs+=(kamailio-autheph-modules); }
  command -v turnserver >/dev/null || { missing+=(turnserver); pkgs+=(coturn); }
  command -v linphonec >/dev/null || { missing+=(linphonec); pkgs+=(linphone-cli); }
  command -v openssl >/dev/null || { missing+=(openssl); pkgs+=(openssl); }
  command -v certutil >/dev/null || { missing+=(certutil); pkgs+=(libnss3-tools); }
  command -v node >/dev/null || { missing+=(node); pkgs+=("nodejs (>= 20)"); }
  if [ ${#missing[@]} -gt 0 ]; then
    echo "stack.sh: missing: ${missing[*]}" >&2
    echo "install (Debian 12, as root): apt-get install -y --no-install-recommends ${pkgs[*]}" >&2
    echo "(full set: scripts/install-prerequisites.sh)" >&2
    exit 3
  fi
}

# start time (clock ticks since boot) of a PID: guards against killing a recycled PID
starttime() {
  local s
  s=$(cat /proc/$1/stat 2>/dev/null) || return 1
  s=${s##*) }
  echo "$s" | cut -d' ' -f20
}

# a recorded process that is still ours and not a zombie
is_ours() {
  local pid=$1 st=$2 s
  s=$(cat /proc/$pid/stat 2>/dev/null) || return 1
  s=${s##*) }
  [ "${s%% *}" != Z ] && [ "$(echo "$s" | cut -d' ' -f20)" = "$st" ]
}

# start NAME CMD... : detached (own session, so the caller's shell exiting or its Ctrl-C
# does not reach it), stdin from /dev/null, stdout+stderr to DIR/logs/NAME.log
start() {
  local name=$1; shift
  (cd "$DIR/logs" && exec setsid "$@" </dev/null >"$DIR/logs/$name.log" 2>&1) &
  local pid=$!
  echo "$name $pid $(starttime $pid)" >>"$DIR/pids"
  eval "PID_${name//-/_}=$pid"
}

pid_of() { local v="PID_${1//-/_}"; echo "${!v}"; }

do_down() {
  local f=$DIR/pids
  [ -f "$f" ] || { echo "stack.sh: nothing recorded in $f"; return 0; }
  local name pid st left
  while read -r name pid st; do
    is_ours "$pid" "$st" && kill -TERM "$pid" 2>/dev/null
  done <"$f"
  # baresip waits ~32 s for its BYE transactions on SIGTERM with a live call: SIGKILL after 2 s
  for _ in $(seq 20); do
    left=0
    while read -r name pid st; do is_ours "$pid" "$st" && left=1; done <"$f"
    [ $left = 0 ] && break
    sleep 0.1
  done
  while read -r name pid st; do
    if is_ours "$pid" "$st"; then
      echo "stack.sh: $name ($pid) still running after 2 s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null
    fi
  done <"$f"
  mv -f "$f" "$f.stopped"
  return 0
}

fail() {
  # fail "REASON" [names of services whose log to show]
  echo "stack.sh: FAILED: $1" >&2
  shift
  local n
  for n in "$@"; do
    echo "----- tail of $DIR/logs/$n.log -----" >&2
    tail -n 25 "$DIR/logs/$n.log" >&2 2>/dev/null
  done
  do_down >/dev/null
  exit 1
}

# wait_ready PROBE-SPECS... ; on failure name the services and show their logs
wait_ready() {
  local out rc names
  out=$(T0_MS=$T0 node "$HERE/probe.mjs" wait --timeout "${STACK_TIMEOUT_MS:-15000}" "$@")
  rc=$?
  echo "$out" | grep ' ready ' >>"$DIR/logs/timings.txt"
  if [ $rc != 0 ]; then
    names=$(echo "$out" | sed -n 's/^FAILED \([^:]*\):.*/\1/p' | sort -u)
    fail "$(echo "$out" | sed -n 's/^FAILED //p' | paste -sd ';')" $names
  fi
}

# make_test_ca FOLDER: a throw-away CA (2 days) and a server certificate it signs for
# sip.vc-phone.test, localhost and 127.0.0.1; an NSS database (FOLDER/nssdb) that trusts the CA,
# for the test browsers (Chromium reads $HOME/.pki/nssdb, Firefox its profile's cert9.db).
make_test_ca() {
  local d=$1
  (
    set -e
    cd "$d"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key \
      -out ca.pem -days 2 -subj "/O=vc-phone e2e/CN=vc-phone e2e test CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout server.key \
      -out server.csr -subj "/O=vc-phone e2e/CN=sip.vc-phone.test"
    printf '%s\n' "subjectAltName=DNS:sip.vc-phone.test,DNS:localhost,IP:127.0.0.1" \
      "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
      "extendedKeyUsage=serverAuth" >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
      -extfile server.ext -out server.pem
    mkdir -p nssdb
    certutil -N -d sql:nssdb --empty-password
    certutil -A -d sql:nssdb -n "vc-phone e2e test CA" -t "C,," -i ca.pem
  ) >"$DIR/logs/test-ca.log" 2>&1
}

do_up() {
  check_programs
  if [ -f "$DIR/pids" ]; then
    local name pid st
    while read -r name pid st; do
      if is_ours "$pid" "$st"; then
        echo "stack.sh: a stack is already running from $DIR (run: stack.sh down $DIR)" >&2
        exit 1
      fi
    done <"$DIR/pids"
  fi
  T0=$(ms)
  if ! out=$(node "$HERE/probe.mjs" free udp:127.0.0.1:5060 tcp:127.0.0.1:5066 udp:127.0.0.1:2223 \
      udp:127.0.0.1:40000 udp:127.0.0.1:5090 udp:127.0.0.1:5070 udp:127.0.0.1:5072 \
      udp:127.0.0.1:5074 udp:127.0.0.1:5076 udp:127.0.0.1:5078 tcp:127.0.0.1:5067 \
      udp:127.0.0.1:3478 udp:127.0.0.1:3488 udp:127.0.0.1:5092); then
    echo "stack.sh: FAILED: $out (another stack in this network namespace?)" >&2
    exit 1
  fi

  # fresh run + log folders; configs are templates (@DIR@)
  rm -rf "$DIR/run" "$DIR/logs" "$DIR/pids" "$DIR/pids.stopped"
  mkdir -p "$DIR/run" "$DIR/logs/sipdump" "$DIR/logs/baresip-audio" "$DIR/run/kamailio"
  sed "s#@DIR@#$DIR#g" "$HERE/conf/kamailio.cfg" >"$DIR/run/kamailio.cfg"
  mkdir -p "$DIR/run/tls"
  sed "s#@DIR@#$DIR#g" "$HERE/conf/kamailio-tls.cfg" >"$DIR/run/tls/kamailio-tls.cfg"
  make_test_ca "$DIR/run/tls" || fail "could not make the test CA (openssl/certutil)"
  # baresip writes a uuid file into its config folder: never point it at the repo
  cp -r "$HERE/conf/baresip" "$DIR/run/baresip"
  sed -i "s#@DIR@#$DIR#g" "$DIR/run/baresip/config"
  local s
  for s in answer hangup busy notfound noanswer; do cp "$HERE/conf/sipp-$s.xml" "$DIR/run/"; done
  : >"$DIR/pids"

  # 1. everything that does not depend on anything else, at once
  # UDP sink for rtpengine --dtmf-log-dest: its stdout (logs/rtpengine-dtmf.log) is the DTMF log
  start rtpengine-dtmf node "$HERE/udp-log.mjs" 127.0.0.1 40000
  # rtpengine: userspace only (--table=-1, no --no-fallback); --config-file=none or it reads
  # /etc/rtpengine/rtpengine.conf; every RFC 4733 event it relays goes as JSON to the sink
  start rtpengine rtpengine --config-file=none --table=-1 --interface=127.0.0.1 \
    --listen-ng=127.0.0.1:2223 --port-min=30000 --port-max=30399 --foreground --log-stderr \
    --log-level=6 --delete-delay=0 --dtmf-log-dest=127.0.0.1:40000 --pidfile="$DIR/run/rtpengine.pid"
  start baresip baresip -f "$DIR/run/baresip"
  # sipp UAS: one per scenario, each for any number of calls (no -m). Distinct -mp: every
  # sipp binds its media port (and +2) even without -rtp_echo. Screen output -> /dev/null.
  local mp=6000 port=5070 args
  for s in answer hangup busy notfound noanswer; do
    args=()
    [ $s = answer ] || [ $s = hangup ] && args+=(-rtp_echo)
    start "sipp-$s" bash -c 'exec "$@" >/dev/null' sipp sipp -sf "$DIR/run/sipp-$s.xml" \
      -i 127.0.0.1 -p $port -mi 127.0.0.1 -mp $mp -nostdin "${args[@]}" \
      -trace_msg -message_file "$DIR/logs/sipp-$s-messages.log" \
      -trace_err -error_file "$DIR/logs/sipp-$s-errors.log" \
      -trace_logs -log_file "$DIR/logs/sipp-$s-actions.log"
    mp=$((mp + 10)); port=$((port + 2))
  done

  # TURN relays (coturn): one with a static long-term user, one with TURN REST credentials
  # (username "<expiry>:<user>", password base64(HMAC-SHA1(secret, username))). Loopback peers
  # allowed: rtpengine lives on 127.0.0.1 too. -c: an empty config (never /etc/turnserver.conf).
  : >"$DIR/run/turnserver.conf"
  local turn_common=(-c "$DIR/run/turnserver.conf" -n --listening-ip=127.0.0.1 --relay-ip=127.0.0.1
    --realm=vc-phone.test --fingerprint --no-tls --no-dtls --no-cli --allow-loopback-peers
    --no-multicast-peers --log-file=stdout --simple-log --verbose)
  start coturn-lt turnserver "${turn_common[@]}" --listening-port=3478 --alt-listening-port=3479 \
    --min-port=49152 --max-port=49251 --lt-cred-mech --user=vc-turn:e2e-Turn-42 \
    --pidfile="$DIR/run/coturn-lt.pid"
  start coturn-rest turnserver "${turn_common[@]}" --listening-port=3488 --alt-listening-port=3489 \
    --min-port=49252 --max-port=49351 --use-auth-secret --static-auth-secret=e2e-Ephemeral-Secret-42 \
    --pidfile="$DIR/run/coturn-rest.pid"

  # linphone: auto-answer (-a). linphonec reads commands from stdin and quits at EOF: its stdin
  # is a FIFO opened read-write (never EOF, no extra process); "soundcard use files" (no sound
  # card here) goes through it once it runs. Detailed log: logs/linphone-core.log.
  cp -r "$HERE/conf/linphone" "$DIR/run/linphone"
  mkdir -p "$DIR/run/linphone/.local/share/linphone"
  mkfifo "$DIR/run/linphone/stdin"
  start linphone env HOME="$DIR/run/linphone" bash -c 'exec linphonec -c "$1/linphonerc" -a -d 4 -l "$2" <>"$1/stdin"' \
    linphone "$DIR/run/linphone" "$DIR/logs/linphone-core.log"

  # 2. Kamailio once rtpengine answers (its rtpengine module pings at start and would
  #    otherwise mark it disabled for rtpengine_disable_tout seconds)
  wait_ready "rtpengine:ng:127.0.0.1:2223:$(pid_of rtpengine)" \
    "rtpengine-dtmf:udpbound:127.0.0.1:40000:$(pid_of rtpengine-dtmf)"
  start kamailio kamailio -f "$DIR/run/kamailio.cfg" -DD -E -Y "$DIR/run/kamailio" \
    -P "$DIR/run/kamailio.pid" -m 64 -M 8

  wait_ready "kamailio:sip:127.0.0.1:5060:$(pid_of kamailio)" \
    "kamailio:ws:127.0.0.1:5066:$(pid_of kamailio)" \
    "kamailio:wss:127.0.0.1:5067:$(pid_of kamailio)" \
    "coturn-lt:stun:127.0.0.1:3478:$(pid_of coturn-lt)" \
    "linphone:sip:127.0.0.1:5092:$(pid_of linphone)" \
    "coturn-rest:stun:127.0.0.1:3488:$(pid_of coturn-rest)" \
    "baresip:sip:127.0.0.1:5090:$(pid_of baresip)" \
    "sipp-answer:udpbound:127.0.0.1:5070:$(pid_of sipp-answer)" \
    "sipp-hangup:udpbound:127.0.0.1:5072:$(pid_of sipp-hangup)" \
    "sipp-busy:udpbound:127.0.0.1:5074:$(pid_of sipp-busy)" \
    "sipp-notfound:udpbound:127.0.0.1:5076:$(pid_of sipp-notfound)" \
    "sipp-noanswer:udpbound:127.0.0.1:5078:$(pid_of sipp-noanswer)"
  echo "soundcard use files" >"$DIR/run/linphone/stdin"
  local t=$(($(ms) - T0))
  echo "total $t ms" >>"$DIR/logs/timings.txt"
  echo "stack ready in $t ms"
}

print_plan() {
  node -e '
    const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(`WebSocket: ${p.wsUrl}   (SIP UDP: 127.0.0.1:${p.ports.kamailioUdp})`);
    console.log(`Credentials for ${p.numbers.auth.number}: ${p.credentials.username} / ${p.credentials.password} (realm ${p.credentials.realm})`);
    console.log("Number plan (dial sip:<number>@127.0.0.1):");
    for (const [k, v] of Object.entries(p.numbers))
      console.log(`  ${v.number.padEnd(15)} ${k.padEnd(9)} -> ${String(v.farEnd ?? "kamailio").padEnd(14)} ${v.behaviour}`);
  ' "$HERE/numbers.json"
}

cmd=${1:-}
case "$cmd" in
  up)
    [ $# -eq 2 ] || usage
    mkdir -p "$2"; DIR=$(cd "$2" && pwd)
    do_up
    ;;
  down)
    [ $# -eq 2 ] || usage
    [ -d "$2" ] || { echo "stack.sh: no such folder $2"; exit 0; }
    DIR=$(cd "$2" && pwd)
    do_down
    ;;
  run)
    [ $# -le 2 ] || usage
    mkdir -p "${2:-$REPO/.stack}"; DIR=$(cd "${2:-$REPO/.stack}" && pwd)
    do_up
    print_plan
    echo "Logs: $DIR/logs   (Ctrl-C stops the stack)"
    trap 'trap - INT TERM; echo; echo "stopping..."; do_down; exit 0' INT TERM
    while :; do sleep 3600 & wait $!; done
    ;;
  *) usage ;;
esac
