#!/usr/bin/env bash
# A throw-away PostgreSQL for tests: a fresh cluster in a temporary directory, on a free
# loopback port, owned by an unprivileged user. Nothing here uses or needs a PostgreSQL
# service already running; when the server programs are missing it installs Debian's
# `postgresql` package (as root).
#
#   scripts/postgres.sh start          start one; prints `<url> <dir>` on stdout
#   scripts/postgres.sh stop <dir>     stop it and delete its directory
#   scripts/postgres.sh run CMD ARG…   start one, run CMD with KEFU_TEST_DATABASE set to
#                                      its URL, stop it; exits with CMD's status
#
# With KEFU_PG_DURABLE=1 the server flushes every commit to disk, as a production one does
# (for benchmarks); otherwise fsync is off.
set -euo pipefail

TEST_USER=kefu-test

log() { echo "postgres.sh: $*" >&2; }

# The directory holding initdb and pg_ctl, installing them if needed.
bin_dir() {
  local dir
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(command -v initdb)"
    return
  fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z "$dir" || ! -x "$dir/initdb" ]]; then
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
      log "PostgreSQL's initdb and pg_ctl are missing; install the postgresql package"
      exit 1
    fi
    log "installing postgresql from Debian packages"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -z "$dir" || ! -x "$dir/initdb" ]]; then
      log "postgresql was installed but no /usr/lib/postgresql/*/bin/initdb was found"
      exit 1
    fi
  fi
  echo "$dir"
}

# Runs a command as the unprivileged user when we are root (initdb refuses root).
as_user() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u "$TEST_USER" -- "$@"
  else
    "$@"
  fi
}

ensure_user() {
  if [[ $(id -u) -eq 0 ]] && ! id "$TEST_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$TEST_USER"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  local bin dir port tries
  bin=$(bin_dir)
  ensure_user
  dir=$(mktemp -d "${TMPDIR:-/tmp}/kefu-pg.XXXXXX")
  chmod 755 "$dir"
  [[ $(id -u) -eq 0 ]] && chown "$TEST_USER" "$dir"
  as_user "$bin/initdb" --pgdata="$dir/data" --username=kefu --auth=trust \
    --encoding=UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    log "initdb failed"
    exit 1
  }
  for tries in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" && continue
    # Durability is not what these tests are about: fsync off makes them fast. Benchmarks
    # set KEFU_PG_DURABLE=1 to keep PostgreSQL's defaults (every commit flushed to disk).
    local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [[ "${KEFU_PG_DURABLE:-}" == 1 ]] && durability=""
    if as_user "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait \
      --options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 \
        $durability" \
      start >/dev/null 2>&1; then
      echo "$port" >"$dir/port"
      echo "$bin" >"$dir/bin"
      echo "postgres://kefu@127.0.0.1:$port/postgres $dir"
      return
    fi
  done
  cat "$dir/server.log" >&2 || true
  log "the server did not start"
  exit 1
}

stop() {
  local dir=$1
  [[ -f "$dir/bin" ]] || { log "$dir is not a cluster this script started"; exit 1; }
  as_user "$(cat "$dir/bin")/pg_ctl" --pgdata="$dir/data" --mode=fast --wait stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:?usage: postgres.sh stop <dir>}" ;;
  run)
    shift
    [[ $# -gt 0 ]] || { log "usage: postgres.sh run CMD ARG…"; exit 2; }
    read -r url dir < <(start)
    trap 'stop "$dir"' EXIT
    log "PostgreSQL at $url"
    KEFU_TEST_DATABASE=$url "$@"
    ;;
  *)
    log "usage: postgres.sh start | stop <dir> | run CMD ARG…"
    exit 2
    ;;
esac
