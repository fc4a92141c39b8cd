#!/usr/bin/env bash
# with-postgres.sh CMD [ARGS...]
#
# Runs CMD against a throwaway PostgreSQL 15 cluster: the cluster lives in a fresh temporary
# folder, listens on 127.0.0.1 only (trust authentication) on a free port from 54329 up, and
# is stopped and deleted when CMD ends, fails or is interrupted. CMD sees
#   DATABASE_URL=postgres://postgres@127.0.0.1:PORT/register
# (the `register` database exists and is empty; pytest-django creates test_register itself,
# connecting as the superuser `postgres`). Exits with CMD's exit code.
#
# Environment: PG_BIN (default /usr/lib/postgresql/15/bin); WITH_POSTGRES_PORT, a fixed port
# instead of the first free one from 54329 (not PGPORT, which libpq clients read).
# As root the cluster runs as the `postgres` OS user, and a missing PostgreSQL 15 is installed
# from Debian's postgresql-15 package.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
log() { echo "with-postgres: $*" >&2; }

# --- PostgreSQL 15 binaries ---------------------------------------------------------------
if [[ ! -x $PG_BIN/initdb || ! -x $PG_BIN/pg_ctl ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    log "no PostgreSQL 15 in $PG_BIN; install Debian's postgresql-15 package (as root) or set PG_BIN"
    exit 1
  fi
  log "installing Debian's postgresql-15 package"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-15
fi

# initdb refuses to run as root: as root, run the cluster as the `postgres` OS user.
if [[ $(id -u) -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

# --- Ports ------------------------------------------------------------------------------------
FIRST_PORT=54329
LAST_PORT=54429
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port_from() {  # free_port_from N -> the first port >= N that nobody answers on
  local port=$1
  while ((port <= LAST_PORT)) && port_in_use "$port"; do
    port=$((port + 1))
  done
  if ((port > LAST_PORT)); then
    log "no free port between $FIRST_PORT and $LAST_PORT"
    return 1
  fi
  echo "$port"
}

# --- The cluster, and its removal whatever happens ------------------------------------------
# In /tmp (not $TMPDIR) so that the postgres user can always reach it.
tmp=$(mktemp -d /tmp/register-postgres.XXXXXX)
data=$tmp/data
socket_dir=$tmp/socket
child=

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -f $data/postmaster.pid ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_pg "$PG_BIN/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 \
      || log "could not stop the cluster in $data"
  fi
  rm -rf "$tmp"
  exit "$status"
}

on_signal() {  # pass the signal on to CMD, wait for it to finish, then clean up
  local signal=$1 code=$2
  if [[ -n $child ]]; then
    kill "-$signal" "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  exit "$code"
}

trap cleanup EXIT
trap 'on_signal INT 130' INT
trap 'on_signal TERM 143' TERM

mkdir -p "$socket_dir"
chmod 700 "$tmp"
if [[ $(id -u) -eq 0 ]]; then
  chown -R postgres: "$tmp"
fi

as_pg "$PG_BIN/initdb" --pgdata="$data" --username=postgres --auth=trust --encoding=UTF8 \
  --locale=C.UTF-8 --no-sync --no-instructions >"$tmp/initdb.log" 2>&1 || {
  cat "$tmp/initdb.log" >&2
  log "initdb failed"
  exit 1
}

# Trust on 127.0.0.1 only (and on the private socket inside $tmp); nothing else may connect.
cat >"$data/pg_hba.conf" <<'HBA'
local   all   all                  trust
host    all   all   127.0.0.1/32   trust
HBA
# A disposable cluster: durability is not needed, speed is.
cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$socket_dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
CONF

# Another run may take a free port between the check and the start: then try the next one.
started=false
port=$((FIRST_PORT - 1))
for attempt in 1 2 3 4 5; do
  if [[ -n ${WITH_POSTGRES_PORT:-} ]]; then
    port=$WITH_POSTGRES_PORT
  else
    port=$(free_port_from $((port + 1)))
  fi
  if as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$tmp/server.log" -o "-p $port" -w -t 60 start \
    >/dev/null; then
    started=true
    break
  fi
  if [[ -n ${WITH_POSTGRES_PORT:-} ]]; then
    break
  fi
  log "could not start on port $port (attempt $attempt of 5)"
done
if ! $started; then
  cat "$tmp/server.log" >&2 || true
  log "PostgreSQL did not start"
  exit 1
fi
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres register

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/register"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($tmp)"

# CMD runs in the background (stdin kept, SIGINT not ignored) so that a signal to this script
# is handled at once rather than after CMD ends.
status=0
env --default-signal=INT "$@" <&0 &
child=$!
wait "$child" || status=$?
child=
exit "$status"
