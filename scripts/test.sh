#!/usr/bin/env bash
# `npm test`: bring up what the tests need, then type-check, lint, unit + integration tests
# (real PostgreSQL and Redis), a production build, and Playwright in Debian's Chromium.
# Each run uses its own databases, dropped at the end.
# `npm test -- e2e/oncall.spec.ts …`: only the named browser specs (with the build), for a quick loop.
cd "$(dirname "$0")/.."
source scripts/lib.sh

load_env
bring_up_services
ensure_chromium

RUN_ID="$(date +%s)_$$"
# Every statement the integration and e2e runs send to RisingWave, checked against risingwave-sql.md.
export RISINGWAVE_STATEMENT_LOG="$TIDELINE_STATE_DIR/statements-$RUN_ID.log"
: >"$RISINGWAVE_STATEMENT_LOG"

if [ $# -eq 0 ]; then
  say "type-check"
  npx tsc --noEmit
  say "lint"
  npx eslint . --max-warnings=0
  say "format (Prettier; npm run format fixes it)"
  npx prettier --check . --log-level warn
  say "unit and integration tests"
  npx vitest run
  say "RisingWave SQL rules: statements of the integration run"
  node_modules/.bin/tsx scripts/check-statements.ts "$RISINGWAVE_STATEMENT_LOG" 20
fi

with_db() { node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$1" "$2"; }
export DATABASE_URL="$(with_db "$DATABASE_URL" "tideline_e2e_$RUN_ID")"
export RISINGWAVE_URL="$(with_db "$RISINGWAVE_URL" "risingwave_e2e_$RUN_ID")"
export ARCHIVE_URL="file://$TIDELINE_STATE_DIR/e2e-archive-$RUN_ID"
# Redis database 14: the sink's key names are fixed, so the e2e run keeps clear of the demo's db 0.
export REDIS_URL="$(with_db "$REDIS_URL" 14)"
EMULATOR_PID=""
cleanup() {
  [ -z "$EMULATOR_PID" ] || kill "$EMULATOR_PID" 2>/dev/null || true
  node scripts/db.mjs drop "$DATABASE_URL" || true
  node scripts/db.mjs drop "$RISINGWAVE_URL" || true
  rm -rf "$TIDELINE_STATE_DIR/e2e-archive-$RUN_ID" "$TIDELINE_STATE_DIR/e2e-emulator-$RUN_ID.log" "$RISINGWAVE_STATEMENT_LOG"
}
trap cleanup EXIT

say "e2e: databases for run $RUN_ID"
ensure_database "$DATABASE_URL"
ensure_database "$RISINGWAVE_URL"
mkdir -p "$TIDELINE_STATE_DIR/e2e-archive-$RUN_ID"
quietly npx prisma migrate deploy
npm run --silent db:seed
say "e2e: starting the RisingWave emulator"
node_modules/.bin/tsx emulator/main.ts --users 2000 --backfill-seconds 20 >"$TIDELINE_STATE_DIR/e2e-emulator-$RUN_ID.log" 2>&1 &
EMULATOR_PID=$!
wait_for 60 "the emulator" grep -q "emulator running" "$TIDELINE_STATE_DIR/e2e-emulator-$RUN_ID.log"

# The freshness e2e test stalls an MV and waits for the collector's alert: short cycles, local receiver.
export COLLECTOR_INTERVAL_SECONDS=2 REDIS_STATS_INTERVAL_SECONDS=5 DRIFT_INTERVAL_MINUTES=0.25
export E2E_WEBHOOK_PORT=3197
export ALERT_WEBHOOK_URL="http://127.0.0.1:$E2E_WEBHOOK_PORT/webhook"
# Sign-in redirects and alert links point at the e2e server (playwright.config.ts: E2E_PORT, default 3100).
export PUBLIC_URL="http://127.0.0.1:${E2E_PORT:-3100}"

say "production build"
npx next build
say "browser tests (Playwright, /usr/bin/chromium)"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test "$@"
say "RisingWave SQL rules: statements of the integration and e2e runs"
# A partial run (named specs) sends fewer distinct statements than the whole suite's 20.
node_modules/.bin/tsx scripts/check-statements.ts "$RISINGWAVE_STATEMENT_LOG" "$([ $# -eq 0 ] && echo 20 || echo 1)"
say "all tests passed"
