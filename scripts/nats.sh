#!/usr/bin/env bash
# A throw-away NATS server for tests: a fresh nats-server on a free loopback port, its files
# in a temporary directory. Nothing here uses or needs a NATS service already running; when
# nats-server is missing it installs Debian's `nats-server` package (as root).
#
#   scripts/nats.sh start          start one; prints `<url> <dir>` on stdout
#   scripts/nats.sh stop <dir>     stop it and delete its directory
#   scripts/nats.sh run CMD ARG…   start one, run CMD with KEFU_TEST_NATS set to its URL,
#                                  stop it; exits with CMD's status
set -euo pipefail

log() { echo "nats.sh: $*" >&2; }

# The nats-server program, installing it if needed.
# Debian puts it in /usr/sbin, which an unprivileged user's PATH may lack.
server_bin() {
  if command -v nats-server >/dev/null; then
    command -v nats-server
    return
  fi
  if [[ -x /usr/sbin/nats-server ]]; then
    echo /usr/sbin/nats-server
    return
  fi
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    log "nats-server is missing; install the nats-server package"
    exit 1
  fi
  log "installing nats-server from Debian packages"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nats-server >&2
  if [[ -x /usr/sbin/nats-server ]]; then
    echo /usr/sbin/nats-server
  else
    command -v nats-server || {
      log "nats-server was installed but neither /usr/sbin/nats-server nor one on PATH exists"
      exit 1
    }
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  local bin dir port tries waited
  bin=$(server_bin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/kefu-nats.XXXXXX")
  for tries in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" && continue
    # Loopback only, no monitoring port, no JetStream: kefu uses core publish/subscribe.
    # setsid: its own session, so a terminal's Ctrl-C reaches it only through `stop`.
    setsid "$bin" --addr 127.0.0.1 --port "$port" --pid "$dir/pid" \
      --log "$dir/server.log" </dev/null >/dev/null 2>&1 &
    for waited in $(seq 1 50); do
      if port_in_use "$port"; then
        echo "$port" >"$dir/port"
        echo "nats://127.0.0.1:$port $dir"
        return
      fi
      # It exited (the port was taken meanwhile, or a bad option): try another port.
      kill -0 $! 2>/dev/null || break
      sleep 0.1
    done
    kill "$!" 2>/dev/null || true
  done
  cat "$dir/server.log" >&2 || true
  rm -rf "$dir"
  log "the server did not start"
  exit 1
}

stop() {
  local dir=$1 pid waited
  [[ -f "$dir/port" ]] || { log "$dir is not a server this script started"; exit 1; }
  if [[ -f "$dir/pid" ]]; then
    pid=$(cat "$dir/pid")
    kill "$pid" 2>/dev/null || true
    for waited in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:?usage: nats.sh stop <dir>}" ;;
  run)
    shift
    [[ $# -gt 0 ]] || { log "usage: nats.sh run CMD ARG…"; exit 2; }
    read -r url dir < <(start)
    trap 'stop "$dir"' EXIT
    log "NATS at $url"
    KEFU_TEST_NATS=$url "$@"
    ;;
  *)
    log "usage: nats.sh start | stop <dir> | run CMD ARG…"
    exit 2
    ;;
esac
