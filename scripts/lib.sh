# Shared bring-up steps for `npm run demo` and `npm test`. Source it from the repository root.
# Every step is idempotent: it checks first and only installs or starts what is missing.
set -euo pipefail

TIDELINE_STATE_DIR="${TIDELINE_STATE_DIR:-$PWD/.tideline}"
mkdir -p "$TIDELINE_STATE_DIR"
APT_UPDATED=0

say() { printf '\033[1;36m▸ %s\033[0m\n' "$*"; }
die() { printf '\033[1;31m✗ %s\033[0m\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

apt_install() {
  is_root || die "$1 is missing and this is not root: install it with 'sudo apt-get install -y $*' and run again."
  command -v apt-get >/dev/null || die "$1 is missing and apt-get is not available: install $* by hand."
  if [ "$APT_UPDATED" = 0 ]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Values already in the environment win over .env; .env is created from .env.example once.
load_env() {
  [ -f .env ] || { cp .env.example .env; say "created .env from .env.example"; }
  local line key
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in ''|'#'*) continue ;; esac
    key="${line%%=*}"
    [ -n "${!key:-}" ] || export "$line"
  done < .env
}

# url_part URL field → host | port | user | password | db
url_part() {
  node -e '
    const u = new URL(process.argv[1]); const f = process.argv[2];
    const v = { host: u.hostname || "127.0.0.1", port: u.port || (u.protocol.startsWith("redis") ? "6379" : "5432"),
      user: decodeURIComponent(u.username), password: decodeURIComponent(u.password),
      db: decodeURIComponent(u.pathname.replace(/^\//, "")) }[f];
    process.stdout.write(v ?? "");' "$1" "$2"
}

is_local_host() { case "$1" in 127.0.0.1|localhost|::1) return 0 ;; *) return 1 ;; esac; }

tcp_open() { timeout 2 bash -c ": >/dev/tcp/$1/$2" 2>/dev/null; }

ensure_npm_deps() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ ! -d generated/prisma ]; then
    say "installing npm dependencies (npm ci)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  fi
}

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local seconds="$1" what="$2"; shift 2
  for _ in $(seq 1 "$((seconds * 4))"); do "$@" && return 0; sleep 0.25; done
  die "$what did not come up within ${seconds}s"
}

pg_answers() { tcp_open "$1" "$2" && { ! command -v pg_isready >/dev/null || pg_isready -q -h "$1" -p "$2"; }; }

ensure_postgres() {
  local host port
  host="$(url_part "$DATABASE_URL" host)"; port="$(url_part "$DATABASE_URL" port)"
  pg_answers "$host" "$port" && return 0
  is_local_host "$host" || die "PostgreSQL at $host:$port does not answer; start it or fix DATABASE_URL."
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    apt_install postgresql postgresql-client
  fi
  command -v pg_ctlcluster >/dev/null || die "PostgreSQL is installed without pg_ctlcluster; start it on $host:$port by hand."
  local version
  version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
  if [ ! -d "/etc/postgresql/$version/main" ]; then
    is_root || die "no PostgreSQL cluster exists; create one with 'sudo pg_createcluster $version main'."
    pg_createcluster "$version" main -p "$port" >/dev/null
  fi
  say "starting PostgreSQL $version"
  if is_root; then pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  else pg_ctlcluster "$version" main start || die "could not start PostgreSQL; start it with 'sudo pg_ctlcluster $version main start'."; fi
  wait_for 30 "PostgreSQL on $host:$port" pg_answers "$host" "$port"
}

redis_answers() { # PING without needing redis-cli
  timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2; printf 'PING\r\n' >&3; IFS= read -r -t 2 reply <&3; [[ \$reply == +PONG* || \$reply == -NOAUTH* ]]" 2>/dev/null
}

ensure_redis() {
  local host port
  # A Redis Cluster (REDIS_URL as a JSON array of node URLs) is the user's to run.
  case "$REDIS_URL" in \[*) return 0 ;; esac
  host="$(url_part "$REDIS_URL" host)"; port="$(url_part "$REDIS_URL" port)"
  redis_answers "$host" "$port" && return 0
  is_local_host "$host" || die "Redis at $host:$port does not answer; start it or fix REDIS_URL."
  command -v redis-server >/dev/null || apt_install redis-server
  say "starting redis-server on $port"
  mkdir -p "$TIDELINE_STATE_DIR/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save '' --appendonly no \
    --dir "$TIDELINE_STATE_DIR/redis" --logfile "$TIDELINE_STATE_DIR/redis/redis.log" --pidfile "$TIDELINE_STATE_DIR/redis/redis.pid"
  wait_for 15 "Redis on $host:$port" redis_answers "$host" "$port"
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
}

# Runs SQL as a PostgreSQL superuser: the postgres OS user over the local socket when we are root,
# else the postgres role over TCP (trust auth on developer machines).
pg_admin() {
  local port="$1" sql="$2"
  if is_root && id postgres >/dev/null 2>&1; then
    (cd / && runuser -u postgres -- psql -p "$port" -qAtX -v ON_ERROR_STOP=1 -c "$sql")
  else
    psql -h 127.0.0.1 -p "$port" -U postgres -qAtX -v ON_ERROR_STOP=1 -c "$sql"
  fi
}

# The application role from DATABASE_URL exists, can log in with its password and create databases.
ensure_app_role() {
  local host port user password
  host="$(url_part "$DATABASE_URL" host)"; port="$(url_part "$DATABASE_URL" port)"
  user="$(url_part "$DATABASE_URL" user)"; password="$(url_part "$DATABASE_URL" password)"
  node scripts/db.mjs can-login "$DATABASE_URL" && return 0
  is_local_host "$host" || die "cannot log in to PostgreSQL as $user; create the role on $host or fix DATABASE_URL."
  command -v psql >/dev/null || apt_install postgresql-client
  say "creating PostgreSQL role $user"
  local literal="${password//\'/\'\'}"
  pg_admin "$port" "DO \$\$BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$user') THEN CREATE ROLE \"$user\" LOGIN CREATEDB PASSWORD '$literal';
      ELSE ALTER ROLE \"$user\" LOGIN CREATEDB PASSWORD '$literal'; END IF; END\$\$;"
  node scripts/db.mjs can-login "$DATABASE_URL" || die "role $user still cannot log in to $host:$port"
}

ensure_database() { node scripts/db.mjs create "$1"; }

bring_up_services() {
  ensure_npm_deps
  ensure_postgres
  ensure_redis
  ensure_app_role
}

http_ok() { node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"; }

# A local (file://) archive is a folder that must exist; S3 buckets are the user's to create.
ensure_archive_dir() {
  case "$ARCHIVE_URL" in file://*) mkdir -p "${ARCHIVE_URL#file://}" ;; esac
}

# Runs a command silently; on failure shows its output and stops.
quietly() {
  local log
  log="$(mktemp)"
  "$@" >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; die "failed: $*"; }
  rm -f "$log"
}
