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
  local launch
  mapfile -t launch < <(class_sharing_args "$c")
  # shellcheck disable=SC2086 # DELMS_JAVA_OPTS: extra JVM flags, split on spaces on purpose
  start_bg "$c" "$STATE/run" env "${env[@]}" java "${JAVA_FLAGS[@]}" ${DELMS_JAVA_OPTS:-} "${launch[@]}"
}

# Class Data Sharing (docs/decisions.md 41): an app runs from its jar extracted once per build into
# .delms/cds/<app>/ (classes in plain jars can be archived, those nested in the Boot jar cannot).
# A run without an archive writes one of the classes it loaded when it stops (./delms stop, down);
# the next start maps them instead of loading and verifying them again. A rebuild starts over.
# Extra instances (decision 37) use what the first one extracted and archived, and never write:
# two JVMs must not write one archive, nor a start delete the files a running instance uses.
# Off unless DELMS_CDS=on: writing the archive at exit takes long enough that six apps stopping at
# once on two cores outlast STOP_TIMEOUT and are killed before it is written (decision 41).
# Prints the JVM arguments that launch the app.
class_sharing_args() {
  local c=$1 app jar dir stamp
  app=$(app_of "$c")
  jar=$(jar_of "$app")
  dir="$STATE/cds/$app"
  stamp=$(stat -c '%Y %s' "$jar")
  if [[ ${DELMS_CDS:-off} != on ]]; then
    printf '%s\n' -jar "$jar"
    return
  fi
  if [[ ! -f $dir/stamp || $(<"$dir/stamp") != "$stamp" ]]; then
    if [[ $c != "$app" ]] || ! extract_app "$app" "$jar" "$dir"; then
      printf '%s\n' -jar "$jar"
      return
    fi
    echo "$stamp" >"$dir/stamp"
  fi
  if [[ -f $dir/classes.jsa ]]; then
    printf '%s\n' "-XX:SharedArchiveFile=$dir/classes.jsa"
  elif [[ $c == "$app" ]]; then
    printf '%s\n' "-XX:ArchiveClassesAtExit=$dir/classes.jsa"
  fi
  printf '%s\n' -jar "$dir/app/${jar##*/}"
}

extract_app() {
  local app=$1 jar=$2 dir=$3
  rm -rf "$dir"
  mkdir -p "$dir"
  java -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >"$dir/extract.log" 2>&1 && return 0
  warn "$app: extracting ${jar#"$ROOT"/} failed (see ${dir#"$ROOT"/}/extract.log): run without class sharing"
  return 1
}
