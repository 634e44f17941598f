# shellcheck shell=bash
# The processes the launcher starts: each in its own session, its output appended to
# .delms/logs/<name>.log, and .delms/pids/<name>.pid holding its pid and its start time.

declare -A STARTED_MS=()

pid_file() { echo "$PID_DIR/$1.pid"; }

# "<state> <start time>" of process $1 (/proc/<pid>/stat fields 3 and 22). The start time, in
# clock ticks after boot, is set by fork and kept through exec; a later process given the same
# pid has another one.
proc_state() {
  local stat fields
  { stat=$(<"/proc/$1/stat"); } 2>/dev/null || return 1
  read -ra fields <<<"${stat##*) }" # after the command name, which may hold spaces
  echo "${fields[0]} ${fields[19]}"
}

# Prints the pid of a component this launcher started, if that process is still there: same pid,
# same start time, not a zombie. Whatever it runs at this instant does not matter (decision 27).
live_pid() {
  local pid started state now
  [[ -s $(pid_file "$1") ]] || return 1
  read -r pid started <"$(pid_file "$1")" || [[ -n ${pid:-} ]] || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  read -r state now < <(proc_state "$pid") || return 1
  [[ $state != Z ]] || return 1
  if [[ -n ${started:-} ]]; then
    [[ $now == "$started" ]] || return 1
  else # a pid file of a launcher before decision 27, the pid alone: checked as that launcher did
    grep -Eq -- "$(legacy_marker "$1")" <<<"$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  fi
  echo "$pid"
}

# What the command line of a component's process contains (the check before decision 27).
legacy_marker() {
  case $1 in
    mariadb) echo mariadbd ;; redis) echo redis-server ;; kafka) echo 'kafka\.Kafka' ;;
    keycloak) echo 'kc\.sh|quarkus' ;; *) echo "$1\.jar" ;;
  esac
}

is_frozen() { [[ $(proc_state "$1") == T\ * ]]; }

# Every server runs in its own session (setsid), so its process group id is its pid: signalling
# the group reaches the children too (kc.sh runs Keycloak's JVM as a child).
signal_group() {
  local sig=$1 pid=$2
  if [[ $(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ') == "$pid" ]]; then
    kill -s "$sig" -- "-$pid" 2>/dev/null || true
  else
    kill -s "$sig" "$pid" 2>/dev/null || true
  fi
}
group_alive() { ps -eo pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'; }
group_rss_mib() { ps -eo pgid=,rss= | awk -v g="$1" '$1 == g { s += $2 } END { printf "%d", s / 1024 }'; }

# Starts "$@" as component $1 in the background in directory $2; exec keeps the pid through
# setsid and env, so the pid is the server's own from the fork on.
start_bg() {
  local c=$1 dir=$2 pid started
  shift 2
  mkdir -p "$PID_DIR" "$LOG_DIR"
  printf '\n===== %s  ./delms started %s =====\n' "$(date '+%F %T')" "$c" >>"$LOG_DIR/$c.log"
  (
    exec 9>&- # the launcher's lock stays with the launcher
    cd "$dir" || exit 1
    exec setsid "$@"
  ) </dev/null >>"$LOG_DIR/$c.log" 2>&1 &
  pid=$!
  # 0 if it is gone already: then it never matches, and wait_ready reports the exit
  started=$(proc_state "$pid" | cut -d' ' -f2) || true
  echo "$pid ${started:-0}" >"$(pid_file "$c")"
  STARTED_MS[$c]=$(now_ms)
}

# " (12.3 s)": how long ago this launcher started the component; empty if it did not.
started_ago() {
  local t0=${STARTED_MS[$1]:-}
  [[ -z $t0 ]] || echo " ($(secs $(($(now_ms) - t0))))"
}
