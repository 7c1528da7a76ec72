#!/usr/bin/env bash
# A private PostgreSQL cluster for tests, benches and trying the PostgreSQL provider: Debian's PostgreSQL binaries,
# a data folder of its own, loopback only, nothing system-wide (the system cluster is never touched).
#
#   scripts/postgres-cluster.sh start [DIR] [PORT]   # prints the connection string on its last line
#   scripts/postgres-cluster.sh stop  [DIR]
#
# DIR defaults to ${TMPDIR:-/tmp}/itsm-postgres, PORT to 55432. As root, the cluster runs as user "postgres"
# (initdb refuses root). Trust authentication on 127.0.0.1 only: this is a throwaway cluster, not a deployment.
set -euo pipefail

action="${1:-start}"
dir="${2:-${TMPDIR:-/tmp}/itsm-postgres}"
port="${3:-55432}"

bin=""
for candidate in /usr/lib/postgresql/*/bin; do
  [[ -x "$candidate/initdb" ]] && bin="$candidate"
done
if [[ -z "$bin" ]]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)." >&2
  exit 2
fi

as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$action" in
  start)
    mkdir -p "$dir"
    [[ "$(id -u)" -eq 0 ]] && chown postgres:postgres "$dir"
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
      as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      # fsync off unless PG_FSYNC=on (benches): a test cluster lives in a temp folder and is thrown away; durability is tested on SQLite's
      # file and by the kill tests, which need the server process to die, not the machine.
      as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=${PG_FSYNC:-off} -c synchronous_commit=on" start >/dev/null \
        || { tail -20 "$dir/server.log" >&2; exit 1; }
    fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    if [[ -f "$dir/data/PG_VERSION" ]]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
  *)
    echo "usage: $0 start|stop [DIR] [PORT]" >&2
    exit 2
    ;;
esac
