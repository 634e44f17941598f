# shellcheck shell=bash
# What the launcher needs on the machine: Debian packages (installed when missing), Node.js for the
# app, and the downloads it keeps in .delms/ (Kafka's jars, Keycloak's distribution).

# Installs Debian packages: as root, with passwordless sudo, or not at all (then says how).
apt_install() {
  local sudo=()
  if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo)
    else
      die "missing packages: $*. Install them once as root:
    sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y $*
then run ./delms again."
    fi
  fi
  say "Installing $* (apt-get, once)..."
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

have_mariadbd() { command -v mariadbd >/dev/null 2>&1 || [[ -x /usr/sbin/mariadbd ]]; }
mariadbd_bin() { command -v mariadbd 2>/dev/null || echo /usr/sbin/mariadbd; }

ensure_prereqs() {
  local missing=()
  have_mariadbd || missing+=(mariadb-server)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v unzip >/dev/null 2>&1 || missing+=(unzip)
  command -v ps >/dev/null 2>&1 || missing+=(procps)
  # the demo seed (run by up and by the system tests) and the bulk generator are Python 3 scripts
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  # deploy-check validates docker-compose.yml offline with it (no engine needed)
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  command -v java >/dev/null 2>&1 || die "Java 17 (a JDK) is needed: apt-get install -y openjdk-17-jdk-headless"
  ((${#missing[@]} == 0)) || apt_install "${missing[@]}"
  # deploy-check tests the Prometheus alert rules with promtool (infra/monitoring); the package's
  # server is not needed, nor what it recommends (the node exporter)
  command -v promtool >/dev/null 2>&1 || apt_install --no-install-recommends prometheus
}

# Debian's Chromium for the browser tests (playwright-core drives it; no browser download).
ensure_browser() { command -v chromium >/dev/null 2>&1 || apt_install chromium; }

# ./delms test checks the launcher's own scripts with it.
ensure_shellcheck() { command -v shellcheck >/dev/null 2>&1 || apt_install shellcheck; }

# Node 20.19+ is needed by the app's build tools.
ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    die "Node.js 20.19+ and npm are needed to build the app in web/ (https://nodejs.org or your package manager)"
  fi
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' ||
    die "Node.js 20.19+ is needed to build the app in web/ (found $(node --version))"
}

# The Kafka broker's jars from Maven Central, again when infra/kafka/pom.xml changes.
fetch_kafka() {
  local stamp
  stamp=$(sha256sum "$ROOT/infra/kafka/pom.xml" | cut -c1-16)
  [[ $(cat "$KAFKA_LIB/.complete" 2>/dev/null) != "$stamp" ]] || return 0
  say "Fetching the Kafka broker jars from Maven Central (once)..."
  rm -rf "$KAFKA_LIB"
  (cd "$ROOT" && ./mvnw -B -q -f infra/kafka/pom.xml dependency:copy-dependencies \
    -DoutputDirectory="$KAFKA_LIB") || die "could not fetch the Kafka jars"
  echo "$stamp" >"$KAFKA_LIB/.complete"
}

# Zipkin's server from Maven Central (one executable jar), for the traces of local runs.
fetch_zipkin() {
  [[ ! -f $ZIPKIN_JAR ]] || return 0
  say "Fetching Zipkin $ZIPKIN_VERSION from Maven Central (once, ~85 MB)..."
  (cd "$ROOT" && ./mvnw -B -q -N dependency:copy -Dartifact="io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:slim" \
    -DoutputDirectory="$STATE/downloads") || die "could not fetch Zipkin"
}

# Keycloak's distribution from Maven Central, unpacked into .delms/keycloak.
fetch_keycloak() {
  [[ ! -x $KC_HOME/bin/kc.sh ]] || return 0
  local zip="$STATE/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  if [[ ! -f $zip ]]; then
    say "Fetching Keycloak $KEYCLOAK_VERSION from Maven Central (once, ~160 MB)..."
    (cd "$ROOT" && ./mvnw -B -q -N dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$STATE/downloads") || die "could not fetch Keycloak"
  fi
  rm -rf "$STATE/keycloak/.unzip"
  mkdir -p "$STATE/keycloak/.unzip"
  unzip -q "$zip" -d "$STATE/keycloak/.unzip" || die "could not unpack $zip"
  rm -rf "$KC_HOME"
  mv "$STATE/keycloak/.unzip/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
  rm -rf "$STATE/keycloak/.unzip"
}
