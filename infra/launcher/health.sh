# shellcheck shell=bash
# Is a component healthy, ready for what starts after it, or served by something else?

# The probe of the component table.
healthy() {
  case ${PROBE[$1]} in
    mariadb-ping) timeout 3 mariadb-admin --no-defaults --protocol=tcp -h "$(db_host)" -P "$(db_port)" \
      --connect-timeout=2 ping >/dev/null 2>&1 ;; # answers "alive" even when access is denied
    redis-ping) [[ $(timeout 2 redis-cli -h "$DELMS_REDIS_HOST" -p "$(port_of "$1")" ping 2>/dev/null) == PONG ]] ;;
    tcp) port_open 127.0.0.1 "$(port_of "$1")" ;;
    *) http_ok "$(health_url_of "$1")" ;;
  esac
}

keycloak_token() { # $1 = user (password = user name, demo realm)
  curl -s --max-time 5 -d grant_type=password -d client_id=delms-cli -d "username=$1" -d "password=$1" \
    "http://127.0.0.1:$(port_of keycloak)/realms/delms/protocol/openid-connect/token" 2>/dev/null |
    grep -q '"access_token"'
}

# Ready to be used by what starts next: Keycloak must also issue a token from the imported realm.
ready() {
  healthy "$1" || return 1
  ! needs_token "$1" || keycloak_token alice
}

# Is the component served by something this launcher did not start (a system MariaDB, an app
# started from the IDE)?
external_up() {
  case $1 in
    mariadb) if [[ -n $DB_URL_GIVEN ]]; then healthy mariadb; else port_open 127.0.0.1 "$(port_of mariadb)"; fi ;;
    redis) port_open "$DELMS_REDIS_HOST" "$(port_of redis)" ;;
    *) port_open 127.0.0.1 "$(port_of "$1")" ;;
  esac
}
