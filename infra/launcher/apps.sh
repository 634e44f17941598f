# shellcheck shell=bash
# The Spring applications: discovery, config-server, the services and the gateway, each from its
# jar, with the runtime contract (README.md) in its environment.

JAVA_FLAGS=(-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k)

start_app() {
  local c=$1
  # SERVER_ADDRESS: loopback even before (or without) the configuration from config-server.
  # SERVER_PORT: the table's, over the application's own default.
  local env=(SPRING_PROFILES_ACTIVE=local SERVER_ADDRESS=127.0.0.1 SERVER_PORT="$(port_of "$c")"
    DELMS_CONFIG_URI="$DELMS_CONFIG_URI" DELMS_EUREKA_HOST="$DELMS_EUREKA_HOST" DELMS_ISSUER_URI="$DELMS_ISSUER_URI"
    DELMS_EUREKA_USER="$EUREKA_USER" DELMS_EUREKA_PASSWORD="$EUREKA_PASSWORD"
    DELMS_CONFIG_USER="$CONFIG_USER" DELMS_CONFIG_PASSWORD="$CONFIG_PASSWORD"
    DELMS_KAFKA_BOOTSTRAP="$DELMS_KAFKA_BOOTSTRAP" DELMS_DB_URL="$DELMS_DB_URL"
    DELMS_REDIS_HOST="$DELMS_REDIS_HOST" DELMS_REDIS_PORT="$DELMS_REDIS_PORT"
    DELMS_LOG_DIR="$DELMS_LOG_DIR" DELMS_CONFIG_DIR="$DELMS_CONFIG_DIR"
    DELMS_INSTANCE="$c") # names its structured log: two instances of an app must not share one
  if [[ $(app_of "$c") == gateway ]]; then
    # the app it serves at /, and its probes' port (an extra instance's, moved like its API port)
    env+=(DELMS_WEB_DIR="$DELMS_WEB_DIR" DELMS_GATEWAY_MANAGEMENT_PORT="$(probe_port_of "$c")")
  fi
  local n var
  for n in "${DB_NAMES[@]}"; do
    var="DELMS_${n^^}_DB_PASSWORD"
    env+=("$var=${!var:-delms_${n}_demo}")
  done
  # Run from .delms/run, not the repo root: Boot reads ./config/application.yml from the working
  # directory by itself, and the apps must take their configuration from config-server alone.
  mkdir -p "$STATE/run"
  # shellcheck disable=SC2086 # DELMS_JAVA_OPTS: extra JVM flags, split on spaces on purpose
  start_bg "$c" "$STATE/run" env "${env[@]}" java "${JAVA_FLAGS[@]}" ${DELMS_JAVA_OPTS:-} -jar "$(jar_of "$c")"
}
