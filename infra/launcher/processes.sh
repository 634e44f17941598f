# shellcheck shell=bash
# The processes the launcher starts: each in its own session, its pid in .delms/pids/<name>.pid,
# its output appended to .delms/logs/<name>.log.

declare -A STARTED_MS=()

pid_file() { echo "$PID_DIR/$1.pid"; }

# What the command line of a component's own pid contains: a recycled pid is never mistaken for it.
marker_of() {
  case $1 in
    mariadb) echo mariadbd ;; redis) echo redis-server ;; kafka) echo 'kafka\.Kafka' ;;
    keycloak) echo 'kc\.sh|quarkus' ;; *) echo "$1\.jar" ;;
  esac
}

# Prints the pid of a component this launcher started, if that process is still there.
live_pid() {
  local pid cmd state
  [[ -s $(pid_file "$1") ]] || return 1
  pid=$(<"$(pid_file "$1")")
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
  state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ $state != Z ]] || return 1
  cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  grep -Eq -- "$(marker_of "$1")" <<<"$cmd" || return 1
  echo "$pid"
}

is_frozen() { [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) == T ]]; }

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

# Starts "$@" as component $1 in the background in directory $2, its output appended to its log;
# the pid file holds the server's own pid (exec keeps it through setsid and env).
start_bg() {
  local c=$1 dir=$2
  shift 2
  mkdir -p "$PID_DIR" "$LOG_DIR"
  printf '\n===== %s  ./delms started %s =====\n' "$(date '+%F %T')" "$c" >>"$LOG_DIR/$c.log"
  (
    exec 9>&- # the launcher's lock stays with the launcher
    cd "$dir" || exit 1
    exec setsid "$@"
  ) </dev/null >>"$LOG_DIR/$c.log" 2>&1 &
  echo $! >"$(pid_file "$c")"
  STARTED_MS[$c]=$(now_ms)
}

# " (12.3 s)": how long ago this launcher started the component; empty if it did not.
started_ago() {
  local t0=${STARTED_MS[$1]:-}
  [[ -z $t0 ]] || echo " ($(secs $(($(now_ms) - t0))))"
}
