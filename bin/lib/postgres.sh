# shellcheck shell=bash disable=SC2034  # PG_DB etc. are read by the callers
# Sourced by bin/up and bin/test: makes sure a PostgreSQL server is reachable
# and that we can log in to it.
#
#   ensure_postgres           find (or, locally, install/start) the server and check
#                             the credentials. Sets PG_HOST, PG_PORT; exports
#                             DATABASE_USER and DATABASE_PASSWORD.
#   ensure_database NAME      create database NAME if missing; exports DATABASE_URL
#                             pointing at it unless DATABASE_URL was given.
#   pg_parse_jdbc_url URL     set PG_HOST, PG_PORT, PG_DB from a jdbc:postgresql:// URL.
#   pg_jdbc_url NAME          print jdbc:postgresql://PG_HOST:PG_PORT/NAME.
#   require_command CMD PKG   make sure CMD exists, apt-installing PKG when root.
#
# On failure these print a message on stderr and exit the calling script.

PG_HOST=
PG_PORT=
PG_DB=
_PG_CLIENT=     # non-empty when psql and pg_isready are usable
_PG_URL_GIVEN=  # non-empty when the user supplied DATABASE_URL
_PG_APT_UPDATED=

_pg_log() { printf 'postgres: %s\n' "$*" >&2; }
_pg_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

