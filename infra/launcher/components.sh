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

# The names of one kind (infra, platform, service, gateway), in table order.
components_of_kind() {
  local c
  for c in "${COMPONENTS[@]}"; do [[ ${KIND[$c]} != "$1" ]] || echo "$c"; done
}

is_component() { [[ -n $1 && -n ${KIND[$1]+set} ]]; }
need_component() {
  [[ -n ${1:-} ]] || die "name a component: ${COMPONENTS[*]}"
  is_component "$1" || die "unknown component '$1'; one of: ${COMPONENTS[*]}"
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
