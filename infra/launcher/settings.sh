# shellcheck shell=bash
# shellcheck disable=SC2034 # settings only: the other parts of the launcher read them
# Where state lives, versions, and the runtime contract's defaults (docs: README.md), derived from
# the component table; an exported value wins.

STATE="$ROOT/.delms"
PID_DIR="$STATE/pids"
LOG_DIR="$STATE/logs"

mapfile -t INFRA < <(components_of_kind infra)
mapfile -t PLATFORM < <(components_of_kind platform)
mapfile -t SERVICES < <(components_of_kind service)
APPS=("${SERVICES[@]}" gateway)
# One database and one user per service: delms_license for license-service, and so on.
DB_NAMES=("${SERVICES[@]%-service}")

KEYCLOAK_VERSION=26.5.6
KC_HOME="$STATE/keycloak/keycloak-$KEYCLOAK_VERSION"
KAFKA_HOME="$STATE/kafka"
KAFKA_LIB="$KAFKA_HOME/lib"
# Fixed, so the data directory formatted once keeps matching (base64 of 16 bytes).
KAFKA_CLUSTER_ID=ZGVsbXMtbG9jYWwta2Fma2E
MARIADB_HOME="$STATE/mariadb"
ZIPKIN_VERSION=3.5.1
# the slim build: in-memory storage and the HTTP collector, all a local run needs
ZIPKIN_JAR="$STATE/downloads/zipkin-server-$ZIPKIN_VERSION-slim.jar"
# The browser app (web/): served by the gateway from web/dist.
WEB="$ROOT/web"
WEB_DIST="$WEB/dist"

export DELMS_CONFIG_URI="${DELMS_CONFIG_URI:-http://localhost:${PORT[config-server]}}"
export DELMS_EUREKA_HOST="${DELMS_EUREKA_HOST:-localhost:${PORT[discovery]}}"
export DELMS_ISSUER_URI="${DELMS_ISSUER_URI:-http://localhost:${PORT[keycloak]}/realms/delms}"
export DELMS_KAFKA_BOOTSTRAP="${DELMS_KAFKA_BOOTSTRAP:-127.0.0.1:${PORT[kafka]}}"
export DELMS_REDIS_HOST="${DELMS_REDIS_HOST:-127.0.0.1}"
export DELMS_REDIS_PORT="${DELMS_REDIS_PORT:-${PORT[redis]}}"
export DELMS_GATEWAY_MANAGEMENT_PORT="${DELMS_GATEWAY_MANAGEMENT_PORT:-${PROBE_PORT[gateway]}}"
export DELMS_LOG_DIR="$LOG_DIR"
export DELMS_CONFIG_DIR="$ROOT/config"
# The built web app the gateway serves at / (the apps run from .delms/run, not the repo root).
export DELMS_WEB_DIR="${DELMS_WEB_DIR:-$WEB_DIST}"
# What ./delms seed and events dlt talk to.
GATEWAY_URL="${DELMS_GATEWAY_URL:-http://localhost:${PORT[gateway]}}"
KEYCLOAK_URL="${DELMS_KEYCLOAK_URL:-http://localhost:${PORT[keycloak]}}"
# Whether the user named a database server. DELMS_DB_URL is exported below with its default, so a
# launcher run by a test under ./delms test (./delms start mariadb) learns it from DELMS_DB_URL_GIVEN.
DB_URL_GIVEN="${DELMS_DB_URL_GIVEN-${DELMS_DB_URL:-}}"
export DELMS_DB_URL_GIVEN="$DB_URL_GIVEN"
export DELMS_DB_URL="${DELMS_DB_URL:-jdbc:mariadb://127.0.0.1:${PORT[mariadb]}}"

KEYCLOAK_ADMIN_PASSWORD="${DELMS_KEYCLOAK_ADMIN_PASSWORD:-admin}" # demo-only default
# Basic auth of discovery and config-server, demo-only defaults (decision 24): the apps run with
# profile local, which has the same ones, but an exported value must reach every JVM alike.
EUREKA_USER="${DELMS_EUREKA_USER:-delms}"
EUREKA_PASSWORD="${DELMS_EUREKA_PASSWORD:-delms_eureka_demo}"
CONFIG_USER="${DELMS_CONFIG_USER:-delms}"
CONFIG_PASSWORD="${DELMS_CONFIG_PASSWORD:-delms_config_demo}"

# Traces (decision 35): up runs Zipkin and the apps send it their spans (config/application.yml),
# unless DELMS_TRACES=off; then nothing is exported (an OTLP endpoint can still be set).
TRACES="${DELMS_TRACES:-zipkin}"
if [[ $TRACES != off ]]; then
  export DELMS_ZIPKIN_ENABLED="${DELMS_ZIPKIN_ENABLED:-true}"
  export DELMS_ZIPKIN_ENDPOINT="${DELMS_ZIPKIN_ENDPOINT:-http://127.0.0.1:${PORT[zipkin]}/api/v2/spans}"
fi

UP_TIMEOUT="${DELMS_UP_TIMEOUT:-240}"
STOP_TIMEOUT="${DELMS_STOP_TIMEOUT:-30}"
