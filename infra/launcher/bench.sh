# shellcheck shell=bash
# ./delms bench: the figures of docs/performance.md side by side in one run (infra/bench/bench.py).

BENCH_DIR="$ROOT/target/bench"

# The stack as the bench measures it: the production trace sampling (the local profile keeps every
# trace), and staff rate limits the bench, one caller, does not reach.
bench_settings() {
  export DELMS_JAVA_OPTS="${DELMS_JAVA_OPTS:-} -Dmanagement.tracing.sampling.probability=0.1"
  export DELMS_RATE_LIMIT_STAFF_PER_SECOND=1000000 DELMS_RATE_LIMIT_STAFF_BURST=1000000
}

# Startup as JSON: up's total (built beforehand, so no build is in it) and each component's time to
# ready as up reported it ("ok  name (12.3 s)"); bench.py adds the memory after its load.
startup_figures() {
  local up_log=$1 total=$2 c ready sep=""
  printf '{"total_s": %s, "components": [' "$total"
  for c in "${COMPONENTS[@]}"; do
    ready=$(sed -n "s/^  ok  $c (\([0-9.]*\) s)$/\1/p" "$up_log" | tail -1)
    printf '%s{"name": "%s", "ready_s": %s}' "$sep" "$c" "${ready:-null}"
    sep=", "
  done
  printf ']}\n'
}

anything_running() {
  local c
  for c in "${COMPONENTS[@]}"; do ! live_pid "$c" >/dev/null || return 0; done
  return 1
}

license_count() {
  MYSQL_PWD="${DELMS_LICENSE_DB_PASSWORD:-delms_license_demo}" mariadb --no-defaults --protocol=tcp -h "$(db_host)" \
    -P "$(db_port)" -u delms_license -N -B -e 'select count(*) from license' delms_license
}

cmd_bench() {
  local smoke=0 check=0 licenses=1000000
  while (($#)); do
    case $1 in
      --smoke) smoke=1 ;;
      --check) check=1 ;;
      --licenses) licenses=${2:-}; shift ;;
      *) die "usage: ./delms bench [--licenses N] [--check] | ./delms bench --smoke" ;;
    esac
    shift
  done
  [[ $licenses =~ ^[0-9]+$ ]] || die "bench --licenses needs a number"
  command -v wrk >/dev/null 2>&1 || apt_install wrk
  command -v python3 >/dev/null 2>&1 || apt_install python3
  mkdir -p "$BENCH_DIR"
  local bench=(python3 "$ROOT/infra/bench/bench.py" --out "$BENCH_DIR/figures.json"
    --gateway "http://127.0.0.1:${PORT[gateway]}" --license-service "http://127.0.0.1:${PORT[license-service]}"
    --alert-service "http://127.0.0.1:${PORT[alert-service]}" --keycloak "http://127.0.0.1:${PORT[keycloak]}"
    --db-host "$(db_host)" --db-port "$(db_port)" --pids "$PID_DIR")

  if ((smoke)); then
    # Proves the bench still runs (./delms test): the running stack, a second per figure, nothing
    # recorded. Only the gateway is restarted, for the rate limits.
    stack_running || die "bench --smoke measures the running stack: ./delms up first"
    say "== bench smoke: the gateway restarted with the bench's settings"
    cmd_stop gateway
    bench_settings
    cmd_start gateway
    "${bench[@]}" --seconds 1 --warmup 0 --requests 20 --sql-times 50 --rates 10 --lag-licenses 4 --overuse-samples 2 \
      --report "$BENCH_DIR/performance.md"
    return
  fi

  if anything_running; then
    say "== bench: stopping what runs, to measure the start"
    cmd_down
  fi
  bench_settings
  say "== bench: building first, so the start below has no build in it"
  build_if_needed
  prepare_kafka
  prepare_keycloak
  ! wanted zipkin || fetch_zipkin
  local t0 total
  t0=$(now_ms)
  (DELMS_SKIP_SEED=1 cmd_up) | tee "$BENCH_DIR/up.log"
  total=$(($(now_ms) - t0))
  startup_figures "$BENCH_DIR/up.log" "$((total / 1000)).$((total % 1000 / 100))" >"$BENCH_DIR/startup.json"
  seed_demo --if-empty || die "the demo data the bench reads could not be created"
  local have
  have=$(license_count)
  ((have >= licenses)) || seed_licenses $((licenses - have))
  bench+=(--startup "$BENCH_DIR/startup.json")
  if ((check)); then
    "${bench[@]}" --report "$BENCH_DIR/performance.md" --check "$ROOT/docs/performance.json"
  else
    "${bench[@]}" --report "$ROOT/docs/performance.md" --record "$ROOT/docs/performance.json"
  fi
  say "The stack keeps running with the bench's settings; ./delms down stops it."
}
