#!/usr/bin/env bash
# `npm run demo`: install what is missing, start PostgreSQL and Redis if they are down, create the
# databases, migrate, seed, start the RisingWave emulator (when present), build and serve the app.
# Safe to run again: every step checks first, and a previous demo's processes are stopped.
cd "$(dirname "$0")/.."
source scripts/lib.sh

load_env
# The demo measures drift every 5 minutes (the default, 60, is for real clusters); .env may say otherwise.
export DRIFT_INTERVAL_MINUTES="${DRIFT_INTERVAL_MINUTES:-5}"
bring_up_services
ensure_database "$DATABASE_URL"
ensure_database "$RISINGWAVE_URL"
ensure_archive_dir

say "migrating the registry"
quietly npx prisma migrate deploy
say "seeding feature definitions from features/"
npm run --silent db:seed

stop_pidfile() {
  local file="$TIDELINE_STATE_DIR/$1.pid" pid
  pid="$(cat "$file" 2>/dev/null || true)"
  rm -f "$file"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    say "stopping the $1 (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
}
stop_pidfile app
stop_pidfile gateway
stop_pidfile emulator

if [ -f emulator/main.ts ]; then
  say "starting the RisingWave emulator (log: $TIDELINE_STATE_DIR/emulator.log)"
  node_modules/.bin/tsx emulator/main.ts >"$TIDELINE_STATE_DIR/emulator.log" 2>&1 &
  echo $! >"$TIDELINE_STATE_DIR/emulator.pid"
fi

say "building the app"
npx next build >"$TIDELINE_STATE_DIR/build.log" 2>&1 || { tail -40 "$TIDELINE_STATE_DIR/build.log"; die "next build failed (full log: $TIDELINE_STATE_DIR/build.log)"; }

PORT="${PORT:-3000}"
shutdown() {
  stop_pidfile app
  stop_pidfile gateway
  stop_pidfile emulator
}
trap shutdown EXIT INT TERM
node_modules/.bin/next start -p "$PORT" &
echo $! >"$TIDELINE_STATE_DIR/app.pid"
wait_for 60 "the app on port $PORT" http_ok "http://127.0.0.1:$PORT/api/health"
npm run --silent serve >"$TIDELINE_STATE_DIR/gateway.log" 2>&1 &
echo $! >"$TIDELINE_STATE_DIR/gateway.pid"
SERVING_PORT="${SERVING_PORT:-3001}"
wait_for 60 "the serving gateway on port $SERVING_PORT" http_ok "http://127.0.0.1:$SERVING_PORT/healthz"
say "Tideline is running at http://localhost:$PORT  (Ctrl-C stops the app, the gateway and the emulator)"
say "online serving gateway: http://localhost:$SERVING_PORT/v1/features/user_features_1h/42 (metrics at /metrics)"
say "sign in to edit: admin@example.com / tideline-admin (owners: ml-platform@example.com / tideline-ml, recsys@example.com / tideline-recsys)"
wait "$(cat "$TIDELINE_STATE_DIR/app.pid")"
