#!/usr/bin/env bash
# Starts, stops or reports a local FerretDB (MongoDB wire protocol on PostgreSQL) for the MongoDB read-store
# contract suite:
#
#   bash scripts/ferretdb.sh start    # idempotent: does nothing when 127.0.0.1:27017 already answers
#   bash scripts/ferretdb.sh status   # exit status 0 when something answers on 127.0.0.1:27017, 1 when not
#   bash scripts/ferretdb.sh stop     # stops only the FerretDB this script started
#
# then: TEST_MONGODB_URL=mongodb://127.0.0.1:27017/ npx jest test/contract/readStore.test.ts
#
# Needs PostgreSQL on 127.0.0.1:5432 with trust auth for user postgres (started here if it is down) and, unless a
# working ferretdb binary is found, Go and its module proxy to build FerretDB once (about a minute and a half on
# two cores with a warm module cache, a few minutes without).
set -euo pipefail

FERRETDB_VERSION=v1.24.2
HOST=127.0.0.1
PORT=27017
PG_URL="postgres://postgres@127.0.0.1:5432/ferretdb"
RUN_DIR="${TMPDIR:-/tmp}"
PID_FILE="$RUN_DIR/par-ledger-ferretdb.pid"
LOG_FILE="$RUN_DIR/par-ledger-ferretdb.log"
STATE_DIR="$RUN_DIR/par-ledger-ferretdb-state" # FerretDB writes state.json there (default: the current folder)
BUILD_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/par-ledger/ferretdb-$FERRETDB_VERSION"
START_TIMEOUT_S=30

log() { printf 'ferretdb.sh: %s\n' "$*" >&2; }

# Go lives in /usr/local/go on this machine kind; a non-login shell (CI) may not have it on PATH.
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
  export PATH="/usr/local/go/bin:$PATH"
fi

answers() { # host port
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

wait_for() { # host port seconds: 0 once host:port answers, 1 after the timeout
  local tries=$(($3 * 10))
  until answers "$1" "$2"; do
    ((tries-- > 0)) || return 1
    sleep 0.1
  done
}

our_pid() { # prints the pid from the pid file when that process still runs
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # A pid left behind by a crash may have been reused by another program: never treat that one as ours.
  [[ "$(ps -o comm= -p "$pid" 2>/dev/null || true)" == ferretdb* ]] || return 1
  printf '%s\n' "$pid"
}

works() { # binary: see build_ferretdb for why a ferretdb binary may exist and still not run
  [[ -x "$1" ]] && "$1" --version >/dev/null 2>&1
}

find_ferretdb() { # prints the first ferretdb binary that actually runs
  local candidates=() bin
  if bin="$(command -v ferretdb 2>/dev/null)"; then candidates+=("$bin"); fi
  if command -v go >/dev/null 2>&1; then candidates+=("$(go env GOPATH)/bin/ferretdb"); fi
  candidates+=("$BUILD_DIR/ferretdb")
  local seen=" "
  for bin in "${candidates[@]}"; do
    [[ "$seen" == *" $bin "* ]] && continue
    seen+="$bin "
    if works "$bin"; then
      printf '%s\n' "$bin"
      return 0
    elif [[ -e "$bin" ]]; then
      log "ignoring $bin: it does not run ('$bin --version' fails)"
    fi
  done
  return 1
}

# `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds a binary that panics at start-up
# ("Invalid build/version/version.txt file content"): FerretDB's release tooling generates that file, the module
# zip on the Go proxy lacks it, and FerretDB's init() requires it whenever FerretDB itself is the main module.
# So this builds the same module version from a copy of its source with the file written, into $BUILD_DIR
# (leaving $(go env GOPATH)/bin alone).
build_ferretdb() {
  if ! command -v go >/dev/null 2>&1; then
    log "no working ferretdb binary, and Go is not available to build one"
    exit 1
  fi
  log "building FerretDB $FERRETDB_VERSION into $BUILD_DIR (a few minutes the first time)"
  local module_dir work
  module_dir="$(go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
  if [[ -z "$module_dir" || ! -d "$module_dir" ]]; then
    log "go mod download github.com/FerretDB/FerretDB@$FERRETDB_VERSION gave no source folder"
    exit 1
  fi
  work="$(mktemp -d "$RUN_DIR/par-ledger-ferretdb-src.XXXXXX")"
  cp -R "$module_dir/." "$work"
  chmod -R u+w "$work"
  printf '%s\n' "$FERRETDB_VERSION" >"$work/build/version/version.txt"
  mkdir -p "$BUILD_DIR"
  if ! (cd "$work" && go build -buildvcs=false -trimpath -o "$BUILD_DIR/ferretdb.tmp" ./cmd/ferretdb >&2); then
    rm -rf "$work"
    log "building FerretDB failed"
    exit 1
  fi
  rm -rf "$work"
  mv -f "$BUILD_DIR/ferretdb.tmp" "$BUILD_DIR/ferretdb"
}

ensure_postgres() {
  if ! answers 127.0.0.1 5432; then
    log "PostgreSQL does not answer on 127.0.0.1:5432: starting it"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start >&2
    if ! wait_for 127.0.0.1 5432 "$START_TIMEOUT_S"; then
      log "PostgreSQL did not answer within ${START_TIMEOUT_S}s"
      exit 1
    fi
  fi
  local exists
  exists="$(psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'ferretdb'")"
  if [[ "$exists" != "1" ]]; then
    log "creating PostgreSQL database ferretdb"
    psql -h 127.0.0.1 -U postgres -d postgres -qc 'CREATE DATABASE ferretdb' >&2
  fi
}

