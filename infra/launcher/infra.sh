# shellcheck shell=bash
# The infrastructure: MariaDB (or a server already there), Redis, a one-node Kafka, Keycloak, and
# Zipkin for the traces (unless DELMS_TRACES=off).
# launch (supervise.sh) calls start_<name> for a component of the table that has no jar.

start_mariadb() {
  if [[ -n $DB_URL_GIVEN ]]; then
    say "  mariadb: using the database server of DELMS_DB_URL ($DELMS_DB_URL)"
    return 0
  fi
  local port user
  port=$(port_of mariadb)
  if port_open 127.0.0.1 "$port"; then
    say "  mariadb: using the server already listening on 127.0.0.1:$port"
    return 0
  fi
  user=$(id -un)
  if [[ ! -d $MARIADB_HOME/data/mysql ]]; then
    mkdir -p "$MARIADB_HOME" "$LOG_DIR"
    rm -rf "$MARIADB_HOME/data"
    mariadb-install-db --no-defaults --datadir="$MARIADB_HOME/data" --user="$user" \
      --auth-root-authentication-method=normal --skip-test-db >>"$LOG_DIR/mariadb.log" 2>&1 ||
      { print_log_tail mariadb; die "mariadb-install-db failed"; }
  fi
  start_bg mariadb "$MARIADB_HOME" "$(mariadbd_bin)" --no-defaults --datadir="$MARIADB_HOME/data" \
    --port="$port" --bind-address=127.0.0.1 --socket="$MARIADB_HOME/mysqld.sock" \
    --pid-file="$MARIADB_HOME/mariadbd.pid" --log-error="$LOG_DIR/mariadb.log" --user="$user" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --skip-log-bin \
    --innodb-buffer-pool-size=64M
}

sql_quote() { local s=${1//\\/\\\\}; printf "'%s'" "${s//\'/\'\'}"; }

# One database and one least-privilege user per service; idempotent, and a changed password
# applies. What is in a database is the service's own business (Flyway, at its start); the service
# cannot create the database it connects to, nor its own user.
setup_databases() {
  local sql="" n pw host
  for n in "${DB_NAMES[@]}"; do
    local var="DELMS_${n^^}_DB_PASSWORD"
    pw=$(sql_quote "${!var:-delms_${n}_demo}")
    sql+="CREATE DATABASE IF NOT EXISTS delms_$n CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    for host in "'%'" "'localhost'"; do
      sql+="CREATE USER IF NOT EXISTS 'delms_$n'@$host IDENTIFIED BY $pw;"
      sql+="ALTER USER 'delms_$n'@$host IDENTIFIED BY $pw;"
      sql+="GRANT ALL PRIVILEGES ON delms_$n.* TO 'delms_$n'@$host;"
    done
  done
  local admin="${DELMS_DB_ADMIN_USER:-root}" out
  if out=$(MYSQL_PWD="${DELMS_DB_ADMIN_PASSWORD:-}" mariadb --no-defaults --protocol=tcp -h "$(db_host)" \
    -P "$(db_port)" -u "$admin" -e "$sql" 2>&1); then
    say "  databases: delms_{${DB_NAMES[*]}} and their users are in place"
    return 0
  fi
  # Debian's own server lets root in only over its socket: use it when it is that local server.
  if [[ -z ${DELMS_DB_ADMIN_USER:-} && $(db_host) =~ ^(127.0.0.1|localhost)$ && $EUID == 0 ]] &&
    mariadb --no-defaults -u root -e "$sql" 2>/dev/null; then
    say "  databases: delms_{${DB_NAMES[*]}} and their users are in place (root over the local socket)"
    return 0
  fi
  say "$out"
  die "could not create the service databases on $(db_host):$(db_port) as '$admin'. Set DELMS_DB_ADMIN_USER and DELMS_DB_ADMIN_PASSWORD to an account that may create databases and users."
}

start_redis() {
  local port
  port=$(port_of redis)
  if port_open "$DELMS_REDIS_HOST" "$port"; then
    say "  redis: using the server already listening on $DELMS_REDIS_HOST:$port"
    return 0
  fi
  mkdir -p "$STATE/redis"
  start_bg redis "$STATE/redis" redis-server --port "$port" --bind 127.0.0.1 --dir "$STATE/redis" \
    --save '' --appendonly no --daemonize no
}

kafka_tool() {
  java -Ddelms.kafka.log.level=WARN -Dlog4j2.configurationFile="$ROOT/infra/kafka/log4j2.properties" \
    -cp "$KAFKA_LIB/*" "$@"
}

# The broker's settings from the template, and its storage formatted once.
prepare_kafka() {
  fetch_kafka
  mkdir -p "$KAFKA_HOME/data" "$LOG_DIR"
  sed -e "s|@DATA_DIR@|$KAFKA_HOME/data|" -e "s|@PORT@|$(port_of kafka)|g" \
    "$ROOT/infra/kafka/server.properties" >"$KAFKA_HOME/server.properties"
  if [[ ! -f $KAFKA_HOME/data/meta.properties ]]; then
    kafka_tool kafka.tools.StorageTool format -t "$KAFKA_CLUSTER_ID" -c "$KAFKA_HOME/server.properties" \
      --standalone >>"$LOG_DIR/kafka.log" 2>&1 || { print_log_tail kafka; die "formatting Kafka's storage failed"; }
  fi
}

start_kafka() {
  start_bg kafka "$KAFKA_HOME" java -Xmx512m -Dlog4j2.configurationFile="$ROOT/infra/kafka/log4j2.properties" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_HOME/server.properties"
}

prepare_keycloak() {
  fetch_keycloak
  # The realm is re-imported at every start (in-memory database), so edits to the file apply.
  mkdir -p "$KC_HOME/data/import"
  cp "$ROOT/infra/keycloak/delms-realm.json" "$KC_HOME/data/import/delms-realm.json"
}

start_keycloak() {
  # Keep these options constant: a change of build options costs Keycloak a rebuild at start.
  # C1 only: starts ~40 % faster with less memory here; a password grant costs ~2x more CPU.
  start_bg keycloak "$KC_HOME" env KC_BOOTSTRAP_ADMIN_USERNAME=admin \
    KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx256m" \
    JAVA_OPTS_APPEND="-XX:TieredStopAtLevel=1" \
    bin/kc.sh start-dev --http-port="$(port_of keycloak)" --http-management-port="$(probe_port_of keycloak)" \
    --http-host=127.0.0.1 --import-realm --hostname="http://localhost:$(port_of keycloak)" \
    --health-enabled=true --db=dev-mem
}

# Is a component of the table run by up? Zipkin only while traces are on.
wanted() { [[ $1 != zipkin || $TRACES != off ]]; }

start_zipkin() {
  fetch_zipkin
  mkdir -p "$STATE/zipkin"
  # in-memory storage: the newest 20,000 spans (older traces are dropped), so a day of every request
  # sampled fits the heap (the default of 500,000 does not); C1 only, like Keycloak: it starts faster
  start_bg zipkin "$STATE/zipkin" java -Xmx256m -XX:TieredStopAtLevel=1 -jar "$ZIPKIN_JAR" \
    "--armeria.ports[0].ip=127.0.0.1" "--armeria.ports[0].port=$(port_of zipkin)" \
    "--zipkin.storage.mem.max-spans=20000"
}
