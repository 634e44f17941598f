# shellcheck shell=bash
# Starting, waiting for, stopping and inspecting components: up, down, status, logs, start, stop,
# freeze, thaw, kill. Each works on an app's extra instances too (replicas.sh).

WAIT_FOR=()  # what launch started (or found running) and wait_ready must see ready
NOT_BUILT=() # apps up skipped because their jar is missing

# Starts $1 unless it already runs, and adds it to WAIT_FOR (unless there is nothing to wait for).
launch() {
  local c=$1 pid
  if pid=$(live_pid "$c"); then
    say "  $c: already running (pid $pid)"
    WAIT_FOR+=("$c")
    return 0
  fi
  rm -f "$(pid_file "$c")"
  case $c in
    mariadb | redis) ;; # a server already there is used: start_mariadb, start_redis
    *) if external_up "$c"; then die "port $(port_of "$c") is in use by a process ./delms did not start: stop it first (for $c)"; fi ;;
  esac
  if ! has_jar "$c"; then
    "start_$c"
  elif [[ -f $(jar_of "$c") ]]; then
    start_app "$c"
  else
    say "  $c: not built (${JAR[$c]} is missing), skipped"
    NOT_BUILT+=("$c")
    return 0
  fi
  WAIT_FOR+=("$c")
}

print_log_tail() {
  local log="$LOG_DIR/$1.log"
  if [[ -s $log ]]; then
    say "----- last 30 lines of ${log#"$ROOT"/} -----"
    tail -n 30 "$log"
    say "-----"
  else
    say "(no log at ${log#"$ROOT"/})"
  fi
}