_pg_can_apt() { [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; }

# apt_install PKG... (root only; runs apt-get update once per script)
apt_install() {
  _pg_can_apt || return 1
  printf 'installing %s with apt-get...\n' "$*" >&2
  if [[ -z $_PG_APT_UPDATED ]]; then
    apt-get update >&2 || return 1
    _PG_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2 || return 1
  hash -r
}

require_command() {
  local cmd=$1 pkg=$2
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if _pg_can_apt; then
    apt_install "$pkg" || _pg_die "installing $pkg (for $cmd) failed"
    command -v "$cmd" >/dev/null 2>&1 || _pg_die "$cmd still not found after installing $pkg"
  else
    _pg_die "$cmd not found. Install it (Debian/Ubuntu: sudo apt-get install $pkg) and retry."
  fi
}

pg_parse_jdbc_url() {
  local url=$1 rest hostport
  case $url in
    jdbc:postgresql://*) rest=${url#jdbc:postgresql://} ;;
    jdbc:postgresql:*) rest="/${url#jdbc:postgresql:}" ;;   # jdbc:postgresql:db means localhost
    *) _pg_die "DATABASE_URL must be a JDBC URL like jdbc:postgresql://host:5432/gemba (got: $url)" ;;
  esac
  rest=${rest%%\?*}
  hostport=${rest%%/*}
  hostport=${hostport%%,*}   # multi-host URL: probe the first host
  if [[ $rest == */* ]]; then PG_DB=${rest#*/}; else PG_DB=; fi
  if [[ $hostport == \[* ]]; then            # [ipv6]:port
    PG_HOST=${hostport#\[}; PG_HOST=${PG_HOST%%\]*}
    PG_PORT=${hostport#*\]}; PG_PORT=${PG_PORT#:}
  elif [[ $hostport == *:* ]]; then
    PG_HOST=${hostport%:*}; PG_PORT=${hostport##*:}
  else
    PG_HOST=$hostport; PG_PORT=
  fi
  PG_HOST=${PG_HOST:-localhost}
  PG_PORT=${PG_PORT:-5432}
  [[ $PG_PORT =~ ^[0-9]+$ ]] || _pg_die "bad port '$PG_PORT' in DATABASE_URL ($url)"
}

pg_jdbc_url() {
  local host=$PG_HOST
  [[ $host == *:* ]] && host="[$host]"
  printf 'jdbc:postgresql://%s:%s/%s\n' "$host" "$PG_PORT" "$1"
}

_pg_ensure_client() {
  if command -v psql >/dev/null 2>&1 && command -v pg_isready >/dev/null 2>&1; then
    _PG_CLIENT=1; return
  fi
  if _pg_can_apt && apt_install postgresql-client \
      && command -v psql >/dev/null 2>&1 && command -v pg_isready >/dev/null 2>&1; then
    _PG_CLIENT=1; return
  fi
  _PG_CLIENT=
  _pg_log "psql/pg_isready not available (package postgresql-client); only probing the TCP port"
}

# _pg_answers HOST PORT: is a server accepting connections there?
_pg_answers() {
  if [[ -n $_PG_CLIENT ]]; then
    pg_isready -q -h "$1" -p "$2" -t 3
  elif command -v timeout >/dev/null 2>&1; then
    # shellcheck disable=SC2016  # expanded by the inner bash
    timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
  else
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
  fi
}

_pg_wait() {
  local host=$1 port=$2 deadline=$((SECONDS + 30))
  until _pg_answers "$host" "$port"; do
    if ((SECONDS >= deadline)); then
      _pg_die "PostgreSQL on $host:$port did not start accepting connections within 30 s"
    fi
    sleep 0.5
  done
}

# Run a command as the postgres OS user (for the local socket, which uses peer auth).
_pg_as_postgres() {
  if [[ $(id -un) == postgres ]]; then
    (cd / && "$@")
  elif [[ $EUID -eq 0 ]] && command -v runuser >/dev/null 2>&1; then
    (cd / && runuser -u postgres -- "$@")
  elif command -v sudo >/dev/null 2>&1 && sudo -n -u postgres true 2>/dev/null; then
    (cd / && sudo -n -u postgres -- "$@")
  else
    return 1
  fi
}

# Install the server if needed and start (or create) the Debian cluster on PORT.
_pg_start_local() {
  local port=$1 ver name cl_port status found=
  if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
    _pg_can_apt || _pg_die "nothing answers on 127.0.0.1:$port and the PostgreSQL server is not installed.
  Install it (Debian/Ubuntu: sudo apt-get install postgresql) or set DATABASE_URL=jdbc:postgresql://host:port/db
  (plus DATABASE_USER/DATABASE_PASSWORD) to use an existing server."
    apt_install postgresql || _pg_die "installing postgresql failed"
    # the package's postinst may already have started a cluster
    if _pg_answers 127.0.0.1 "$port"; then return; fi
  fi
  command -v pg_lsclusters >/dev/null 2>&1 \
    || _pg_die "PostgreSQL is installed but not running on 127.0.0.1:$port, and pg_lsclusters (postgresql-common) is missing. Start the server yourself or set DATABASE_URL."
  if [[ $EUID -ne 0 && $(id -un) != postgres ]]; then
    _pg_die "PostgreSQL is not running on 127.0.0.1:$port and starting it needs root.
  Start it (e.g. sudo pg_ctlcluster --skip-systemctl-redirect <version> main start) or set DATABASE_URL."
  fi

  while read -r ver name cl_port status _; do
    if [[ $cl_port == "$port" ]]; then found=1; break; fi
  done < <(pg_lsclusters --no-header 2>/dev/null)

  if [[ -z $found ]]; then
    ver=$(basename "$(dirname "$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/postgres' | sort -V | tail -n 1)")")")
    name=main
    if pg_lsclusters --no-header 2>/dev/null | awk -v v="$ver" '$1 == v && $2 == "main" {f=1} END {exit !f}'; then
      name=gemba
    fi
    _pg_log "creating cluster $ver/$name on port $port"
    (cd / && pg_createcluster -p "$port" "$ver" "$name" >&2) || _pg_die "pg_createcluster $ver $name failed"
    status=down
  fi

  if [[ $status == down* ]]; then
    _pg_log "starting cluster $ver/$name"
    # --skip-systemctl-redirect: start postgres directly, also where systemd is not running
    if ! (cd / && pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start >&2); then
      tail -n 20 "/var/log/postgresql/postgresql-$ver-$name.log" >&2 2>/dev/null || true
      _pg_die "could not start PostgreSQL cluster $ver/$name"
    fi
  fi
  _pg_wait 127.0.0.1 "$port"
}

_pg_psql() {   # psql over TCP to the postgres db with the resolved credentials
  PGPASSWORD=$DATABASE_PASSWORD PGCONNECT_TIMEOUT=5 \
    psql -X -w -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$DATABASE_USER" -d postgres "$@"
}

_pg_login_error() {   # prints psql's error and fails if we cannot log in
  local err
  if err=$(_pg_psql -tAc 'select 1' 2>&1 >/dev/null); then return 0; fi
  printf '%s\n' "${err:-psql failed}"
  return 1
}

ensure_postgres() {
  local user_given=${DATABASE_USER:+1} err
  local auth_error='authentication|password|role .* does not exist|pg_hba'
  _pg_ensure_client

  if [[ -n ${DATABASE_URL:-} ]]; then
    _PG_URL_GIVEN=1
    pg_parse_jdbc_url "$DATABASE_URL"
    _pg_answers "$PG_HOST" "$PG_PORT" \
      || _pg_die "no PostgreSQL server answers at $PG_HOST:$PG_PORT (from DATABASE_URL=$DATABASE_URL). Start it, or unset DATABASE_URL to use a local server."
  else
    _PG_URL_GIVEN=
    PG_HOST=127.0.0.1 PG_PORT=5432
    if ! _pg_answers "$PG_HOST" "$PG_PORT"; then
      _pg_log "nothing answers on $PG_HOST:$PG_PORT, starting a local server"
      _pg_start_local "$PG_PORT"
    fi
  fi

  export DATABASE_USER=${DATABASE_USER:-postgres}
  export DATABASE_PASSWORD=${DATABASE_PASSWORD:-}

  if [[ -z $_PG_CLIENT ]]; then
    _pg_log "cannot check the login as $DATABASE_USER without psql; continuing"
    return 0
  fi
  if err=$(_pg_login_error); then
    _pg_log "using $PG_HOST:$PG_PORT as $DATABASE_USER"
    return 0
  fi

  # Typical on a fresh Debian install: 'postgres' has no password and TCP needs one.
  # For the local server (and no user chosen explicitly) set up a gemba role instead.
  if [[ -z $_PG_URL_GIVEN && -z $user_given && $err =~ $auth_error ]]; then
    if _pg_as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres >&2 <<'SQL'; then
DO $$ BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'gemba') THEN
    ALTER ROLE gemba LOGIN CREATEDB PASSWORD 'gemba';
  ELSE
    CREATE ROLE gemba LOGIN CREATEDB PASSWORD 'gemba';
  END IF;
END $$;
SQL
      export DATABASE_USER=gemba DATABASE_PASSWORD=gemba
      _pg_log "cannot log in as postgres over TCP; using role gemba (password gemba), set DATABASE_USER/DATABASE_PASSWORD to override"
      if err=$(_pg_login_error); then
        return 0
      fi
    fi
  fi
  _pg_die "cannot log in to PostgreSQL at $PG_HOST:$PG_PORT as $DATABASE_USER:
  $err
  Set DATABASE_USER and DATABASE_PASSWORD to a role that can log in over TCP (and create databases)."
}

ensure_database() {
  local name=${1:?ensure_database needs a database name} exists
  [[ $name =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || _pg_die "invalid database name: $name"
  if [[ -z $PG_HOST ]]; then ensure_postgres; fi
  [[ -n $_PG_CLIENT ]] || _pg_die "psql is needed to create database $name: install postgresql-client"

  exists=$(_pg_psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'") \
    || _pg_die "could not query databases on $PG_HOST:$PG_PORT as $DATABASE_USER"
  if [[ $exists != 1 ]]; then
    _pg_log "creating database $name"
    _pg_psql -qc "CREATE DATABASE \"$name\"" >&2 \
      || _pg_die "could not create database $name as $DATABASE_USER (the role needs CREATEDB)"
  fi
  if [[ -z $_PG_URL_GIVEN ]]; then
    DATABASE_URL=$(pg_jdbc_url "$name")
    export DATABASE_URL
  fi
}
