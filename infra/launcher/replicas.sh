# shellcheck shell=bash
# More instances of the Spring applications behind discovery: ./delms up --replicas N and
# ./delms scale <app|all> N (docs/decisions.md, 37). Instance k >= 2 of app X is the component X-k:
# the table's row of X with every port moved by 1000 * (k - 1), its own pid file and log. Instances
# are not rows of the table; they are derived from it, and known from their pid files.

REPLICA_PORT_STEP=1000
MAX_REPLICAS=9
INSTANCES=() # the extra instances known to this run, registered as components
# The broker's second port (infra/kafka/server.properties), which the table does not list.
KAFKA_CONTROLLER_PORT=$(sed -n 's|.*CONTROLLER://[^:]*:\([0-9]*\).*|\1|p' "$ROOT/infra/kafka/server.properties" | head -n 1)

is_app() { [[ -n $1 && " ${APPS[*]} " == *" $1 "* ]]; }

# The app an instance belongs to (X for X-k, and for X itself).
app_of() {
  if [[ $1 =~ ^(.+)-([2-9])$ ]] && is_app "${BASH_REMATCH[1]}"; then echo "${BASH_REMATCH[1]}"; else echo "$1"; fi
}

# k for X-k, 1 for anything else.
instance_number() {
  if [[ $1 =~ ^(.+)-([2-9])$ ]] && is_app "${BASH_REMATCH[1]}"; then echo "${BASH_REMATCH[2]}"; else echo 1; fi
}

is_instance_name() { [[ $(instance_number "$1") != 1 ]]; }

# Who listens on port $1 among the table's components and the registered instances; empty if none.
port_owner() {
  local c p
  for c in "${COMPONENTS[@]}" "${INSTANCES[@]}"; do
    for p in "$(port_of "$c")" "$(probe_port_of "$c")"; do
      if [[ $p == "$1" ]]; then echo "$c"; return 0; fi
    done
  done
  if [[ $(db_port) == "$1" ]]; then echo "mariadb (DELMS_DB_URL)"; fi
  if [[ $1 == "$KAFKA_CONTROLLER_PORT" ]]; then echo "kafka (its controller)"; fi
}

# Makes X-k a component (X's row, ports moved). With --check, fails naming the clash when one of
# its ports is another component's; a pid file found at start is registered without the check.
register_instance() {
  local check=0
  if [[ $1 == --check ]]; then check=1; shift; fi
  local name=$1 app k offset port probe_port owner p ports
  is_instance_name "$name" || return 1
  is_component "$name" && return 0
  app=$(app_of "$name")
  k=$(instance_number "$name")
  offset=$(((k - 1) * REPLICA_PORT_STEP))
  port=$(($(port_of "$app") + offset))
  probe_port=""
  [[ -z ${PROBE_PORT[$app]} ]] || probe_port=$(($(probe_port_of "$app") + offset))
  if ((check)); then
    ports=("$port")
    [[ -z $probe_port ]] || ports+=("$probe_port")
    for p in "${ports[@]}"; do
      ((p <= 65535)) || die "$name would listen on port $p, beyond 65535: fewer replicas"
      owner=$(port_owner "$p")
      [[ -z $owner ]] || die "$name would listen on port $p, which is $owner's (instance k of an app listens on its port + $REPLICA_PORT_STEP * (k - 1)): fewer replicas, or move $owner in ${COMPONENT_TABLE#"$ROOT"/}"
    done
  fi
  add_component_like "$name" "$app" "$port" "$probe_port"
  INSTANCES+=("$name")
}

# The extra instances that have a pid file (running, or started and then died).
register_known_instances() {
  local f name
  for f in "$PID_DIR"/*.pid; do
    [[ -e $f ]] || continue
    name=${f##*/}
    name=${name%.pid}
    is_component "$name" || ! is_instance_name "$name" || register_instance "$name"
  done
}
register_known_instances

# The registered extra instances of an app, in order.
instances_of() {
  local k
  for ((k = 2; k <= MAX_REPLICAS; k++)); do ! is_component "$1-$k" || echo "$1-$k"; done
}

# Each named component followed by its extra instances.
with_instances() {
  local c
  for c in "$@"; do
    echo "$c"
    instances_of "$c"
  done
}

# Registers (checked) instances 2..N of the apps named after N; prints nothing, fills REPLICAS_WANTED.
REPLICAS_WANTED=()
want_replicas() {
  local n=$1 c k
  shift
  [[ $n =~ ^[1-9]$ ]] || die "replicas: a number from 1 to $MAX_REPLICAS expected, not '$n'"
  REPLICAS_WANTED=()
  for ((k = 2; k <= n; k++)); do
    for c in "$@"; do
      register_instance --check "$c-$k"
      REPLICAS_WANTED+=("$c-$k")
    done
  done
}

platform_running() {
  local c
  for c in "${PLATFORM[@]}"; do healthy "$c" || return 1; done
}

# ./delms scale <app|all> N: instances 1..N of the app(s) run afterwards; the extra ones above N stop
# gracefully (Spring's shutdown: requests in flight finish, consumers commit and leave their group).
cmd_scale() {
  local target=${1:-} n=${2:-} targets=()
  [[ -n $target && -n $n && -z ${3:-} ]] || die "usage: ./delms scale <app|all> N   (app: ${APPS[*]}; N: 1..$MAX_REPLICAS)"
  if [[ $target == all ]]; then
    targets=("${APPS[@]}")
  elif is_app "$target"; then
    targets=("$target")
  else
    die "scale: '$target' is not an app; one of: all ${APPS[*]}"
  fi
  want_replicas "$n" "${targets[@]}"
  take_lock
  register_known_instances # started since this launcher began (by a step of ./delms test)
  local c i running surplus=()
  for c in "${targets[@]}"; do
    mapfile -t running < <(instances_of "$c")
    for i in "${running[@]}"; do
      (($(instance_number "$i") <= n)) || surplus+=("$i")
    done
  done
  ((${#surplus[@]} == 0)) || stop_many "${surplus[@]}" || die "some instances did not stop: ${surplus[*]}"
  if ((${#REPLICAS_WANTED[@]})); then
    platform_running || die "scale adds instances to a running system: ${PLATFORM[*]} must run first (./delms up)"
    say "Starting ${REPLICAS_WANTED[*]}"
    launch_and_wait $(($(now_ms) + UP_TIMEOUT * 1000)) "${REPLICAS_WANTED[@]}" ||
      die "some instances did not come up (./delms scale $target 1 stops them)"
  fi
  release_lock
  for c in "${targets[@]}"; do say "$c: $n instance(s)"; done
}
