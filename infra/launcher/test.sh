# shellcheck shell=bash
# ./delms test (every test, the CI entry), ./delms chaos (the fault suite) and the replicas suite.

CHAOS_REPORT=system-tests/target/chaos/figures.md

# `test` stops only what its own `up` started, and does so on any exit.
TEST_STARTED_STACK=0
TEST_KEEP=()
test_cleanup() {
  ((TEST_STARTED_STACK)) || return 0
  TEST_STARTED_STACK=0
  say "Stopping what this test run started..."
  register_known_instances # extra instances a step started
  local c tier stop apps
  mapfile -t apps < <(with_instances gateway "${SERVICES[@]}")
  for tier in "${apps[*]}" "${PLATFORM[*]}" "${INFRA[*]}"; do
    stop=()
    for c in $tier; do [[ " ${TEST_KEEP[*]} " == *" $c "* ]] || stop+=("$c"); done
    ((${#stop[@]} == 0)) || stop_many "${stop[@]}" || true
  done
}

# What already runs is kept when the run stops what it started.
keep_running_components() {
  local c all
  mapfile -t all < <(with_instances "${COMPONENTS[@]}")
  for c in "${all[@]}"; do ! live_pid "$c" >/dev/null || TEST_KEEP+=("$c"); done
}

# Runs a step as a background child and waits: a signal to the launcher is then handled at once
# (bash defers traps while a foreground command runs), and the trap stops the step first.
TEST_CHILD=""
run_step() {
  local rc=0
  "$@" &
  TEST_CHILD=$!
  wait "$TEST_CHILD" || rc=$?
  TEST_CHILD=""
  return "$rc"
}
test_interrupted() {
  if [[ -n $TEST_CHILD ]]; then
    pkill -TERM -P "$TEST_CHILD" 2>/dev/null || true # e.g. the build Maven of a `up` step
    kill -TERM "$TEST_CHILD" 2>/dev/null || true
    wait "$TEST_CHILD" 2>/dev/null || true
  fi
  say "delms test: interrupted"
  exit "$1"
}

# "passed (12.3 s)" or "FAILED (12.3 s)" for a step that returned $1 and started at $2 (epoch ms).
outcome() { printf '%s (%s)' "$( (($1 == 0)) && echo passed || echo FAILED)" "$(secs $(($(now_ms) - $2)))"; }

# The launcher's own scripts: shellcheck finds what bash would only meet at run time.
check_scripts() {
  ensure_shellcheck
  (cd "$ROOT" && shellcheck delms .ci/run infra/launcher/*.sh infra/images/base/*.sh)
}

# The fault suite against the running stack, or against one started (and stopped) for it.
cmd_chaos() {
  local rc=0
  trap test_cleanup EXIT
  if ! stack_running; then
    keep_running_components
    TEST_STARTED_STACK=1
    cmd_up || return 1
  fi
  say "== the fault suite: ./mvnw -B -pl system-tests -am -Pchaos verify"
  ./mvnw -B -pl system-tests -am -Pchaos verify "$@" || rc=$?
  [[ ! -f $CHAOS_REPORT ]] || { say ""; cat "$CHAOS_REPORT"; }
  test_cleanup
  return "$rc"
}

# The replicas suite: every app scaled to REPLICAS instances, then -Preplicas against them; the extra
# instances it started are stopped again (scale all 1) unless some ran before. The instances start
# while Maven builds the suite, whose first test waits until they are ready (decision 37); six JVMs
# starting at once on a busy machine need more than up's usual timeout.
REPLICAS=2
REPLICAS_UP_TIMEOUT="${DELMS_REPLICAS_UP_TIMEOUT:-480}"
replicas_suite() {
  local rc=0 extra=() c scaling
  for c in "${INSTANCES[@]}"; do ! live_pid "$c" >/dev/null || extra+=("$c"); done
  (UP_TIMEOUT=$REPLICAS_UP_TIMEOUT cmd_scale all "$REPLICAS") &
  scaling=$!
  ./mvnw -B -pl system-tests -am -Preplicas verify || rc=$?
  wait "$scaling" || rc=1
  ((${#extra[@]})) || cmd_scale all 1 || rc=1
  return "$rc"
}

cmd_test() {
  local t0 rc_lint=0 rc_unit=0 rc_images=0 rc_up=0 rc_sys=0 rc_chaos=0 rc_replicas=0 rc_bench=0 lint unit="" images="" up="" \
    sys="" chaos="" replicas="" bench="" s
  t0=$(now_ms)
  trap test_cleanup EXIT
  trap 'test_interrupted 130' INT
  trap 'test_interrupted 143' TERM
  ensure_prereqs # module integration tests run their own MariaDB from its binaries

  say "== the launcher's scripts: shellcheck delms .ci/run infra/launcher/*.sh infra/images/base/*.sh"
  s=$(now_ms)
  run_step check_scripts || rc_lint=$?
  lint=$(outcome "$rc_lint" "$s")

  say "== unit and integration tests: ./mvnw -B verify $*"
  s=$(now_ms)
  run_step ./mvnw -B verify "$@" || rc_unit=$?
  if [[ -d $WEB ]]; then
    say "== the app's checks and unit tests: npm run typecheck, lint, format:check, test (web/)"
    run_step web_unit_tests || rc_unit=$?
  fi
  unit=$(outcome "$rc_unit" "$s")

  if [[ ${DELMS_TEST_SKIP_IMAGES:-} == 1 ]]; then
    images="skipped (DELMS_TEST_SKIP_IMAGES=1)"
  else
    say "== images: ./delms images, then infra/images/check_images.py opens each tar"
    s=$(now_ms)
    run_step test_images || rc_images=$?
    images=$(outcome "$rc_images" "$s")
  fi

  if [[ ${DELMS_TEST_SKIP_SYSTEM:-} == 1 ]]; then
    sys="skipped (DELMS_TEST_SKIP_SYSTEM=1)"
  else
    if stack_running; then
      say "== the stack is already running: system tests use it"
      up="already running"
    else
      say "== starting the stack: ./delms up"
      s=$(now_ms)
      keep_running_components
      TEST_STARTED_STACK=1
      run_step cmd_up || rc_up=$?
      up="$( ((rc_up == 0)) && echo ok || echo FAILED) ($(secs $(($(now_ms) - s))))"
    fi
    if ((rc_up == 0)); then
      say "== system tests: ./mvnw -B -pl system-tests -am -Psystem-tests verify"
      s=$(now_ms)
      run_step ./mvnw -B -pl system-tests -am -Psystem-tests verify || rc_sys=$?
      if [[ -d $WEB ]]; then
        say "== the app against the running system: npm run api:check, test:e2e (web/, Chromium)"
        run_step web_browser_tests || rc_sys=$?
      fi
      sys=$(outcome "$rc_sys" "$s")
      # last: it breaks and restarts parts of the stack
      say "== the fault suite: ./mvnw -B -pl system-tests -am -Pchaos verify (figures: $CHAOS_REPORT)"
      s=$(now_ms)
      run_step ./mvnw -B -pl system-tests -am -Pchaos verify || rc_chaos=$?
      chaos=$(outcome "$rc_chaos" "$s")
      say "== replicas: ./delms scale all $REPLICAS, then ./mvnw -B -pl system-tests -am -Preplicas verify"
      s=$(now_ms)
      run_step replicas_suite || rc_replicas=$?
      replicas=$(outcome "$rc_replicas" "$s")
      # last, as it restarts the gateway: a second of every figure of docs/performance.md, so the
      # bench cannot rot (nothing recorded)
      say "== bench smoke: ./delms bench --smoke (figures: target/bench/performance.md)"
      s=$(now_ms)
      run_step cmd_bench --smoke || rc_bench=$?
      bench=$(outcome "$rc_bench" "$s")
    else
      rc_sys=1
      sys="not run (the stack did not come up)"
    fi
    test_cleanup
  fi

  local verdict=PASSED
  ((rc_lint == 0 && rc_unit == 0 && rc_images == 0 && rc_up == 0 && rc_sys == 0 && rc_chaos == 0 && rc_replicas == 0 &&
    rc_bench == 0)) ||
    verdict=FAILED
  say ""
  say "delms test: $verdict in $(secs $(($(now_ms) - t0))) - scripts: $lint, unit/integration: $unit, images: $images${up:+, stack: $up}, system tests: $sys${chaos:+, fault suite: $chaos}${replicas:+, replicas: $replicas}${bench:+, bench smoke: $bench}"
  [[ $verdict == PASSED ]]
}

# The app's static checks and Vitest suite; no running system needed. Every step runs, so one
# failure does not hide another.
web_unit_tests() {
  web_dependencies
  local step rc=0
  for step in typecheck lint format:check test; do
    (cd "$WEB" && npm run --silent "$step") || { warn "web: npm run $step failed"; rc=1; }
  done
  return "$rc"
}

# The API types still match the running services, then the Playwright suite through the gateway.
web_browser_tests() {
  web_dependencies
  ensure_browser
  local rc=0
  # the addresses of the component table, unless given
  local app="${DELMS_APP_URL:-http://localhost:$(port_of gateway)}"
  (cd "$WEB" && DELMS_GATEWAY_URL="$GATEWAY_URL" npm run --silent api:check) ||
    { warn "web: the API types differ from the running services"; rc=1; }
  (cd "$WEB" && DELMS_APP_URL="$app" DELMS_KEYCLOAK_URL="$KEYCLOAK_URL" CHROMIUM_PATH="$(command -v chromium)" \
    npm run test:e2e) || rc=1
  return "$rc"
}