start() {
  local pid bin
  if answers "$HOST" "$PORT"; then
    if pid="$(our_pid)"; then
      echo "FerretDB already running on $HOST:$PORT (pid $pid)"
    else
      echo "something already answers on $HOST:$PORT: using it, not starting FerretDB"
    fi
    return 0
  fi
  rm -f "$PID_FILE"

  if ! bin="$(find_ferretdb)"; then
    build_ferretdb
    bin="$(find_ferretdb)" || {
      log "the FerretDB built into $BUILD_DIR does not run"
      exit 1
    }
  fi

  ensure_postgres

  mkdir -p "$RUN_DIR" "$STATE_DIR"
  # --debug-addr=-: no metrics/pprof HTTP listener (it would take 127.0.0.1:8088 by default).
  nohup "$bin" \
    --handler=postgresql \
    --state-dir="$STATE_DIR" \
    --debug-addr=- \
    --postgresql-url="$PG_URL" \
    --listen-addr="$HOST:$PORT" \
    --telemetry=disable \
    >>"$LOG_FILE" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PID_FILE"

  local tries=$((START_TIMEOUT_S * 10))
  until answers "$HOST" "$PORT"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      log "FerretDB exited during start; last lines of $LOG_FILE:"
      tail -n 20 "$LOG_FILE" >&2 || true
      exit 1
    fi
    if ((tries-- <= 0)); then
      log "FerretDB did not answer on $HOST:$PORT within ${START_TIMEOUT_S}s (pid $pid, log $LOG_FILE)"
      kill "$pid" 2>/dev/null || true
      rm -f "$PID_FILE"
      exit 1
    fi
    sleep 0.1
  done
  echo "FerretDB $FERRETDB_VERSION started on $HOST:$PORT (pid $pid, binary $bin, log $LOG_FILE)"
}

stop() {
  local pid
  if ! pid="$(our_pid)"; then
    rm -f "$PID_FILE"
    echo "FerretDB not running (none started by this script)"
    return 0
  fi
  kill "$pid"
  local tries=100
  while kill -0 "$pid" 2>/dev/null; do
    if ((tries-- <= 0)); then
      log "FerretDB (pid $pid) did not stop within 10s: sending SIGKILL"
      kill -9 "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  rm -f "$PID_FILE"
  echo "FerretDB stopped (pid $pid)"
}

status() {
  local pid
  if pid="$(our_pid)"; then
    echo "running (pid $pid, $HOST:$PORT, log $LOG_FILE)"
  elif answers "$HOST" "$PORT"; then
    echo "running (not started by this script: something answers on $HOST:$PORT)"
  else
    echo "not running"
    return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
