# shellcheck shell=bash
# The component table, components.txt: what runs, where it listens, how its health is checked.

COMPONENT_TABLE="$ROOT/infra/launcher/components.txt"
COMPONENTS=() # in start order
declare -A KIND=() PORT=() PROBE_PORT=() PROBE=() READY=() JAR=()

read_components() {
  local name kind port probe_port probe ready jar rest line=0
  while read -r name kind port probe_port probe ready jar rest; do
    line=$((line + 1))
    if [[ -z $name || $name == \#* ]]; then continue; fi
    [[ -n $jar && -z $rest && $port =~ ^[0-9]+$ && $probe_port =~ ^([0-9]+|-)$ ]] ||
      die "${COMPONENT_TABLE#"$ROOT"/}, line $line: 7 columns expected, ports as numbers or -"
    COMPONENTS+=("$name")
    KIND[$name]=$kind PORT[$name]=$port PROBE[$name]=$probe
    PROBE_PORT[$name]=${probe_port#-} READY[$name]=${ready#-} JAR[$name]=${jar#-}
  done <"$COMPONENT_TABLE"
}
read_components

# Another component with the row of $2 but its own ports: port $3, probe port $4 (empty: port).
# Not added to COMPONENTS, which stays the table (an app's extra instance, replicas.sh).
add_component_like() {
  KIND[$1]=${KIND[$2]} PORT[$1]=$3 PROBE_PORT[$1]=$4 PROBE[$1]=${PROBE[$2]} READY[$1]=${READY[$2]} JAR[$1]=${JAR[$2]}
}

# The names of one kind (infra, platform, service, gateway), in table order.
components_of_kind() {
  local c
  for c in "${COMPONENTS[@]}"; do [[ ${KIND[$c]} != "$1" ]] || echo "$c"; done
}

is_component() { [[ -n $1 && -n ${KIND[$1]+set} ]]; }
need_component() {
  [[ -n ${1:-} ]] || die "name a component: ${COMPONENTS[*]}"
  # an extra instance of an app (license-service-2) is registered by its name (replicas.sh)
  is_component "$1" || register_instance --check "$1" ||
    die "unknown component '$1'; one of: ${COMPONENTS[*]}, or an app's instance <app>-2..<app>-$MAX_REPLICAS"
}

port_of() {
  case $1 in
    redis) echo "$DELMS_REDIS_PORT" ;;
    *) echo "${PORT[$1]}" ;;
  esac
}

probe_port_of() {
  case $1 in
    gateway) echo "$DELMS_GATEWAY_MANAGEMENT_PORT" ;;
    *) echo "${PROBE_PORT[$1]:-$(port_of "$1")}" ;;
  esac
}

# The health URL of a component checked over HTTP; for the others, what is checked.
health_url_of() {
  case ${PROBE[$1]} in
    /*) echo "http://127.0.0.1:$(probe_port_of "$1")${PROBE[$1]}" ;;
    *) echo "${PROBE[$1]} 127.0.0.1:$(port_of "$1")" ;;
  esac
}

# Ready only once it also issues a token (Keycloak), not as soon as it is healthy.
needs_token() { [[ ${READY[$1]} == token ]]; }

has_jar() { [[ -n ${JAR[$1]} ]]; }
jar_of() { echo "$ROOT/${JAR[$1]}"; }
module_of() { echo "$ROOT/${JAR[$1]%%/*}"; }