# Waits until every named component is ready or the deadline (epoch ms) passes. Names each
# failure with the end of its log; returns non-zero if any failed.
wait_ready() {
  local deadline=$1
  shift
  local pending=("$@") failed=() next c
  while ((${#pending[@]})); do
    next=()
    for c in "${pending[@]}"; do
      if [[ -f $(pid_file "$c") ]] && ! live_pid "$c" >/dev/null; then
        say "  FAILED $c: the process exited"
        failed+=("$c")
      elif ready "$c"; then
        say "  ok  $c$(started_ago "$c")"
      else
        next+=("$c")
      fi
    done
    pending=("${next[@]}")
    ((${#pending[@]})) || break
    if (($(now_ms) >= deadline)); then
      for c in "${pending[@]}"; do say "  FAILED $c: not healthy within the timeout ($(health_url_of "$c"))"; done
      failed+=("${pending[@]}")
      break
    fi
    sleep 0.5
  done
  ((${#failed[@]} == 0)) && return 0
  for c in "${failed[@]}"; do
    say ""
    say "$c did not come up:"
    print_log_tail "$c"
  done
  return 1
}

# Starts each component (unless running) and waits until all are ready; non-zero on failure.
launch_and_wait() {
  local deadline=$1 c
  shift
  WAIT_FOR=()
  for c in "$@"; do launch "$c"; done
  ((${#WAIT_FOR[@]})) || return 0
  wait_ready "$deadline" "${WAIT_FOR[@]}"
}

# TERM to every named component at once, then wait; KILL what is left after STOP_TIMEOUT.
stop_many() {
  local c pid pids=() names=()
  for c in "$@"; do
    if pid=$(live_pid "$c"); then
      signal_group TERM "$pid"
      signal_group CONT "$pid" # a frozen process handles TERM only once resumed
      pids+=("$pid")
      names+=("$c")
    else
      rm -f "$(pid_file "$c")"
    fi
  done
  ((${#pids[@]})) || return 0
  say "Stopping ${names[*]}..."
  local deadline=$(($(now_ms) + STOP_TIMEOUT * 1000)) killed=0 i alive
  while :; do
    alive=()
    for i in "${!pids[@]}"; do ! group_alive "${pids[$i]}" || alive+=("$i"); done
    ((${#alive[@]})) || break
    if (($(now_ms) >= deadline)); then
      if ((killed)); then
        for i in "${alive[@]}"; do warn "${names[$i]} (pid ${pids[$i]}) survived SIGKILL"; done
        return 1
      fi
      for i in "${alive[@]}"; do
        warn "${names[$i]} did not stop within ${STOP_TIMEOUT}s: killing it"
        signal_group KILL "${pids[$i]}"
      done
      killed=1
      deadline=$(($(now_ms) + 10000))
    fi
    sleep 0.2
  done
  for c in "${names[@]}"; do rm -f "$(pid_file "$c")"; done
}

take_lock() {
  mkdir -p "$STATE"
  exec 9>"$STATE/.lock"
  flock -n 9 || die "another ./delms up/down is running"
}
release_lock() { exec 9>&-; }

cmd_up() {
  local t0 replicas=1
  t0=$(now_ms)
  while (($#)); do
    case $1 in
      --replicas) replicas=${2:-}; shift $(($# > 1 ? 2 : 1)) ;;
      --replicas=*) replicas=${1#--replicas=}; shift ;;
      *) die "up: unknown option '$1' (./delms help)" ;;
    esac
  done
  want_replicas "$replicas" "${APPS[@]}" # before anything starts: a port clash fails at once
  take_lock
  ensure_prereqs
  build_if_needed
  prepare_kafka
  prepare_keycloak
  ! wanted zipkin || fetch_zipkin
  local deadline=$(($(now_ms) + UP_TIMEOUT * 1000)) c

  local starting=()
  for c in "${INFRA[@]}"; do ! wanted "$c" || starting+=("$c"); done
  say "Starting infrastructure: ${starting[*]}"
  WAIT_FOR=()
  for c in "${starting[@]}"; do launch "$c"; done
  local traces=()
  ! wanted zipkin || traces=(zipkin)
  # Keycloak is the slowest: meanwhile create databases and start discovery and config-server,
  # which need none of the infrastructure. Each service declares the topics it uses (with their
  # partitions and retention, decision 18) and migrates its database (Flyway) when it starts.
  wait_ready "$deadline" mariadb redis kafka || die "infrastructure did not come up (./delms down cleans up)"
  setup_databases
  say "Starting ${PLATFORM[*]}"
  launch_and_wait "$deadline" "${PLATFORM[@]}" || die "discovery/config-server did not come up (./delms down cleans up)"

  # The apps need no token to start (keys are fetched at the first request), so they start while
  # Keycloak is still booting; up waits for all of them together, extra instances included.
  say "Starting ${APPS[*]} ${REPLICAS_WANTED[*]}"
  WAIT_FOR=()
  for c in "${APPS[@]}" "${REPLICAS_WANTED[@]}"; do launch "$c"; done
  wait_ready "$deadline" keycloak "${traces[@]}" "${WAIT_FOR[@]}" || die "some components did not come up (./delms down cleans up)"
  release_lock

  local total=$(($(now_ms) - t0))
  # an empty system gets the demo data, so there is something to look at
  if [[ ${DELMS_SKIP_SEED:-} == 1 ]]; then
    say "Demo data skipped (DELMS_SKIP_SEED=1)."
  else
    say "Demo data (./delms seed; DELMS_SKIP_SEED=1 skips it):"
    seed_demo --if-empty || warn "demo data could not be created; the system is up anyway (retry: ./delms seed)"
  fi
  say ""
  if ((${#NOT_BUILT[@]})); then
    warn "not built, so not started: ${NOT_BUILT[*]}"
  fi
  cat <<EOF
DELMS is up ($(secs "$total") from ./delms up to all healthy).

  App             http://localhost:$(port_of gateway)/
  API             http://localhost:$(port_of gateway)/api/v1
  Swagger UI      http://localhost:$(port_of gateway)/api/v1/docs
  Keycloak        http://localhost:$(port_of keycloak)  (admin console: admin / $KEYCLOAK_ADMIN_PASSWORD, demo only)
  Eureka          http://localhost:$(port_of discovery)  (dashboard: $EUREKA_USER / $EUREKA_PASSWORD, demo only)
  Traces          http://localhost:$(port_of zipkin)/zipkin/  (Zipkin; DELMS_TRACES=off skips it)

  Demo logins (password = user name; demo only):
    alice  admin        bob   sales        erin  engineer        paul  partner (reseller acme)
    partner clients: partner-acme / acme-secret, partner-globex / globex-secret

  ./delms status    ./delms logs <component> [-f]    ./delms down
EOF
  if ((${#REPLICAS_WANTED[@]})); then
    say "  $replicas instances of each app: ${REPLICAS_WANTED[*]} beside the table's (gateway-2: http://localhost:$(port_of gateway-2)/api/v1)"
  fi
}

cmd_down() {
  take_lock
  # Reverse order: entry point first, infrastructure last; every instance of an app with it.
  local tier
  mapfile -t tier < <(with_instances gateway "${SERVICES[@]}")
  stop_many "${tier[@]}"
  stop_many "${PLATFORM[@]}"
  stop_many "${INFRA[@]}"
  release_lock
  say "Everything ./delms started is stopped."
}

cmd_status() {
  local c rows
  printf '%-20s %-9s %-6s %-9s %s\n' COMPONENT PID PORT HEALTH 'RSS MiB'
  mapfile -t rows < <(with_instances "${COMPONENTS[@]}")
  for c in "${rows[@]}"; do status_line "$c"; done
}

status_line() {
  local c=$1 pid health rss port
  port=$(port_of "$c")
  [[ $c != mariadb ]] || port=$(db_port)
  rss=-
  if pid=$(live_pid "$c"); then
    rss=$(group_rss_mib "$pid")
    if is_frozen "$pid"; then health=FROZEN
    elif healthy "$c"; then health=UP
    else health=DOWN
    fi
  elif [[ -f $(pid_file "$c") ]]; then
    pid="-" health=DOWN # started, then died
  elif external_up "$c" && healthy "$c"; then
    pid=external health=UP
  else
    pid="-" health=STOPPED
  fi
  printf '%-20s %-9s %-6s %-9s %s\n' "$c" "$pid" "$port" "$health" "$rss"
}

cmd_logs() {
  need_component "${1:-}"
  local log="$LOG_DIR/$1.log"
  [[ -f $log ]] || die "no log yet: ${log#"$ROOT"/}"
  if [[ ${2:-} == -f ]]; then exec tail -n 50 -F "$log"; fi
  tail -n 200 "$log"
}

cmd_start() {
  need_component "${1:-}"
  local c=$1
  case $c in
    mariadb | redis) ensure_prereqs ;;
    kafka) prepare_kafka ;;
    keycloak) prepare_keycloak ;;
    zipkin) fetch_zipkin ;;
  esac
  launch_and_wait $(($(now_ms) + UP_TIMEOUT * 1000)) "$c" || exit 1
  [[ $c != mariadb ]] || setup_databases
}

cmd_stop() {
  need_component "${1:-}"
  if ! live_pid "$1" >/dev/null; then
    if external_up "$1"; then die "$1 is not managed by ./delms (something else serves port $(port_of "$1"))"; fi
    say "$1 is not running."
    rm -f "$(pid_file "$1")"
    return 0
  fi
  stop_many "$1"
}

cmd_signal() { # freeze/thaw: stop or resume the whole process group
  need_component "${2:-}"
  local pid
  pid=$(live_pid "$2") || die "$2 is not running (under ./delms)"
  signal_group "$1" "$pid"
  say "$2 (pid $pid): $([[ $1 == STOP ]] && echo frozen || echo resumed)"
}

cmd_kill() { # SIGKILL the whole process group: a crash, not a shutdown (resilience tests)
  need_component "${1:-}"
  local pid i
  pid=$(live_pid "$1") || die "$1 is not running (under ./delms)"
  signal_group KILL "$pid"
  for ((i = 0; i < 100; i++)); do group_alive "$pid" || break; sleep 0.1; done
  rm -f "$(pid_file "$1")"
  say "$1 (pid $pid): killed"
}

stack_running() { live_pid gateway >/dev/null && healthy gateway; }
